package org.discimage.importer.hostile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.discimage.FileSystem;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.IsoTreeReader;
import org.discimage.importer.SectorReader;

/**
 * A disc image in memory, with the few ways of finding and patching its structures the hostile
 * tests need: directory records by identifier, System Use entries by signature, both-endian
 * numbers. Locations are found by reading the unpatched image with {@link IsoTreeReader}, so a
 * mutation never depends on hard-coded offsets of one layout.
 */
public final class ImageBytes {
    /** Bytes per sector. */
    public static final int SECTOR = SectorReader.SECTOR_SIZE;

    final byte[] image;

    ImageBytes(byte[] image) {
        this.image = image;
    }

    /** A copy of the bytes. */
    byte[] bytes() {
        return image.clone();
    }

    int sectors() {
        return image.length / SECTOR;
    }

    /** A sector reader over the bytes (not a copy: later patches show through). */
    public static SectorReader reader(byte[] image) {
        return new SectorReader() {
            @Override
            public int read(long lba, ByteBuffer dst) {
                long count = sectorCount();
                if (lba < 0 || dst.remaining() < SECTOR) {
                    throw new IllegalArgumentException("lba " + lba + ", room " + dst.remaining());
                }
                if (lba >= count) {
                    return 0;
                }
                int n = (int) Math.min(dst.remaining() / SECTOR, count - lba);
                dst.put(image, (int) lba * SECTOR, n * SECTOR);
                return n;
            }

            @Override
            public long sectorCount() {
                return image.length / SECTOR;
            }
        };
    }

    /** The entry at {@code path} of {@code tree}, read from the bytes as they are now. */
    ImportedEntry entry(FileSystem tree, String path) {
        try {
            for (ImportedEntry e : IsoTreeReader.open(reader(image)).readTree(tree)) {
                if (e.path().equals(path)) {
                    return e;
                }
            }
        } catch (IOException e) {
            throw new AssertionError("the seed does not read", e);
        }
        throw new AssertionError(path + " is not in the " + tree + " tree");
    }

    /** The first LBA of a directory (or file) of a tree. */
    long extent(FileSystem tree, String path) {
        return entry(tree, path).extents().get(0).lba();
    }

    /**
     * The byte offset in the image of the record with identifier {@code id} in the directory at
     * {@code dirLba} ({@code "\0"} is ".", {@code "\1"} is "..").
     */
    int record(long dirLba, byte[] id) {
        int start = (int) dirLba * SECTOR;
        long length = u32(start + 10); // the "." record's data length
        for (int sector = start; sector < start + length; sector += SECTOR) {
            int off = sector;
            while (off < sector + SECTOR && (image[off] & 0xFF) != 0) {
                int len = image[off] & 0xFF;
                int lenFi = image[off + 32] & 0xFF;
                if (lenFi == id.length && Arrays.equals(image, off + 33, off + 33 + lenFi, id, 0, id.length)) {
                    return off;
                }
                off += len;
            }
        }
        throw new AssertionError("no record " + Arrays.toString(id) + " in the directory at LBA " + dirLba);
    }

    /** The record of ISO 9660 identifier {@code id} (e.g. "A.TXT;1") in the directory at {@code dirLba}. */
    int record(long dirLba, String id) {
        return record(dirLba, id.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The record of Joliet name {@code name} (UCS-2BE) in the Joliet directory at {@code dirLba}. */
    int jolietRecord(long dirLba, String name) {
        return record(dirLba, name.getBytes(StandardCharsets.UTF_16BE));
    }

    /** The offset of the System Use area of the record at {@code rec}. */
    int systemUse(int rec) {
        int lenFi = image[rec + 32] & 0xFF;
        return rec + 33 + lenFi + ((lenFi & 1) == 0 ? 1 : 0);
    }

    /** The offset of the first SUSP entry {@code sig} in the System Use area of the record at {@code rec}. */
    int suspEntry(int rec, String sig) {
        int off = systemUse(rec);
        int end = rec + (image[rec] & 0xFF);
        while (off + 4 <= end) {
            if (image[off] == sig.charAt(0) && image[off + 1] == sig.charAt(1)) {
                return off;
            }
            int len = image[off + 2] & 0xFF;
            if (len < 4) {
                break;
            }
            off += len;
        }
        throw new AssertionError("no " + sig + " entry in the record at byte " + rec);
    }

    /** The offset of the first SUSP entry {@code sig} in a continuation area. */
    int suspEntryIn(int area, int length, String sig) {
        for (int off = area; off + 4 <= area + length; ) {
            if (image[off] == sig.charAt(0) && image[off + 1] == sig.charAt(1)) {
                return off;
            }
            int len = image[off + 2] & 0xFF;
            if (len < 4) {
                break;
            }
            off += len;
        }
        throw new AssertionError("no " + sig + " entry in the area at byte " + area);
    }

    long u32(int off) {
        return ByteBuffer.wrap(image, off, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL;
    }

    /** Writes a both-endian 32-bit number (ECMA-119 7.3.3). */
    void put733(int off, long value) {
        ByteBuffer.wrap(image, off, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value);
        ByteBuffer.wrap(image, off + 4, 4).order(ByteOrder.BIG_ENDIAN).putInt((int) value);
    }

    /** Writes only the big-endian half of a both-endian 32-bit number. */
    void put733BigEndianHalf(int off, long value) {
        ByteBuffer.wrap(image, off + 4, 4).order(ByteOrder.BIG_ENDIAN).putInt((int) value);
    }

    /** Writes a SUSP CE entry (SUSP 1.12 5.1) at {@code off}. */
    void putContinuation(int off, long lba, long offset, long length) {
        image[off] = 'C';
        image[off + 1] = 'E';
        image[off + 2] = 28;
        image[off + 3] = 1;
        put733(off + 4, lba);
        put733(off + 12, offset);
        put733(off + 20, length);
    }

    void put(int off, byte... bytes) {
        System.arraycopy(bytes, 0, image, off, bytes.length);
    }

    void put(int off, String ascii) {
        put(off, ascii.getBytes(StandardCharsets.ISO_8859_1));
    }
}
