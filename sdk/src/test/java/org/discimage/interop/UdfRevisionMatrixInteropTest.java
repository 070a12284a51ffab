package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.UdfRevision;
import org.discimage.importer.FileExtent;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.tree.Directory;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every UDF revision we write (1.02, 1.50, 2.01, 2.50, 2.60), UDF alone and as the ISO 9660 + Joliet
 * + Rock Ridge bridge, built from one small tree (Unicode names, nested directories, an empty file,
 * an empty directory, a symbolic link, a file big enough for the anchor at N - 256) and read back by
 * udfinfo, udfclient, 7-Zip, pycdlib (bridges) and our SessionReader.
 */
@Timeout(120)
class UdfRevisionMatrixInteropTest {
    static final Set<FileSystem> UDF = EnumSet.of(FileSystem.UDF);
    static final Set<FileSystem> BRIDGE = EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE,
            FileSystem.UDF);

    @TempDir
    Path work;

    static Stream<Arguments> matrix() {
        List<Arguments> l = new ArrayList<>();
        for (UdfRevision r : UdfRevision.values()) {
            l.add(Arguments.of(r, false));
            l.add(Arguments.of(r, true));
        }
        return l.stream();
    }

    /** Path (from "/") to content of the files of the tree. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> m = new TreeMap<>();
        m.put("/a.txt", Fixtures.text("hello"));
        m.put("/empty", new byte[0]);
        m.put("/big.bin", Fixtures.pattern(1_100_000, 5));   // the image passes 512 sectors: anchor at N - 256
        m.put("/dir/sub/deep.bin", Fixtures.pattern(4097, 6));
        m.put("/Ünïcödé.txt", Fixtures.text("latin-1 name"));
        m.put("/日本語/ファイル.txt", Fixtures.text("ucs-2 name"));
        return m;
    }

    private Path build(UdfRevision revision, boolean bridge, boolean link) throws IOException {
        return build(revision, bridge, link, true);
    }

    private Path build(UdfRevision revision, boolean bridge, boolean link, boolean redundant) throws IOException {
        ExternalTools.requireUtf8FileNames();
        FileSystemImage image = SdkImages.image(null, bridge ? BRIDGE : UDF, IsoLevel.LEVEL_3);
        image.setUdfRevision(revision);
        image.setCreateRedundantUdfMetadataFiles(redundant);
        Directory root = image.root();
        for (Map.Entry<String, byte[]> e : files().entrySet()) {
            root.addFile(e.getKey().substring(1), e.getValue());
        }
        root.addDirectory("emptydir");
        if (link) {
            root.addSymlink("dir/link", "../a.txt");
        }
        SdkImages.normalizeTimes(root, SdkImages.CLOCK.instant());
        Path img = work.resolve("udf-" + revision + (bridge ? "-bridge" : "") + (link ? "-link" : "")
                + (redundant ? "" : "-single") + ".img");
        image.createResultImage().writeTo(img);
        return img;
    }

    /** What udfinfo prints as udfrev: the minimum read revision, 2.50 for a 2.60 volume. */
    private static String expectedReadRevision(UdfRevision revision) {
        return revision == UdfRevision.R2_60 ? UdfRevision.R2_50.toString() : revision.toString();
    }

    private static String key(String out, String key) {
        for (String line : out.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError("udfinfo prints no " + key + ":\n" + out);
    }

    /**
     * udfinfo (udftools 2.3) names the revision, finds the volume closed, lists the anchors at 256,
     * N - 256 and N - 1, and prints nothing on stderr.
     */
    @ParameterizedTest(name = "{0} bridge={1}")
    @MethodSource("matrix")
    void udfinfo(UdfRevision revision, boolean bridge) throws IOException {
        ExternalTools.assumeTool("udfinfo");
        Path img = build(revision, bridge, true);
        ExternalTools.Result r = ExternalTools.runOk(work, "udfinfo", img.toString());
        assertEquals("", r.err(), r.describe());
        String out = r.out();
        // udfinfo's udfrev is the LVID's minimum read revision, which a 2.60 volume records as 2.50
        // (UDF 2.60 2.2.6.4: "at most #0250"); udfwriterev is the revision written
        assertEquals(expectedReadRevision(revision), key(out, "udfrev"), out);
        assertEquals(revision.toString(), key(out, "udfwriterev"), out);
        assertEquals("closed", key(out, "integrity"), out);
        assertEquals("7", key(out, "numfiles"), out);   // 6 files and the link
        assertEquals("5", key(out, "numdirs"), out);    // /, dir, dir/sub, emptydir, 日本語
        long n = Files.size(img) / 2048;
        assertEquals(Long.toString(n), key(out, "blocks"), out);
        List<String> anchors = out.lines().filter(l -> l.endsWith("type=ANCHOR")).toList();
        assertEquals(List.of("start=256, blocks=1, type=ANCHOR", "start=" + (n - 257) + ", blocks=1, type=ANCHOR",
                "start=" + (n - 1) + ", blocks=1, type=ANCHOR"), anchors, out);
    }

    /** udfclient lists and extracts the ASCII-named files (it garbles non-ASCII names: not compared). */
    @ParameterizedTest(name = "{0} bridge={1}")
    @MethodSource("matrix")
    void udfclient(UdfRevision revision, boolean bridge) throws IOException {
        ExternalTools.assumeTool("udfclient", "udfinfo");
        Path img = build(revision, bridge, true);
        String info = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
        Path out = Files.createDirectories(work.resolve("udfclient-out"));
        String label = key(info, "lvid");
        String cmds = "cd \"" + key(info, "fullvsid") + ":" + label + ":" + label + ":" + key(info, "fsid")
                + "\"\nls\ncd dir\nls\ncd ..\nlcd " + out + "\nmget a.txt empty big.bin dir\nquit\n";
        Path script = work.resolve("udfclient.cmds");
        Files.writeString(script, cmds, StandardCharsets.UTF_8);
        ExternalTools.Result r = ExternalTools.runOk(Duration.ofSeconds(60), work,
                List.of("sh", "-c", "udfclient -b 2048 \"$0\" < \"$1\"", img.toString(), script.toString()));
        for (String name : List.of("a.txt", "empty", "big.bin", "emptydir", "link", "sub")) {
            assertTrue(r.out().contains(" " + name + "\n"), "udfclient ls lacks " + name + "\n" + r.out());
        }
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            if (f.getKey().chars().allMatch(c -> c < 0x80)) {
                Path p = out.resolve(f.getKey().substring(1));
                assertTrue(Files.isRegularFile(p), "udfclient did not extract " + f.getKey() + "\n" + r.out());
                assertEquals(ReaderListing.sha256(f.getValue()), ReaderListing.sha256(Files.readAllBytes(p)), f.getKey());
            }
        }
    }

    /**
     * 7-Zip (26.02) extracts every file of a tree without links, through UDF. With a symbolic link
     * its UDF handler refuses the whole volume (it accepts only directory, file and real-time file
     * entries), at every revision: a UDF-only image gives "ERROR: ... : Cannot open the file as
     * archive" (exit code 2), with {@code -tUdf} "Open ERROR: Cannot open the file as [Udf] archive"
     * and "Unsupported feature"; the bridge is opened through its ISO 9660 side ("Type = Iso").
     */
    @ParameterizedTest(name = "{0} bridge={1}")
    @MethodSource("matrix")
    void sevenZip(UdfRevision revision, boolean bridge) throws IOException {
        ExternalTools.assumeTool("7z");
        Path img = build(revision, bridge, false);
        Path out = work.resolve("7z-out");
        ExternalTools.Result r = ExternalTools.runOk(work, "7z", "x", "-y", "-o" + out, img.toString());
        assertTrue(!r.out().contains("WARNING") && !r.out().contains("ERROR"), r.describe());
        assertTrue(r.out().contains("Type = Udf"), "7-Zip reads the UDF side\n" + r.describe());
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                found.put("/" + out.relativize(p), ReaderListing.sha256(Files.readAllBytes(p)));
            }
        }
        Map<String, String> want = new TreeMap<>();
        files().forEach((k, v) -> want.put(k, ReaderListing.sha256(v)));
        assertEquals(want, found, r.out());
        assertTrue(Files.isDirectory(out.resolve("emptydir")));

        Path linked = build(revision, bridge, true);
        ExternalTools.Result l = ExternalTools.run(Duration.ofSeconds(60), work,
                List.of("7z", "l", linked.toString()));
        if (bridge) {
            assertEquals(0, l.exitCode(), l.describe());
            assertTrue(l.out().contains("Type = Iso"), "7-Zip falls back to ISO 9660\n" + l.describe());
        } else {
            assertNotEquals(0, l.exitCode(), l.describe());
            assertTrue((l.out() + l.err()).contains("Cannot open the file as archive"), l.describe());
            ExternalTools.Result typed = ExternalTools.run(Duration.ofSeconds(60), work,
                    List.of("7z", "l", "-tUdf", linked.toString()));
            String all = typed.out() + typed.err();
            assertTrue(all.contains("Open ERROR: Cannot open the file as [Udf] archive")
                    && all.contains("Unsupported feature"), typed.describe());
        }
    }

    /**
     * pycdlib (1.x, Debian's python3-pycdlib) reads the UDF side of bridges up to 2.01 (File Entries
     * in a type-1 partition). For 2.50 and 2.60 it refuses the image in {@code open()}: "Partition
     * map goes beyond end of data, ISO corrupt" — its LVD parser compares {@code offset + map_len}
     * with the bytes left <em>after</em> {@code offset}, so a second map after the first 6-byte one
     * never fits (mkudffs' two-map VAT volumes hit the same check); it would not get further anyway,
     * as it addresses every UDF structure through the first partition and reads only File Entries.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("revisions")
    void pycdlibOnTheBridge(UdfRevision revision) throws IOException {
        ExternalTools.assumeTool("pycdlib");
        Path img = build(revision, true, true);
        String out = Readers.pycdlibUdfHashes(img, work);
        if (revision.code() >= 0x0250) {
            assertEquals("OPEN-FAILED PyCdlibInvalidISO: Partition map goes beyond end of data, ISO corrupt", out.strip());
            return;
        }
        Map<String, String> found = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                found.put(line.substring(65), line.substring(0, 64));
            }
        }
        Map<String, String> want = new TreeMap<>();
        files().forEach((k, v) -> want.put(k, ReaderListing.sha256(v)));
        assertEquals(want, found, out);
    }

    static Stream<UdfRevision> revisions() {
        return Stream.of(UdfRevision.values());
    }

    /** Our reader: the revision, every path, type, size and byte; the link's target; in the bridge UDF and Rock Ridge agree. */
    @ParameterizedTest(name = "{0} bridge={1}")
    @MethodSource("matrix")
    void sessionReader(UdfRevision revision, boolean bridge) throws IOException {
        Path img = build(revision, bridge, true);
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            SessionReader session = SessionReader.open(s, 0);
            assertEquals(bridge ? BRIDGE : UDF, session.fileSystems());
            assertEquals(revision, session.udfRevision().orElseThrow());
            Map<String, ImportedEntry> t = new TreeMap<>();
            for (ImportedEntry e : session.readTree(FileSystem.UDF)) {
                t.put(e.path(), e);
            }
            assertEquals(List.of("/", "/a.txt", "/big.bin", "/dir", "/dir/link", "/dir/sub", "/dir/sub/deep.bin",
                    "/empty", "/emptydir", "/Ünïcödé.txt", "/日本語", "/日本語/ファイル.txt"), new ArrayList<>(t.keySet()));
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                ImportedEntry e = t.get(f.getKey());
                assertNotNull(e, f.getKey());
                assertEquals(ItemType.FILE, e.type(), f.getKey());
                assertEquals(f.getValue().length, e.size(), f.getKey());
                assertArrayEquals(f.getValue(), data(s, e), f.getKey());
            }
            assertEquals("../a.txt", t.get("/dir/link").symlinkTarget());
            if (bridge) {
                Map<String, ImportedEntry> rr = new TreeMap<>();
                for (ImportedEntry e : session.readTree(FileSystem.ROCK_RIDGE)) {
                    rr.put(e.path(), e);
                }
                assertEquals(t.keySet(), rr.keySet());
                assertEquals(rr.get("/big.bin").extents(), t.get("/big.bin").extents(), "one copy of the data");
            }
        }
    }

    /** Determinism: the same tree, options and clock give the same bytes, at every revision. */
    @ParameterizedTest(name = "{0} bridge={1}")
    @MethodSource("matrix")
    void twoBuildsGiveTheSameBytes(UdfRevision revision, boolean bridge) throws IOException {
        Path a = build(revision, bridge, true);
        byte[] first = Files.readAllBytes(a);
        Files.delete(a);
        assertArrayEquals(first, Files.readAllBytes(build(revision, bridge, true)));
    }

    /**
     * Without redundant metadata (IMAPI2 CreateRedundantUdfMetadataFiles = false) the mirror file
     * names the metadata file's blocks: udfinfo, udfclient, 7-Zip and our reader read the image, and
     * it is one allocation unit (32 blocks) smaller than with the copy.
     */
    @ParameterizedTest(name = "{0} bridge={1}")
    @MethodSource("metadataRevisions")
    void withoutRedundantMetadata(UdfRevision revision, boolean bridge) throws IOException {
        ExternalTools.assumeTool("udfinfo", "udfclient", "7z");
        Path img = build(revision, bridge, false, false);
        Path redundant = build(revision, bridge, false, true);
        assertEquals(Files.size(redundant) - 32 * 2048, Files.size(img));
        ExternalTools.Result info = ExternalTools.runOk(work, "udfinfo", img.toString());
        assertEquals("", info.err(), info.describe());
        assertEquals(expectedReadRevision(revision), key(info.out(), "udfrev"));
        assertEquals(revision.toString(), key(info.out(), "udfwriterev"));
        String label = key(info.out(), "lvid");
        Path out = Files.createDirectories(work.resolve("udfclient-single"));
        Path script = work.resolve("single.cmds");
        Files.writeString(script, "cd \"" + key(info.out(), "fullvsid") + ":" + label + ":" + label + ":"
                + key(info.out(), "fsid") + "\"\nlcd " + out + "\nmget big.bin dir\nquit\n", StandardCharsets.UTF_8);
        ExternalTools.runOk(Duration.ofSeconds(60), work,
                List.of("sh", "-c", "udfclient -b 2048 \"$0\" < \"$1\"", img.toString(), script.toString()));
        assertArrayEquals(files().get("/big.bin"), Files.readAllBytes(out.resolve("big.bin")));
        assertArrayEquals(files().get("/dir/sub/deep.bin"), Files.readAllBytes(out.resolve("dir/sub/deep.bin")));
        Path x = work.resolve("7z-single");
        ExternalTools.Result z = ExternalTools.runOk(work, "7z", "x", "-y", "-o" + x, img.toString());
        assertTrue(!z.out().contains("WARNING") && !z.out().contains("ERROR") && z.out().contains("Type = Udf"),
                z.describe());
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(x.resolve(f.getKey().substring(1))), f.getKey());
        }
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            Map<String, ImportedEntry> t = new TreeMap<>();
            for (ImportedEntry e : SessionReader.open(s, 0).readTree(FileSystem.UDF)) {
                t.put(e.path(), e);
            }
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                assertArrayEquals(f.getValue(), data(s, t.get(f.getKey())), f.getKey());
            }
        }
    }

    static Stream<Arguments> metadataRevisions() {
        return Stream.of(Arguments.of(UdfRevision.R2_50, false), Arguments.of(UdfRevision.R2_60, true));
    }

    private static byte[] data(SectorReader sectors, ImportedEntry e) throws IOException {
        if (e.embeddedData() != null) {
            return e.embeddedData();
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(e.size()));
        for (FileExtent x : e.extents()) {
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(x.sectors() * SectorReader.SECTOR_SIZE));
            sectors.read(x.lba(), buf);
            out.put(buf.array(), 0, (int) Math.min(x.length(), out.remaining()));
        }
        return out.array();
    }
}
