package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.UdfRevision;
import org.discimage.tree.Directory;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * UDF-only images written by {@link FileSystemImage} and read back by our own reader, udfinfo,
 * udfclient and 7-Zip. A missing tool skips its test locally and fails it in CI.
 */
@Timeout(120)
class UdfWriterInteropTest {
    static final Instant TIME = Instant.parse("2024-05-06T07:08:09Z");
    static final Instant FILE_TIME = Instant.parse("2021-02-03T04:05:06Z");

    @TempDir
    Path tmp;

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * seed + i / 251);
        }
        return b;
    }

    /** The files of the sample tree: path to content. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> m = new TreeMap<>();
        m.put("a.txt", "hello\n".getBytes());
        m.put("empty", new byte[0]);
        m.put("big.bin", bytes(3 * 2048 + 123, 7));
        m.put("dir/run.sh", "#!/bin/sh\necho hi\n".getBytes());
        m.put("dir/sub/deep.bin", bytes(4097, 13));
        m.put("Ünïcödé.txt", "latin-1 name\n".getBytes());
        m.put("日本語/ファイル.txt", "ucs-2 name\n".getBytes());
        return m;
    }

    static FileSystemImage sample(UdfRevision revision, boolean link) throws Exception {
        FileSystemImage image = new FileSystemImage(Clock.fixed(TIME, ZoneOffset.UTC));
        image.setFileSystems(FileSystem.UDF);
        image.setUdfRevision(revision);
        image.setVolumeName("UdfWriter");
        Directory root = image.root();
        for (Map.Entry<String, byte[]> e : files().entrySet()) {
            root.addFile(e.getKey(), e.getValue()).setTimes(FILE_TIME);
        }
        root.addDirectory("emptydir");
        root.item("big.bin").orElseThrow().setMode(0600);
        root.item("dir/run.sh").orElseThrow().setMode(0755);
        root.item("a.txt").orElseThrow().setOwner(1000, 100);
        if (link) {
            root.addSymlink("dir/link", "../a.txt");
            root.addSymlink("abs", "/etc/passwd");
        }
        return image;
    }

    Path build(UdfRevision revision, boolean link) throws Exception {
        Path img = tmp.resolve("udf-" + revision + (link ? "-links" : "") + ".img");
        sample(revision, link).createResultImage().writeTo(img);
        return img;
    }

    @ParameterizedTest
    @EnumSource(UdfRevision.class)
    void ourReaderReadsTheTreeBack(UdfRevision revision) throws Exception {
        Path img = build(revision, true);
        Map<String, ImportedEntry> t = new TreeMap<>();
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            SessionReader session = SessionReader.open(s, 0);
            assertEquals(java.util.Set.of(FileSystem.UDF), session.fileSystems());
            assertEquals(revision, session.udfRevision().orElseThrow());
            assertEquals("UdfWriter", session.volumeName(FileSystem.UDF));
            for (ImportedEntry e : session.readTree(FileSystem.UDF)) {
                t.put(e.path(), e);
            }
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                ImportedEntry e = t.get("/" + f.getKey());
                assertEquals(ItemType.FILE, e.type(), e.path());
                assertEquals(f.getValue().length, e.size(), e.path());
                assertArrayEquals(f.getValue(), UdfTestImages.data(s, e), e.path());
                assertEquals(FILE_TIME, e.modified(), e.path());
            }
        }
        assertEquals(List.of("/", "/a.txt", "/abs", "/big.bin", "/dir", "/dir/link", "/dir/run.sh", "/dir/sub",
                "/dir/sub/deep.bin", "/empty", "/emptydir", "/Ünïcödé.txt", "/日本語", "/日本語/ファイル.txt"),
                new ArrayList<>(t.keySet()));
        assertEquals(0100600, t.get("/big.bin").mode());
        assertEquals(0100755, t.get("/dir/run.sh").mode());
        assertEquals(0120777, t.get("/dir/link").mode() & 0170000 | 0777);
        assertEquals(1000, t.get("/a.txt").uid());
        assertEquals(100, t.get("/a.txt").gid());
        assertEquals(ItemType.DIRECTORY, t.get("/emptydir").type());
        assertEquals(ItemType.SYMLINK, t.get("/dir/link").type());
        assertEquals("../a.txt", t.get("/dir/link").symlinkTarget());
        assertEquals("/etc/passwd", t.get("/abs").symlinkTarget());
    }

    @Test
    void twoBuildsGiveTheSameBytes() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        sample(UdfRevision.R2_01, true).createResultImage().writeTo(a);
        sample(UdfRevision.R2_01, true).createResultImage().writeTo(b);
        assertArrayEquals(a.toByteArray(), b.toByteArray());
        assertEquals(0, a.size() % 2048);
    }

    @ParameterizedTest
    @EnumSource(UdfRevision.class)
    void udfinfoReportsRevisionAndCounts(UdfRevision revision) throws Exception {
        UdfTestImages.require("udfinfo");
        Path img = build(revision, true);
        // udfrev is the LVID's minimum read revision: 2.50 for a 2.60 volume (UDF 2.60 2.2.6.4)
        assertEquals(revision == UdfRevision.R2_60 ? "2.50" : revision.toString(),
                UdfTestImages.udfinfo(img, "udfrev"));
        assertEquals(revision.toString(), UdfTestImages.udfinfo(img, "udfwriterev"));
        assertEquals("closed", UdfTestImages.udfinfo(img, "integrity"));
        assertEquals("UdfWriter", UdfTestImages.udfinfo(img, "lvid"));
        assertEquals("9", UdfTestImages.udfinfo(img, "numfiles"));   // 7 files and 2 links
        assertEquals("5", UdfTestImages.udfinfo(img, "numdirs"));    // /, dir, dir/sub, emptydir, 日本語
        assertEquals(Long.toString(Files.size(img) / 2048), UdfTestImages.udfinfo(img, "blocks"));
    }

    @ParameterizedTest
    @EnumSource(UdfRevision.class)
    void udfclientListsAndExtracts(UdfRevision revision) throws Exception {
        UdfTestImages.require("udfclient", "udfinfo");
        Path img = build(revision, true);
        assertEquals(List.of("a.txt", "abs", "big.bin", "dir", "empty", "emptydir"),
                UdfTestImages.udfclientLs(img, "").stream().filter(n -> n.chars().allMatch(c -> c < 0x80)
                        && !n.contains("#")).toList());
        assertEquals(List.of("link", "run.sh", "sub"), UdfTestImages.udfclientLs(img, "dir"));
        Path out = Files.createDirectories(tmp.resolve("udfclient-out"));
        String label = UdfTestImages.udfinfo(img, "lvid");
        String cmds = "cd \"" + UdfTestImages.udfinfo(img, "fullvsid") + ":" + label + ":" + label + ":"
                + UdfTestImages.udfinfo(img, "fsid") + "\"\nlcd " + out + "\nmget a.txt big.bin empty dir\nquit\n";
        UdfTestImages.runOk(List.of("udfclient", "-b", "2048", img.toString()), null, cmds);
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            if (f.getKey().chars().allMatch(c -> c < 0x80)) {
                Path p = out.resolve(f.getKey());
                assertTrue(Files.isRegularFile(p), "udfclient did not extract " + f.getKey());
                assertEquals(UdfTestImages.sha256(f.getValue()), UdfTestImages.sha256(Files.readAllBytes(p)), f.getKey());
            }
        }
    }

    /** 7-Zip refuses a UDF volume holding any File Entry but a file or directory, so this tree has no links. */
    @ParameterizedTest
    @EnumSource(UdfRevision.class)
    void sevenZipExtracts(UdfRevision revision) throws Exception {
        UdfTestImages.require("7z");
        Path img = build(revision, false);
        Path out = tmp.resolve("7z-out");
        String log = UdfTestImages.runOk(List.of("7z", "x", "-y", "-o" + out, img.toString()), null, null);
        assertTrue(!log.contains("WARNING"), log);
        List<String> found;
        try (Stream<Path> s = Files.walk(out)) {
            found = s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
        }
        assertEquals(new ArrayList<>(files().keySet()), found);
        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            assertEquals(UdfTestImages.sha256(f.getValue()),
                    UdfTestImages.sha256(Files.readAllBytes(out.resolve(f.getKey()))), f.getKey());
        }
        assertTrue(Files.isDirectory(out.resolve("emptydir")));
    }
}
