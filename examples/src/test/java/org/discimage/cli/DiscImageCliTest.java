package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.discimage.FileSystemImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscImageCliTest {
    @TempDir
    Path tmp;

    Path src;

    @BeforeEach
    void makeTree() throws IOException {
        src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("readme.txt"), "hello\n");
        Files.createDirectories(src.resolve("docs/deep"));
        Files.write(src.resolve("docs/deep/data.bin"), new byte[5000]);
        Files.writeString(src.resolve("docs/Mixed Case Name.text"), "x");
        Files.createSymbolicLink(src.resolve("link"), Path.of("readme.txt"));
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = CliRun.run("--help");
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().contains("build") && help.out().contains("ls") && help.out().contains("info")
                && help.out().contains("extract"), help::toString);
        CliRun version = CliRun.run("--version");
        assertEquals(0, version.exitCode(), version::toString);
        assertTrue(version.out().startsWith("discimage "), version::toString);
        assertEquals(0, CliRun.run("build", "--help").exitCode());
        assertEquals(0, CliRun.run("ls", "--help").exitCode());
        assertEquals(0, CliRun.run("info", "--help").exitCode());
        assertEquals(0, CliRun.run("extract", "--help").exitCode());
    }

    @Test
    void buildsUdfOnlyImagesAtAChosenRevision() throws Exception {
        for (String rev : List.of("1.02", "1.50", "2.01", "2.50", "2.60")) {
            Path img = tmp.resolve("udf-" + rev + ".img");
            CliRun b = CliRun.run("build", "-o", img.toString(), "--fs", "udf", "--udf-revision", rev, src.toString());
            assertEquals(0, b.exitCode(), b::toString);
            CliRun info = CliRun.run("info", img.toString());
            assertEquals(0, info.exitCode(), info::toString);
            assertTrue(info.out().contains("udf revision:     " + rev), info::toString);
            assertTrue(info.out().contains("file systems:     udf"), info::toString);
            String u = ExternalTool.run("udfinfo", img.toString());  // skips locally without udftools
            // udfinfo's udfrev is the minimum read revision (2.50 for 2.60, UDF 2.60 2.2.6.4)
            assertTrue(u.contains("udfrev=" + (rev.equals("2.60") ? "2.50" : rev)), u);
            assertTrue(u.contains("udfwriterev=" + rev), u);
        }
        Path bridge = tmp.resolve("bridge.iso");
        CliRun b = CliRun.run("build", "-o", bridge.toString(), "--fs", "iso9660,joliet,rockridge,udf", src.toString());
        assertEquals(0, b.exitCode(), b::toString);
        CliRun info = CliRun.run("info", bridge.toString());
        assertTrue(info.out().contains("file systems:     iso9660, joliet, rockridge, udf"), info::toString);
        CliRun udfLs = CliRun.run("ls", "--fs", "udf", bridge.toString());
        CliRun rrLs = CliRun.run("ls", bridge.toString());
        assertEquals(rrLs.out().lines().sorted().toList(), udfLs.out().lines().sorted().toList(),
                "the UDF and Rock Ridge trees of the bridge list the same paths");
        assertTrue(rrLs.out().lines().count() > 3, rrLs::toString);
    }

    @Test
    void usageErrorsExitTwo() {
        for (String[] args : List.of(new String[] {}, new String[] {"frobnicate"}, new String[] {"build", src.toString()},
                new String[] {"build", "-o", "x.iso"}, new String[] {"build", "-o", "x.iso", "--fs", "udf", "--udf-revision", "2.00", src.toString()},
                new String[] {"build", "-o", "x.iso", "--fs", "udf", "--udf-revision", "3.00", src.toString()},
                new String[] {"build", "-o", "x.iso", "--udf-revision", "2.01", src.toString()},
                new String[] {"build", "-o", "x.iso", "--fs", "rockridge", src.toString()},
                new String[] {"build", "-o", "x.iso", "--iso-level", "4", src.toString()},
                new String[] {"ls"}, new String[] {"ls", "x.iso", "--fs", "hfs"},
                new String[] {"ls", "x.iso", "--session-start", "-1"}, new String[] {"ls", "x.iso", "--session-start", "ten"},
                new String[] {"info"}, new String[] {"info", "x.iso", "y.iso"}, new String[] {"info", "x.iso", "--fs", "joliet"},
                new String[] {"extract", "x.iso"}, new String[] {"extract", "x.iso", "d", "--fs", "hfs"})) {
            CliRun r = CliRun.run(args);
            assertEquals(2, r.exitCode(), () -> Arrays.toString(args) + "\n" + r);
            assertTrue(r.err().startsWith("discimage: "), r::toString);
        }
    }

    @Test
    void missingSourceExitsOneWithTheErrorCode() {
        Path out = tmp.resolve("out.iso");
        CliRun r = CliRun.run("build", "-o", out.toString(), tmp.resolve("nothing-here").toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("discimage: source "), r::toString);
        assertTrue(r.err().contains("0xC0AAB12A"), r::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void badSourceDateEpochExitsOne() {
        CliRun r = CliRun.run(Map.of("SOURCE_DATE_EPOCH", "yesterday"), "build", "-o",
                tmp.resolve("o.iso").toString(), src.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("SOURCE_DATE_EPOCH"), r::toString);
    }

    @Test
    void lsOfMissingOrBrokenImageExitsOne() throws IOException {
        CliRun missing = CliRun.run("ls", tmp.resolve("none.iso").toString());
        assertEquals(1, missing.exitCode(), missing::toString);
        Path junk = Files.write(tmp.resolve("junk.iso"), new byte[40 * 2048]);
        CliRun broken = CliRun.run("ls", junk.toString());
        assertEquals(1, broken.exitCode(), broken::toString);
        assertTrue(broken.err().startsWith("discimage: "), broken::toString);
        assertTrue(broken.err().contains("0xC0AAB151"), broken::toString);  // NO_SUPPORTED_FILE_SYSTEM
    }

    @Test
    void lsListsAnXorrisoImage() throws Exception {
        checkLs("xorriso");
    }

    @Test
    void lsListsAGenisoimageImage() throws Exception {
        checkLs("genisoimage");
    }

    private void checkLs(String tool) throws Exception {
        Path iso = ExternalTool.mkisofs(tool, src, tmp.resolve(tool + ".iso"));
        CliRun plain = CliRun.run("ls", iso.toString());
        assertEquals(0, plain.exitCode(), plain::toString);
        List<String> lines = List.of(plain.out().split("\n"));
        assertEquals("/", lines.get(0), "the root first");
        assertEquals(Set.of("/", "/readme.txt", "/docs", "/docs/deep", "/docs/deep/data.bin",
                "/docs/Mixed Case Name.text", "/link"), Set.copyOf(lines), plain::toString);
        assertTrue(lines.indexOf("/docs") < lines.indexOf("/docs/deep/data.bin"), "pre-order");

        CliRun r = CliRun.run("ls", "-l", iso.toString());
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, String[]> byPath = Arrays.stream(r.out().split("\n"))
                .map(l -> l.trim().split("\\s+", 7)).collect(Collectors.toMap(f -> f[6], f -> f));
        assertEquals(Set.of("/", "/readme.txt", "/docs", "/docs/deep", "/docs/deep/data.bin",
                "/docs/Mixed Case Name.text", "/link -> readme.txt"), byPath.keySet(), r::toString);
        String[] readme = byPath.get("/readme.txt");
        assertTrue(readme[0].matches("-rw-r--r--"), r::toString);
        assertEquals("1", readme[1]);
        assertEquals("6", readme[4]);
        assertTrue(readme[5].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), readme[5]);
        assertEquals(LsCommand.time(Files.getLastModifiedTime(src.resolve("readme.txt")).toInstant()), readme[5]);
        assertEquals("5000", byPath.get("/docs/deep/data.bin")[4]);
        assertTrue(byPath.get("/docs")[0].startsWith("d"), r::toString);
        assertTrue(byPath.get("/link -> readme.txt")[0].startsWith("l"), r::toString);

        CliRun joliet = CliRun.run("ls", "-l", "--fs", "joliet", iso.toString());
        assertEquals(0, joliet.exitCode(), joliet::toString);
        assertTrue(joliet.out().contains(" /docs/Mixed Case Name.text\n"), joliet::toString);
        assertTrue(joliet.out().contains("-?????????"), "Joliet records no modes: " + joliet);
        CliRun iso9660 = CliRun.run("ls", "--fs", "iso9660", iso.toString());
        assertEquals(0, iso9660.exitCode(), iso9660::toString);
        assertTrue(iso9660.out().contains("/README.TXT\n"), iso9660::toString);
        CliRun udf = CliRun.run("ls", "--fs", "udf", iso.toString());
        assertEquals(1, udf.exitCode(), udf::toString);
        assertTrue(udf.err().contains("has no udf tree") && udf.err().contains("0xC0AAB152"), udf::toString);

        CliRun info = CliRun.run("info", iso.toString());
        assertEquals(0, info.exitCode(), info::toString);
        Map<String, String> facts = info(info.out());
        assertEquals(List.of("image", "size", "session start", "file systems", "default", "volume iso9660",
                "volume joliet", "volume rockridge", "directories", "files", "symlinks", "devices", "data bytes",
                "sessions", "session 1"), List.copyOf(facts.keySet()), info::toString);
        // a single session at LBA 0 (mkisofs style), as xorriso -toc lists it
        assertEquals("1", facts.get("sessions"));
        assertEquals("start 0, " + Files.size(iso) / 2048 + " sectors, volume " + facts.get("volume iso9660")
                + ", file systems iso9660, joliet, rockridge", facts.get("session 1"));
        assertEquals("iso9660, joliet, rockridge", facts.get("file systems"));
        assertEquals("rockridge", facts.get("default"));
        assertEquals("3", facts.get("directories"));
        assertEquals("3", facts.get("files"));
        assertEquals("1", facts.get("symlinks"));
        assertEquals("5007", facts.get("data bytes"));
        long bytes = Files.size(iso);
        assertEquals(bytes / 2048 + " sectors, " + bytes + " bytes", facts.get("size"));
    }

    /** The {@code key: value} lines of {@code info}, in order. */
    static Map<String, String> info(String out) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int colon = line.indexOf(": ");
            facts.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return facts;
    }

    @Test
    void sessionStartAndLenientOptions() throws Exception {
        ExternalTool.require("xorriso");
        Path iso = ExternalTool.mkisofs("xorriso", src, tmp.resolve("x.iso"));
        for (String cmd : List.of("ls", "info")) {
            CliRun start0 = CliRun.run(cmd, "--session-start", "0", "--lenient", iso.toString());
            assertEquals(0, start0.exitCode(), start0::toString);
            assertEquals("", start0.err(), "a clean image gives no warning");
            CliRun beyond = CliRun.run(cmd, "--session-start", "100000", iso.toString());
            assertEquals(1, beyond.exitCode(), beyond::toString);
            assertTrue(beyond.err().startsWith("discimage: ") && beyond.err().contains("0xC0AAB150"), beyond::toString);
            CliRun notThere = CliRun.run(cmd, "--session-start", "20", iso.toString());
            assertEquals(1, notThere.exitCode(), notThere::toString);
            assertFalse(notThere.err().contains("internal error") || notThere.err().contains("\tat "), notThere::toString);
        }
    }

    @Test
    void warningsArePrintedOnePerLine() {
        java.io.StringWriter sw = new java.io.StringWriter();
        org.discimage.error.Diagnostics sink = ImportOptionsMixin.warnings(new java.io.PrintWriter(sw));
        sink.report(new org.discimage.error.Diagnostic("Rock Ridge SL entry of /a/link", 40, "component flags 0x80 ignored"));
        sink.report(new org.discimage.error.Diagnostic("UDF named streams of /f", -1, "not imported"));
        assertEquals("warning: Rock Ridge SL entry of /a/link at LBA 40: component flags 0x80 ignored\n"
                + "warning: UDF named streams of /f: not imported\n", sw.toString().replace("\r\n", "\n"));
    }

    @Test
    void lsLongFormatsModesDevicesAndMarks() {
        java.time.Instant t = java.time.Instant.parse("2023-11-14T22:13:20.75Z");
        org.discimage.importer.ImportedEntry dev = new org.discimage.importer.ImportedEntry("/dev/sda",
                org.discimage.tree.ItemType.DEVICE, 0, 060640, 0, 6, t, null, null, null, List.of(), null, 1, -1,
                (8L << 32) | 1, Set.of());
        assertEquals("brw-r-----   1     0     6          8,1 2023-11-14T22:13:20Z /dev/sda", LsCommand.formatLong(dev));
        org.discimage.importer.ImportedEntry z = new org.discimage.importer.ImportedEntry("/bin/t\nmp",
                org.discimage.tree.ItemType.FILE, 10, 0104755, 1000, 100, t, null, null, null, List.of(), null, 2, 7, -1,
                Set.of(org.discimage.importer.ImportedEntry.Flag.ZISOFS, org.discimage.importer.ImportedEntry.Flag.HIDDEN));
        assertEquals("-rwsr-xr-x   2  1000   100           10 2023-11-14T22:13:20Z /bin/t\\x0amp [zisofs] [hidden]",
                LsCommand.formatLong(z));
        org.discimage.importer.ImportedEntry sticky = org.discimage.importer.ImportedEntry.of("/tmp",
                org.discimage.tree.ItemType.DIRECTORY, 2048, 041776, 0, 0, t, null, List.of(), false);
        assertEquals("drwxrwxrwT", LsCommand.modeString(sticky));
    }

    @Test
    void buildThenLsRoundTrip() throws IOException {
        assumePlannerExists();
        Path out = tmp.resolve("out.iso");
        Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1700000000");
        CliRun build = CliRun.run(env, "build", "-o", out.toString(), "-V", "TEST_VOL", src.toString(),
                "extra/copy.txt=" + src.resolve("readme.txt"), "tree=" + src.resolve("docs"));
        assertEquals(0, build.exitCode(), build::toString);
        assertTrue(build.err().contains("sectors"), build::toString);
        CliRun ls = CliRun.run("ls", out.toString());
        assertEquals(0, ls.exitCode(), ls::toString);
        Set<String> paths = new TreeSet<>();
        for (String line : ls.out().split("\n")) {
            paths.add(line.split("\t")[0]);
        }
        assertTrue(paths.containsAll(Set.of("/readme.txt", "/docs/deep/data.bin", "/link", "/extra/copy.txt",
                "/tree/deep/data.bin", "/tree/Mixed Case Name.text")), ls::toString);

        Path again = tmp.resolve("again.iso");
        assertEquals(0, CliRun.run(env, "build", "-o", again.toString(), "-V", "TEST_VOL", src.toString(),
                "extra/copy.txt=" + src.resolve("readme.txt"), "tree=" + src.resolve("docs")).exitCode());
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again), "SOURCE_DATE_EPOCH build is reproducible");
    }

    private static void assumePlannerExists() throws IOException {
        try {
            FileSystemImage probe = new FileSystemImage();
            probe.root().addFile("probe", "x".getBytes(StandardCharsets.US_ASCII));
            probe.createResultImage();
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "the planner is not written yet: " + e.getMessage());
        }
    }
}
