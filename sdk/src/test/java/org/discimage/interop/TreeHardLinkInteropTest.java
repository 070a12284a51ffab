package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.UdfRevision;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.media.SessionInfo;
import org.discimage.tree.FileItem;
import org.discimage.tree.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hard links of the host tree (issue 5): {@code addTree} gives the three names of one inode
 * (a.bin, b.bin, sub/c.bin; 1 MiB, 512 sectors) one content source, and every namespace records
 * the file once. Proven by the independent readers: isoinfo (one extent, PX link count 3),
 * xorriso {@code -hardlinks on} (one inode, st_nlink 3), pycdlib (one PX serial number), bsdtar and
 * 7-Zip (content), udfinfo (numfiles counts the names of files, as Linux does), udfclient and 7-Zip {@code -tudf}
 * (content), the Linux kernel's isofs and udf drivers (stat %h 3; udf: one inode number).
 */
class TreeHardLinkInteropTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final int DATA = 1 << 20;
    private static final long DATA_SECTORS = DATA / 2048;
    private static final Set<FileSystem> ISO = Set.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
    private static final Set<FileSystem> UDF = Set.of(FileSystem.UDF);
    private static final Set<FileSystem> BRIDGE = Set.of(FileSystem.ISO9660, FileSystem.JOLIET,
            FileSystem.ROCK_RIDGE, FileSystem.UDF);
    private static final List<UdfRevision> REVISIONS = List.of(UdfRevision.R2_01, UdfRevision.R2_50);
    /** isoinfo -R -l: mode, links, ..., "[ LBA 00]  name". */
    private static final Pattern ISOINFO = Pattern.compile(
            "^[-dlcb][-rwxsStT]{9}\\s+(\\d+)\\s.*\\[\\s*(\\d+) \\d\\d\\]\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    @TempDir
    Path work;
    private byte[] data;

    /** src: a.bin, b.bin and sub/c.bin one inode, single.txt; copies: the same without links. */
    private Path fixture(String name, boolean links) throws IOException {
        Path src = Files.createDirectories(work.resolve(name).resolve("sub"));
        if (data == null) {
            data = new byte[DATA];
            new Random(5).nextBytes(data);
        }
        Path a = src.resolveSibling("a.bin");
        Files.write(a, data);
        if (links) {
            Files.createLink(src.resolveSibling("b.bin"), a);
            Files.createLink(src.resolve("c.bin"), a);
        } else {
            Files.write(src.resolveSibling("b.bin"), data);
            Files.write(src.resolve("c.bin"), data);
        }
        Files.writeString(src.resolveSibling("single.txt"), "alone\n");
        return src.getParent();
    }

    private Path build(Path src, Set<FileSystem> fs, UdfRevision rev, String out) throws IOException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.setFileSystems(fs);
        if (rev != null) {
            image.setUdfRevision(rev);
        }
        image.setVolumeName("LINKS");
        image.root().addTree(src, false);
        Path img = work.resolve(out);
        image.createResultImage().writeTo(img);
        return img;
    }

    /** Name → {links, LBA} from isoinfo's Rock Ridge listing. */
    private static Map<String, long[]> isoinfo(Path img) {
        String listing = ExternalTools.runOk(null, "isoinfo", "-R", "-l", "-i", img.toString()).out();
        Map<String, long[]> m = new HashMap<>();
        Matcher x = ISOINFO.matcher(listing);
        while (x.find()) {
            m.put(x.group(3), new long[] {Long.parseLong(x.group(1)), Long.parseLong(x.group(2))});
        }
        return m;
    }

    private static void assertIsoLinks(Path img) {
        Map<String, long[]> ls = isoinfo(img);
        for (String name : List.of("a.bin", "b.bin", "c.bin")) {
            assertEquals(3, ls.get(name)[0], name + ": PX link count, isoinfo -R -l " + img);
            assertEquals(ls.get("a.bin")[1], ls.get(name)[1], name + " shares a.bin's extent");
        }
        assertEquals(1, ls.get("single.txt")[0]);
    }

    /** Path → "nlink ino" of what xorriso extracts with hard links restored; checks the content. */
    private Map<String, String> xorrisoExtract(Path img, String label) throws IOException {
        Path out = work.resolve("x-" + label);
        ExternalTools.runOk(null, "xorriso", "-hardlinks", "on", "-osirrox", "on", "-indev", img.toString(),
                "-extract", "/", out.toString());
        Map<String, String> m = new HashMap<>();
        for (String p : List.of("a.bin", "b.bin", "sub/c.bin", "single.txt")) {
            Path f = out.resolve(p);
            m.put(p, Files.getAttribute(f, "unix:nlink") + " " + Files.getAttribute(f, "unix:ino"));
            if (!p.equals("single.txt")) {
                assertArrayEquals(data, Files.readAllBytes(f), p + " extracted by xorriso");
            }
        }
        return m;
    }

    private void assertContent(Path dir, String reader) throws IOException {
        for (String p : List.of("a.bin", "b.bin", "sub/c.bin")) {
            assertArrayEquals(data, Files.readAllBytes(dir.resolve(p)), p + " extracted by " + reader);
        }
        assertEquals("alone\n", Files.readString(dir.resolve("single.txt")), reader);
    }

    @Test
    void addTreeSharesOneSourceForTheNamesOfOneInode() throws IOException {
        Path src = fixture("tree", true);
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.root().addTree(src, false);
        FileItem a = (FileItem) image.root().item("a.bin").orElseThrow();
        FileItem b = (FileItem) image.root().item("b.bin").orElseThrow();
        FileItem c = (FileItem) image.root().item("sub/c.bin").orElseThrow();
        Item single = image.root().item("single.txt").orElseThrow();
        assertSame(a.source(), b.source());
        assertSame(a.source(), c.source());
        assertNotEquals(a.source(), ((FileItem) single).source());
        FileItem d = image.root().addHardLink("d.bin", a);
        assertSame(a.source(), d.source());
        assertEquals(a.mode(), d.mode());
    }

    @Test
    void isoJolietRockRidgeRecordsTheDataOnce() throws IOException {
        ExternalTools.assumeTool("isoinfo", "xorriso", "bsdtar", "7z");
        Path img = build(fixture("src", true), ISO, null, "links.iso");
        Path copies = build(fixture("copies", false), ISO, null, "copies.iso");
        assertEquals(2 * DATA_SECTORS * 2048, Files.size(copies) - Files.size(img), "two copies of the data saved");
        assertArrayEquals(Files.readAllBytes(img), Files.readAllBytes(build(work.resolve("src"), ISO, null,
                "again.iso")), "deterministic");

        assertIsoLinks(img);
        Map<String, String> x = xorrisoExtract(img, "iso");
        assertTrue(x.get("a.bin").startsWith("3 "), x.toString());
        assertEquals(x.get("a.bin"), x.get("b.bin"), "one inode: " + x);
        assertEquals(x.get("a.bin"), x.get("sub/c.bin"), "one inode: " + x);
        assertNotEquals(x.get("a.bin").split(" ")[1], x.get("single.txt").split(" ")[1]);

        Path bt = Files.createDirectories(work.resolve("bsdtar"));
        ExternalTools.runOk(bt, "bsdtar", "-xf", img.toString());
        assertContent(bt, "bsdtar");
        Path x7 = work.resolve("7z");
        ExternalTools.runOk(Duration.ofSeconds(120), work, List.of("7z", "x", "-y", "-bd", "-o" + x7, img.toString()));
        assertContent(x7, "7z");

        Path script = work.resolve("px.py");
        Files.writeString(script, String.join("\n",
                "import sys, pycdlib",
                "iso = pycdlib.PyCdlib()",
                "iso.open(sys.argv[1])",
                "for p in ['/a.bin', '/b.bin', '/sub/c.bin', '/single.txt']:",
                "    r = iso.get_record(rr_path=p)",
                "    px = r.rock_ridge.dr_entries.px_record",
                "    print(p, px.posix_file_links, px.posix_serial_number, r.extent_location())",
                ""));
        String out = ExternalTools.runOk(null, "/usr/bin/python3", script.toString(), img.toString()).out();
        Map<String, String[]> px = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            px.put(f[0], f);
        }
        for (String p : List.of("/b.bin", "/sub/c.bin")) {
            assertEquals("3", px.get(p)[1], out);
            assertEquals(px.get("/a.bin")[2], px.get(p)[2], "one st_ino: " + out);
            assertEquals(px.get("/a.bin")[3], px.get(p)[3], "one extent: " + out);
        }
        assertEquals("1", px.get("/single.txt")[1], out);
        assertNotEquals(px.get("/a.bin")[2], px.get("/single.txt")[2], out);

        try (SectorReader sectors = ImageFileSectorReader.open(img)) {
            Map<String, ImportedEntry> e = byPath(SessionReader.open(sectors, 0).readTree(FileSystem.ROCK_RIDGE));
            assertEquals(3, e.get("/b.bin").linkCount());
            assertEquals(1, e.get("/single.txt").linkCount());
        }
    }

    @Test
    void anAppendedSessionKeepsTheGroup() throws IOException {
        ExternalTools.assumeTool("isoinfo", "xorriso");
        Path src = fixture("src", true);
        Path img = work.resolve("grown.iso");
        MultisessionInteropTest.session(img, "S1", image -> {
            image.setFileSystems(ISO);
            image.root().addTree(src, false);
        });
        long first = isoinfo(img).get("a.bin")[1];
        SessionInfo two = MultisessionInteropTest.session(img, "S2",
                image -> image.root().addFile("new.txt", "new\n".getBytes(StandardCharsets.US_ASCII)));
        assertIsoLinks(img);
        assertEquals(first, isoinfo(img).get("a.bin")[1], "the session 1 extent is kept");
        assertTrue(two.sectors() < DATA_SECTORS, "the data is not written again: " + two);
        Map<String, String> x = xorrisoExtract(img, "grown");
        assertTrue(x.get("a.bin").startsWith("3 "), x.toString());
        assertEquals(x.get("a.bin"), x.get("sub/c.bin"), "one inode: " + x);
    }

    /**
     * An imported tree written to a new image (not appended): the names the medium recorded as
     * links of one extent (PX nlink 3, UDF File Link Count 3) stay one file, written once, in
     * each namespace of the new image, whichever file system is imported.
     */
    @ParameterizedTest
    @EnumSource(value = FileSystem.class, names = {"ROCK_RIDGE", "UDF"})
    void anImportedGroupIsWrittenOnceIntoANewImage(FileSystem from) throws IOException {
        ExternalTools.assumeTool("isoinfo", "udfinfo");
        Path first = build(fixture("src", true), BRIDGE, UdfRevision.R2_01, "first.iso");
        Path copy = work.resolve("copy.iso");
        long plain;
        try (SectorReader sectors = ImageFileSectorReader.open(first)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.importSpecificFileSystem(sectors, 0, from, org.discimage.importer.ImportOptions.strict());
            image.setFileSystems(BRIDGE);
            image.setUdfRevision(UdfRevision.R2_01);
            image.setVolumeName("LINKS");
            assertTrue(image.root().item("b.bin").orElseThrow() instanceof FileItem);
            image.createResultImage().writeTo(copy);
        }
        assertEquals(Files.size(first), Files.size(copy), "the data once, as in the first image");
        assertIsoLinks(copy);
        String info = ExternalTools.runOk(work, "udfinfo", copy.toString()).out();
        assertEquals("4", value(info, "numfiles"), info);
        try (SectorReader sectors = ImageFileSectorReader.open(copy)) {
            Map<String, ImportedEntry> e = byPath(SessionReader.open(sectors, 0).readTree(FileSystem.UDF));
            assertEquals(3, e.get("/sub/c.bin").linkCount());
            assertEquals(e.get("/a.bin").extents(), e.get("/sub/c.bin").extents());
        }
        Path x = work.resolve("x-import-" + from);
        ExternalTools.runOk(null, "xorriso", "-osirrox", "on", "-indev", copy.toString(), "-extract", "/", x.toString());
        assertContent(x, "xorriso");
    }

    private static Map<String, ImportedEntry> byPath(List<ImportedEntry> entries) {
        Map<String, ImportedEntry> m = new HashMap<>();
        entries.forEach(e -> m.put(e.path(), e));
        return m;
    }

    private static String value(String udfinfo, String key) {
        return udfinfo.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("udfinfo printed no " + key + ":\n" + udfinfo));
    }

    /**
     * The bytes two copies of a.bin cost over two links: their data, and for UDF 2.01 their two File
     * Entries (one block each); for 2.50 the metadata partition grows in allocation units
     * ({@code UdfMetadataPartition}), which hold the two entries either way.
     */
    private static long saved(UdfRevision rev) {
        return 2 * DATA_SECTORS * 2048 + (rev == UdfRevision.R2_01 ? 2 * 2048 : 0);
    }

    /** udfinfo: no complaint, numfiles counts FIDs (a.bin's three names, single.txt); udfclient and 7z: content. */
    private void checkUdf(Path img, String label) throws IOException {
        ExternalTools.Result info = ExternalTools.runOk(work, "udfinfo", img.toString());
        String out = info.out();
        assertEquals("", info.err().strip(), "udfinfo " + label);
        assertEquals("4", value(out, "numfiles"), "the names of files: " + out);
        assertEquals("2", value(out, "numdirs"), out);

        Path uc = Files.createDirectories(work.resolve("udfclient-" + label));
        Files.createDirectories(uc.resolve("sub"));
        String lvid = value(out, "lvid");
        String cmds = "cd \"" + value(out, "fullvsid") + ":" + lvid + ":" + lvid + ":" + value(out, "fsid")
                + "\"\nlcd " + uc + "\nmget a.bin b.bin single.txt\ncd sub\nlcd " + uc.resolve("sub")
                + "\nmget c.bin\nquit\n";
        Path script = work.resolve("udfclient-" + label + ".cmds");
        Files.writeString(script, cmds, StandardCharsets.UTF_8);
        ExternalTools.Result r = ExternalTools.runOk(Duration.ofSeconds(120), work,
                List.of("sh", "-c", "udfclient -b 2048 \"$0\" < \"$1\"", img.toString(), script.toString()));
        try {
            assertContent(uc, "udfclient");
        } catch (IOException | AssertionError e) {
            throw new AssertionError("udfclient " + label + ":\n" + r.out() + r.err(), e);
        }

        Path x7 = work.resolve("7z-" + label);
        ExternalTools.runOk(Duration.ofSeconds(120), work, List.of("7z", "x", "-y", "-bd", "-tudf", "-o" + x7,
                img.toString()));
        assertContent(x7, "7z -tudf");
    }

    @ParameterizedTest
    @EnumSource(value = UdfRevision.class, names = {"R2_01", "R2_50"})
    void udfOnlyHasOneFileEntryWithThreeLinks(UdfRevision rev) throws IOException {
        ExternalTools.assumeTool("udfinfo", "udfclient", "7z");
        Path img = build(fixture("src", true), UDF, rev, "links-" + rev + ".udf");
        Path copies = build(fixture("copies", false), UDF, rev, "copies-" + rev + ".udf");
        assertEquals(saved(rev), Files.size(copies) - Files.size(img), "two copies of the data and two entries saved");
        assertArrayEquals(Files.readAllBytes(img), Files.readAllBytes(build(work.resolve("src"), UDF, rev, "again.udf")),
                "deterministic");
        checkUdf(img, "udf-" + rev);
        try (SectorReader sectors = ImageFileSectorReader.open(img)) {
            Map<String, ImportedEntry> e = byPath(SessionReader.open(sectors, 0).readTree(FileSystem.UDF));
            assertEquals(3, e.get("/sub/c.bin").linkCount(), "File Link Count read back");
            assertEquals(e.get("/a.bin").extents(), e.get("/sub/c.bin").extents());
            assertEquals(1, e.get("/single.txt").linkCount());
        }
    }

    @ParameterizedTest
    @EnumSource(value = UdfRevision.class, names = {"R2_01", "R2_50"})
    void bridgeSharesTheExtentBetweenIsoAndUdf(UdfRevision rev) throws IOException {
        ExternalTools.assumeTool("isoinfo", "udfinfo", "udfclient", "7z");
        Path src = fixture("src", true);
        Path plain = build(src, BRIDGE, rev, "bridge-plain-" + rev + ".iso");
        Path copies = build(fixture("copies", false), BRIDGE, rev, "bridge-copies-" + rev + ".iso");
        assertEquals(saved(rev), Files.size(copies) - Files.size(plain), "two copies of the data and two entries saved");
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(build(src, BRIDGE, rev, "again-" + rev + ".iso")),
                "deterministic");
        assertIsoLinks(plain);
        checkUdf(plain, "bridge-" + rev);
        // the same tree as the first session of an image file, to append to
        Path img = work.resolve("bridge-" + rev + ".iso");
        MultisessionUdfInteropTest.session(img, rev, "S1", image -> image.root().addTree(src, false));
        assertIsoLinks(img);
        long isoLba = isoinfo(img).get("a.bin")[1];
        try (SectorReader sectors = ImageFileSectorReader.open(img)) {
            Map<String, ImportedEntry> e = byPath(SessionReader.open(sectors, 0).readTree(FileSystem.UDF));
            assertEquals(3, e.get("/b.bin").linkCount());
            assertEquals(isoLba, e.get("/b.bin").extents().get(0).lba(), "UDF and ISO 9660 share the extent");
        }
        // an appended bridge session keeps the group on both sides
        SessionInfo two = MultisessionUdfInteropTest.session(img, rev, "S2",
                image -> image.root().addFile("new.txt", "new\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(two.sectors() < DATA_SECTORS, "the data is not written again: " + two);
        assertIsoLinks(img);
        assertEquals(isoLba, isoinfo(img).get("a.bin")[1]);
        try (SectorReader sectors = ImageFileSectorReader.open(img)) {
            Map<String, ImportedEntry> e = byPath(SessionReader.open(sectors, two.startLba()).readTree(FileSystem.UDF));
            assertEquals(3, e.get("/sub/c.bin").linkCount());
            assertEquals(isoLba, e.get("/sub/c.bin").extents().get(0).lba());
        }
        String info = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
        assertEquals("5", value(info, "numfiles"), info);
    }

    /**
     * {@code Directory.addHardLink} in a 2.01 bridge, read by pycdlib on both sides: Rock Ridge PX
     * (nlink 2, one serial) and UDF (pycdlib follows each FID to a File Entry: the same entry, File
     * Link Count 2; the FIDs' UDF unique IDs, in their long_ad implementation use, differ: the first
     * name's is the entry's, the link's one of its own, UDF 2.60 3.2.1.1).
     */
    @Test
    void addHardLinkIsOneFileOnBothSidesOfTheBridge() throws IOException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.setFileSystems(BRIDGE);
        image.setUdfRevision(UdfRevision.R2_01);
        byte[] content = "linked by the API\n".repeat(400).getBytes(StandardCharsets.US_ASCII);
        FileItem one = image.root().addFile("one.txt", content);
        one.setMode(0640);
        image.root().addHardLink("dir/two.txt", one);
        image.root().addFile("other.txt", content.clone());
        Path img = work.resolve("api.iso");
        image.createResultImage().writeTo(img);

        Path script = work.resolve("udf.py");
        Files.writeString(script, String.join("\n",
                "import sys, pycdlib",
                "iso = pycdlib.PyCdlib()",
                "iso.open(sys.argv[1])",
                "for p in ['/one.txt', '/dir/two.txt', '/other.txt']:",
                "    px = iso.get_record(rr_path=p).rock_ridge.dr_entries.px_record",
                "    fe = iso.get_record(udf_path=p)",
                "    print('RR', p, px.posix_file_links, px.posix_serial_number)",
                "    print('UDF', p, fe.file_link_count, fe.extent_location(), fe.unique_id, fe.alloc_descs[0].log_block_num)",
                "for d in ['/', '/dir']:",
                "    for fid in iso.get_record(udf_path=d).fi_descs:",
                "        if not fid.isparent:",
                "            print('FID', fid.fi.decode('utf-8', 'replace'), int.from_bytes(fid.icb.impl_use[2:6], 'little'))",
                ""));
        String out = ExternalTools.runOk(null, "/usr/bin/python3", script.toString(), img.toString()).out();
        Map<String, String[]> rows = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            rows.put(f[0] + " " + f[1], f);
        }
        String[] rr1 = rows.get("RR /one.txt");
        String[] rr2 = rows.get("RR /dir/two.txt");
        assertEquals("2", rr1[2], out);
        assertEquals("2", rr2[2], out);
        assertEquals(rr1[3], rr2[3], "one serial number: " + out);
        assertEquals("1", rows.get("RR /other.txt")[2], out);
        String[] u1 = rows.get("UDF /one.txt");
        String[] u2 = rows.get("UDF /dir/two.txt");
        assertEquals("2", u1[2], "File Link Count: " + out);
        assertEquals(u1[3], u2[3], "one File Entry: " + out);
        assertEquals(u1[5], u2[5], "one data extent: " + out);
        assertEquals("1", rows.get("UDF /other.txt")[2], out);
        assertNotEquals(u1[3], rows.get("UDF /other.txt")[3], out);
        String fid1 = rows.get("FID one.txt")[2];
        String fid2 = rows.get("FID two.txt")[2];
        assertEquals(u1[4], fid1, "the first name's FID carries the entry's unique ID: " + out);
        assertNotEquals(fid1, fid2, "the link's FID has a unique ID of its own: " + out);
        assertNotEquals(rows.get("FID other.txt")[2], fid2, out);
        Path x = Files.createDirectories(work.resolve("x7"));
        ExternalTools.runOk(Duration.ofSeconds(120), work, List.of("7z", "x", "-y", "-bd", "-tudf", "-o" + x,
                img.toString()));
        assertArrayEquals(content, Files.readAllBytes(x.resolve("dir/two.txt")), "7z -tudf");
    }

    /**
     * The kernel: udf (both revisions and the bridge) shows one inode number and link count 3 for
     * the three names; isofs (Rock Ridge) the link count 3 from PX (its inode numbers come from
     * the directory record's place, not from PX st_ino, so they differ).
     */
    @Test
    void theKernelSeesOneInodeWithThreeLinks() throws IOException {
        LinuxKernelVm vm = LinuxKernelVm.require();
        Path src = fixture("src", true);
        List<Path> images = new ArrayList<>();
        images.add(build(src, ISO, null, "k.iso"));
        for (UdfRevision rev : REVISIONS) {
            images.add(build(src, UDF, rev, "k-" + rev + ".udf"));
            images.add(build(src, BRIDGE, rev, "kb-" + rev + ".iso"));
        }
        StringBuilder script = new StringBuilder();
        for (Path img : images) {
            String type = img.getFileName().toString().equals("k.iso") ? "iso9660" : "udf";
            script.append("echo '@@IMG ").append(img.getFileName()).append("'\n")
                    .append("if mount -t ").append(type).append(" -o loop,ro /img/").append(img.getFileName())
                    .append(" /mnt; then stat -c '%h %i %n' /mnt/a.bin /mnt/b.bin /mnt/sub/c.bin /mnt/single.txt;")
                    .append(" md5sum /mnt/a.bin /mnt/b.bin /mnt/sub/c.bin; umount /mnt; else echo '@@FAILED'; fi\n");
        }
        script.append("echo '@@DMESG'; dmesg | grep -i -E 'udf|iso'\n");
        String out = vm.run(work, images, script.toString());
        String[] parts = out.split("@@IMG |@@DMESG");
        assertEquals(images.size() + 2, parts.length, out);
        Pattern stat = Pattern.compile("(?m)^(\\d+) (\\d+) /mnt/(\\S+)$");
        Pattern md5 = Pattern.compile("(?m)^([0-9a-f]{32})\\s+/mnt/\\S+$");
        for (int i = 0; i < images.size(); i++) {
            String part = parts[i + 1];
            String where = part + "\nkernel log:\n" + parts[parts.length - 1];
            boolean udf = !images.get(i).getFileName().toString().equals("k.iso");
            Map<String, String[]> st = new HashMap<>();
            Matcher m = stat.matcher(part);
            while (m.find()) {
                st.put(m.group(3), new String[] {m.group(1), m.group(2)});
            }
            assertEquals(4, st.size(), where);
            for (String p : List.of("a.bin", "b.bin", "sub/c.bin")) {
                assertEquals("3", st.get(p)[0], p + " %h: " + where);
                if (udf) {
                    assertEquals(st.get("a.bin")[1], st.get(p)[1], p + " %i: " + where);
                }
            }
            assertEquals("1", st.get("single.txt")[0], where);
            Matcher h = md5.matcher(part);
            List<String> sums = new ArrayList<>();
            while (h.find()) {
                sums.add(h.group(1));
            }
            assertEquals(3, sums.size(), where);
            assertEquals(1, sums.stream().distinct().count(), where);
        }
    }
}
