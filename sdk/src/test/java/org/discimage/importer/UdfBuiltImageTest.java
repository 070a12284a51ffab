package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.discimage.UdfRevision;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.error.Diagnostic;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reads images built in memory with the records' encoders ({@link UdfImageBuilder}): the partition
 * kinds no installed producer writes populated (metadata, remapped sparing, VAT with files) and
 * the features a test must control.
 */
@Timeout(60)
class UdfBuiltImageTest {
    @TempDir
    Path tmp;

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * seed + i / 251);
        }
        return b;
    }

    static UdfImageBuilder sample(UdfImageBuilder.Layout layout, int revision) {
        return new UdfImageBuilder(layout, revision)
                .dir("/dir").dir("/dir/sub").dir("/empty")
                .file("/big.bin", bytes(100_000, 7))
                .embedded("/small.txt", "small\n".getBytes())
                .file("/dir/sub/x.bin", bytes(5000, 13))
                .symlink("/dir/link", "../small.txt")
                .symlink("/abs", "/etc/passwd");
    }

    Path write(byte[] image) throws IOException {
        return Files.write(tmp.resolve("img.udf"), image);
    }

    Map<String, ImportedEntry> read(Path img, List<Diagnostic> diags, boolean lenient) throws IOException {
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            UdfVolumeReader r = UdfVolumeReader.open(s, 0, new ImportOptions(lenient, diags::add));
            Map<String, ImportedEntry> m = new TreeMap<>();
            for (ImportedEntry e : r.readTree()) {
                m.put(e.path(), e);
            }
            return m;
        }
    }

    void assertSample(Path img, Map<String, ImportedEntry> t) throws IOException {
        assertEquals(List.of("/", "/abs", "/big.bin", "/dir", "/dir/link", "/dir/sub", "/dir/sub/x.bin", "/empty",
                "/small.txt"), new ArrayList<>(t.keySet()));
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            assertArrayEquals(bytes(100_000, 7), UdfTestImages.data(s, t.get("/big.bin")));
            assertArrayEquals(bytes(5000, 13), UdfTestImages.data(s, t.get("/dir/sub/x.bin")));
        }
        assertArrayEquals("small\n".getBytes(), t.get("/small.txt").embeddedData());
        assertEquals("../small.txt", t.get("/dir/link").symlinkTarget());
        assertEquals("/etc/passwd", t.get("/abs").symlinkTarget());
        assertEquals(ItemType.SYMLINK, t.get("/abs").type());
        assertEquals(0100644, t.get("/big.bin").mode());
        assertEquals(0040755, t.get("/dir").mode());
        assertEquals(0120644, t.get("/abs").mode());
        assertEquals(1000, t.get("/big.bin").uid());
        assertEquals(100, t.get("/big.bin").gid());
        assertEquals(UdfImageBuilder.TIME, t.get("/big.bin").modified());
        assertEquals(UdfImageBuilder.TIME, t.get("/big.bin").accessed());
        assertEquals(3, t.get("/").linkCount());
    }

    @ParameterizedTest
    @EnumSource(UdfImageBuilder.Layout.class)
    void everyLayoutReads(UdfImageBuilder.Layout layout) throws Exception {
        int rev = layout == UdfImageBuilder.Layout.METADATA ? 0x0250 : layout == UdfImageBuilder.Layout.PLAIN ? 0x0102
                : 0x0201;
        Path img = write(sample(layout, rev).build());
        List<Diagnostic> diags = new ArrayList<>();
        assertSample(img, read(img, diags, false));
        assertEquals(List.of(), diags);
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            UdfVolumeReader r = UdfVolumeReader.open(s, 0, ImportOptions.strict());
            assertEquals(UdfRevision.ofCode(rev), r.revision());
            assertEquals("TestVolume", r.volumeName());
        }
    }

    @Test
    void sparingRemapsThePacketThatMoved() throws Exception {
        UdfImageBuilder b = sample(UdfImageBuilder.Layout.SPARABLE, 0x0150);
        Path img = write(b.build());
        ImportedEntry big = read(img, new ArrayList<>(), false).get("/big.bin");
        assertTrue(big.extents().size() > 1, "the run is split where packet 1 was spared: " + big.extents());
        assertTrue(big.extents().stream().anyMatch(x -> x.lba() == UdfImageBuilder.PART_START + UdfImageBuilder.PART_LEN));
    }

    @Test
    void metadataFallsBackToTheMirror() throws Exception {
        UdfImageBuilder b = sample(UdfImageBuilder.Layout.METADATA, 0x0250);
        byte[] image = b.build();
        image[(int) b.sector("metafile") * 2048 + 100] ^= 1;  // metadata file EFE: CRC mismatch
        java.util.Arrays.fill(image, (UdfImageBuilder.PART_START + 8) * 2048, (UdfImageBuilder.PART_START + 9) * 2048,
                (byte) 0);
        Path img = write(image);
        List<Diagnostic> diags = new ArrayList<>();
        assertSample(img, read(img, diags, false));
        assertEquals(1, diags.size(), diags.toString());
        assertTrue(diags.get(0).message().contains("mirror"), diags.toString());
    }

    @Test
    void allocationExtentDescriptorChain() throws Exception {
        byte[] data = bytes(20_000, 3);
        Path img = write(new UdfImageBuilder(UdfImageBuilder.Layout.PLAIN, 0x0201).fileWithAed("/f", data, 5).build());
        ImportedEntry f = read(img, new ArrayList<>(), false).get("/f");
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            assertArrayEquals(data, UdfTestImages.data(s, f));
        }
    }

    @Test
    void trailingHoleIsLeftOutWithADiagnostic() throws Exception {
        Path img = write(new UdfImageBuilder(UdfImageBuilder.Layout.PLAIN, 0x0201)
                .fileWithTrailingHole("/f", bytes(3000, 5), 10_000).build());
        List<Diagnostic> diags = new ArrayList<>();
        ImportedEntry f = read(img, diags, false).get("/f");
        assertEquals(13_000, f.size());
        assertEquals(3000, f.extents().stream().mapToLong(FileExtent::length).sum());
        assertTrue(diags.get(0).message().contains("not recorded"), diags.toString());
        byte[] expected = new byte[13_000];
        System.arraycopy(bytes(3000, 5), 0, expected, 0, 3000);
        try (SectorReader s = ImageFileSectorReader.open(img);
             java.io.InputStream in = java.nio.channels.Channels.newInputStream(ImportedSource.of(s, f).openChannel())) {
            assertArrayEquals(expected, in.readAllBytes(), "the unrecorded tail reads as zeros");
        }
    }

    @Test
    void namedStreamsHiddenDeletedAndDevices() throws Exception {
        Path img = write(new UdfImageBuilder(UdfImageBuilder.Layout.PLAIN, 0x0201)
                .fileWithStreams("/s", "s".getBytes()).hidden("/h", "h".getBytes()).deleted("/gone")
                .charDevice("/tty", 4, 64).build());
        List<Diagnostic> diags = new ArrayList<>();
        Map<String, ImportedEntry> t = read(img, diags, false);
        assertEquals(List.of("/", "/h", "/s", "/tty"), new ArrayList<>(t.keySet()));
        assertTrue(t.get("/s").flags().contains(ImportedEntry.Flag.NAMED_STREAMS));
        assertTrue(diags.stream().anyMatch(d -> d.message().contains("named streams")), diags.toString());
        assertTrue(t.get("/h").hidden());
        assertEquals(ItemType.DEVICE, t.get("/tty").type());
        assertEquals(4L << 32 | 64, t.get("/tty").device());
        assertEquals(0020644, t.get("/tty").mode());
    }

    @Test
    void fidsCrossBlockBoundaries() throws Exception {
        UdfImageBuilder b = new UdfImageBuilder(UdfImageBuilder.Layout.PLAIN, 0x0201).dir("/many");
        for (int i = 0; i < 150; i++) {
            b.embedded("/many/file-with-a-long-name-" + i + ".txt", ("" + i).getBytes());
        }
        Map<String, ImportedEntry> t = read(write(b.build()), new ArrayList<>(), false);
        assertEquals(152, t.size());
        assertTrue(t.get("/many").size() > 2 * 2048);
        assertArrayEquals("149".getBytes(), t.get("/many/file-with-a-long-name-149.txt").embeddedData());
    }

    @Test
    void volumeFromTheReserveSequenceWhenTheMainIsBroken() throws Exception {
        UdfImageBuilder b = sample(UdfImageBuilder.Layout.PLAIN, 0x0201);
        byte[] image = b.build();
        image[(int) b.sector("lvd") * 2048 + 300] ^= 1;
        Path img = write(image);
        List<Diagnostic> diags = new ArrayList<>();
        assertSample(img, read(img, diags, false));
        assertTrue(diags.get(0).message().contains("reserve"), diags.toString());
    }

    @Test
    void imageWithoutUdfIsNull() throws Exception {
        Path img = write(new byte[300 * 2048]);
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            assertNull(UdfVolumeReader.open(s, 0, ImportOptions.strict()));
        }
    }

    @Test
    void anchorAtTheLastSectorOnly() throws Exception {
        UdfImageBuilder b = sample(UdfImageBuilder.Layout.PLAIN, 0x0201);
        byte[] image = b.build();
        java.util.Arrays.fill(image, 256 * 2048, 257 * 2048, (byte) 0);
        Path img = write(image);
        assertSample(img, read(img, new ArrayList<>(), false));
    }

    @Test
    void duplicateNamesAreStrictlyMalformedAndLenientlySkipped() throws Exception {
        UdfImageBuilder b = new UdfImageBuilder(UdfImageBuilder.Layout.PLAIN, 0x0201).embedded("/a", new byte[1])
                .embedded("/b", new byte[2]);
        byte[] image = b.build();
        int second = (int) b.sector("dir:/") * 2048 + 40;  // after the parent FID of 40 bytes: "a", then "b"
        int third = second + ((38 + (image[second + 19] & 0xFF) + 3) & ~3);
        image[third + 39] = 'a';  // "b" becomes "a"
        UdfReaderHostileTest.reseal(image, third);
        Path img = write(image);
        DiscImageException e = org.junit.jupiter.api.Assertions.assertThrows(DiscImageException.class,
                () -> read(img, new ArrayList<>(), false));
        assertEquals(ErrorCode.MALFORMED_STRUCTURE, e.code());
        assertTrue(e.getMessage().contains("a second entry named \"a\""), e.getMessage());
        List<Diagnostic> diags = new ArrayList<>();
        assertEquals(List.of("/", "/a"), new ArrayList<>(read(img, diags, true).keySet()));
        assertEquals(1, diags.size());
    }

    @Test
    void volumeDescriptorPointerIsFollowed() throws Exception {
        UdfImageBuilder b = sample(UdfImageBuilder.Layout.PLAIN, 0x0201);
        byte[] image = b.build();
        long at = b.sector("iuvd");
        java.nio.ByteBuffer vdp = java.nio.ByteBuffer.allocate(2048);
        new org.discimage.udf.VolumeDescriptorPointer(org.discimage.udf.DescriptorTag.of(3, 3, 1, at), 2,
                new org.discimage.udf.ExtentAd(6 * 2048, b.sector("reserve.pvd"))).encode(vdp);
        System.arraycopy(vdp.array(), 0, image, (int) at * 2048, 2048);
        java.util.Arrays.fill(image, (int) b.sector("lvd") * 2048, (int) b.sector("lvd") * 2048 + 2048, (byte) 0);
        Path img = write(image);
        List<Diagnostic> diags = new ArrayList<>();
        assertSample(img, read(img, diags, false));
        assertEquals(List.of(), diags, "the main sequence continues in the reserve extent; the zeroed LVD is skipped");
    }

    @Test
    void volumeDescriptorPointerLoopFallsBackToTheReserve() throws Exception {
        UdfImageBuilder b = sample(UdfImageBuilder.Layout.PLAIN, 0x0201);
        byte[] image = b.build();
        long at = b.sector("iuvd");
        java.nio.ByteBuffer vdp = java.nio.ByteBuffer.allocate(2048);
        new org.discimage.udf.VolumeDescriptorPointer(org.discimage.udf.DescriptorTag.of(3, 3, 1, at), 2,
                new org.discimage.udf.ExtentAd(2048, at)).encode(vdp);
        System.arraycopy(vdp.array(), 0, image, (int) at * 2048, 2048);
        Path img = write(image);
        List<Diagnostic> diags = new ArrayList<>();
        assertSample(img, read(img, diags, false));
        assertTrue(diags.get(0).message().contains("volume descriptor pointers"), diags.toString());
    }

    @Test
    void vatFoundBehindTrailingEmptySectors() throws Exception {
        byte[] image = sample(UdfImageBuilder.Layout.VIRTUAL, 0x0201).build();
        Path img = write(java.util.Arrays.copyOf(image, image.length + 5 * 2048));
        assertSample(img, read(img, new ArrayList<>(), false));
    }

    @Test
    void strategy4096ReadsTheNewestEntry() throws Exception {
        UdfImageBuilder b = new UdfImageBuilder(UdfImageBuilder.Layout.PLAIN, 0x0201).embedded("/f", "old".getBytes());
        byte[] image = b.build();
        int fe = (int) b.sector("icb:/f") * 2048;
        long lbn = b.sector("icb:/f") - UdfImageBuilder.PART_START;
        org.discimage.udf.ExtendedFileEntry old = org.discimage.udf.ExtendedFileEntry.decode(
                java.nio.ByteBuffer.wrap(image, fe, 2048).slice());
        org.discimage.udf.IcbTag t4096 = new org.discimage.udf.IcbTag(0, 4096, 0, 2, old.icbTag().fileType(),
                old.icbTag().parentIcbLocation(), old.icbTag().flags());
        put(image, lbn, copy(old, t4096, lbn, "old".getBytes()));
        long newer = lbn + 2;  // the second spare block
        put(image, newer, copy(old, t4096, newer, "newer".getBytes()));
        java.nio.ByteBuffer ie = java.nio.ByteBuffer.allocate(2048);
        new org.discimage.udf.IndirectEntry(org.discimage.udf.DescriptorTag.of(0x103, 3, 1, lbn + 1), t4096,
                org.discimage.udf.LongAllocationDescriptor.of(2048, newer, 0)).encode(ie);
        System.arraycopy(ie.array(), 0, image, fe + 2048, 2048);
        ImportedEntry f = read(write(image), new ArrayList<>(), false).get("/f");
        assertArrayEquals("newer".getBytes(), f.embeddedData());
        assertEquals(lbn, f.fileId(), "the identity stays the ICB the FID names");
    }

    private static java.nio.ByteBuffer copy(org.discimage.udf.ExtendedFileEntry e, org.discimage.udf.IcbTag tag,
                                            long lbn, byte[] data) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(2048);
        new org.discimage.udf.ExtendedFileEntry(e.tag().at(lbn), tag, e.uid(), e.gid(), e.permissions(),
                e.fileLinkCount(), 0, 0, 0, data.length, data.length, 0, e.accessTime(), e.modificationTime(),
                e.creationTime(), e.attributeTime(), 1, e.extendedAttributeIcb(), e.streamDirectoryIcb(),
                e.implementationIdentifier(), e.uniqueId(), new byte[0], data).encode(b);
        return b;
    }

    private static void put(byte[] image, long lbn, java.nio.ByteBuffer block) {
        System.arraycopy(block.array(), 0, image, (int) (UdfImageBuilder.PART_START + lbn) * 2048, 2048);
    }
}
