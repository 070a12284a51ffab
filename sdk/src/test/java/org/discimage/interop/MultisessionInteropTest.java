package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.FileExtent;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.media.ImageFileMedium;
import org.discimage.media.SessionInfo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions appended to an image file by {@link ImageFileMedium}: xorriso's TOC emulation lists
 * every session, each session's own tree reads at its start, every reader sees the newest merged
 * tree at LBA 16, and unchanged files keep the extents of the session that wrote them.
 */
class MultisessionInteropTest {
    private static final Pattern TOC = Pattern.compile(
            "ISO session\\s*:\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)s\\s*,\\s*(\\S*)");
    private static final Pattern NWA = Pattern.compile("Media nwa\\s*:\\s*(\\d+)s");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    /** Session 1: a.txt, keep.txt, dir/big.bin (300 KB); 2: new.txt, a.txt replaced; 3: dir removed, c.txt. */
    private Path grow(Path expected) throws IOException {
        Path s1 = work.resolve("s1/dir");
        Path s2 = work.resolve("s2");
        Path a2 = work.resolve("a2.txt");
        Path s3 = work.resolve("s3");
        // the sources are written once: writing them again would move their modification and
        // change times, which the images record (growingIsDeterministic grows twice)
        if (!Files.exists(s1)) {
            Files.createDirectories(s1);
            Files.writeString(work.resolve("s1/a.txt"), "first a\n");
            Files.writeString(work.resolve("s1/keep.txt"), "kept from session 1\n");
            byte[] big = new byte[300_000];
            new Random(7).nextBytes(big);
            Files.write(s1.resolve("big.bin"), big);
            Files.createDirectories(s2);
            Files.writeString(s2.resolve("new.txt"), "added in session 2\n");
            Files.writeString(a2, "second a, longer than the first\n");
            Files.createDirectories(s3);
            Files.writeString(s3.resolve("c.txt"), "added in session 3\n");
        }

        Path img = work.resolve("grown.iso");
        session(img, "S1", image -> image.root().addTree(work.resolve("s1"), false));
        session(img, "S2", image -> {
            image.root().addTree(s2, false);
            image.root().remove("a.txt");
            image.root().addFile("a.txt", a2);
        });
        session(img, "S3", image -> {
            image.root().removeTree("dir");
            image.root().addTree(s3, false);
        });

        Files.createDirectories(expected);
        Files.copy(work.resolve("s1/keep.txt"), expected.resolve("keep.txt"));
        Files.copy(a2, expected.resolve("a.txt"));
        Files.copy(s2.resolve("new.txt"), expected.resolve("new.txt"));
        Files.copy(s3.resolve("c.txt"), expected.resolve("c.txt"));
        return img;
    }

    /** Fills the tree of a session being appended. */
    interface Fill {
        void fill(FileSystemImage image) throws IOException;
    }

    /** Appends one session labelled {@code label} to {@code img}, its tree filled by {@code fill}. */
    static SessionInfo session(Path img, String label, Fill fill) throws IOException {
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            medium.prepare(image);
            image.setVolumeName(label);
            fill.fill(image);
            return medium.append(image.createResultImage());
        }
    }

    @Test
    void xorrisoListsEverySessionAndReadsEachOwnTree() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path img = grow(work.resolve("expected"));
        List<SessionInfo> ours;
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            ours = medium.sessions();
            assertEquals(3, ours.size(), ours.toString());
            assertEquals(32, ours.get(0).startLba());
        }
        String toc = ExternalTools.runOk(null, "xorriso", "-indev", img.toString(), "-toc").out();
        Matcher m = TOC.matcher(toc);
        List<SessionInfo> theirs = new ArrayList<>();
        while (m.find()) {
            theirs.add(new SessionInfo(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)), m.group(4)));
        }
        assertEquals(ours, theirs, toc);
        for (int i = 1; i < ours.size(); i++) {
            SessionInfo prev = ours.get(i - 1);
            assertEquals((prev.startLba() + prev.sectors() + 31) / 32 * 32, ours.get(i).startLba(),
                    "each session at the previous end rounded up to 32 blocks (formats.md 4.2)");
        }
        SessionInfo last = ours.get(2);
        Matcher nwa = NWA.matcher(toc);
        assertTrue(nwa.find(), toc);
        assertEquals((last.startLba() + last.sectors() + 31) / 32 * 32, Long.parseLong(nwa.group(1)));

        assertEquals(List.of("/", "/a.txt", "/dir", "/dir/big.bin", "/keep.txt"), xorrisoPaths(img, ours.get(0)));
        assertEquals(List.of("/", "/a.txt", "/dir", "/dir/big.bin", "/keep.txt", "/new.txt"),
                xorrisoPaths(img, ours.get(1)));
        assertEquals(List.of("/", "/a.txt", "/c.txt", "/keep.txt", "/new.txt"), xorrisoPaths(img, ours.get(2)));
        // each session's content as xorriso extracts it from that session
        assertEquals("first a\n", xorrisoCat(img, ours.get(0), "/a.txt"));
        assertEquals("second a, longer than the first\n", xorrisoCat(img, ours.get(1), "/a.txt"));
        assertEquals("kept from session 1\n", xorrisoCat(img, ours.get(2), "/keep.txt"));
    }

    @Test
    void unchangedFilesKeepTheirExtentsAndNoDataIsCopied() throws IOException {
        Path img = grow(work.resolve("expected"));
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            List<SessionInfo> s = medium.sessions();
            SectorReader sectors = medium.sectors();
            FileExtent keep1 = entry(sectors, s.get(0).startLba(), "/keep.txt").extents().get(0);
            FileExtent keep3 = entry(sectors, s.get(2).startLba(), "/keep.txt").extents().get(0);
            assertEquals(keep1, keep3, "keep.txt still refers to session 1's extent");
            assertTrue(keep1.lba() < s.get(1).startLba());
            FileExtent big1 = entry(sectors, s.get(0).startLba(), "/dir/big.bin").extents().get(0);
            FileExtent big2 = entry(sectors, s.get(1).startLba(), "/dir/big.bin").extents().get(0);
            assertEquals(big1, big2);
            assertTrue(s.get(1).sectors() < 300_000 / 2048, "session 2 (" + s.get(1).sectors()
                    + " blocks) does not hold a copy of the 147-block big.bin");
            FileExtent a2 = entry(sectors, s.get(1).startLba(), "/a.txt").extents().get(0);
            assertTrue(a2.lba() >= s.get(1).startLba(), "the replaced a.txt is written in session 2: " + a2);
            // the header copy: volume space size is the absolute end (formats.md 3.5)
            assertEquals(s.get(2).startLba() + s.get(2).sectors(), medium.lastWrittenAddress());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyReaderSeesTheNewestMergedTree() throws IOException {
        Path expectedDir = work.resolve("expected");
        Path img = grow(expectedDir);
        ReaderListing expected = ReaderListing.ofHostTree(expectedDir);
        InteropChecks.Image image = new InteropChecks.Image(img, true, true, TreeAssert.IsoNames.level(3, true));
        return InteropChecks.allReaders("3 sessions", image, expected, work).stream();
    }

    @Test
    void udfCannotBeAddedToASessionWithoutIt() throws IOException {
        Path img = work.resolve("udf.iso");
        Files.createDirectories(work.resolve("u"));
        Files.writeString(work.resolve("u/x.txt"), "x\n");
        session(img, "S1", image -> image.root().addTree(work.resolve("u"), false));
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            medium.prepare(image);
            image.setFileSystems(FileSystem.ISO9660, FileSystem.UDF);
            DiscImageException e = assertThrows(DiscImageException.class, image::createResultImage);
            // block 256, where UDF readers of the file look first, may hold session 1's file data
            assertEquals(ErrorCode.FILE_SYSTEM_CHANGE_NOT_ALLOWED, e.code());
            assertTrue(e.getMessage().contains("UDF"), e.getMessage());
        }
    }

    @Test
    void aSessionOverTheCapacityFailsBeforeAByteIsWritten() throws IOException {
        Path img = work.resolve("small.iso");
        Files.createDirectories(work.resolve("t"));
        Files.writeString(work.resolve("t/x.txt"), "x\n");
        session(img, "S1", image -> image.root().addTree(work.resolve("t"), false));
        byte[] before = Files.readAllBytes(img);
        try (ImageFileMedium medium = ImageFileMedium.open(img, before.length / 2048 + 40)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setSessionStartBlock(medium.nextWritableAddress());
            image.root().addFile("big.bin", new byte[200_000]);
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> medium.append(image.createResultImage()));
            assertEquals(ErrorCode.IMAGE_TOO_BIG, e.code());
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(img)), "the file is untouched");
    }

    @Test
    void discimageAppendsToAnImageGrownByXorriso() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path x1 = Files.createDirectories(work.resolve("x1"));
        Path x2 = Files.createDirectories(work.resolve("x2"));
        Files.writeString(x1.resolve("one.txt"), "one from xorriso\n");
        Files.writeString(x2.resolve("two.txt"), "two from xorriso\n");
        Path img = work.resolve("xgrown.iso");
        ExternalTools.runOk(null, "xorriso", "-dev", img.toString(), "-map", x1.toString(), "/", "-commit");
        ExternalTools.runOk(null, "xorriso", "-dev", img.toString(), "-map", x2.toString(), "/two", "-commit");
        Files.createDirectories(work.resolve("x3"));
        Files.writeString(work.resolve("x3/three.txt"), "three from discimage\n");
        SessionInfo third = session(img, "S3", image -> image.root().addTree(work.resolve("x3"), false));
        String toc = ExternalTools.runOk(null, "xorriso", "-indev", img.toString(), "-toc").out();
        Matcher m = TOC.matcher(toc);
        List<Long> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(Long.parseLong(m.group(2)));
        }
        assertEquals(3, starts.size(), toc);
        assertEquals(third.startLba(), starts.get(2), toc);
        assertEquals(List.of("/", "/one.txt", "/three.txt", "/two", "/two/two.txt"),
                xorrisoPaths(img, new SessionInfo(3, starts.get(2), 0, "")));
        assertEquals(List.of("/", "/one.txt", "/two", "/two/two.txt"),
                xorrisoPaths(img, new SessionInfo(2, starts.get(1), 0, "")));
        String listing = ExternalTools.runOk(null, "isoinfo", "-R", "-l", "-i", img.toString()).out();
        assertTrue(listing.contains("three.txt") && listing.contains("two.txt") && listing.contains("one.txt"), listing);
        assertEquals("one from xorriso\n", new String(
                ExternalTools.runOk(null, "isoinfo", "-R", "-i", img.toString(), "-x", "/one.txt").stdout()));
    }

    @Test
    void anImageWhoseFirstSessionIsAtLbaZeroGrowsButLosesItsChain() throws IOException {
        ExternalTools.assumeTool("genisoimage", "xorriso");
        Path g = Files.createDirectories(work.resolve("g"));
        Files.writeString(g.resolve("old.txt"), "from genisoimage\n");
        Path img = work.resolve("plain.iso");
        ExternalTools.runOk(null, "genisoimage", "-quiet", "-R", "-J", "-o", img.toString(), g.toString());
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            assertTrue(medium.chainLost());
            assertEquals(0, medium.sessions().get(0).startLba());
        }
        Files.createDirectories(work.resolve("n"));
        Files.writeString(work.resolve("n/new.txt"), "from discimage\n");
        session(img, "S2", image -> image.root().addTree(work.resolve("n"), false));
        String listing = ExternalTools.runOk(null, "isoinfo", "-R", "-l", "-i", img.toString()).out();
        assertTrue(listing.contains("old.txt") && listing.contains("new.txt"), listing);
        assertEquals("from genisoimage\n", new String(
                ExternalTools.runOk(null, "isoinfo", "-R", "-i", img.toString(), "-x", "/old.txt").stdout()));
        // xorriso's TOC emulation cannot start a chain at LBA 0: one session covering the image
        String toc = ExternalTools.runOk(null, "xorriso", "-indev", img.toString(), "-toc").out();
        Matcher m = TOC.matcher(toc);
        assertTrue(m.find(), toc);
        assertEquals(0, Long.parseLong(m.group(2)), toc);
    }

    /** A source that fails after delivering {@code failAfter} bytes, as a vanished file would. */
    private record FailingSource(long size, long failAfter) implements org.discimage.source.ContentSource {
        @Override
        public String description() {
            return "failing source";
        }

        @Override
        public java.nio.channels.ReadableByteChannel openChannel() {
            return new java.nio.channels.ReadableByteChannel() {
                long done;

                @Override
                public int read(java.nio.ByteBuffer dst) throws IOException {
                    if (done >= failAfter) {
                        throw new IOException("disk gone after " + done + " bytes");
                    }
                    int n = (int) Math.min(dst.remaining(), failAfter - done);
                    dst.position(dst.position() + n);
                    done += n;
                    return n;
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @Test
    void anInterruptedAppendLosesNothing() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path img = grow(work.resolve("expected"));
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(img), 32 * 2048);
        for (long failAfter : new long[] {0, 100_000, 1_000_000 - 1}) {
            try (ImageFileMedium medium = ImageFileMedium.open(img)) {
                FileSystemImage image = new FileSystemImage(CLOCK);
                medium.prepare(image);
                image.root().addFile("broken.bin", new FailingSource(1_000_000, failAfter));
                assertThrows(IOException.class, () -> medium.append(image.createResultImage()),
                        "failing after " + failAfter + " bytes");
            }
            assertTrue(java.util.Arrays.equals(header, java.util.Arrays.copyOf(Files.readAllBytes(img), 32 * 2048)),
                    "the header is untouched when the session fails after " + failAfter + " bytes");
            String toc = ExternalTools.runOk(null, "xorriso", "-indev", img.toString(), "-toc").out();
            Matcher m = TOC.matcher(toc);
            int n = 0;
            while (m.find()) {
                n++;
            }
            assertEquals(3, n, toc);
            assertEquals(List.of("/", "/a.txt", "/c.txt", "/keep.txt", "/new.txt"),
                    xorrisoPaths(img, new SessionInfo(0, 0, 0, "")));
        }
        // and the medium still grows
        Files.createDirectories(work.resolve("s4"));
        Files.writeString(work.resolve("s4/d.txt"), "d\n");
        SessionInfo fourth = session(img, "S4", image -> image.root().addTree(work.resolve("s4"), false));
        assertEquals(4, fourth.number());
        assertEquals(List.of("/", "/a.txt", "/c.txt", "/d.txt", "/keep.txt", "/new.txt"), xorrisoPaths(img, fourth));
        assertEquals("kept from session 1\n", xorrisoCat(img, fourth, "/keep.txt"));
    }

    @Test
    void discimageThenGenisoimageThenDiscimage() throws IOException {
        ExternalTools.assumeTool("genisoimage", "xorriso", "isoinfo");
        Path img = work.resolve("mixed.iso");
        Path d1 = Files.createDirectories(work.resolve("d1"));
        Path d2 = Files.createDirectories(work.resolve("d2"));
        Path d3 = Files.createDirectories(work.resolve("d3"));
        Files.writeString(d1.resolve("one.txt"), "one by discimage\n");
        Files.writeString(d2.resolve("two.txt"), "two by genisoimage\n");
        Files.writeString(d3.resolve("three.txt"), "three by discimage\n");
        session(img, "S1", image -> image.root().addTree(d1, false));
        long last;
        long nwa;
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            last = medium.sessions().get(0).startLba();
            nwa = medium.nextWritableAddress();
        }
        // genisoimage -C last,nwa -M img writes session 2 with LBAs from nwa; a disc holds it at nwa
        Path s2 = work.resolve("s2.iso");
        ExternalTools.runOk(null, "genisoimage", "-quiet", "-R", "-J", "-C", last + "," + nwa, "-M", img.toString(),
                "-o", s2.toString(), d2.toString());
        try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(img,
                java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(s2)) {
            in.transferTo(0, in.size(), out.position(nwa * 2048));
        }
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            assertEquals(nwa, medium.adoptWrittenSession().startLba());
        }
        SessionInfo third = session(img, "S3", image -> image.root().addTree(d3, false));
        assertEquals(3, third.number());
        String toc = ExternalTools.runOk(null, "xorriso", "-indev", img.toString(), "-toc").out();
        Matcher m = TOC.matcher(toc);
        List<Long> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(Long.parseLong(m.group(2)));
        }
        assertEquals(List.of(32L, nwa, third.startLba()), starts, toc);
        assertEquals(List.of("/", "/one.txt", "/three.txt", "/two.txt"), xorrisoPaths(img, third));
        for (String[] f : new String[][] {{"/one.txt", "one by discimage\n"}, {"/two.txt", "two by genisoimage\n"},
                {"/three.txt", "three by discimage\n"}}) {
            assertEquals(f[1], new String(ExternalTools.runOk(null, "isoinfo", "-R", "-i", img.toString(), "-x",
                    f[0]).stdout()), f[0]);
            assertEquals(f[1], xorrisoCat(img, third, f[0]), f[0]);
        }
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            FileExtent one1 = entry(medium.sectors(), 32, "/one.txt").extents().get(0);
            assertEquals(one1, entry(medium.sectors(), third.startLba(), "/one.txt").extents().get(0),
                    "one.txt keeps session 1's extent through genisoimage's session and ours");
        }
    }

    @Test
    void rockRidgeAttributesSurviveTheMerge() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path img = work.resolve("rr.iso");
        session(img, "S1", image -> {
            image.root().addFile("tool.sh", "#!/bin/sh\n".getBytes());
            image.root().addSymlink("link", "tool.sh");
            image.root().addDevice("null", org.discimage.tree.DeviceItem.Kind.CHARACTER, 1, 3);
            image.root().addDirectory("sub");
        });
        String before = lsdl(img, 32);
        session(img, "S2", image -> image.root().addFile("added.txt", "added\n".getBytes()));
        SessionInfo second;
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            second = medium.sessions().get(1);
        }
        String after = lsdl(img, second.startLba());
        for (String path : List.of("'/tool.sh'", "'/link' -> 'tool.sh'", "'/null'", "'/sub'")) {
            String b = lineOf(before, path);
            String a = lineOf(after, path);
            assertEquals(b, a, "xorriso's -lsdl line of " + path + " (mode, links, uid, gid, size/device, time)");
        }
        assertTrue(lineOf(after, "'/null'").startsWith("c"), after);
        assertTrue(lineOf(after, "'/link'").startsWith("l"), after);
    }

    /**
     * A 4.5 GiB file (ECMA-119 6.5.1 multi-extent, two directory records) written in session 1
     * is inherited by session 2 without a copy: session 2 stays a few dozen blocks, and xorriso
     * reading session 2 finds the markers of the sparse source across both 4 GiB boundaries.
     * Writes about 4.5 GB to the temporary directory.
     */
    @Test
    void aMultiExtentFileIsInheritedWithoutACopy() throws IOException {
        ExternalTools.assumeTool("xorriso");
        LargeFileInteropTest.assumeDiskSpace(work);
        Path src = Files.createDirectories(work.resolve("big"));
        LargeFileInteropTest.sparseSource(src);
        Path img = work.resolve("big.iso");
        try {
            session(img, "S1", image -> image.root().addTree(src, false));
            SessionInfo second = session(img, "S2", image -> image.root().addFile("small.txt", "small\n".getBytes()));
            assertTrue(second.sectors() < 100, "session 2 holds no copy of big.bin: " + second);
            try (ImageFileMedium medium = ImageFileMedium.open(img)) {
                List<FileExtent> first = entry(medium.sectors(), 32, "/big.bin").extents();
                assertEquals(2, first.size(), "two sections of at most 0xFFFFF800 bytes: " + first);
                assertEquals(first, entry(medium.sectors(), second.startLba(), "/big.bin").extents());
            }
            String lsdl = lsdl(img, second.startLba());
            assertTrue(lineOf(lsdl, "'/big.bin'").contains(" " + LargeFileInteropTest.SIZE + " "), lsdl);
            for (java.util.Map.Entry<Long, byte[]> m : LargeFileInteropTest.markers().entrySet()) {
                long off = Math.min(m.getKey(), LargeFileInteropTest.SIZE - m.getValue().length);
                Path cut = work.resolve("cut-" + off);
                ExternalTools.runOk(null, "xorriso", "-abort_on", "FAILURE", "-load", "sbsector",
                        Long.toString(second.startLba()), "-osirrox", "on", "-indev", img.toString(), "-extract_cut",
                        "/big.bin", Long.toString(off), Integer.toString(m.getValue().length), cut.toString());
                assertEquals(new String(m.getValue(), java.nio.charset.StandardCharsets.ISO_8859_1),
                        Files.readString(cut, java.nio.charset.StandardCharsets.ISO_8859_1), "marker at " + off);
            }
        } finally {
            Files.deleteIfExists(img);
        }
    }

    @Test
    void growingIsDeterministic() throws IOException {
        Path first = grow(work.resolve("expected"));
        Path copy = work.resolve("first.iso");
        Files.move(first, copy);
        // a second later: anything taken from the wall clock or moved by reading the sources
        // (access times) would now differ, as it did on a slow CI machine
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path second = grow(work.resolve("expected2"));
        assertEquals(-1, Files.mismatch(copy, second), "same sources, options and clock: identical files");
    }

    /**
     * Hard links recorded by xorriso (one extent, RRIP PX link count 2) keep sharing that one
     * extent in a discimage session appended after them (their PX link count and serial number:
     * HardLinkInteropTest).
     */
    @Test
    void hardLinkedFilesKeepSharingTheirExtent() throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo");
        Path src = Files.createDirectories(work.resolve("h"));
        Files.writeString(src.resolve("a.txt"), "shared content\n");
        Files.createLink(src.resolve("b.txt"), src.resolve("a.txt"));
        Path img = work.resolve("hard.iso");
        ExternalTools.runOk(null, "xorriso", "-hardlinks", "on", "-dev", img.toString(), "-map", src.toString(), "/",
                "-commit");
        SessionInfo second = session(img, "S2", image -> image.root().addFile("c.txt", "c\n".getBytes()));
        String listing = ExternalTools.runOk(null, "isoinfo", "-R", "-l", "-i", img.toString()).out();
        Matcher a = Pattern.compile("\\[\\s*(\\d+) 00\\]\\s+a\\.txt").matcher(listing);
        Matcher b = Pattern.compile("\\[\\s*(\\d+) 00\\]\\s+b\\.txt").matcher(listing);
        assertTrue(a.find() && b.find(), listing);
        assertEquals(a.group(1), b.group(1), "one extent for both names: " + listing);
        assertTrue(Long.parseLong(a.group(1)) < second.startLba(), "the extent of xorriso's session: " + listing);
        assertEquals("shared content\n", xorrisoCat(img, second, "/b.txt"));
    }

    /**
     * The header rule, checked on xorriso's own grown image and on ours: blocks 0..31 equal the
     * newest session's first 32 blocks up to and including the volume descriptor set terminator,
     * except the volume space size (bytes 80..87 of the PVD and SVDs, ECMA-119 8.4.8), which is the
     * absolute end; the session's own descriptors say the session-relative size.
     */
    @Test
    void theHeaderIsTheNewestDescriptorSetAsXorrisoWritesIt() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path x = Files.createDirectories(work.resolve("hx"));
        Files.writeString(x.resolve("f.txt"), "f\n");
        Path theirs = work.resolve("theirs.iso");
        ExternalTools.runOk(null, "xorriso", "-dev", theirs.toString(), "-joliet", "on", "-map", x.toString(), "/",
                "-commit");
        ExternalTools.runOk(null, "xorriso", "-dev", theirs.toString(), "-map", x.toString(), "/again", "-commit");
        checkHeader(theirs, false);
        Path ours = grow(work.resolve("expected"));
        checkHeader(ours, true);
    }

    private static void checkHeader(Path img, boolean zerosAfterTerminator) throws IOException {
        byte[] all = Files.readAllBytes(img);
        SessionInfo newest;
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            newest = medium.sessions().get(medium.sessions().size() - 1);
        }
        long end = newest.startLba() + newest.sectors();
        int base = (int) newest.startLba() * 2048;
        boolean terminated = false;
        for (int b = 0; b < 32; b++) {
            for (int i = 0; i < 2048; i++) {
                int h = all[b * 2048 + i] & 0xFF;
                int sess = all[base + b * 2048 + i] & 0xFF;
                int type = all[base + b * 2048] & 0xFF;
                boolean descriptor = b >= 16 && !terminated;
                if (descriptor && (type == 1 || type == 2) && i >= 80 && i < 88) {
                    long v = i < 84 ? end >>> (8 * (i - 80)) : end >>> (8 * (87 - i));
                    assertEquals(v & 0xFF, h, img + ": volume space byte " + i + " of header block " + b);
                    long own = i < 84 ? newest.sectors() >>> (8 * (i - 80)) : newest.sectors() >>> (8 * (87 - i));
                    assertEquals(own & 0xFF, sess, img + ": the session's own descriptor keeps its size");
                } else if (b < 16 || descriptor) {
                    assertEquals(sess, h, img + ": header block " + b + " byte " + i);
                } else if (zerosAfterTerminator) {
                    assertEquals(0, h, img + ": header block " + b + " after the terminator");
                }
            }
            if (b >= 16 && (all[base + b * 2048] & 0xFF) == 255) {
                terminated = true;
            }
        }
        assertTrue(terminated, img + ": a terminator within the first 32 blocks of the session");
    }

    /**
     * A header write torn at any block boundary (new blocks before it, old ones after): the
     * session it points at is already on disk, and each descriptor is one whole block, so every
     * mix reads as either the old or the new newest tree, and the medium still grows.
     */
    @Test
    void aTornHeaderLeavesAReadableAndGrowableMedium() throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo");
        Path img = grow(work.resolve("expected"));
        byte[] oldHeader = java.util.Arrays.copyOf(Files.readAllBytes(img), 32 * 2048);
        Files.createDirectories(work.resolve("s4"));
        Files.writeString(work.resolve("s4/d.txt"), "d\n");
        session(img, "S4", image -> image.root().addTree(work.resolve("s4"), false));
        byte[] grown = Files.readAllBytes(img);
        for (int torn : new int[] {1, 16, 17, 18, 31}) {
            byte[] mixed = grown.clone();
            System.arraycopy(oldHeader, torn * 2048, mixed, torn * 2048, (32 - torn) * 2048);
            Path copy = work.resolve("torn-" + torn + ".iso");
            Files.write(copy, mixed);
            String toc = ExternalTools.runOk(null, "xorriso", "-indev", copy.toString(), "-toc").out();
            Matcher m = TOC.matcher(toc);
            int n = 0;
            while (m.find()) {
                n++;
            }
            assertTrue(n == 3 || n == 4, "torn at block " + torn + ": " + toc);
            String rr = ExternalTools.runOk(null, "isoinfo", "-R", "-f", "-i", copy.toString()).out();
            assertTrue(rr.contains("/keep.txt") && rr.contains("/c.txt"), "torn at block " + torn + ": " + rr);
            String joliet = ExternalTools.runOk(null, "isoinfo", "-J", "-f", "-i", copy.toString()).out();
            assertTrue(joliet.contains("/keep.txt"), "torn at block " + torn + ": " + joliet);
            SessionInfo next = session(copy, "S5", image -> image.root().addFile("e.txt", "e\n".getBytes()));
            assertEquals("kept from session 1\n", xorrisoCat(copy, next, "/keep.txt"), "torn at block " + torn);
        }
    }

    private static String lsdl(Path img, long start) {
        return ExternalTools.runOk(null, "xorriso", "-load", "sbsector", Long.toString(start), "-indev",
                img.toString(), "-find", "/", "-exec", "lsdl").out();
    }

    private static String lineOf(String listing, String path) {
        for (String line : listing.split("\n")) {
            if (line.endsWith(path) || line.contains(path + " -> ")) {
                return line;
            }
        }
        throw new AssertionError(path + " not in\n" + listing);
    }

    private static List<String> xorrisoPaths(Path img, SessionInfo s) {
        String out = ExternalTools.runOk(null, "xorriso", "-load", "sbsector", Long.toString(s.startLba()),
                "-indev", img.toString(), "-find", "/").out();
        List<String> paths = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("'/")) {
                paths.add(line.substring(1, line.length() - 1));
            }
        }
        paths.sort(null);
        return paths;
    }

    private String xorrisoCat(Path img, SessionInfo s, String path) throws IOException {
        Path out = work.resolve("cat-" + s.number() + path.replace('/', '_'));
        ExternalTools.runOk(null, "xorriso", "-load", "sbsector", Long.toString(s.startLba()), "-indev",
                img.toString(), "-osirrox", "on", "-extract", path, out.toString());
        return Files.readString(out);
    }

    static ImportedEntry entry(SectorReader sectors, long start, String path) throws IOException {
        SessionReader r = SessionReader.open(sectors, start);
        return r.readTree(r.defaultFileSystem()).stream().filter(e -> e.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not in the session at " + start));
    }
}
