package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.source.WorkingDirectory;
import org.discimage.source.archive.ArchiveOptions;
import org.discimage.source.archive.ArchiveSource;
import org.discimage.source.archive.ArchiveSummary;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives made by the real tools (GNU tar with gzip/bzip2/xz, Info-ZIP zip, GNU cpio, 7-Zip) from
 * one host tree are grafted with {@link ArchiveSource}; the independent readers must see the host
 * tree in the image: names, types, sizes, SHA-256, modes and symlink targets (the
 * {@link InteropChecks} matrix), and the modification times (xorriso's extraction).
 */
class ArchiveInteropTest {
    @TempDir
    Path work;

    /** Distinct, whole-second modification times, so a time taken from the wrong entry shows. */
    private static final Instant T0 = Instant.parse("2021-03-04T05:06:07Z");

    /** The host tree every archive is made from. */
    static Path makeTree(Path src) throws IOException {
        Files.createDirectories(src.resolve("bin"));
        Files.createDirectories(src.resolve("data"));
        Files.createDirectories(src.resolve("deep/a/b/c"));
        Files.writeString(src.resolve("readme.txt"), "archive sources\n");
        Files.writeString(src.resolve("bin/run.sh"), "#!/bin/sh\necho hi\n");
        byte[] random = new byte[300_000];
        new Random(8).nextBytes(random);
        Files.write(src.resolve("data/random.bin"), random);
        Files.write(src.resolve("data/empty"), new byte[0]);
        Files.writeString(src.resolve("data/ünïcødé.txt"), "UTF-8 name\n");
        Files.writeString(src.resolve("deep/a/b/c/file.txt"), "deep\n".repeat(1000));
        Files.createSymbolicLink(src.resolve("link"), Path.of("data/random.bin"));
        perms(src.resolve("bin/run.sh"), "rwxr-xr-x");
        perms(src.resolve("data/random.bin"), "rw-r-----");
        perms(src.resolve("data/empty"), "rw-------");
        perms(src.resolve("readme.txt"), "rw-r--r--");
        perms(src.resolve("data/ünïcødé.txt"), "rw-r--r--");
        perms(src.resolve("deep/a/b/c/file.txt"), "rw-rw-r--");
        for (String d : List.of("bin", "deep", "deep/a", "deep/a/b", "deep/a/b/c")) {
            perms(src.resolve(d), "rwxr-xr-x");
        }
        perms(src.resolve("data"), "rwxr-x---");
        int i = 0;
        for (Path p : Files.walk(src).sorted((a, b) -> b.compareTo(a)).toList()) {
            if (!p.equals(src) && !Files.isSymbolicLink(p)) {
                Files.setLastModifiedTime(p, FileTime.from(T0.plusSeconds(3600L * i++)));
            }
        }
        return src;
    }

    private static void perms(Path p, String s) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(s));
    }

    /** Builds an ISO 9660 + Joliet + Rock Ridge image of the archive's contents at the root. */
    private Path image(Path archive, List<ArchiveSummary> summaries) throws IOException {
        FileSystemImage image = SdkImages.image(null, SdkImages.ALL, IsoLevel.LEVEL_3);
        ArchiveSummary s = ArchiveSource.graft(image.root(), "", archive,
                ArchiveOptions.defaults().withWorkingDirectory(WorkingDirectory.of(Files.createDirectories(work.resolve("spool")))));
        summaries.add(s);
        Path iso = work.resolve(archive.getFileName() + ".iso");
        image.createResultImage().writeTo(iso);
        return iso;
    }

    /** The matrix of readers plus an mtime check, for one archive made by {@code command} in src. */
    private Stream<DynamicTest> check(String label, String archiveName, String tool, String... command)
            throws IOException {
        ExternalTools.assumeTool(tool);
        Path src = makeTree(work.resolve("src"));
        Path archive = work.resolve(archiveName);
        List<String> cmd = new ArrayList<>();
        for (String c : command) {
            cmd.add(c.replace("ARCHIVE", archive.toString()));
        }
        ExternalTools.runOk(ExternalTools.DEFAULT_TIMEOUT, src, List.of("sh", "-c", String.join(" ", cmd)));
        List<ArchiveSummary> summaries = new ArrayList<>();
        Path iso = image(archive, summaries);
        ReaderListing expected = ReaderListing.ofHostTree(src);
        InteropChecks.Image img = new InteropChecks.Image(iso, true, true, TreeAssert.IsoNames.level(3, true));
        List<DynamicTest> tests = new ArrayList<>(InteropChecks.allReaders(label, img, expected, work));
        tests.add(DynamicTest.dynamicTest(label + ": summary", () -> {
            ArchiveSummary s = summaries.get(0);
            assertEquals(6, s.files(), s.toString());
            assertEquals(1, s.symlinks(), s.toString());
            assertTrue(s.skipped().isEmpty(), s.toString());
        }));
        tests.add(DynamicTest.dynamicTest(label + ": xorriso -osirrox mtimes", () -> {
            ExternalTools.assumeTool("xorriso");
            Path x = InteropChecks.dir(work, "mtime-x");
            Readers.xorrisoExtract(iso, x);
            assertEquals(mtimes(src), mtimes(x));
        }));
        return tests.stream();
    }

    /** Path → modification second of every file and directory below root (links not followed). */
    static Map<String, Long> mtimes(Path root) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (!p.equals(root) && !Files.isSymbolicLink(p)) {
                    m.put(ReaderListing.imagePath(root, p),
                            Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().getEpochSecond());
                }
            }
        }
        return m;
    }

    @TestFactory
    Stream<DynamicTest> plainTarReadInPlace() throws IOException {
        return check("tar", "a.tar", "tar", "tar", "-cf", "ARCHIVE", "-C", ".", ".");
    }

    @TestFactory
    Stream<DynamicTest> tarGz() throws IOException {
        return check("tar.gz", "a.tar.gz", "tar", "tar", "-czf", "ARCHIVE", ".");
    }

    @TestFactory
    Stream<DynamicTest> tarBz2() throws IOException {
        return check("tar.bz2", "a.tar.bz2", "bzip2", "tar", "-cjf", "ARCHIVE", ".");
    }

    @TestFactory
    Stream<DynamicTest> tarXz() throws IOException {
        return check("tar.xz", "a.tar.xz", "xz", "tar", "-cJf", "ARCHIVE", "*");
    }

    @TestFactory
    Stream<DynamicTest> zipInfoZip() throws IOException {
        // -y stores the symlink as a link (Info-ZIP's Unix extra: mode S_IFLNK, data = target)
        return check("zip", "a.zip", "zip", "zip", "-q", "-r", "-y", "ARCHIVE", ".");
    }

    @TestFactory
    Stream<DynamicTest> cpioNewc() throws IOException {
        return check("cpio", "a.cpio", "cpio", "find", ".", "|", "cpio", "--quiet", "-o", "-H", "newc", ">", "ARCHIVE");
    }

    @TestFactory
    Stream<DynamicTest> sevenZip() throws IOException {
        // -snl: store symbolic links as links (7-Zip for Linux keeps st_mode in the high attribute bits)
        return check("7z", "a.7z", "7z", "7z", "a", "-bd", "-snl", "ARCHIVE", "*", ">/dev/null");
    }

    /** The archive's data is spooled to the working directory and nothing is left there afterwards. */
    @Test
    void spoolLeavesNoFileBehind() throws IOException {
        ExternalTools.assumeTool("tar", "isoinfo");
        Path src = makeTree(work.resolve("src"));
        Path archive = work.resolve("b.tar.gz");
        ExternalTools.runOk(src, "tar", "-czf", archive.toString(), ".");
        Path spoolDir = Files.createDirectories(work.resolve("spool2"));
        FileSystemImage image = SdkImages.image(null, SdkImages.ALL, IsoLevel.LEVEL_3);
        WorkingDirectory wd = WorkingDirectory.of(spoolDir);
        ArchiveSummary s = ArchiveSource.graft(image.root(), "pkg/v1", archive, ArchiveOptions.defaults()
                .withWorkingDirectory(wd));
        assertEquals("tar+gz", s.format());
        assertTrue(wd.spooled() >= 300_000 + 5000, "spooled " + wd.spooled());
        try (Stream<Path> l = Files.list(spoolDir)) {
            assertEquals(List.of(), l.toList(), "the spool file is unlinked as soon as it is open");
        }
        Path iso = work.resolve("b.iso");
        image.createResultImage().writeTo(iso);
        s.spool().close();
        String data = ExternalTools.runOk(null, "isoinfo", "-R", "-i", iso.toString(), "-x",
                "/pkg/v1/deep/a/b/c/file.txt").out();
        assertEquals("deep\n".repeat(1000), data);
    }

    /**
     * Duplicates and hard links as isoinfo reads them: a later entry's content wins, a tar hard
     * link is a second name sharing the content source, so a link of one file (one extent, PX link
     * count 2), a character device is recorded with its numbers (RRIP PN).
     */
    @Test
    void duplicatesHardLinksAndDevicesAsIsoinfoSeesThem() throws IOException {
        ExternalTools.assumeTool("isoinfo");
        Path archive = work.resolve("odd.tar");
        try (var t = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(Files.newOutputStream(archive))) {
            for (String[] e : new String[][] {{"a.txt", "first"}, {"f.txt", "linked data"}, {"a.txt", "second!"}}) {
                var te = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(e[0]);
                te.setSize(e[1].length());
                t.putArchiveEntry(te);
                t.write(e[1].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                t.closeArchiveEntry();
            }
            var link = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("hard",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_LINK);
            link.setLinkName("f.txt");
            t.putArchiveEntry(link);
            t.closeArchiveEntry();
            var dev = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("null",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_CHR);
            dev.setDevMajor(1);
            dev.setDevMinor(3);
            t.putArchiveEntry(dev);
            t.closeArchiveEntry();
        }
        Path iso = image(archive, new ArrayList<>());
        assertEquals("second!", ExternalTools.runOk(null, "isoinfo", "-R", "-i", iso.toString(), "-x", "/a.txt").out());
        assertEquals("linked data", ExternalTools.runOk(null, "isoinfo", "-R", "-i", iso.toString(), "-x", "/hard").out());
        assertEquals("linked data", ExternalTools.runOk(null, "isoinfo", "-R", "-i", iso.toString(), "-x", "/f.txt").out());
        String listing = ExternalTools.runOk(null, "isoinfo", "-R", "-l", "-i", iso.toString()).out();
        assertTrue(listing.lines().anyMatch(l -> l.startsWith("c") && l.contains("null")), listing);
        assertEquals(1, listing.lines().filter(l -> l.trim().endsWith(" a.txt")).count(), listing);
        java.util.regex.Pattern entry = java.util.regex.Pattern.compile(
                "(?m)^-\\S{9}\\s+(\\d+)\\s.*\\[\\s*(\\d+) \\d\\d\\]\\s+(hard|f\\.txt)\\s*$");
        java.util.Map<String, String> links = new java.util.HashMap<>();
        java.util.regex.Matcher m = entry.matcher(listing);
        while (m.find()) {
            links.put(m.group(3), m.group(1) + " @" + m.group(2));
        }
        assertEquals(2, links.size(), listing);
        assertTrue(links.get("hard").startsWith("2 @"), listing);
        assertEquals(links.get("f.txt"), links.get("hard"), "one extent, link count 2: " + listing);
    }

    /**
     * Hard links as GNU tar and GNU cpio (newc: the data only with the last name) write them: both
     * names read back with the content through isoinfo, as links of one file (one extent, link
     * count 2). And the same archive, options and clock give a byte-identical image.
     */
    @Test
    void hardLinksFromTheRealToolsAndDeterminism() throws IOException {
        ExternalTools.assumeTool("isoinfo", "tar", "cpio");
        Path src = Files.createDirectories(work.resolve("hl"));
        Files.writeString(src.resolve("one.txt"), "shared content\n");
        Files.createLink(src.resolve("two.txt"), src.resolve("one.txt"));
        Path tgz = work.resolve("hl.tar.gz");
        ExternalTools.runOk(src, "tar", "-czf", tgz.toString(), "one.txt", "two.txt");
        Path cpio = work.resolve("hl.cpio");
        ExternalTools.runOk(ExternalTools.DEFAULT_TIMEOUT, src, List.of("sh", "-c",
                "printf 'one.txt\\ntwo.txt\\n' | cpio --quiet -o -H newc > " + cpio));
        for (Path archive : List.of(tgz, cpio)) {
            Path iso = image(archive, new ArrayList<>());
            for (String name : List.of("/one.txt", "/two.txt")) {
                assertEquals("shared content\n", ExternalTools.runOk(null, "isoinfo", "-R", "-i", iso.toString(),
                        "-x", name).out(), archive + " " + name);
            }
            // both names are links of one file: one extent, PX link count 2 (isoinfo -R -l)
            String listing = ExternalTools.runOk(null, "isoinfo", "-R", "-l", "-i", iso.toString()).out();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "(?m)^-\\S{9}\\s+(\\d+)\\s.*\\[\\s*(\\d+) \\d\\d\\]\\s+(one|two)\\.txt\\s*$").matcher(listing);
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (m.find()) {
                seen.add(m.group(1) + " @" + m.group(2));
            }
            assertEquals(1, seen.size(), archive + ": " + listing);
            assertTrue(seen.iterator().next().startsWith("2 @"), archive + ": " + listing);
            byte[] first = Files.readAllBytes(iso);
            Path again = image(archive, new ArrayList<>());
            assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(again)), "same input, same image: " + archive);
        }
    }

    /**
     * A GNU sparse member (tar -S, PAX 1.0 sparse map) in a plain tar cannot be a range of the
     * archive: its holes are expanded into the spool. isoinfo reads back every byte.
     */
    @Test
    void sparseTarMemberIsExpanded() throws IOException {
        ExternalTools.assumeTool("tar", "isoinfo");
        Path src = Files.createDirectories(work.resolve("sparse"));
        Path f = src.resolve("holes.bin");
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap("in the middle".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                    1_000_000);
            ch.write(java.nio.ByteBuffer.wrap("at the end".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                    3_000_000);
        }
        Path archive = work.resolve("sparse.tar");
        ExternalTools.runOk(src, "tar", "--sparse", "--format=posix", "-cf", archive.toString(), "holes.bin");
        List<ArchiveSummary> s = new ArrayList<>();
        Path iso = image(archive, s);
        assertTrue(s.get(0).spool() != null && s.get(0).spool().size() == Files.size(f), "expanded into the spool");
        Path back = work.resolve("holes.back");
        ExternalTools.runOk(ExternalTools.DEFAULT_TIMEOUT, null, List.of("sh", "-c",
                "isoinfo -R -i '" + iso + "' -x /holes.bin > '" + back + "'"));
        assertEquals(ReaderListing.sha256(f), ReaderListing.sha256(back));
    }

    /**
     * The zero-copy slices of a plain tar and a stored zip go through the UDF producer as well:
     * 7-Zip extracts a UDF-only image of them with the host tree's names, sizes and SHA-256.
     */
    @Test
    void udfImageOfInPlaceArchives() throws IOException {
        ExternalTools.assumeTool("tar", "zip", "7z");
        Path src = makeTree(work.resolve("src"));
        // 7-Zip 26.02 refuses a UDF-only image holding a symbolic link ("Cannot open the file as archive")
        Files.delete(src.resolve("link"));
        Path tar = work.resolve("u.tar");
        ExternalTools.runOk(src, "tar", "-cf", tar.toString(), ".");
        Path zip = work.resolve("u.zip");
        ExternalTools.runOk(src, "zip", "-q", "-0", "-r", zip.toString(), ".");
        for (Path archive : List.of(tar, zip)) {
            FileSystemImage image = SdkImages.image(null, java.util.Set.of(org.discimage.FileSystem.UDF), IsoLevel.LEVEL_3);
            ArchiveSummary s = ArchiveSource.graft(image.root(), "", archive, ArchiveOptions.defaults());
            assertEquals(null, s.spool(), "read in place: " + archive);
            Path iso = work.resolve(archive.getFileName() + ".udf.iso");
            image.createResultImage().writeTo(iso);
            ReaderListing actual = Readers.sevenZip(iso, InteropChecks.dir(work, "udf-7z"));
            ReaderListing expected = ReaderListing.ofHostTree(src);
            for (Entry e : expected.entries()) {
                if (e.type() == Entry.Type.FILE) {
                    Entry a = actual.get(e.path());
                    assertTrue(a != null && a.size() == e.size() && e.sha256().equals(a.sha256()),
                            archive + ": " + e + " read by 7z as " + a);
                }
            }
        }
    }
}
