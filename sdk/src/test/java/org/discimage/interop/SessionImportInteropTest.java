package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.discimage.FileSystem;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import relative to a session start: an image file grown by xorriso over two sessions, each
 * session read at the start {@code xorriso -toc} reports; and hard links as xorriso records them.
 */
class SessionImportInteropTest {
    private static final Pattern TOC_SESSION = Pattern.compile("ISO session\\s*:\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,");

    @TempDir
    Path work;

    @Test
    void eachSessionOfAGrownImageReadsAtItsStart() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path s1 = Files.createDirectories(work.resolve("s1"));
        Path s2 = Files.createDirectories(work.resolve("s2"));
        Files.writeString(s1.resolve("one.txt"), "one\n");
        Files.writeString(s2.resolve("two.txt"), "two\n");
        Path img = work.resolve("grown.iso");
        ExternalTools.runOk(null, "xorriso", "-dev", img.toString(), "-map", s1.toString(), "/", "-commit");
        ExternalTools.runOk(null, "xorriso", "-dev", img.toString(), "-map", s2.toString(), "/next", "-commit");
        List<Long> starts = new ArrayList<>();
        Matcher m = TOC_SESSION.matcher(ExternalTools.runOk(null, "xorriso", "-indev", img.toString(), "-toc").out());
        while (m.find()) {
            starts.add(Long.parseLong(m.group(2)));
        }
        assertEquals(2, starts.size(), "xorriso -toc lists two sessions");
        try (SectorReader sectors = ImageFileSectorReader.open(img)) {
            assertEquals(List.of("/", "/one.txt"), paths(sectors, starts.get(0)));
            assertEquals(List.of("/", "/next", "/next/two.txt", "/one.txt"), paths(sectors, starts.get(1)));
            // LBA 0: the header xorriso rewrites with a copy of the newest descriptors
            assertEquals(paths(sectors, starts.get(1)), paths(sectors, 0));
            assertEquals("one\n", new String(TreeImportData.read(sectors, entry(sectors, starts.get(1), "/one.txt"))));
        }
    }

    @Test
    void hardLinksShareSerialNumberAndExtent() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path src = Files.createDirectories(work.resolve("src"));
        Files.writeString(src.resolve("a.txt"), "shared content\n");
        Files.createLink(src.resolve("b.txt"), src.resolve("a.txt"));
        Files.writeString(src.resolve("c.txt"), "other\n");
        Path img = work.resolve("hard.iso");
        ExternalTools.runOk(null, "xorriso", "-hardlinks", "on", "-outdev", img.toString(), "-map", src.toString(),
                "/", "-commit");
        try (SectorReader sectors = ImageFileSectorReader.open(img)) {
            ImportedEntry a = entry(sectors, 0, "/a.txt");
            ImportedEntry b = entry(sectors, 0, "/b.txt");
            ImportedEntry c = entry(sectors, 0, "/c.txt");
            assertEquals(2, a.linkCount(), a.toString());
            assertEquals(2, b.linkCount(), b.toString());
            assertEquals(1, c.linkCount(), c.toString());
            assertTrue(a.fileId() >= 0, "PX of RRIP 1.12 records a serial number");
            assertEquals(a.fileId(), b.fileId());
            assertNotEquals(a.fileId(), c.fileId());
            assertEquals(a.extents(), b.extents(), "one copy of the data");
        }
    }

    @Test
    void xorrisosDeviceNumbersReadAsMajorAndMinor() throws IOException {
        ExternalTools.assumeTool("xorriso", "mknod");
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "mknod needs root");
        Path src = Files.createDirectories(work.resolve("dev"));
        for (List<String> node : List.of(List.of("sda1", "b", "8", "1"), List.of("odd", "c", "300", "70000"))) {
            List<String> cmd = new ArrayList<>(List.of("mknod", src.resolve(node.get(0)).toString()));
            cmd.addAll(node.subList(1, 4));
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    ExternalTools.run(ExternalTools.DEFAULT_TIMEOUT, null, cmd).exitCode() == 0,
                    "mknod refused here (no CAP_MKNOD)");
        }
        Path img = work.resolve("dev.iso");
        ExternalTools.runOk(null, "xorriso", "-as", "mkisofs", "-quiet", "-R", "-o", img.toString(), src.toString());
        try (SectorReader sectors = ImageFileSectorReader.open(img)) {
            ImportedEntry sda = entry(sectors, 0, "/sda1");
            ImportedEntry odd = entry(sectors, 0, "/odd");
            assertEquals(org.discimage.tree.ItemType.DEVICE, sda.type());
            assertEquals(8L << 32 | 1, sda.device());
            assertEquals(0060000, sda.mode() & 0170000);
            assertEquals(300L << 32 | 70000, odd.device());
            assertEquals(0020000, odd.mode() & 0170000);
        }
    }

    private static List<String> paths(SectorReader sectors, long start) throws IOException {
        return SessionReader.open(sectors, start).readTree(FileSystem.ROCK_RIDGE).stream().map(ImportedEntry::path)
                .sorted().toList();
    }

    private static ImportedEntry entry(SectorReader sectors, long start, String path) throws IOException {
        Map<String, ImportedEntry> all = SessionReader.open(sectors, start).readTree(FileSystem.ROCK_RIDGE).stream()
                .collect(Collectors.toMap(ImportedEntry::path, e -> e));
        return all.get(path);
    }

    /** Reads an imported file's bytes through {@link org.discimage.importer.ImportedSource}. */
    static final class TreeImportData {
        static byte[] read(SectorReader sectors, ImportedEntry e) throws IOException {
            try (var in = java.nio.channels.Channels.newInputStream(
                    org.discimage.importer.ImportedSource.of(sectors, e).openChannel())) {
                return in.readAllBytes();
            }
        }
    }
}
