package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.discimage.FileSystem;
import org.discimage.UdfRevision;
import org.discimage.error.Diagnostic;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads UDF images made by mkudffs (populated with udfclient, no mount), genisoimage and pycdlib and
 * compares every tree with its source: names, types, sizes, SHA-256 of the data read through the
 * imported extents, symbolic link targets.
 */
@Timeout(180)
class UdfReaderInteropTest {
    @TempDir
    Path tmp;
    Path src;

    @BeforeEach
    void makeTree() throws IOException {
        src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("a.txt"), "hello\n");
        Files.createDirectories(src.resolve("dir/sub"));
        Files.writeString(src.resolve("dir/d.txt"), "deep\n");
        Files.writeString(src.resolve("dir/sub/x.txt"), "x".repeat(3000));
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + i / 7);
        }
        Files.write(src.resolve("big.bin"), big);
    }

    static Stream<Arguments> writableMedia() {
        List<Arguments> list = new ArrayList<>();
        for (String media : List.of("hd", "dvd", "dvdram")) {
            for (String rev : List.of("1.02", "1.50", "2.01")) {
                list.add(Arguments.of(media, rev));
            }
        }
        for (String media : List.of("dvdrw", "cdrw")) {
            for (String rev : List.of("1.50", "2.01")) {
                list.add(Arguments.of(media, rev));
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "mkudffs --media-type={0} --udfrev={1}")
    @MethodSource("writableMedia")
    void mkudffsImagePopulatedByUdfclient(String media, String rev) throws Exception {
        Path img = UdfTestImages.mkudffs(tmp.resolve(media + ".udf"), media, rev);
        UdfTestImages.udfclientPut(img, src, List.of("a.txt", "dir", "big.bin"), List.of("e"));
        Files.createDirectories(src.resolve("e"));
        List<Diagnostic> diags = new ArrayList<>();
        Map<String, ImportedEntry> tree = visible(UdfTestImages.tree(img, diags));
        assertEquals(List.of(), diags);
        assertTreeMatches(img, tree, false);
        assertModesMatch(tree);
        assertEquals(UdfTestImages.udfinfo(img, "numdirs"), Long.toString(count(tree, ItemType.DIRECTORY)));
        assertEquals(UdfTestImages.udfclientLs(img, ""), names(tree, "/"));
        assertEquals(UdfTestImages.udfclientLs(img, "dir"), names(tree, "/dir"));
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            SessionReader session = SessionReader.open(s, 0);
            assertEquals(FileSystem.UDF, session.defaultFileSystem());
            assertEquals(UdfRevision.ofCode(Integer.parseInt(rev.replace(".", ""), 16)),
                    session.udfRevision().orElseThrow());
            assertEquals("Vol" + media, session.volumeName(FileSystem.UDF));
        }
    }

    static Stream<Arguments> vatMedia() {
        List<Arguments> list = new ArrayList<>();
        for (String media : List.of("cdr", "dvdr")) {
            for (String rev : List.of("1.50", "2.01", "2.50", "2.60")) {
                list.add(Arguments.of(media, rev));
            }
        }
        list.add(Arguments.of("bdr", "2.50"));
        list.add(Arguments.of("bdr", "2.60"));
        return list.stream();
    }

    /** mkudffs writes only the VAT session of a write-once disc (its last sector is the VAT ICB, not an anchor). */
    @ParameterizedTest(name = "mkudffs --media-type={0} --udfrev={1} (VAT)")
    @MethodSource("vatMedia")
    void mkudffsVatImage(String media, String rev) throws Exception {
        Path img = UdfTestImages.mkudffs(tmp.resolve(media + ".udf"), media, rev);
        List<Diagnostic> diags = new ArrayList<>();
        List<ImportedEntry> tree = UdfTestImages.tree(img, diags);
        assertEquals(List.of(), diags);
        assertEquals(1, tree.size());
        assertEquals("/", tree.get(0).path());
        assertEquals(0040755, tree.get(0).mode());
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            UdfVolumeReader r = UdfVolumeReader.open(s, 0, ImportOptions.strict());
            assertEquals(rev, r.revision().toString());
            assertEquals("Vol" + media, r.volumeName());
        }
    }

    /** mkudffs variants: ICB strategy 4096, short and long allocation descriptors, FE instead of EFE, read-only. */
    @ParameterizedTest(name = "mkudffs --media-type=hd {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--strategy=4096", "--ad=short", "--ad=long", "--noefe",
            "--read-only"})
    void mkudffsOptions(String option) throws Exception {
        UdfTestImages.require("mkudffs");
        Path img = tmp.resolve("opt.udf");
        UdfTestImages.runOk(List.of("mkudffs", "-b", "2048", "--media-type=hd", option, "--label=Volhd",
                "--new-file", img.toString(), "20000"), null, null);
        if (!option.equals("--read-only")) {
            UdfTestImages.udfclientPut(img, src, List.of("a.txt", "dir", "big.bin"), List.of());
        } else {
            for (String n : List.of("a.txt", "dir", "big.bin")) {
                org.apache.commons.io.file.PathUtils.delete(src.resolve(n));
            }
        }
        assertTreeMatches(img, visible(UdfTestImages.tree(img, new ArrayList<>())), false);
    }

    /** A closed write-once disc: the VAT ICB is the last sector, the anchor is at 256 and 257 only. */
    @ParameterizedTest(name = "mkudffs --media-type=cdr --closed --udfrev={0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1.50", "2.01"})
    void mkudffsClosedCdr(String rev) throws Exception {
        UdfTestImages.require("mkudffs");
        Path img = tmp.resolve("closed.udf");
        UdfTestImages.runOk(List.of("mkudffs", "-b", "2048", "--media-type=cdr", "--closed", "--udfrev=" + rev,
                "--new-file", img.toString(), "20000"), null, null);
        List<ImportedEntry> tree = UdfTestImages.tree(img, new ArrayList<>());
        assertEquals(List.of("/"), tree.stream().map(ImportedEntry::path).toList());
    }

    /**
     * A later session: mkudffs --startblock=1024 records absolute addresses (tag locations, VDS,
     * partition start) for a track starting at 1024; behind 1024 empty sectors it is read at session 1024.
     */
    @Test
    void sessionStartingAt1024() throws Exception {
        UdfTestImages.require("mkudffs");
        UdfTestImages.runOk(List.of("mkudffs", "-b", "2048", "--media-type=hd", "--startblock=1024", "--label=Late",
                "--new-file", tmp.resolve("late.udf").toString(), "20000"), null, null);
        Path img = tmp.resolve("two.udf");
        try (var out = Files.newOutputStream(img)) {
            out.write(new byte[1024 * 2048]);
            Files.copy(tmp.resolve("late.udf"), out);
        }
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            SessionReader session = SessionReader.open(s, 1024);
            assertEquals("Late", session.volumeName(FileSystem.UDF));
            assertEquals(List.of("/"), session.readTree(FileSystem.UDF).stream().map(ImportedEntry::path).toList());
        }
    }

    @Test
    void genisoimageBridge() throws Exception {
        UdfTestImages.require("genisoimage");
        Files.writeString(src.resolve("ünïcødé ☃.txt"), "u\n");
        Files.createDirectories(src.resolve("empty"));
        Path img = tmp.resolve("g.iso");
        UdfTestImages.runOk(List.of("genisoimage", "-quiet", "-udf", "-R", "-J", "-o", img.toString(),
                src.toString()), null, null);
        Map<String, ImportedEntry> tree = visible(UdfTestImages.tree(img, new ArrayList<>()));
        assertTreeMatches(img, tree, false);
        assertEquals(0100444, tree.get("/a.txt").mode(), "genisoimage records r--r--r-- in UDF");
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            SessionReader session = SessionReader.open(s, 0);
            assertTrue(session.fileSystems().contains(FileSystem.UDF));
            assertEquals(UdfRevision.R1_02, session.udfRevision().orElseThrow());
        }
    }

    @Test
    void pycdlibUdf() throws Exception {
        UdfTestImages.require("pycdlib");
        Path img = tmp.resolve("p.iso");
        String script = String.join("\n", "import io, sys, pycdlib",
                "iso = pycdlib.PyCdlib()",
                "iso.new(udf='2.60', interchange_level=3)",
                "iso.add_directory('/DIR', udf_path='/dir')",
                "iso.add_directory('/DIR/SUB', udf_path='/dir/sub')",
                "def add(iso_path, udf_path, host):",
                "    data = open(host, 'rb').read()",
                "    iso.add_fp(io.BytesIO(data), len(data), iso_path, udf_path=udf_path)",
                "add('/A.TXT;1', '/a.txt', sys.argv[2] + '/a.txt')",
                "add('/BIG.BIN;1', '/big.bin', sys.argv[2] + '/big.bin')",
                "add('/DIR/D.TXT;1', '/dir/d.txt', sys.argv[2] + '/dir/d.txt')",
                "add('/DIR/SUB/X.TXT;1', '/dir/sub/x.txt', sys.argv[2] + '/dir/sub/x.txt')",
                "iso.add_fp(io.BytesIO(b'u'), 1, '/U.TXT;1', udf_path='/\u00fcn\u00efc\u00f8d\u00e9 \u2603.txt')",
                "iso.add_symlink(udf_symlink_path='/dir/link', udf_target='../a.txt')",
                "iso.add_symlink(udf_symlink_path='/abs', udf_target='/etc/passwd')",
                "iso.add_hard_link(iso_old_path='/A.TXT;1', udf_new_path='/dir/hard.txt')",
                "iso.write(sys.argv[1])", "");
        Path py = Files.writeString(tmp.resolve("make.py"), script);
        UdfTestImages.runOk(List.of(UdfTestImages.PYTHON, py.toString(), img.toString(), src.toString()), null, null);
        Files.writeString(src.resolve("ünïcødé ☃.txt"), "u");
        Files.createSymbolicLink(src.resolve("dir/link"), Path.of("../a.txt"));
        Files.createSymbolicLink(src.resolve("abs"), Path.of("/etc/passwd"));
        Files.copy(src.resolve("a.txt"), src.resolve("dir/hard.txt"));
        Map<String, ImportedEntry> tree = visible(UdfTestImages.tree(img, new ArrayList<>()));
        assertTreeMatches(img, tree, true);
        assertEquals(tree.get("/a.txt").extents(), tree.get("/dir/hard.txt").extents(), "a hard link shares the data");
        assertEquals(tree.get("/a.txt").fileId(), tree.get("/dir/hard.txt").fileId(), "and the ICB");
    }

    private static Map<String, ImportedEntry> visible(List<ImportedEntry> entries) {
        assertEquals("/", entries.get(0).path());
        Map<String, ImportedEntry> m = new TreeMap<>();
        for (ImportedEntry e : entries) {
            if (!e.hidden()) {  // mkudffs' "Non-Allocatable Space" of a sparable partition is hidden
                assertNull(m.put(e.path(), e), "duplicate " + e.path());
            }
        }
        return m;
    }

    /** The names of the visible children of {@code dir}, sorted. */
    private static List<String> names(Map<String, ImportedEntry> tree, String dir) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        return tree.keySet().stream().filter(p -> p.startsWith(prefix) && p.length() > prefix.length()
                && p.indexOf('/', prefix.length()) < 0).map(p -> p.substring(prefix.length())).sorted().toList();
    }

    /** udfclient copies the host's permission bits: every entry but the root has the host's mode. */
    private void assertModesMatch(Map<String, ImportedEntry> tree) throws IOException {
        for (ImportedEntry e : tree.values()) {
            if (!e.path().equals("/")) {
                Path h = src.resolve(e.path().substring(1));
                int perms = 0;
                for (java.nio.file.attribute.PosixFilePermission p : Files.getPosixFilePermissions(h)) {
                    perms |= 0400 >> p.ordinal();
                }
                assertEquals(Integer.toOctalString(perms), Integer.toOctalString(e.mode() & 07777), e.path());
            }
        }
    }

    private static long count(Map<String, ImportedEntry> tree, ItemType type) {
        return tree.values().stream().filter(e -> e.type() == type).count();
    }

    /** Same paths as the host tree; same types, sizes, data and link targets. */
    private void assertTreeMatches(Path img, Map<String, ImportedEntry> tree, boolean symlinks) throws IOException {
        Map<String, Path> host = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(src)) {
            walk.forEach(p -> host.put(p.equals(src) ? "/" : "/" + src.relativize(p).toString(), p));
        }
        assertEquals(host.keySet(), tree.keySet());
        try (SectorReader sectors = ImageFileSectorReader.open(img)) {
            for (ImportedEntry e : tree.values()) {
                Path h = host.get(e.path());
                if (Files.isSymbolicLink(h)) {
                    if (symlinks) {
                        assertEquals(ItemType.SYMLINK, e.type(), e.path());
                        assertEquals(Files.readSymbolicLink(h).toString(), e.symlinkTarget(), e.path());
                    } else {  // genisoimage records a symbolic link as an empty UDF file
                        assertEquals(0, e.size(), e.path());
                    }
                } else if (Files.isDirectory(h)) {
                    assertEquals(ItemType.DIRECTORY, e.type(), e.path());
                } else {
                    assertEquals(ItemType.FILE, e.type(), e.path());
                    assertEquals(Files.size(h), e.size(), e.path());
                    byte[] data = UdfTestImages.data(sectors, e);
                    assertEquals(UdfTestImages.sha256(Files.readAllBytes(h)), UdfTestImages.sha256(data), e.path());
                }
                assertNotNull(e.modified());
            }
        }
    }

    @Test
    void dataSurvivesTheRoundTrip() throws Exception {
        Path img = UdfTestImages.mkudffs(tmp.resolve("hd.udf"), "hd", "2.01");
        UdfTestImages.udfclientPut(img, src, List.of("big.bin", "a.txt"), List.of());
        Map<String, ImportedEntry> tree = visible(UdfTestImages.tree(img, new ArrayList<>()));
        try (SectorReader sectors = ImageFileSectorReader.open(img)) {
            assertArrayEquals(Files.readAllBytes(src.resolve("big.bin")), UdfTestImages.data(sectors, tree.get("/big.bin")));
            assertArrayEquals("hello\n".getBytes(StandardCharsets.UTF_8), tree.get("/a.txt").embeddedData());
        }
        assertEquals(0100644, tree.get("/a.txt").mode());
    }
}
