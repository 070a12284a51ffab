package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.discimage.FileSystem;
import org.discimage.IsoLevel;
import org.discimage.importer.FileExtent;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ISO 9660 + Joliet + Rock Ridge / UDF bridge (docs/formats.md 5.3, 5.14): one image read by
 * our SessionReader in all four file systems (every file's data written once: the ISO extents are
 * the UDF extents), by every ISO reader, and by udfinfo, udfclient, 7-Zip and pycdlib's UDF reader.
 */
@Timeout(300)
class UdfBridgeInteropTest {
    static final Set<FileSystem> BRIDGE = EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE,
            FileSystem.UDF);

    @TempDir
    Path work;

    private Path build(String name, boolean symlinks) throws IOException {
        ExternalTools.requireUtf8FileNames();
        Path src = Fixtures.variedTree(work.resolve("src-" + name), true, symlinks);
        return SdkImages.build(src, work.resolve(name + ".iso"), BRIDGE, IsoLevel.LEVEL_3, null);
    }

    /** Regular files of the host tree: image path (from "/") to content. */
    private Map<String, byte[]> hostFiles(String name) throws IOException {
        Path src = work.resolve("src-" + name);
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                m.put("/" + src.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @TestFactory
    List<DynamicTest> isoReadersSeeTheIsoSide() throws IOException {
        ExternalTools.requireUtf8FileNames();
        Path src = Fixtures.variedTree(work.resolve("src"), true, true);
        ReaderListing expected = ReaderListing.ofHostTree(src);
        Path iso = SdkImages.build(src, work.resolve("bridge-readers.iso"), BRIDGE, IsoLevel.LEVEL_3, null);
        InteropChecks.Image img = new InteropChecks.Image(iso, true, true, TreeAssert.IsoNames.level(3, true));
        return InteropChecks.allReaders("ISO+Joliet+RR/UDF bridge", img, expected, work);
    }

    /**
     * The ISO side of a 2.60 bridge (its structures after the metadata file and mirror): every ISO
     * reader but pycdlib, which refuses the whole image on open because of the second UDF partition
     * map (asserted in {@link UdfRevisionMatrixInteropTest#pycdlibOnTheBridge}).
     */
    @TestFactory
    List<DynamicTest> isoReadersSeeTheIsoSideOfA260Bridge() throws IOException {
        ExternalTools.requireUtf8FileNames();
        Path src = Fixtures.variedTree(work.resolve("src260"), true, true);
        ReaderListing expected = ReaderListing.ofHostTree(src);
        Path iso = SdkImages.build(src, work.resolve("bridge-260.iso"), BRIDGE, IsoLevel.LEVEL_3,
                image -> image.setUdfRevision(org.discimage.UdfRevision.R2_60));
        InteropChecks.Image img = new InteropChecks.Image(iso, true, true, TreeAssert.IsoNames.level(3, true));
        return InteropChecks.allReaders("ISO+Joliet+RR/UDF 2.60 bridge", img, expected, work).stream()
                .filter(t -> !t.getDisplayName().contains("pycdlib")).toList();
    }

    @Test
    void sessionReaderReadsFourFileSystemsSharingTheData() throws IOException {
        Path img = build("own", true);
        Map<String, byte[]> host = hostFiles("own");
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            SessionReader session = SessionReader.open(s, 0);
            assertEquals(BRIDGE, session.fileSystems());
            Map<FileSystem, Map<String, ImportedEntry>> trees = new HashMap<>();
            for (FileSystem fs : BRIDGE) {
                Map<String, ImportedEntry> t = new TreeMap<>();
                for (ImportedEntry e : session.readTree(fs)) {
                    t.put(e.path(), e);
                }
                trees.put(fs, t);
            }
            Map<String, ImportedEntry> udf = trees.get(FileSystem.UDF);
            Map<String, ImportedEntry> rr = trees.get(FileSystem.ROCK_RIDGE);
            assertEquals(rr.keySet(), udf.keySet(), "Rock Ridge and UDF name the same items");
            for (Map.Entry<String, byte[]> f : host.entrySet()) {
                ImportedEntry u = udf.get(f.getKey());
                assertNotNull(u, "UDF lacks " + f.getKey());
                assertEquals(ItemType.FILE, u.type(), f.getKey());
                assertEquals(f.getValue().length, u.size(), f.getKey());
                assertArrayEquals(f.getValue(), data(s, u), f.getKey());
                ImportedEntry r = rr.get(f.getKey());
                assertEquals(f.getValue().length, r.size(), f.getKey());
                if (u.size() > 0) {
                    assertEquals(r.extents(), u.extents(), "ISO and UDF extents of " + f.getKey());
                }
            }
            assertEquals(ItemType.SYMLINK, udf.get("/links/relative-file").type());
            assertEquals("../one-byte.txt", udf.get("/links/relative-file").symlinkTarget());
            // ISO 9660 and Joliet names differ, but their files are the same extents as UDF's
            for (FileSystem fs : List.of(FileSystem.ISO9660, FileSystem.JOLIET)) {
                assertEquals(extentsOf(udf), extentsOf(trees.get(fs)), fs + " extents are UDF's");
            }
        }
    }

    private static List<String> extentsOf(Map<String, ImportedEntry> tree) {
        List<String> l = new ArrayList<>();
        for (ImportedEntry e : tree.values()) {
            if (e.type() == ItemType.FILE && e.size() > 0) {
                l.add(e.size() + "@" + e.extents());
            }
        }
        l.sort(null);
        return l;
    }

    private static byte[] data(SectorReader sectors, ImportedEntry e) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(e.size()));
        for (FileExtent x : e.extents()) {
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(x.sectors() * SectorReader.SECTOR_SIZE));
            sectors.read(x.lba(), buf);
            out.put(buf.array(), 0, (int) Math.min(x.length(), out.remaining()));
        }
        return out.array();
    }

    @Test
    void twoBuildsGiveTheSameBytes() throws IOException {
        Path src = Fixtures.variedTree(work.resolve("src-det"), false, false);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        SdkImages.image(src, BRIDGE, IsoLevel.LEVEL_3).createResultImage().writeTo(a);
        SdkImages.image(src, BRIDGE, IsoLevel.LEVEL_3).createResultImage().writeTo(b);
        assertArrayEquals(a.toByteArray(), b.toByteArray());
    }

    private String udfinfo(Path img, String key) {
        String out = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
        for (String line : out.split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError("udfinfo prints no " + key + ":\n" + out);
    }

    @Test
    void udfinfoAcceptsTheBridge() throws IOException {
        ExternalTools.assumeTool("udfinfo");
        Path img = build("udfinfo", true);
        assertEquals("2.01", udfinfo(img, "udfrev"));
        assertEquals("closed", udfinfo(img, "integrity"));
        assertEquals(Long.toString(Files.size(img) / 2048), udfinfo(img, "blocks"));
    }

    @Test
    void udfclientListsAndExtracts() throws IOException {
        ExternalTools.assumeTool("udfclient", "udfinfo");
        Path img = build("udfclient", true);
        Map<String, byte[]> host = hostFiles("udfclient");
        Path out = Files.createDirectories(work.resolve("udfclient-out"));
        String label = udfinfo(img, "lvid");
        List<String> names = List.of("empty", "one-byte.txt", "sector-2048.bin", "sector-plus-one.bin",
                "multi-MB-5.bin", "UPPER.TXT", "no_extension");
        String cmds = "cd \"" + udfinfo(img, "fullvsid") + ":" + label + ":" + label + ":" + udfinfo(img, "fsid")
                + "\"\nls\nlcd " + out + "\nmget " + String.join(" ", names) + "\nquit\n";
        Path script = work.resolve("udfclient.cmds");
        Files.writeString(script, cmds, StandardCharsets.UTF_8);
        ExternalTools.Result r = ExternalTools.runOk(Duration.ofSeconds(120), work,
                List.of("sh", "-c", "udfclient -b 2048 \"$0\" < \"$1\"", img.toString(), script.toString()));
        for (String n : names) {
            assertTrue(r.out().contains(n), "udfclient ls lacks " + n + "\n" + r.out());
            Path p = out.resolve(n);
            assertTrue(Files.isRegularFile(p), "udfclient did not extract " + n + "\n" + r.out());
            assertEquals(ReaderListing.sha256(host.get("/" + n)), ReaderListing.sha256(Files.readAllBytes(p)), n);
        }
    }

    /** 7-Zip refuses a UDF File Entry that is neither a file nor a directory: this tree has no links. */
    @Test
    void sevenZipExtracts() throws IOException {
        ExternalTools.assumeTool("7z");
        Path img = build("7z", false);
        Map<String, byte[]> host = hostFiles("7z");
        Path out = work.resolve("7z-out");
        String log = ExternalTools.runOk(work, "7z", "x", "-y", "-o" + out, img.toString()).out();
        assertTrue(!log.contains("WARNING"), log);
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                found.put("/" + out.relativize(p), ReaderListing.sha256(Files.readAllBytes(p)));
            }
        }
        Map<String, String> want = new TreeMap<>();
        host.forEach((k, v) -> want.put(k, ReaderListing.sha256(v)));
        assertEquals(want, found, log);
    }

    @Test
    void pycdlibWalksTheUdfSide() throws IOException {
        ExternalTools.assumeTool("pycdlib");
        Path img = build("pycdlib", true);
        Map<String, byte[]> host = hostFiles("pycdlib");
        String out = Readers.pycdlibUdfHashes(img, work);
        Map<String, String> found = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                found.put(line.substring(65), line.substring(0, 64));
            }
        }
        Map<String, String> want = new TreeMap<>();
        host.forEach((k, v) -> want.put(k, ReaderListing.sha256(v)));
        assertEquals(want, found, out);
    }
}
