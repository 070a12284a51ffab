package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.discimage.codec.UdfCrc;
import org.discimage.error.Diagnostic;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.udf.ExtendedFileEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupts a valid mkudffs image (populated by udfclient) and an in-memory image: every damage is a
 * MALFORMED_STRUCTURE naming the structure and an LBA, within a timeout.
 */
@Timeout(30)
class UdfReaderHostileTest {
    private static final Pattern NAMES_LBA = Pattern.compile(".+ at LBA \\d+.*");

    @TempDir
    static Path shared;
    static byte[] image;
    static long partitionStart;
    static Map<String, ImportedEntry> tree;

    @TempDir
    Path tmp;

    @BeforeAll
    static void makeImage() throws Exception {
        Path src = Files.createDirectories(shared.resolve("src/dir/sub"));
        Files.writeString(shared.resolve("src/a.txt"), "hello\n");
        Files.writeString(shared.resolve("src/dir/sub/x.txt"), "x\n");
        Files.write(shared.resolve("src/big.bin"), new byte[50_000]);
        Path img = UdfTestImages.mkudffs(shared.resolve("hd.udf"), "hd", "2.01");
        UdfTestImages.udfclientPut(img, src.getParent().getParent(), List.of("a.txt", "dir", "big.bin"), List.of());
        image = Files.readAllBytes(img);
        String pspace = UdfTestImages.runOk(List.of("udfinfo", img.toString()), null, null)
                .lines().filter(l -> l.endsWith("type=PSPACE")).findFirst().orElseThrow();
        partitionStart = Long.parseLong(pspace.replaceAll("start=(\\d+),.*", "$1"));
        tree = new TreeMap<>();
        for (ImportedEntry e : UdfTestImages.tree(img, new ArrayList<>())) {
            tree.put(e.path(), e);
        }
    }

    static int icbOffset(String path) {
        return (int) ((partitionStart + (tree.get(path).fileId() & 0xFFFF_FFFFL)) * 2048);
    }

    static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Recomputes CRC and checksum of the descriptor whose tag is at {@code at}. */
    static void reseal(byte[] b, int at) {
        ByteBuffer d = le(b);
        int crcLen = d.getShort(at + 10) & 0xFFFF;
        d.putShort(at + 8, (short) UdfCrc.crc(d, at + 16, crcLen));
        d.put(at + 4, (byte) UdfCrc.checksum(d, at));
    }

    DiscImageException assertMalformed(byte[] img, String fragment) throws IOException {
        Path p = Files.write(tmp.resolve("bad.udf"), img);
        DiscImageException e = assertThrows(DiscImageException.class, () -> {
            try (SectorReader s = ImageFileSectorReader.open(p)) {
                UdfVolumeReader r = UdfVolumeReader.open(s, 0, ImportOptions.strict());
                r.readTree();
            }
        });
        assertEquals(ErrorCode.MALFORMED_STRUCTURE, e.code(), e.getMessage());
        assertTrue(NAMES_LBA.matcher(e.getMessage()).matches(), "no structure and LBA in: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "\"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
        return e;
    }

    @Test
    void wrongCrcOfAFileEntry() throws Exception {
        byte[] b = image.clone();
        b[icbOffset("/dir") + 100] ^= 0x40;
        assertMalformed(b, "ICB of /dir at LBA " + icbOffset("/dir") / 2048);
    }

    @Test
    void wrongChecksumOfTheRoot() throws Exception {
        byte[] b = image.clone();
        b[icbOffset("/") + 4] ^= 1;
        assertMalformed(b, "root directory ICB at LBA " + icbOffset("/") / 2048);
    }

    @Test
    void wrongTagLocationIsStrictlyMalformedButLenientlyReported() throws Exception {
        byte[] b = image.clone();
        int at = icbOffset("/a.txt");
        le(b).putInt(at + 12, 12345);
        reseal(b, at);
        assertMalformed(b, "tag location 12345");
        Path p = Files.write(tmp.resolve("loc.udf"), b);
        List<Diagnostic> diags = new ArrayList<>();
        try (SectorReader s = ImageFileSectorReader.open(p)) {
            UdfVolumeReader.open(s, 0, ImportOptions.lenient(diags::add)).readTree();
        }
        assertEquals(1, diags.size(), diags.toString());
        assertEquals(at / 2048, diags.get(0).lba());
    }

    @Test
    void wrongVolumeDescriptorsInBothSequences() throws Exception {
        byte[] b = image.clone();
        b[96 * 2048 + 4] ^= 1;  // main PVD checksum
        for (int s = 96; s < 20000; s++) {  // and the reserve PVD
            if (s > 1000 && b[s * 2048] == 1 && b[s * 2048 + 1] == 0 && b[s * 2048 + 12] == (byte) s
                    && b[s * 2048 + 13] == (byte) (s >> 8)) {
                b[s * 2048 + 4] ^= 1;
                break;
            }
        }
        assertMalformed(b, "Volume Descriptor Sequence");
    }

    @Test
    void directoryCycleThroughAnAncestor() throws Exception {
        byte[] b = image.clone();
        int at = icbOffset("/dir/sub");
        ExtendedFileEntry e = ExtendedFileEntry.decode(ByteBuffer.wrap(b, at, 2048).slice());
        int fids = at + e.allocationDescriptorsOffset();
        int second = fids + 40;  // the parent FID of 40 bytes, then x.txt's
        ByteBuffer d = le(b);
        assertEquals(0x0101, d.getShort(second));
        d.put(second + 18, (byte) 2);  // a directory...
        d.putInt(second + 24, (int) (tree.get("/dir").fileId() & 0xFFFF_FFFFL));  // ...that is /dir again
        reseal(b, second);
        reseal(b, at);
        assertMalformed(b, "directory cycle");
    }

    @Test
    void absurdAllocationDescriptorLength() throws Exception {
        byte[] b = image.clone();
        int at = icbOffset("/big.bin");
        le(b).putInt(at + 212, 0x7FFF_FFF0);
        reseal(b, at);
        assertMalformed(b, "L_AD");
    }

    @Test
    void extentPastTheEndOfThePartition() throws Exception {
        byte[] b = image.clone();
        int at = icbOffset("/big.bin");
        ExtendedFileEntry e = ExtendedFileEntry.decode(ByteBuffer.wrap(b, at, 2048).slice());
        le(b).putInt(at + e.allocationDescriptorsOffset() + 4, 19_700);
        reseal(b, at);
        assertMalformed(b, "past the end of partition 0");
    }

    @Test
    void truncatedImage() throws Exception {
        int end = (int) (tree.get("/big.bin").extents().get(0).lba() + 3) * 2048;
        assertMalformed(java.util.Arrays.copyOf(image, end), "past the end of the medium");
    }

    @Test
    void truncatedBeforeTheFileSet() throws Exception {
        assertMalformed(java.util.Arrays.copyOf(image, (int) (partitionStart + 1) * 2048), "file set descriptor");
    }

    @Test
    void allocationExtentDescriptorLoop() throws Exception {
        UdfImageBuilder builder = new UdfImageBuilder(UdfImageBuilder.Layout.PLAIN, 0x0201)
                .fileWithAed("/f", new byte[20_000], 5);
        byte[] b = builder.build();
        int aed = (int) builder.sector("aed:/f") * 2048;
        ByteBuffer d = le(b);
        int lad = d.getInt(aed + 20);
        int last = aed + 24 + lad - 16;  // make the last AD a continuation to the AED itself
        d.putInt(last, 3 << 30 | 2048);
        d.putInt(last + 4, (int) (builder.sector("aed:/f") - UdfImageBuilder.PART_START));
        d.putShort(last + 8, (short) 0);
        reseal(b, aed);
        assertMalformed(b, "allocation extent descriptor");
    }

    @Test
    void strategy4096IndirectEntryLoop() throws Exception {
        UdfImageBuilder builder = new UdfImageBuilder(UdfImageBuilder.Layout.PLAIN, 0x0201).embedded("/f", new byte[3]);
        byte[] b = builder.build();
        int fe = (int) builder.sector("icb:/f") * 2048;
        ByteBuffer d = le(b);
        d.putShort(fe + 16 + 4, (short) 4096);
        reseal(b, fe);
        long lbn = builder.sector("icb:/f") - UdfImageBuilder.PART_START;
        ByteBuffer ie = ByteBuffer.allocate(2048);
        new org.discimage.udf.IndirectEntry(org.discimage.udf.DescriptorTag.of(0x103, 3, 1, lbn + 1),
                org.discimage.udf.IcbTag.of(0, 0), org.discimage.udf.LongAllocationDescriptor.of(2048, lbn, 0)).encode(ie);
        System.arraycopy(ie.array(), 0, b, fe + 2048, 2048);  // the entry after it points back at it
        assertMalformed(b, "strategy 4096");
    }

    @Test
    void nameWithASlashIsStrictlyMalformedAndLenientlySkipped() throws Exception {
        byte[] b = image.clone();
        int at = icbOffset("/dir/sub");
        ExtendedFileEntry e = ExtendedFileEntry.decode(ByteBuffer.wrap(b, at, 2048).slice());
        int second = at + e.allocationDescriptorsOffset() + 40;
        int nameAt = second + 38 + (le(b).getShort(second + 36) & 0xFFFF);
        b[nameAt + 2] = '/';  // "x/txt"
        reseal(b, second);
        reseal(b, at);
        assertMalformed(b, "invalid name");
        Path p = Files.write(tmp.resolve("name.udf"), b);
        List<Diagnostic> diags = new ArrayList<>();
        try (SectorReader s = ImageFileSectorReader.open(p)) {
            List<ImportedEntry> t = UdfVolumeReader.open(s, 0, ImportOptions.lenient(diags::add)).readTree();
            assertTrue(t.stream().noneMatch(x -> x.path().startsWith("/dir/sub/")));
        }
        assertEquals(1, diags.size(), diags.toString());
    }

    @Test
    void directoryLengthTheExtentsDoNotBack() throws Exception {
        byte[] b = image.clone();
        int at = icbOffset("/dir");
        le(b).putLong(at + 56, 1L << 40);
        reseal(b, at);
        assertMalformed(b, "directory /dir");
    }

    @Test
    void crcLengthBeyondTheBlockIsStrictlyMalformedButLenientlyReported() throws Exception {
        byte[] b = image.clone();
        int at = icbOffset("/a.txt");
        le(b).putShort(at + 10, (short) 4000);
        b[at + 4] = (byte) UdfCrc.checksum(le(b), at);
        assertMalformed(b, "runs past the block");
        Path p = Files.write(tmp.resolve("crc.udf"), b);
        List<Diagnostic> diags = new ArrayList<>();
        try (SectorReader s = ImageFileSectorReader.open(p)) {
            UdfVolumeReader.open(s, 0, ImportOptions.lenient(diags::add)).readTree();
        }
        assertEquals(1, diags.size(), diags.toString());
        assertTrue(diags.get(0).message().contains("CRC not checked"), diags.toString());
    }

    /** Thousands of random corruptions of the structures of the mkudffs image: only DiscImageException. */
    @Test
    @Timeout(120)
    void randomCorruptionsOfTheMkudffsImage() throws Exception {
        java.util.Random r = new java.util.Random(7);
        long[] sectors = java.util.stream.LongStream.concat(java.util.stream.LongStream.of(16, 17, 18, 96, 97, 98, 99,
                100, 101, 128, 256), java.util.stream.LongStream.rangeClosed(partitionStart, partitionStart + 24)).toArray();
        for (int round = 0; round < 2000; round++) {
            byte[] b = image.clone();
            long sector = sectors[r.nextInt(sectors.length)];
            int base = (int) sector * 2048;
            for (int k = 1 + r.nextInt(6); k > 0; k--) {
                b[base + (r.nextBoolean() ? r.nextInt(256) : r.nextInt(2048))] = (byte) r.nextInt(256);
            }
            if (r.nextBoolean()) {
                reseal(b, base);
            }
            try (SectorReader s = new ByteArraySectorReader(b)) {
                UdfVolumeReader v = UdfVolumeReader.open(s, 0, new ImportOptions(r.nextBoolean(),
                        org.discimage.error.Diagnostics.IGNORE));
                if (v != null) {
                    v.readTree();
                }
            } catch (DiscImageException expected) {
                // the one allowed outcome
            }
        }
    }

    /** Every sector-aligned prefix of the image up to the data: only DiscImageException, or a tree. */
    @Test
    @Timeout(120)
    void everyTruncatedPrefix() throws Exception {
        for (int n = 0; n <= partitionStart + 30; n++) {
            try (SectorReader s = new ByteArraySectorReader(java.util.Arrays.copyOf(image, n * 2048))) {
                UdfVolumeReader v = UdfVolumeReader.open(s, 0, ImportOptions.strict());
                if (v != null) {
                    v.readTree();
                }
            } catch (DiscImageException expected) {
                // the one allowed outcome
            }
        }
    }
}
