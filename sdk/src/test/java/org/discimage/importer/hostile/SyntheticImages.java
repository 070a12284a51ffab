package org.discimage.importer.hostile;

import java.nio.ByteBuffer;

import org.discimage.iso9660.DirectoryRecord;
import org.discimage.iso9660.PrimaryVolumeDescriptor;
import org.discimage.iso9660.RecordingDateTime;
import org.discimage.iso9660.VolumeDescriptorSetTerminator;

/**
 * Plain ISO 9660 images written record by record, for shapes no producer makes: thousands of
 * nested directories, a directory of a million entries. PVD at LBA 16, terminator at 17, the root
 * at 18.
 */
final class SyntheticImages {
    static final int SECTOR = ImageBytes.SECTOR;
    static final long ROOT = 18;
    private static final long T = 1_700_000_000L;

    private SyntheticImages() {
    }

    /** An image of {@code sectors} sectors with the descriptors written and the root of {@code rootLength} bytes. */
    private static ByteBuffer start(int sectors, long rootLength) {
        ByteBuffer b = ByteBuffer.allocate(sectors * SECTOR);
        ByteBuffer rec = ByteBuffer.allocate(34);
        DirectoryRecord.encode(rec, ROOT, rootLength, T, DirectoryRecord.FLAG_DIRECTORY, new byte[] {0}, null);
        DirectoryRecord root = new DirectoryRecord(0, ROOT, rootLength, RecordingDateTime.ofEpochSecond(T),
                DirectoryRecord.FLAG_DIRECTORY, 0, 0, 1, new byte[] {0}, null);
        new PrimaryVolumeDescriptor("", "SYNTHETIC", sectors, 1, 1, SECTOR, 10, 0, 0, 0, 0, root, "", "", "", "", "",
                "", "", null, null, null, null, 1).encode(b.position(16 * SECTOR));
        new VolumeDescriptorSetTerminator().encode(b.position(17 * SECTOR));
        return b;
    }

    /** "." and ".." of a directory at {@code lba} at the start of its sector. */
    private static void dots(ByteBuffer b, long lba, long length, long parent) {
        b.position((int) lba * SECTOR);
        DirectoryRecord.encode(b, lba, length, T, DirectoryRecord.FLAG_DIRECTORY, new byte[] {0}, null);
        DirectoryRecord.encode(b, parent, SECTOR, T, DirectoryRecord.FLAG_DIRECTORY, new byte[] {1}, null);
    }

    /** Directories nested {@code depth} deep: /A/A/A/..., one sector each. */
    static byte[] nested(int depth) {
        ByteBuffer b = start((int) ROOT + depth + 1, SECTOR);
        for (int i = 0; i <= depth; i++) {
            long lba = ROOT + i;
            dots(b, lba, SECTOR, i == 0 ? ROOT : lba - 1);
            if (i < depth) {
                DirectoryRecord.encode(b, lba + 1, SECTOR, T, DirectoryRecord.FLAG_DIRECTORY, new byte[] {'A'}, null);
            }
        }
        return b.array();
    }

    /**
     * A Rock Ridge root (SP and RR in its "." record, SUSP 1.12 5.3) holding {@code files} records
     * whose System Use area is one CE entry, all starting the same chain of 31 continuation areas
     * that alternate between two sectors: legal for each record, costly for the whole directory.
     */
    static byte[] sharedContinuations(int files) {
        int perSector = SECTOR / 64; // LEN_FI 2, one padding byte, a 28-byte CE: 64 bytes
        int dirSectors = (files + 2 + perSector - 1) / perSector;
        long x = ROOT + dirSectors;
        long y = x + 1;
        ByteBuffer b = start((int) y + 1, (long) dirSectors * SECTOR);
        b.position((int) ROOT * SECTOR);
        ByteBuffer rootSu = ByteBuffer.wrap(new byte[] {'S', 'P', 7, 1, (byte) 0xBE, (byte) 0xEF, 0, 'R', 'R', 5, 1, 0});
        DirectoryRecord.encode(b, ROOT, (long) dirSectors * SECTOR, T, DirectoryRecord.FLAG_DIRECTORY, new byte[] {0},
                rootSu);
        DirectoryRecord.encode(b, ROOT, (long) dirSectors * SECTOR, T, DirectoryRecord.FLAG_DIRECTORY, new byte[] {1},
                null);
        int inSector = 2;
        for (int n = 0; n < files; n++) {
            if (inSector == perSector) {
                inSector = 0;
                b.position((b.position() + SECTOR - 1) / SECTOR * SECTOR);
            }
            byte[] id = {(byte) ('A' + n / 26 % 26), (byte) ('A' + n % 26)};
            DirectoryRecord.encode(b, 0, 0, T, 0, id, ByteBuffer.wrap(continuation(x, 0)));
            inSector++;
        }
        for (int i = 0; i < 30; i++) { // area i in sector x or y at offset 28 * (i / 2); it points at area i + 1
            long here = i % 2 == 0 ? x : y;
            long next = i % 2 == 0 ? y : x;
            b.put((int) here * SECTOR + 28 * (i / 2), continuation(next, 28 * ((i + 1) / 2)));
        }
        b.put((int) x * SECTOR + 28 * 15, new byte[] {'S', 'T', 4, 1}); // area 30 ends the chain (SUSP 1.12 5.4)
        return b.array();
    }

    private static byte[] continuation(long lba, int offset) {
        ByteBuffer ce = ByteBuffer.allocate(28);
        new org.discimage.susp.ContinuationArea(lba, offset, 28).encode(ce);
        return ce.array();
    }

    /**
     * A root of two sectors whose 60 file records (38 bytes each) run on without regard to the
     * sector boundary: the 53rd crosses it, which ECMA-119 6.8.1.1 forbids and Linux reads.
     */
    static byte[] crossing() {
        ByteBuffer b = start((int) ROOT + 2, 2 * SECTOR);
        dots(b, ROOT, 2 * SECTOR, ROOT);
        byte[] id = new byte[WIDE_ID];
        for (int n = 0; n < 60; n++) {
            java.util.Arrays.fill(id, (byte) ('A' + n % 26));
            id[0] = (byte) ('A' + n / 26);
            DirectoryRecord.encode(b, 0, 0, T, 0, id, null);
        }
        return b.array();
    }

    /** Identifier bytes per file of {@link #wide}: 38-byte records, 53 to a sector. */
    static final int WIDE_ID = 5;
    static final int WIDE_PER_SECTOR = SECTOR / (33 + WIDE_ID);

    /** A root holding {@code files} empty files named by a base-36 counter ("00000", "00001", ...). */
    static byte[] wide(int files) {
        int perSector = WIDE_PER_SECTOR;
        int dirSectors = (files + 2 + perSector - 1) / perSector;
        ByteBuffer b = start((int) ROOT + dirSectors, (long) dirSectors * SECTOR);
        dots(b, ROOT, (long) dirSectors * SECTOR, ROOT);
        int inSector = 2;
        byte[] id = new byte[WIDE_ID];
        for (int n = 0; n < files; n++) {
            if (inSector == perSector) {
                inSector = 0;
                b.position((b.position() + SECTOR - 1) / SECTOR * SECTOR);
            }
            int v = n;
            for (int i = WIDE_ID - 1; i >= 0; i--) {
                id[i] = (byte) Character.toUpperCase(Character.forDigit(v % 36, 36));
                v /= 36;
            }
            DirectoryRecord.encode(b, 0, 0, T, 0, id, null);
            inSector++;
        }
        return b.array();
    }
}
