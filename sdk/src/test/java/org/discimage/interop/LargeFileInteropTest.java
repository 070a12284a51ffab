package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.importer.FileExtent;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.IsoLevel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file over 4 GiB (a sparse source file with marker bytes at known offsets, around the 4 GiB
 * boundaries), recorded in several ISO 9660 extents at level 3, read back by xorriso, bsdtar and
 * 7-Zip: they must see its exact size and the markers where they were, zeros everywhere else.
 * No reader extracts it to disk: bsdtar and 7z stream it to stdout, xorriso cuts out the marker
 * ranges. About 5 GB of disk for the image, freed at the end.
 */
class LargeFileInteropTest {
    /** 4.5 GiB + 1234 bytes: not a multiple of the block size. */
    static final long SIZE = 4_831_838_208L + 1234;
    static final String AFTER_TEXT = "the file after the big one\n";

    @TempDir
    Path work;

    /** Marker offsets: start, ordinary, across the largest 2048-aligned 32-bit extent, across 4 GiB, tail. */
    static Map<Long, byte[]> markers() {
        Map<Long, byte[]> m = new LinkedHashMap<>();
        long[] offsets = {0, 2048L * 1000 + 17, 0xFFFF_F800L - 9, 0x1_0000_0000L - 7, 0x1_0000_0000L + 2048 * 5,
                SIZE - 16};
        for (int i = 0; i < offsets.length; i++) {
            m.put(offsets[i], String.format("<MARKER-%02d-%s>", i, "0123456789abcdef".charAt(i)).getBytes(
                    StandardCharsets.US_ASCII));
        }
        return m;
    }

    static Path sparseSource(Path dir) throws IOException {
        Path big = dir.resolve("big.bin");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(SIZE);
            for (Map.Entry<Long, byte[]> e : markers().entrySet()) {
                long off = Math.min(e.getKey(), SIZE - e.getValue().length);
                raf.seek(off);
                raf.write(e.getValue());
            }
        }
        return big;
    }

    /** The image takes SIZE bytes of real disk (the source is sparse); leave a margin. */
    static void assumeDiskSpace(Path work) throws IOException {
        long free = Files.getFileStore(work).getUsableSpace();
        Assumptions.assumeTrue(free > SIZE + (1L << 30),
                "only " + (free >> 20) + " MiB free under " + work + ": the >4 GiB image needs about 5 GiB");
    }

    @Test
    void fileOver4GiBReadByXorrisoBsdtarAnd7z() throws IOException {
        ExternalTools.requireUtf8FileNames();
        assumeDiskSpace(work);
        Path src = Files.createDirectories(work.resolve("src"));
        Path big = sparseSource(src);
        Path iso = work.resolve("large.iso");
        try {
            FileSystemImage image = SdkImages.image(null, SdkImages.ALL, IsoLevel.LEVEL_3);
            image.root().addFile("big.bin", big);
            image.root().addFile("after.txt", AFTER_TEXT.getBytes(StandardCharsets.US_ASCII));
            image.createResultImage().writeTo(iso);
            checkLargeImage(iso);
        } finally {
            Files.deleteIfExists(iso);
        }
    }

    /**
     * The same checks on xorriso's own image: shows the harness works, and that discimage's importer
     * reads xorriso's multi-extent files over 4 GiB (about 30 s and 4.5 GB of disk).
     */
    @Test
    void referenceXorrisoImage() throws IOException {
        ExternalTools.assumeTool("xorriso");
        assumeDiskSpace(work);
        Path src = Files.createDirectories(work.resolve("src"));
        sparseSource(src);
        Files.writeString(src.resolve("after.txt"), AFTER_TEXT);
        Path iso = work.resolve("xorriso-large.iso");
        try {
            ExternalTools.runOk(Duration.ofMinutes(10), null, List.of("xorriso", "-as", "mkisofs", "-quiet",
                    "-iso-level", "3", "-R", "-J", "-o", iso.toString(), src.toString()));
            checkLargeImage(iso);
        } finally {
            Files.deleteIfExists(iso);
        }
    }

    private void checkLargeImage(Path iso) {
        List<String> problems = new ArrayList<>();
        Duration timeout = Duration.ofMinutes(10);
        if (check("xorriso", problems)) {
            ReaderListing l = Readers.xorrisoFind(iso);
            Entry e = l.get("/big.bin");
            if (e == null || e.size() != SIZE) {
                problems.add("xorriso -find: /big.bin expected size " + SIZE + ", actual " + e);
            }
            for (Map.Entry<Long, byte[]> m : markers().entrySet()) {
                Path cut = work.resolve("cut-" + m.getKey());
                long off = Math.min(m.getKey(), SIZE - m.getValue().length);
                ExternalTools.runOk(timeout, null, List.of("xorriso", "-abort_on", "FAILURE", "-osirrox", "on",
                        "-indev", iso.toString(), "-extract_cut", "/big.bin", Long.toString(off),
                        Integer.toString(m.getValue().length), cut.toString()));
                try {
                    byte[] got = Files.readAllBytes(cut);
                    if (!java.util.Arrays.equals(got, m.getValue())) {
                        problems.add("xorriso -extract_cut /big.bin at " + off + ": expected '"
                                + new String(m.getValue(), StandardCharsets.ISO_8859_1) + "', actual '"
                                + new String(got, StandardCharsets.ISO_8859_1) + "'");
                    }
                } catch (IOException ex) {
                    problems.add("xorriso -extract_cut at " + off + ": " + ex);
                }
            }
            Path after = work.resolve("after-xorriso.txt");
            ExternalTools.runOk(timeout, null, List.of("xorriso", "-osirrox", "on", "-indev", iso.toString(),
                    "-extract", "/after.txt", after.toString()));
            try {
                if (!Files.readString(after).equals(AFTER_TEXT)) {
                    problems.add("xorriso: /after.txt content differs: " + Files.readString(after));
                }
            } catch (IOException ex) {
                problems.add("xorriso /after.txt: " + ex);
            }
        }
        if (check("bsdtar", problems)) {
            streamCheck("bsdtar -xOf big.bin", List.of("bsdtar", "-xOf", iso.toString(), "big.bin"), problems);
            streamAfter("bsdtar -xOf after.txt", List.of("bsdtar", "-xOf", iso.toString(), "after.txt"), problems);
        }
        if (check("7z", problems)) {
            streamCheck("7z x -so big.bin", List.of("7z", "x", "-so", iso.toString(), "big.bin"), problems);
            streamAfter("7z x -so after.txt", List.of("7z", "x", "-so", iso.toString(), "after.txt"), problems);
        }
        importerCheck(iso, problems);
        if (!problems.isEmpty()) {
            fail("file over 4 GiB (" + SIZE + " bytes):\n  " + String.join("\n  ", problems));
        }
    }

    /** discimage's importer, in every tree: the joined size, several extents, the markers where they were. */
    private static void importerCheck(Path iso, List<String> problems) {
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            SessionReader session = SessionReader.open(sectors, 0);
            for (FileSystem fs : session.fileSystems()) {
                ImportedEntry big = session.readTree(fs).stream().filter(e -> e.name().equalsIgnoreCase("big.bin"))
                        .findFirst().orElse(null);
                if (big == null || big.size() != SIZE || big.extents().size() < 2) {
                    problems.add("importer " + fs + ": big.bin expected " + SIZE + " bytes in several extents, actual "
                            + big);
                    continue;
                }
                for (Map.Entry<Long, byte[]> m : markers().entrySet()) {
                    long off = Math.min(m.getKey(), SIZE - m.getValue().length);
                    byte[] got = readAt(sectors, big.extents(), off, m.getValue().length);
                    if (!java.util.Arrays.equals(got, m.getValue())) {
                        problems.add("importer " + fs + ": at " + off + " expected '"
                                + new String(m.getValue(), StandardCharsets.ISO_8859_1) + "', actual '"
                                + new String(got, StandardCharsets.ISO_8859_1) + "'");
                    }
                }
            }
        } catch (IOException e) {
            problems.add("importer: " + e);
        }
    }

    /** {@code len} bytes at file offset {@code off}, through the extents (a marker may cross two). */
    static byte[] readAt(SectorReader sectors, List<FileExtent> extents, long off, int len) throws IOException {
        byte[] out = new byte[len];
        java.nio.ByteBuffer sector = java.nio.ByteBuffer.allocate(SectorReader.SECTOR_SIZE);
        for (int i = 0; i < len; i++) {
            long pos = off + i;
            long base = 0;
            for (FileExtent e : extents) {
                if (pos < base + e.length()) {
                    long inExtent = pos - base;
                    sector.clear();
                    sectors.read(e.lba() + inExtent / SectorReader.SECTOR_SIZE, sector);
                    out[i] = sector.get((int) (inExtent % SectorReader.SECTOR_SIZE));
                    break;
                }
                base += e.length();
            }
        }
        return out;
    }

    private static boolean check(String tool, List<String> problems) {
        ExternalTools.assumeTool(tool);
        return true;
    }

    /** Streams the big file from a reader's stdout: checks its length, the markers, zeros elsewhere. */
    static void streamCheck(String reader, List<String> cmd, List<String> problems) {
        Map<Long, byte[]> markers = new LinkedHashMap<>();
        for (Map.Entry<Long, byte[]> m : markers().entrySet()) {
            markers.put(Math.min(m.getKey(), SIZE - m.getValue().length), m.getValue());
        }
        long[] total = {0};
        List<String> local = new ArrayList<>();
        ExternalTools.runStreaming(Duration.ofMinutes(10), cmd, in -> {
            byte[] buf = new byte[1 << 20];
            long pos = 0;
            int reported = 0;
            for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] != 0) {
                        byte want = expectedByte(markers, pos + i);
                        if (buf[i] != want && reported++ < 10) {
                            local.add(reader + ": byte at offset " + (pos + i) + " expected " + (want & 0xff)
                                    + ", actual " + (buf[i] & 0xff));
                        }
                    }
                }
                for (Map.Entry<Long, byte[]> m : markers.entrySet()) {
                    byte[] mb = m.getValue();
                    for (int k = 0; k < mb.length; k++) {
                        long off = m.getKey() + k;
                        if (off >= pos && off < pos + n && buf[(int) (off - pos)] != mb[k] && reported++ < 10) {
                            local.add(reader + ": marker byte at offset " + off + " expected " + (mb[k] & 0xff)
                                    + ", actual " + (buf[(int) (off - pos)] & 0xff));
                        }
                    }
                }
                pos += n;
            }
            total[0] = pos;
        });
        problems.addAll(local);
        if (total[0] != SIZE) {
            problems.add(reader + ": expected " + SIZE + " bytes, actual " + total[0]);
        }
    }

    private static byte expectedByte(Map<Long, byte[]> markers, long off) {
        for (Map.Entry<Long, byte[]> m : markers.entrySet()) {
            long start = m.getKey();
            if (off >= start && off < start + m.getValue().length) {
                return m.getValue()[(int) (off - start)];
            }
        }
        return 0;
    }

    static void streamAfter(String reader, List<String> cmd, List<String> problems) {
        byte[][] got = new byte[1][];
        ExternalTools.runStreaming(Duration.ofMinutes(2), cmd, in -> got[0] = in.readAllBytes());
        assertNotNull(got[0]);
        if (!new String(got[0], StandardCharsets.US_ASCII).equals(AFTER_TEXT)) {
            problems.add(reader + ": expected '" + AFTER_TEXT.strip() + "', actual '"
                    + new String(got[0], StandardCharsets.ISO_8859_1) + "'");
        }
    }

}
