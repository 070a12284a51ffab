package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.discimage.FileSystem;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken and unusual images, made by patching images of the reference tools: every failure is a
 * {@code MALFORMED_STRUCTURE} {@link DiscImageException}, never a hang or another exception.
 */
class IsoTreeReaderMalformedTest {
    @TempDir
    Path tmp;

    /** An in-memory sector reader over (a copy of) an image. */
    static final class Bytes implements SectorReader {
        final byte[] image;

        Bytes(byte[] image) {
            this.image = image;
        }

        @Override
        public int read(long lba, ByteBuffer dst) {
            long count = sectorCount();
            if (lba >= count) {
                return 0;
            }
            int n = (int) Math.min(dst.remaining() / SECTOR_SIZE, count - lba);
            dst.put(image, (int) lba * SECTOR_SIZE, n * SECTOR_SIZE);
            return n;
        }

        @Override
        public long sectorCount() {
            return image.length / SECTOR_SIZE;
        }
    }

    private byte[] toolImage(String tool, boolean extensions) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src-" + extensions));
        Files.writeString(src.resolve("x1.bin"), "AAAA");
        Files.writeString(src.resolve("x2.bin"), "BBBBBB");
        Files.createDirectories(src.resolve("docs/sub"));
        Files.writeString(src.resolve("docs/sub/f.txt"), "f");
        Path iso = tmp.resolve(tool + extensions + ".iso");
        if (extensions) {
            ReferenceImages.make(tool, src, iso, "-R", "-J");
        } else {
            ReferenceImages.make(tool, src, iso);
        }
        return Files.readAllBytes(iso);
    }

    private static List<ImportedEntry> read(byte[] image, FileSystem fs) throws IOException {
        return IsoTreeReader.open(new Bytes(image)).readTree(fs);
    }

    private static ImportedEntry find(byte[] image, FileSystem fs, String path) throws IOException {
        ImportedEntry e = IsoTreeReaderInteropTest.byPath(read(image, fs)).get(path);
        if (e == null) {
            fail(path + " not found");
        }
        return e;
    }

    /** The offset in the image of the directory record named {@code id} inside directory {@code dir}. */
    private static int recordOffset(byte[] image, ImportedEntry dir, String id) {
        byte[] name = id.getBytes(StandardCharsets.ISO_8859_1);
        long lba = dir.extents().get(0).lba();
        for (int off = (int) lba * 2048; off < (lba * 2048 + dir.size()) - 33; off++) {
            if ((image[off + 32] & 0xFF) == name.length && regionEquals(image, off + 33, name)
                    && (image[off] & 0xFF) >= 33 + name.length) {
                return off;
            }
        }
        throw new AssertionError(id + " not in " + dir.path());
    }

    private static boolean regionEquals(byte[] a, int off, byte[] b) {
        if (off + b.length > a.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (a[off + i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private static void put733(byte[] image, int off, long value) {
        ByteBuffer.wrap(image, off, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value);
        ByteBuffer.wrap(image, off + 4, 4).order(ByteOrder.BIG_ENDIAN).putInt((int) value);
    }

    private static DiscImageException malformed(byte[] image, FileSystem fs) {
        DiscImageException e = assertThrows(DiscImageException.class, () -> read(image, fs));
        assertEquals(ErrorCode.MALFORMED_STRUCTURE, e.code(), e::getMessage);
        return e;
    }

    @Test
    void joinsMultiExtentSections() throws Exception {
        for (String tool : List.of("xorriso", "genisoimage")) {
            for (boolean rr : List.of(false, true)) {
                byte[] image = toolImage(tool, rr);
                ImportedEntry root = find(image, FileSystem.ISO9660, "/");
                int first = recordOffset(image, root, "X1.BIN;1");
                int second = recordOffset(image, root, "X2.BIN;1");
                image[first + 25] |= (byte) 0x80;     // more sections follow
                image[second + 34] = '1';             // X2.BIN;1 -> X1.BIN;1
                ImportedEntry joined = find(image, FileSystem.ISO9660, "/X1.BIN");
                assertEquals(10, joined.size());
                assertEquals(2, joined.extents().size());
                assertArrayEquals("AAAABBBBBB".getBytes(), IsoTreeReaderInteropTest.content(new Bytes(image), joined));
                if (rr) {
                    ImportedEntry viaRr = find(image, FileSystem.ROCK_RIDGE, "/x1.bin");
                    assertEquals(10, viaRr.size());
                    assertEquals(joined.extents(), viaRr.extents());
                }
                // the last section missing: the flag on the second record too
                image[second + 25] |= (byte) 0x80;
                assertTrue(malformed(image, FileSystem.ISO9660).getMessage().contains("multi-extent"));
            }
        }
    }

    @Test
    void directoryCycleFails() throws Exception {
        byte[] image = toolImage("xorriso", true);
        ImportedEntry root = find(image, FileSystem.ISO9660, "/");
        ImportedEntry docs = find(image, FileSystem.ISO9660, "/DOCS");
        int sub = recordOffset(image, docs, "SUB");
        put733(image, sub + 2, root.extents().get(0).lba());
        put733(image, sub + 10, root.size());
        for (FileSystem fs : List.of(FileSystem.ISO9660, FileSystem.ROCK_RIDGE)) {
            assertTrue(malformed(image, fs).getMessage().contains("cycle"));
        }
    }

    @Test
    void continuationLoopFails() throws Exception {
        byte[] image = toolImage("xorriso", true);
        ImportedEntry root = find(image, FileSystem.ISO9660, "/");
        int rootSector = (int) root.extents().get(0).lba() * 2048;
        int ce = -1;
        for (int i = rootSector; i < rootSector + 2048 - 28; i++) {
            if (image[i] == 'C' && image[i + 1] == 'E' && image[i + 2] == 28 && image[i + 3] == 1) {
                ce = i;
                break;
            }
        }
        assertTrue(ce > 0, "xorriso puts a CE into the root's \".\" record");
        // the continuation area is the CE entry itself: an endless chain
        put733(image, ce + 4, root.extents().get(0).lba());
        put733(image, ce + 12, ce - rootSector);
        put733(image, ce + 20, 28);
        malformed(image, FileSystem.ROCK_RIDGE);
    }

    @Test
    void recordCrossingTheSectorEndFails() throws Exception {
        byte[] image = toolImage("genisoimage", false);
        ImportedEntry root = find(image, FileSystem.ISO9660, "/");
        int sectorStart = (int) root.extents().get(0).lba() * 2048;
        int off = recordOffset(image, root, "X2.BIN;1");
        int len = image[off] & 0xFF;
        byte[] grown = java.util.Arrays.copyOfRange(image, off, off + 254);
        java.util.Arrays.fill(grown, len, grown.length, (byte) 0);
        grown[0] = (byte) 254;
        // valid 254-byte records up to the sector's end, then one whose LEN_DR crosses it
        int at = off;
        while (at + 254 <= sectorStart + 2048) {
            System.arraycopy(grown, 0, image, at, 254);
            at += 254;
        }
        image[at] = (byte) 254;
        assertTrue(malformed(image, FileSystem.ISO9660).getMessage().contains("crosses"));
    }

    @Test
    void shortRecordFails() throws Exception {
        byte[] image = toolImage("genisoimage", false);
        ImportedEntry root = find(image, FileSystem.ISO9660, "/");
        image[recordOffset(image, root, "X2.BIN;1")] = 33;
        DiscImageException e = malformed(image, FileSystem.ISO9660);
        assertTrue(e.getMessage().startsWith("directory record at LBA " + root.extents().get(0).lba()), e::getMessage);
    }

    @Test
    void missingVolumeDescriptorsFail() throws Exception {
        byte[] image = toolImage("xorriso", false);
        byte[] noMagic = image.clone();
        noMagic[16 * 2048 + 1] = 'X';
        DiscImageException none = assertThrows(DiscImageException.class, () -> IsoTreeReader.open(new Bytes(noMagic)));
        assertEquals(ErrorCode.NO_SUPPORTED_FILE_SYSTEM, none.code());
        assertTrue(none.getMessage().contains("LBA 16"), none::getMessage);
        for (int sectors : new int[] {0, 1, 16, 17}) {
            byte[] cut = java.util.Arrays.copyOf(image, sectors * 2048);
            DiscImageException e = assertThrows(DiscImageException.class, () -> IsoTreeReader.open(new Bytes(cut)));
            assertEquals(sectors <= 16 ? ErrorCode.EMPTY_DISC : ErrorCode.MALFORMED_STRUCTURE, e.code(),
                    "cut at " + sectors);
            assertTrue(e.getMessage().contains("LBA " + (sectors <= 16 ? 16 : 17)), e::getMessage);
        }
    }

    @Test
    void truncatedAtEverySectorGivesATreeOrMalformed() throws Exception {
        byte[] image = toolImage("genisoimage", true);
        int sectors = image.length / 2048;
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int n = 0; n <= sectors; n++) {
                tryAll(java.util.Arrays.copyOf(image, n * 2048));
            }
        });
    }

    @Test
    void randomCorruptionGivesATreeOrMalformed() throws Exception {
        for (String tool : List.of("xorriso", "genisoimage")) {
            byte[] image = toolImage(tool, true);
            long firstData = find(image, FileSystem.ISO9660, "/X1.BIN").extents().get(0).lba();
            SplittableRandom random = new SplittableRandom(1234);
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int round = 0; round < 400; round++) {
                    byte[] broken = image.clone();
                    int flips = 1 + random.nextInt(8);
                    for (int i = 0; i < flips; i++) {
                        int at = (int) (16 * 2048 + random.nextLong((firstData - 16) * 2048));
                        broken[at] = (byte) random.nextInt(256);
                    }
                    tryAll(broken);
                }
            });
        }
    }

    /** Every tree either reads or fails with MALFORMED_STRUCTURE. */
    private static void tryAll(byte[] image) {
        IsoTreeReader reader;
        try {
            reader = IsoTreeReader.open(new Bytes(image));
        } catch (DiscImageException e) {
            assertTrue(e.code() == ErrorCode.MALFORMED_STRUCTURE || e.code() == ErrorCode.EMPTY_DISC
                    || e.code() == ErrorCode.NO_SUPPORTED_FILE_SYSTEM, e::getMessage);
            return;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("open threw " + e, e);
        }
        for (FileSystem fs : reader.fileSystems()) {
            try {
                for (ImportedEntry e : reader.readTree(fs)) {
                    assertTrue(e.path().startsWith("/"));
                    assertTrue(e.type() != ItemType.NOT_FOUND);
                }
            } catch (DiscImageException e) {
                assertEquals(ErrorCode.MALFORMED_STRUCTURE, e.code(), e::getMessage);
            } catch (IOException | RuntimeException e) {
                throw new AssertionError(fs + " threw " + e, e);
            }
        }
    }

}
