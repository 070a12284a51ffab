package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.UdfRevision;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SessionReader;
import org.discimage.media.ImageFileMedium;
import org.discimage.media.SessionInfo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * UDF across sessions (DESIGN "UDF across sessions", issue 6 point 5): an ISO/UDF bridge grown
 * three times in an image file by {@link ImageFileMedium} (session 1: a.txt, keep.txt, dir/big.bin;
 * 2: a.txt replaced, new.txt added; 3: dir removed, c.txt added), at every UDF revision where the
 * test says so, else at 2.01 (File Entries, one type-1 partition) and 2.50 (Extended File Entries,
 * metadata partition). Each session carries a
 * complete UDF volume whose partition starts where session 1's does (LBA 289), so keep.txt keeps
 * its session 1 extent in every tree, in ISO 9660 and in UDF alike.
 *
 * <p>Which reader finds which session (all seen here):
 * <ul>
 *   <li>the newest session: udfinfo, udfclient and 7-Zip ({@code -tudf}) on the whole file, through
 *       the anchor at LBA 256 (rewritten by every append) and the anchor in the last sector; the
 *       Linux kernel's udf driver without {@code session=}; isoinfo, xorriso, bsdtar, 7-Zip and
 *       pycdlib on the ISO side (the header at LBA 16);</li>
 *   <li>every session: the Linux kernel with {@code mount -t udf -o session=START} (a block
 *       number, 2048-byte blocks here); udfinfo with {@code --startblock=START --lastblock=END-1};
 *       discimage's own {@link SessionReader} at the session start; xorriso/isofs for ISO 9660;</li>
 *   <li>udfclient and 7-Zip have no way to pick an older session;</li>
 *   <li>the Linux kernel (6.1) reads UDF up to 2.50 and checks the LVID's minimum read revision:
 *       it refused our 2.60 volumes ("minUDFReadRev=260 (max is 250)") until they recorded 0x0250
 *       there, as UDF 2.60 2.2.6.4 requires; now it mounts every session at every revision.</li>
 * </ul>
 */
class MultisessionUdfInteropTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final List<UdfRevision> REVISIONS = List.of(UdfRevision.R2_01, UdfRevision.R2_50);

    @TempDir
    Path work;

    interface Fill {
        void fill(FileSystemImage image) throws IOException;
    }

    /** Appends one ISO+Joliet+RR/UDF bridge session at revision {@code rev}. */
    static SessionInfo session(Path img, UdfRevision rev, String label, Fill fill) throws IOException {
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            medium.prepare(image);
            image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE, FileSystem.UDF);
            image.setUdfRevision(rev);
            image.setVolumeName(label);
            fill.fill(image);
            return medium.append(image.createResultImage());
        }
    }

    /** The grown image and the expected tree of each session (host directories). */
    record Grown(Path img, List<SessionInfo> sessions, List<Path> expected) {
    }

    Grown grow(UdfRevision rev) throws IOException {
        Path base = Files.createDirectories(work.resolve("src-" + rev));
        Path s1 = Files.createDirectories(base.resolve("s1/dir"));
        Files.writeString(base.resolve("s1/a.txt"), "first a\n");
        Files.writeString(base.resolve("s1/keep.txt"), "kept from session 1\n");
        byte[] big = new byte[300_000];
        new Random(7).nextBytes(big);
        Files.write(s1.resolve("big.bin"), big);
        Path s2 = Files.createDirectories(base.resolve("s2"));
        Files.writeString(s2.resolve("new.txt"), "added in session 2\n");
        Path a2 = base.resolve("a2.txt");
        Files.writeString(a2, "second a, longer than the first\n");
        Path s3 = Files.createDirectories(base.resolve("s3"));
        Files.writeString(s3.resolve("c.txt"), "added in session 3\n");

        Path img = work.resolve("grown-" + rev + ".iso");
        session(img, rev, "S1", image -> image.root().addTree(base.resolve("s1"), false));
        Files.copy(img, work.resolve("after1-" + rev + ".iso"));
        session(img, rev, "S2", image -> {
            image.root().addTree(s2, false);
            image.root().remove("a.txt");
            image.root().addFile("a.txt", a2);
        });
        Files.copy(img, work.resolve("after2-" + rev + ".iso"));
        session(img, rev, "S3", image -> {
            image.root().removeTree("dir");
            image.root().addTree(s3, false);
        });

        Path e1 = Files.createDirectories(base.resolve("expected1/dir"));
        Files.copy(base.resolve("s1/a.txt"), e1.resolveSibling("a.txt"));
        Files.copy(base.resolve("s1/keep.txt"), e1.resolveSibling("keep.txt"));
        Files.copy(s1.resolve("big.bin"), e1.resolve("big.bin"));
        Path e2 = Files.createDirectories(base.resolve("expected2/dir"));
        Files.copy(a2, e2.resolveSibling("a.txt"));
        Files.copy(base.resolve("s1/keep.txt"), e2.resolveSibling("keep.txt"));
        Files.copy(s1.resolve("big.bin"), e2.resolve("big.bin"));
        Files.copy(s2.resolve("new.txt"), e2.resolveSibling("new.txt"));
        Path e3 = Files.createDirectories(base.resolve("expected3"));
        Files.copy(a2, e3.resolve("a.txt"));
        Files.copy(base.resolve("s1/keep.txt"), e3.resolve("keep.txt"));
        Files.copy(s2.resolve("new.txt"), e3.resolve("new.txt"));
        Files.copy(s3.resolve("c.txt"), e3.resolve("c.txt"));
        List<SessionInfo> sessions;
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            sessions = medium.sessions();
        }
        assertEquals(3, sessions.size(), sessions.toString());
        return new Grown(img, sessions, List.of(e1.getParent(), e2.getParent(), e3));
    }

    /** Path (directories with a trailing slash) to SHA-256 (empty for directories) of a host tree. */
    static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString();
                m.put(Files.isDirectory(p) ? rel + "/" : rel, Files.isDirectory(p) ? "" : ReaderListing.sha256(p));
            }
        }
        return m;
    }

    private static String value(String udfinfo, String key) {
        return udfinfo.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("udfinfo printed no " + key + ":\n" + udfinfo));
    }

    @ParameterizedTest
    @EnumSource(UdfRevision.class)
    void udfinfoUdfclientAnd7zReadTheNewestSessionOfTheFile(UdfRevision rev) throws IOException {
        ExternalTools.assumeTool("udfinfo", "udfclient", "7z", "xorriso");
        Grown g = grow(rev);
        Map<String, String> expected = hashes(g.expected().get(2));
        SessionInfo last = g.sessions().get(2);
        long size = Files.size(g.img()) / 2048;

        // the ISO 9660 session chain is intact: xorriso's TOC emulation lists the three sessions
        String toc = ExternalTools.runOk(work, "xorriso", "-indev", g.img().toString(), "-toc").out();
        for (SessionInfo s : g.sessions()) {
            assertTrue(toc.matches("(?s).*ISO session\\s*:\\s*" + s.number() + "\\s*,\\s*" + s.startLba() + "\\s*,\\s*"
                    + s.sectors() + "s\\s*,\\s*" + s.volumeId() + ".*"), toc);
        }

        ExternalTools.Result info = ExternalTools.runOk(work, "udfinfo", g.img().toString());
        String out = info.out();
        assertEquals("S3", value(out, "lvid"), out);
        assertEquals("4", value(out, "numfiles"), out);
        assertEquals("1", value(out, "numdirs"), out);
        assertEquals(rev.toString(), value(out, "udfwriterev"), out);
        assertTrue(out.contains("start=256, blocks=1, type=ANCHOR"), "udfinfo uses the anchor at 256:\n" + out);
        assertTrue(out.contains("start=" + (size - 1) + ", blocks=1, type=ANCHOR"), "and the last sector:\n" + out);
        assertTrue(out.contains("start=289, blocks=" + (last.startLba() + last.sectors() - 1 - 289) + ", type=PSPACE"),
                "one partition from session 1's partition start to the newest session's end:\n" + out);
        assertTrue(out.contains("start=" + (last.startLba() + 32) + ", blocks=16, type=MVDS"), out);
        // the only complaint: the partition holds the newest session's own volume structures
        assertTrue(info.err().lines().allMatch(l -> l.contains("Partition Space overlaps with other blocks")),
                info.err());

        // one session: the anchors at 256 (copied there by the append), 288 and the last sector agree
        ExternalTools.Result one = ExternalTools.runOk(work, "udfinfo", work.resolve("after1-" + rev + ".iso").toString());
        assertEquals("S1", value(one.out(), "lvid"), one.out());
        assertEquals("", one.err().strip(), "udfinfo complains about a one-session file");
        assertTrue(one.out().contains("start=256, blocks=1, type=ANCHOR"), one.out());

        Path uc = Files.createDirectories(work.resolve("udfclient-" + rev));
        String lvid = value(out, "lvid");
        String cmds = "cd \"" + value(out, "fullvsid") + ":" + lvid + ":" + lvid + ":" + value(out, "fsid")
                + "\"\nls\nlcd " + uc + "\nmget a.txt c.txt keep.txt new.txt\nquit\n";
        Path script = work.resolve("udfclient-" + rev + ".cmds");
        Files.writeString(script, cmds, StandardCharsets.UTF_8);
        ExternalTools.Result r = ExternalTools.runOk(Duration.ofSeconds(120), work,
                List.of("sh", "-c", "udfclient -b 2048 \"$0\" < \"$1\"", g.img().toString(), script.toString()));
        List<String> listed = r.out().lines().filter(l -> l.matches("-r.*\\s\\S+\\.txt\\s*"))
                .map(l -> l.trim().replaceAll(".*\\s", "")).sorted().toList();
        assertEquals(List.of("a.txt", "c.txt", "keep.txt", "new.txt"), listed, r.out());
        assertEquals(expected, hashes(uc), "udfclient mget\n" + r.out());

        Path x7 = work.resolve("7z-" + rev);
        ExternalTools.runOk(Duration.ofSeconds(120), work, List.of("7z", "x", "-y", "-bd", "-tudf", "-o" + x7,
                g.img().toString()));
        assertEquals(expected, hashes(x7), "7z x -tudf");
    }

    /**
     * udfclient and 7-Zip cannot choose a session, so each session is read by them as the file
     * held it right after its append (then the newest): the whole tree, every file's SHA-256.
     */
    @ParameterizedTest
    @EnumSource(value = UdfRevision.class, names = {"R2_01", "R2_50"})
    void udfclientAnd7zReadEachSessionWhileItIsTheNewest(UdfRevision rev) throws IOException {
        ExternalTools.assumeTool("udfinfo", "udfclient", "7z");
        Grown g = grow(rev);
        List<Path> states = List.of(work.resolve("after1-" + rev + ".iso"), work.resolve("after2-" + rev + ".iso"),
                g.img());
        for (int k = 0; k < 3; k++) {
            Path img = states.get(k);
            Map<String, String> expected = hashes(g.expected().get(k));
            String info = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
            assertEquals("S" + (k + 1), value(info, "lvid"), info);
            String vol = value(info, "fullvsid") + ":" + value(info, "lvid") + ":" + value(info, "lvid") + ":"
                    + value(info, "fsid");
            Path uc = Files.createDirectories(work.resolve("udfclient-" + rev + "-" + k));
            StringBuilder cmds = new StringBuilder();
            for (String dir : List.of("", "dir/")) {
                List<String> files = expected.keySet().stream().filter(p -> !p.endsWith("/") && p.startsWith(dir)
                        && p.indexOf('/', dir.length()) < 0).map(p -> p.substring(dir.length())).toList();
                if (files.isEmpty()) {
                    continue;
                }
                Path local = Files.createDirectories(uc.resolve(dir));
                cmds.append("cd \"/").append(vol).append('/').append(dir).append("\"\nlcd ").append(local)
                        .append("\nmget ").append(String.join(" ", files)).append('\n');
            }
            cmds.append("quit\n");
            Path script = work.resolve("udfclient-" + rev + "-" + k + ".cmds");
            Files.writeString(script, cmds, StandardCharsets.UTF_8);
            ExternalTools.Result r = ExternalTools.runOk(Duration.ofSeconds(120), work,
                    List.of("sh", "-c", "udfclient -b 2048 \"$0\" < \"$1\"", img.toString(), script.toString()));
            assertEquals(expected, hashes(uc), "udfclient, session " + (k + 1) + "\n" + cmds + r.out());
            Path x7 = work.resolve("7z-" + rev + "-" + k);
            ExternalTools.runOk(Duration.ofSeconds(120), work, List.of("7z", "x", "-y", "-bd", "-tudf", "-o" + x7,
                    img.toString()));
            assertEquals(expected, hashes(x7), "7z x -tudf, session " + (k + 1));
        }
    }

    /** The ISO side of the grown file: every ISO reader sees the newest tree (pycdlib not at 2.50). */
    @TestFactory
    Stream<DynamicTest> isoReadersSeeTheNewestTree() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (UdfRevision rev : REVISIONS) {
            Grown g = grow(rev);
            ReaderListing expected = ReaderListing.ofHostTree(g.expected().get(2));
            InteropChecks.Image image = new InteropChecks.Image(g.img(), true, true, TreeAssert.IsoNames.level(3, true));
            // pycdlib refuses a bridge with a metadata partition map on open (UdfRevisionMatrixInteropTest)
            InteropChecks.allReaders("3 bridge sessions, UDF " + rev, image, expected,
                            Files.createDirectories(work.resolve("readers-" + rev))).stream()
                    .filter(t -> rev == UdfRevision.R2_01 || !t.getDisplayName().contains("pycdlib"))
                    .forEach(tests::add);
        }
        return tests.stream();
    }

    /**
     * Every session's own trees, ISO 9660 (Rock Ridge) and UDF, as discimage's reader reads them at
     * the session start, are the same files with the same data; the file kept from session 1 has
     * one extent, below the session, shared by ISO and UDF.
     */
    @ParameterizedTest
    @EnumSource(UdfRevision.class)
    void everySessionsUdfTreeIsItsIsoTreeAndKeptFilesKeepTheirExtents(UdfRevision rev) throws IOException {
        Grown g = grow(rev);
        try (ImageFileSectorReader sectors = ImageFileSectorReader.open(g.img())) {
            long keepLba = -1;
            for (int i = 0; i < 3; i++) {
                SessionInfo s = g.sessions().get(i);
                SessionReader session = SessionReader.open(sectors, s.startLba());
                assertEquals(rev, session.udfRevision().orElseThrow());
                assertEquals(289, session.udfPartitionStart().orElseThrow(), "partition start of session " + (i + 1));
                Map<String, ImportedEntry> udf = byPath(session.readTree(FileSystem.UDF));
                Map<String, ImportedEntry> rr = byPath(session.readTree(FileSystem.ROCK_RIDGE));
                assertEquals(rr.keySet(), udf.keySet(), "session " + (i + 1));
                assertEquals(udf.keySet(), byPath(session.readTree(FileSystem.JOLIET)).keySet(), "session " + (i + 1));
                if (ExternalTools.isAvailable("xorriso")) {
                    // xorriso, an independent reader, lists the same tree from the session's own descriptors
                    String found = ExternalTools.runOk(work, "xorriso", "-load", "sbsector", Long.toString(s.startLba()),
                            "-indev", g.img().toString(), "-find", "/").out();
                    List<String> paths = found.lines().filter(l -> l.startsWith("'/"))
                            .map(l -> l.substring(1, l.length() - 1)).sorted().toList();
                    assertEquals(udf.keySet().stream().sorted().toList(), paths, "xorriso, session " + (i + 1));
                }
                Map<String, String> expected = hashes(g.expected().get(i));
                assertEquals(expected.keySet().stream().map(p -> "/" + p.replaceAll("/$", "")).sorted().toList(),
                        udf.keySet().stream().filter(p -> !p.equals("/")).sorted().toList(), "session " + (i + 1));
                for (Map.Entry<String, ImportedEntry> e : udf.entrySet()) {
                    ImportedEntry u = e.getValue();
                    ImportedEntry iso = rr.get(e.getKey());
                    assertEquals(iso.type(), u.type(), e.getKey());
                    if (u.type() == org.discimage.tree.ItemType.DIRECTORY) {
                        continue; // a directory's size is that of its records (ISO) or FIDs (UDF)
                    }
                    assertEquals(iso.size(), u.size(), e.getKey());
                    if (u.size() > 0 && !u.extents().isEmpty()) {
                        assertEquals(iso.extents().get(0).lba(), u.extents().get(0).lba(),
                                "one data extent for ISO and UDF: " + e.getKey() + " in session " + (i + 1));
                    }
                }
                if (i == 2) {
                    // at LBA 0 the header's recognition sequence and the anchor at 256 name the newest volume
                    SessionReader header = SessionReader.open(sectors, 0);
                    assertEquals(udf.keySet(), byPath(header.readTree(FileSystem.UDF)).keySet());
                    assertEquals("S3", header.volumeName(FileSystem.UDF));
                }
                long lba = udf.get("/keep.txt").extents().get(0).lba();
                if (i == 0) {
                    keepLba = lba;
                } else {
                    assertEquals(keepLba, lba, "keep.txt keeps its session 1 extent in session " + (i + 1));
                    assertTrue(lba < s.startLba());
                }
            }
        }
    }

    private static Map<String, ImportedEntry> byPath(List<ImportedEntry> entries) {
        Map<String, ImportedEntry> m = new TreeMap<>();
        entries.forEach(e -> m.put(e.path(), e));
        return m;
    }

    /**
     * The kernel's udf driver mounts the newest session by default and each one with session=START
     * (a block number: fs/udf/super.c reads the recognition sequence at session * blocksize + 32768
     * and the anchor at session + 256), at every revision: 2.60 too, since its volumes record 2.50 as the
     * minimum read revision (UDF 2.60 2.2.6.4; the kernel reads up to 2.50 and refused 0x0260).
     */
    @ParameterizedTest
    @EnumSource(UdfRevision.class)
    void theKernelMountsEverySession(UdfRevision rev) throws IOException {
        LinuxKernelVm vm = LinuxKernelVm.require();
        Grown g = grow(rev);
        List<String> mounts = new ArrayList<>(List.of(""));
        for (SessionInfo s : g.sessions()) {
            mounts.add(",session=" + s.startLba());
        }
        StringBuilder script = new StringBuilder();
        for (String opts : mounts) {
            script.append("echo '@@MOUNT ").append(opts).append("'\n")
                    .append("if mount -t udf -o loop,ro").append(opts).append(" /img/").append(g.img().getFileName())
                    .append(" /mnt; then cd /mnt; find . -type d | sort; find . -type f | sort | xargs sha256sum;")
                    .append(" cd /; umount /mnt; else echo '@@FAILED'; fi\n");
        }
        script.append("echo '@@DMESG'; dmesg | grep -i udf\n");
        String out = vm.run(work, List.of(g.img()), script.toString());
        String[] parts = out.split("@@MOUNT |@@DMESG");
        assertEquals(mounts.size() + 2, parts.length, out);
        for (int i = 0; i < mounts.size(); i++) {
            int session = i == 0 ? 3 : i;
            String where = "mount -t udf -o loop,ro" + mounts.get(i) + " (session " + session + "):\n" + parts[i + 1]
                    + "\nkernel log:\n" + parts[parts.length - 1];
            assertFalse(parts[i + 1].contains("@@FAILED"), where);
            assertEquals(hashes(g.expected().get(session - 1)), kernelListing(parts[i + 1]), where);
        }
    }

    /** Parses {@code find -type d} and {@code sha256sum} lines into the form of {@link #hashes}. */
    private static Map<String, String> kernelListing(String text) {
        Map<String, String> m = new TreeMap<>();
        for (String line : text.split("\n")) {
            String l = line.trim();
            if (l.startsWith("./")) {
                m.put(l.substring(2) + "/", "");
            } else if (l.matches("[0-9a-f]{64}\\s+\\./.*")) {
                m.put(l.replaceFirst("^[0-9a-f]{64}\\s+\\./", ""), l.substring(0, 64));
            }
        }
        return m;
    }

    /** udfinfo reads each session's volume when told its first and last block. */
    @Test
    void udfinfoReadsEachSessionByItsBlocks() throws IOException {
        ExternalTools.assumeTool("udfinfo");
        Grown g = grow(UdfRevision.R2_01);
        int[] files = {3, 4, 4};
        int[] dirs = {2, 2, 1};
        for (int i = 0; i < 3; i++) {
            SessionInfo s = g.sessions().get(i);
            String out = ExternalTools.runOk(work, "udfinfo", "--startblock=" + s.startLba(),
                    "--lastblock=" + (s.startLba() + s.sectors() - 1), g.img().toString()).out();
            assertEquals("S" + (i + 1), value(out, "lvid"), out);
            assertEquals(Integer.toString(files[i]), value(out, "numfiles"), out);
            assertEquals(Integer.toString(dirs[i]), value(out, "numdirs"), out);
            assertTrue(out.contains("start=" + (s.startLba() + 256) + ", blocks=1, type=ANCHOR"), out);
        }
    }

    /**
     * A lost or torn append: the new session is forced to disk before block 256 and the header
     * are rewritten. If that rewrite is lost (block 256 still names session 2), every UDF reader
     * of the file finds a whole volume: udfinfo and 7-Zip session 2 or 3. An AVDP differs from its
     * predecessor only in its first 32 bytes, so a sector torn at 512-byte boundaries is one or
     * the other. If block 256 is destroyed outright, udfinfo falls back to the anchor in the last
     * sector (session 3), while 7-Zip 26.02 does not fall back to it and answers "Can't open as
     * archive" for -tudf (seen here). Either way the medium grows on and the next append repairs
     * block 256.
     */
    @Test
    void aLostAnchorRewriteLeavesAReadableMedium() throws IOException {
        ExternalTools.assumeTool("udfinfo", "7z");
        Grown g = grow(UdfRevision.R2_01);
        byte[] old = lostAnchorRewrite(g, true);
        byte[] garbage = lostAnchorRewrite(g, false);
        for (String name : List.of("old-256", "destroyed-256")) {
            Path copy = work.resolve(name + ".iso");
            Files.write(copy, name.startsWith("old") ? old : garbage);
            String out = ExternalTools.runOk(work, "udfinfo", copy.toString()).out();
            assertEquals(name.startsWith("old") ? "S2" : "S3", value(out, "lvid"), name + ":\n" + out);
            Path x7 = work.resolve("7z-" + name);
            ExternalTools.Result r = ExternalTools.run(Duration.ofSeconds(120), work, List.of("7z", "x", "-y", "-bd",
                    "-tudf", "-o" + x7, copy.toString()));
            if (name.startsWith("old")) {
                assertEquals(0, r.exitCode(), r.describe());
                assertEquals(hashes(g.expected().get(1)), hashes(x7), name + ": 7-Zip reads session 2 whole");
            } else {
                assertTrue(r.exitCode() != 0 && r.out().contains("Can't open as archive"), r.describe());
            }
            SessionInfo next = session(copy, UdfRevision.R2_01, "S4", image -> image.root().addFile("d.txt",
                    "d\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(4, next.number());
            String after = ExternalTools.runOk(work, "udfinfo", copy.toString()).out();
            assertEquals("S4", value(after, "lvid"), name + " then grown:\n" + after);
            assertTrue(after.contains("start=256, blocks=1, type=ANCHOR"), after);
            assertEquals(0, ExternalTools.run(Duration.ofSeconds(120), work, List.of("7z", "l", "-tudf",
                    copy.toString())).exitCode(), name + " then grown: 7-Zip opens it again");
        }
    }

    /**
     * The grown file with block 256 as session 2's append left it ({@code old}: its anchor, tag
     * location 256) or destroyed (neither zeros nor an anchor).
     */
    private static byte[] lostAnchorRewrite(Grown g, boolean old) throws IOException {
        byte[] b = Files.readAllBytes(g.img());
        int at = 256 * 2048;
        if (!old) {
            for (int i = 0; i < 2048; i++) {
                b[at + i] = (byte) (i * 31 + 7);
            }
            return b;
        }
        long s2 = g.sessions().get(1).startLba();
        System.arraycopy(b, (int) (s2 + 256) * 2048, b, at, 2048);
        b[at + 12] = 0;
        b[at + 13] = 1; // tag location 256, as the append of session 2 wrote it
        b[at + 14] = 0;
        b[at + 15] = 0;
        int sum = 0;
        for (int i = 0; i < 16; i++) {
            sum += i == 4 ? 0 : b[at + i] & 0xFF;
        }
        b[at + 4] = (byte) sum; // ECMA-167 3/7.2.3
        return b;
    }

    /**
     * The kernel after a lost block-256 rewrite: with session 2's anchor still at 256 it mounts
     * session 2 (it tries session + 256 first, fs/udf/super.c udf_scan_anchors); with block 256
     * destroyed it falls back to the anchor in the last sector and mounts session 3.
     */
    @Test
    void theKernelReadsAWholeSessionAfterALostAnchorRewrite() throws IOException {
        LinuxKernelVm vm = LinuxKernelVm.require();
        Grown g = grow(UdfRevision.R2_01);
        Path old = Files.write(work.resolve("old-256.iso"), lostAnchorRewrite(g, true));
        Path destroyed = Files.write(work.resolve("destroyed-256.iso"), lostAnchorRewrite(g, false));
        StringBuilder script = new StringBuilder();
        for (Path img : List.of(old, destroyed)) {
            script.append("echo '@@MOUNT ").append(img.getFileName()).append("'\n")
                    .append("if mount -t udf -o loop,ro /img/").append(img.getFileName())
                    .append(" /mnt; then cd /mnt; find . -type d | sort; find . -type f | sort | xargs sha256sum;")
                    .append(" cd /; umount /mnt; else echo '@@FAILED'; fi\n");
        }
        script.append("echo '@@DMESG'; dmesg | grep -i udf\n");
        String out = vm.run(work, List.of(old, destroyed), script.toString());
        String[] parts = out.split("@@MOUNT |@@DMESG");
        assertEquals(4, parts.length, out);
        assertEquals(hashes(g.expected().get(1)), kernelListing(parts[1]), "block 256 of session 2:\n" + out);
        assertEquals(hashes(g.expected().get(2)), kernelListing(parts[2]), "block 256 destroyed:\n" + out);
    }

    /**
     * A bridge of plain ISO 9660 and UDF imports its UDF tree (the default before ISO 9660); the
     * kept file's UDF-read extent is inherited by both trees of the next session.
     */
    @Test
    void aPlainIsoAndUdfBridgeGrowsFromItsUdfTree() throws IOException {
        ExternalTools.assumeTool("udfinfo", "isoinfo");
        Path img = work.resolve("plain.iso");
        for (String n : List.of("one", "two")) {
            try (ImageFileMedium medium = ImageFileMedium.open(img)) {
                FileSystemImage image = new FileSystemImage(CLOCK);
                medium.prepare(image);
                image.setFileSystems(FileSystem.ISO9660, FileSystem.UDF);
                image.setVolumeName(n.toUpperCase());
                image.root().addFile(n + ".txt", (n + "\n").getBytes(StandardCharsets.UTF_8));
                medium.append(image.createResultImage());
            }
        }
        List<SessionInfo> sessions;
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            sessions = medium.sessions();
        }
        try (ImageFileSectorReader sectors = ImageFileSectorReader.open(img)) {
            SessionReader first = SessionReader.open(sectors, sessions.get(0).startLba());
            SessionReader second = SessionReader.open(sectors, sessions.get(1).startLba());
            assertEquals(FileSystem.UDF, second.defaultFileSystem());
            long lba = byPath(first.readTree(FileSystem.UDF)).get("/one.txt").extents().get(0).lba();
            assertEquals(lba, byPath(second.readTree(FileSystem.UDF)).get("/one.txt").extents().get(0).lba());
            assertEquals(lba, second.readTree(FileSystem.ISO9660).stream().filter(e -> e.path().startsWith("/ONE.TXT"))
                    .findFirst().orElseThrow().extents().get(0).lba());
        }
        String info = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
        assertEquals("TWO", value(info, "lvid"), info);
        assertEquals("2", value(info, "numfiles"), info);
        assertEquals("one\n", ExternalTools.runOk(work, "isoinfo", "-i", img.toString(), "-x", "/ONE.TXT;1").out());
    }

    /**
     * The structures of an appended session are addressed from the partition start of session 1:
     * a long symbolic link (its path components in blocks of their own), nested directories and a
     * short link, added in session 2 at 2.01 (physical partition blocks) and 2.50 (metadata
     * partition), read back by discimage's strict reader (which refuses a tag location that is
     * not the block it was read from, UdfMedium) and counted by udfinfo.
     */
    @ParameterizedTest
    @EnumSource(value = UdfRevision.class, names = {"R2_01", "R2_50"})
    void linksAndNestedDirectoriesInAnAppendedSession(UdfRevision rev) throws IOException {
        ExternalTools.assumeTool("udfinfo");
        Path img = work.resolve("links-" + rev + ".iso");
        String longTarget = "component/".repeat(300) + "end";
        session(img, rev, "S1", image -> image.root().addFile("a/b/c.txt", "c\n".getBytes(StandardCharsets.UTF_8)));
        session(img, rev, "S2", image -> {
            image.root().addSymlink("a/long", longTarget);
            image.root().addSymlink("short", "a/b/c.txt");
            image.root().addFile("a/b/d/e.txt", "e\n".getBytes(StandardCharsets.UTF_8));
        });
        List<SessionInfo> sessions;
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            sessions = medium.sessions();
        }
        try (ImageFileSectorReader sectors = ImageFileSectorReader.open(img)) {
            SessionReader second = SessionReader.open(sectors, sessions.get(1).startLba());
            Map<String, ImportedEntry> udf = byPath(second.readTree(FileSystem.UDF));
            Map<String, ImportedEntry> rr = byPath(second.readTree(FileSystem.ROCK_RIDGE));
            assertEquals(rr.keySet(), udf.keySet());
            assertEquals(longTarget, udf.get("/a/long").symlinkTarget());
            assertEquals("a/b/c.txt", udf.get("/short").symlinkTarget());
            assertEquals(2, udf.get("/a/b/d/e.txt").size());
        }
        String info = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
        assertEquals("S2", value(info, "lvid"), info);
        assertEquals("4", value(info, "numfiles"), info);
        assertEquals("4", value(info, "numdirs"), info);
    }

    /** Same sources, options and clock: the grown file is byte-identical, session by session. */
    @Test
    void growingABridgeIsDeterministic() throws IOException {
        Path src = Files.createDirectories(work.resolve("det"));
        Files.writeString(src.resolve("one.txt"), "one\n");
        Files.writeString(src.resolve("two.txt"), "two\n");
        Files.setLastModifiedTime(src.resolve("one.txt"), java.nio.file.attribute.FileTime.from(CLOCK.instant()));
        Files.setLastModifiedTime(src.resolve("two.txt"), java.nio.file.attribute.FileTime.from(CLOCK.instant()));
        List<byte[]> images = new ArrayList<>();
        for (String name : List.of("a.iso", "b.iso")) {
            Path img = work.resolve(name);
            session(img, UdfRevision.R2_50, "S1", image -> image.root().addFile("one.txt", src.resolve("one.txt")));
            session(img, UdfRevision.R2_50, "S2", image -> image.root().addFile("two.txt", src.resolve("two.txt")));
            session(img, UdfRevision.R2_50, "S3", image -> image.root().remove("one.txt"));
            images.add(Files.readAllBytes(img));
        }
        assertTrue(java.util.Arrays.equals(images.get(0), images.get(1)), "two grown files differ");
    }

    private static Path tree(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("x.txt"), "x\n");
        return dir;
    }

    /** A UDF-only session has no ISO 9660 descriptors to chain sessions by: nothing is appended to it. */
    @Test
    void aUdfOnlySessionIsNotGrown() throws IOException {
        Path img = work.resolve("udf-only.img");
        FileSystemImage first = new FileSystemImage(CLOCK);
        first.setFileSystems(FileSystem.UDF);
        first.root().addFile("x.txt", "x\n".getBytes(StandardCharsets.UTF_8));
        first.createResultImage().writeTo(img);
        try (ImageFileSectorReader sectors = ImageFileSectorReader.open(img)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            assertEquals(FileSystem.UDF, image.importFileSystem(sectors, 0));
            image.setSessionStartBlock(Files.size(img) / 2048);
            image.setFileSystems(FileSystem.ISO9660, FileSystem.UDF);
            DiscImageException e = assertThrows(DiscImageException.class, image::createResultImage);
            assertEquals(ErrorCode.FILE_SYSTEM_FEATURE_NOT_SUPPORTED, e.code());
            assertTrue(e.getMessage().contains("chained by their ISO 9660 descriptors"), e.getMessage());
            image.setFileSystems(FileSystem.UDF);
            assertEquals(ErrorCode.FILE_SYSTEM_FEATURE_NOT_SUPPORTED,
                    assertThrows(DiscImageException.class, image::createResultImage).code());
            image.setFileSystems(FileSystem.ISO9660, FileSystem.ROCK_RIDGE);
            assertEquals(ErrorCode.FILE_SYSTEM_CHANGE_NOT_ALLOWED,
                    assertThrows(DiscImageException.class, image::createResultImage).code());
        }
    }

    @Test
    void changingTheUdfRevisionIsRefused() throws IOException {
        Path img = work.resolve("rev.iso");
        session(img, UdfRevision.R2_01, "S1", image -> image.root().addTree(tree(work.resolve("u")), false));
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            medium.prepare(image);
            image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE, FileSystem.UDF);
            image.setUdfRevision(UdfRevision.R2_50);
            DiscImageException e = assertThrows(DiscImageException.class, image::createResultImage);
            assertEquals(ErrorCode.UDF_REVISION_CHANGE_NOT_ALLOWED, e.code());
            assertEquals(0xC0AAB161, e.code().hresult());
            assertTrue(e.getMessage().contains("2.01") && e.getMessage().contains("2.50"), e.getMessage());
        }
    }

    @Test
    void droppingOrAddingUdfIsRefused() throws IOException {
        Path bridge = work.resolve("bridge.iso");
        session(bridge, UdfRevision.R2_01, "S1", image -> image.root().addTree(tree(work.resolve("u")), false));
        try (ImageFileMedium medium = ImageFileMedium.open(bridge)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            medium.prepare(image);
            image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
            DiscImageException e = assertThrows(DiscImageException.class, image::createResultImage);
            assertEquals(ErrorCode.FILE_SYSTEM_CHANGE_NOT_ALLOWED, e.code());
            assertEquals(0xC0AAB163, e.code().hresult());
            assertTrue(e.getMessage().contains("dropped"), e.getMessage());
            image.setFileSystems(FileSystem.UDF);
            assertEquals(ErrorCode.FILE_SYSTEM_FEATURE_NOT_SUPPORTED,
                    assertThrows(DiscImageException.class, image::createResultImage).code());
        }
        Path iso = work.resolve("iso.iso");
        try (ImageFileMedium medium = ImageFileMedium.open(iso)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            medium.prepare(image);
            image.root().addTree(tree(work.resolve("v")), false);
            medium.append(image.createResultImage());
        }
        try (ImageFileMedium medium = ImageFileMedium.open(iso)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            medium.prepare(image);
            image.setFileSystems(FileSystem.ISO9660, FileSystem.UDF);
            DiscImageException e = assertThrows(DiscImageException.class, image::createResultImage);
            assertEquals(ErrorCode.FILE_SYSTEM_CHANGE_NOT_ALLOWED, e.code());
            assertTrue(e.getMessage().contains("added"), e.getMessage());
        }
    }
}
