package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SessionReader;
import org.discimage.media.MultisessionSequential;
import org.discimage.media.SequentialImageMedium;
import org.discimage.media.SequentialImageMedium.Profile;
import org.discimage.media.SessionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three sessions (add, replace, remove) on a modelled write-once disc ({@link SequentialImageMedium})
 * at the NWAs a CD-R and a DVD±R leave: every address absolute, unchanged files keep the extents
 * of the session that wrote them, each session's PVD holds the session's own size (formats.md
 * 3.5), and each session's own tree is read at its start by xorriso ({@code -load sbsector}),
 * isoinfo ({@code -T}), the kernel's isofs ({@code sbsector=}) and our SessionReader.
 */
class SequentialMediumInteropTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final Pattern ISOINFO_ENTRY = Pattern.compile("\\[\\s*(\\d+) \\d+\\]\\s+(\\S+)\\s*$");

    @TempDir
    Path work;

    /** What one append recorded, and what the IMAPI2 model said before it. */
    record Appended(SessionInfo session, long resultSectors, long prevStart, long prevLast, long nwa, long free,
                    int unit, long plannedStart) {
    }

    interface Fill {
        void fill(FileSystemImage image) throws IOException;
    }

    static Appended append(Path img, Profile profile, Set<FileSystem> fs, String label, Fill fill) throws IOException {
        try (SequentialImageMedium disc = SequentialImageMedium.open(img, profile)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            long prevStart = -1;
            long prevLast = -1;
            long nwa = disc.nextWritableAddress();
            long free = disc.freeSectors();
            int unit = 0;
            if (!disc.isBlank()) {
                MultisessionSequential seq = (MultisessionSequential) disc.multisessionInterfaces().get(0);
                assertFalse(seq.isFirstDataSession());
                prevStart = seq.startAddressOfPreviousSession();
                prevLast = seq.lastWrittenAddressOfPreviousSession();
                nwa = seq.nextWritableAddress();
                free = seq.freeSectorsOnMedia();
                unit = seq.writeUnitSize();
            }
            disc.prepare(image);
            long planned = image.sessionStartBlock();
            if (fs != null) {
                image.setFileSystems(fs);
            }
            image.setVolumeName(label);
            fill.fill(image);
            ImageResult result = image.createResultImage();
            SessionInfo s = disc.append(result, false);
            return new Appended(s, result.totalSectors(), prevStart, prevLast, nwa, free, unit, planned);
        }
    }

    /** Session 1: a.txt, keep.txt, dir/big.bin (300 KB); 2: a.txt replaced, new.txt; 3: dir removed, c.txt. */
    private List<Appended> threeSessions(Path img, Profile profile, Set<FileSystem> fs) throws IOException {
        byte[] big = new byte[300_000];
        new Random(7).nextBytes(big);
        List<Appended> out = new ArrayList<>();
        out.add(append(img, profile, fs, "S1", image -> {
            image.root().addFile("a.txt", text("first a\n"));
            image.root().addFile("keep.txt", text("kept from session 1\n"));
            image.root().addFile("dir/big.bin", big);
        }));
        out.add(append(img, profile, fs, "S2", image -> {
            image.root().remove("a.txt");
            image.root().addFile("a.txt", text("second a, longer than the first\n"));
            image.root().addFile("new.txt", text("added in session 2\n"));
        }));
        out.add(append(img, profile, fs, "S3", image -> {
            image.root().removeTree("dir");
            image.root().addFile("c.txt", text("added in session 3\n"));
        }));
        return out;
    }

    private static final List<List<String>> TREES = List.of(
            List.of("/", "/a.txt", "/dir", "/dir/big.bin", "/keep.txt"),
            List.of("/", "/a.txt", "/dir", "/dir/big.bin", "/keep.txt", "/new.txt"),
            List.of("/", "/a.txt", "/c.txt", "/keep.txt", "/new.txt"));
    private static final List<String> A_TXT = List.of("first a\n", "second a, longer than the first\n",
            "second a, longer than the first\n");

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The NWA after a track of {@code size} blocks at {@code start}, computed from the notes' figures. */
    private static long expectedNext(Profile p, long start, long size, int number) {
        long unit = p.writeUnitSize();
        long track = Math.max(size, p == Profile.CD_R ? 300 : 1);
        track = (track + unit - 1) / unit * unit;
        long gap = p == Profile.CD_R ? (number == 1 ? 11_400 : 6_900) : p == Profile.BD_R ? 38_112 : 38_100;
        return (start + track + gap + unit - 1) / unit * unit;
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"CD_R", "DVD_PLUS_R", "DVD_MINUS_R"})
    void threeSessionsAtTheNwasReadByEveryReader(Profile profile) throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo");
        Path img = work.resolve("disc.img");
        List<Appended> a = threeSessions(img, profile, null);
        List<SessionInfo> sessions;
        try (SequentialImageMedium disc = SequentialImageMedium.open(img, profile)) {
            sessions = disc.sessions();
        }
        assertEquals(3, sessions.size(), sessions.toString());
        assertEquals(0, sessions.get(0).startLba());
        assertEquals(0, a.get(0).plannedStart(), "a blank disc: the first session at LBA 0");
        for (int i = 1; i < 3; i++) {
            SessionInfo prev = sessions.get(i - 1);
            long start = sessions.get(i).startLba();
            assertEquals(expectedNext(profile, prev.startLba(), a.get(i - 1).resultSectors(), i), start,
                    profile + ": session " + (i + 1) + " at the NWA after the gap (formats.md 6.6)");
            assertEquals(0, start % profile.writeUnitSize());
            Appended ai = a.get(i);
            // the IMAPI2 model before the append, and where the session was planned
            assertEquals(prev.startLba(), ai.prevStart(), "startAddressOfPreviousSession");
            long track = Math.max(a.get(i - 1).resultSectors(), profile == Profile.CD_R ? 300 : 1);
            track = (track + profile.writeUnitSize() - 1) / profile.writeUnitSize() * profile.writeUnitSize();
            assertEquals(prev.startLba() + track - 1, ai.prevLast(), "lastWrittenAddressOfPreviousSession");
            assertEquals(start, ai.nwa(), "nextWritableAddress");
            assertEquals(start, ai.plannedStart(), "the session was planned at the NWA");
            assertEquals(profile.capacity() - start, ai.free(), "freeSectorsOnMedia");
            assertEquals(profile.writeUnitSize(), ai.unit(), "writeUnitSize");
        }
        try (RandomAccessFile raf = new RandomAccessFile(img.toFile(), "r")) {
            for (int i = 0; i < 3; i++) {
                long start = sessions.get(i).startLba();
                byte[] pvd = new byte[2048];
                raf.seek((start + 16) * 2048);
                raf.readFully(pvd);
                assertEquals(1, pvd[0]);
                long le = (pvd[80] & 0xFFL) | (pvd[81] & 0xFFL) << 8 | (pvd[82] & 0xFFL) << 16 | (pvd[83] & 0xFFL) << 24;
                long be = (pvd[87] & 0xFFL) | (pvd[86] & 0xFFL) << 8 | (pvd[85] & 0xFFL) << 16 | (pvd[84] & 0xFFL) << 24;
                assertEquals(a.get(i).resultSectors(), le, "volume space size of session " + (i + 1)
                        + " = its own size (formats.md 3.5), not the absolute end " + (start + le));
                assertEquals(le, be, "both-endian (ECMA-119 7.3.3)");
            }
        }
        for (int i = 0; i < 3; i++) {
            long start = sessions.get(i).startLba();
            String where = profile + " session " + (i + 1) + " at " + start;
            assertEquals(TREES.get(i), xorrisoPaths(img, start), where);
            assertEquals(A_TXT.get(i), xorrisoCat(img, start, "/a.txt", i), where);
            assertEquals("kept from session 1\n", xorrisoCat(img, start, "/keep.txt", i), where);
            // isoinfo -T START: the session's VDs at START+16, extents absolute
            List<String> rr = new ArrayList<>();
            for (String line : ExternalTools.runOk(null, "isoinfo", "-R", "-f", "-T", Long.toString(start), "-i",
                    img.toString()).out().split("\n")) {
                if (!line.isBlank()) {
                    rr.add(line.strip());
                }
            }
            rr.add("/");
            rr.sort(null);
            assertEquals(TREES.get(i), rr, where + " (isoinfo -R -f -T)");
            assertEquals("kept from session 1\n", new String(ExternalTools.runOk(null, "isoinfo", "-R", "-T",
                    Long.toString(start), "-i", img.toString(), "-x", "/keep.txt").stdout(), StandardCharsets.UTF_8),
                    where + " (isoinfo -x)");
            // our reader at START
            try (SequentialImageMedium disc = SequentialImageMedium.open(img, profile)) {
                SessionReader r = SessionReader.open(disc.sectors(), start);
                List<String> ours = new ArrayList<>(r.readTree(r.defaultFileSystem()).stream()
                        .map(ImportedEntry::path).toList());
                if (!ours.contains("/")) {
                    ours.add("/");
                }
                ours.sort(null);
                assertEquals(TREES.get(i), ours, where + " (SessionReader)");
            }
        }
        // unchanged files keep their extents in the earlier session: isoinfo's extent of keep.txt
        // in session 3 is session 1's, below session 2's start; big.bin in session 2 likewise
        long keep1 = isoinfoExtent(img, sessions.get(0).startLba(), "KEEP.TXT;1");
        assertEquals(keep1, isoinfoExtent(img, sessions.get(2).startLba(), "KEEP.TXT;1"));
        assertTrue(keep1 < sessions.get(1).startLba(), "keep.txt at " + keep1);
        long big2 = isoinfoExtentIn(img, sessions.get(1).startLba(), "/DIR", "BIG.BIN;1");
        assertTrue(big2 < sessions.get(1).startLba(), "big.bin in session 2 still at " + big2);
        long a2 = isoinfoExtent(img, sessions.get(1).startLba(), "A.TXT;1");
        assertTrue(a2 >= sessions.get(1).startLba(), "the replaced a.txt is in session 2: " + a2);
        assertTrue(a.get(1).resultSectors() < 300_000 / 2048, "session 2 holds no copy of big.bin");
        // isoinfo -N START reads a session on its own, as mkisofs -C writes it before the burn (the
        // file's first byte is block START; -T instead takes the whole disc addressed from LBA 0):
        // the session's directories lie inside it, so its names list from the cut-out alone
        for (int i = 1; i < 3; i++) {
            long start = sessions.get(i).startLba();
            Path cut = work.resolve("session-" + (i + 1) + ".iso");
            try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(img);
                 java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(cut,
                         java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
                in.transferTo(start * 2048, a.get(i).resultSectors() * 2048, out);
            }
            List<String> names = new ArrayList<>(List.of("/"));
            for (String line : ExternalTools.runOk(null, "isoinfo", "-R", "-f", "-N", Long.toString(start), "-i",
                    cut.toString()).out().split("\n")) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
            names.sort(null);
            assertEquals(TREES.get(i), names, profile + " session " + (i + 1) + " alone (isoinfo -N " + start + ")");
        }
        // a reader without the TOC (a disc image at LBA 0, as isoinfo reads it plainly) sees session 1
        String plain = ExternalTools.runOk(null, "isoinfo", "-R", "-f", "-i", img.toString()).out();
        assertFalse(plain.contains("new.txt"), plain);
        assertTrue(plain.contains("/dir/big.bin"), plain);
    }

    @Test
    void growingADiscIsDeterministic() throws IOException {
        Path first = work.resolve("one/disc.img");
        Path second = work.resolve("two/disc.img");
        Files.createDirectories(first.getParent());
        Files.createDirectories(second.getParent());
        List<Appended> a = threeSessions(first, Profile.DVD_MINUS_R, null);
        threeSessions(second, Profile.DVD_MINUS_R, null);
        assertEquals(-1, Files.mismatch(first, second), "same sources, options and clock: identical images");
        assertEquals(-1, Files.mismatch(SequentialImageMedium.tocOf(first), SequentialImageMedium.tocOf(second)));
    }

    /**
     * An emulated recorder's path: a planned session fed block by block (32 KiB WRITEs) through
     * {@link SequentialImageMedium.SessionWriter}; a write anywhere but at the next address is
     * refused, an abandoned writer records nothing, and the closed session reads in xorriso.
     */
    @Test
    void aSessionWrittenBlockByBlockAsADriveReceivesIt() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path img = work.resolve("drive.img");
        Appended first = append(img, Profile.DVD_PLUS_R, null, "S1", image -> image.root().addFile("one.txt",
                text("one\n")));
        byte[] toc = Files.readAllBytes(SequentialImageMedium.tocOf(img));
        try (SequentialImageMedium disc = SequentialImageMedium.open(img, Profile.DVD_PLUS_R)) {
            long nwa = disc.nextWritableAddress();
            try (SequentialImageMedium.SessionWriter w = disc.openSession()) {
                w.write(nwa, java.nio.ByteBuffer.allocate(16 * 2048));
                assertEquals(ErrorCode.INVALID_PARAM, assertThrows(DiscImageException.class,
                        () -> w.write(nwa, java.nio.ByteBuffer.allocate(2048))).code(), "rewriting written blocks");
                assertEquals(ErrorCode.INVALID_PARAM, assertThrows(DiscImageException.class,
                        () -> w.write(nwa + 32, java.nio.ByteBuffer.allocate(2048))).code(), "skipping blocks");
                // abandoned: not closed as a session
            }
            assertEquals(nwa, disc.nextWritableAddress());
        }
        assertEquals(-1, java.util.Arrays.mismatch(toc, Files.readAllBytes(SequentialImageMedium.tocOf(img))),
                "an abandoned writer leaves the TOC as it was");
        long start;
        try (SequentialImageMedium disc = SequentialImageMedium.open(img, Profile.DVD_PLUS_R)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            disc.prepare(image);
            image.setVolumeName("S2");
            image.root().addFile("two.txt", text("two\n"));
            ImageResult result = image.createResultImage();
            start = disc.nextWritableAddress();
            try (SequentialImageMedium.SessionWriter w = disc.openSession();
                 java.nio.channels.ReadableByteChannel in = result.openChannel()) {
                assertEquals(start, w.startLba());
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 * 2048);
                while (true) {
                    b.clear();
                    while (b.hasRemaining() && in.read(b) >= 0) {
                        // fill one 32 KiB WRITE (the last one may be short)
                    }
                    if (b.position() == 0) {
                        break;
                    }
                    b.flip();
                    w.write(w.nextAddress(), b);
                }
                assertEquals(start + result.totalSectors(), w.nextAddress());
                SessionInfo s = w.closeSession(false);
                assertEquals(start, s.startLba());
                assertEquals(result.totalSectors(), s.sectors());
            }
            assertEquals(start, expectedNext(Profile.DVD_PLUS_R, 0, first.resultSectors(), 1));
        }
        assertEquals(List.of("/", "/one.txt", "/two.txt"), xorrisoPaths(img, start));
        assertEquals("one\n", xorrisoCat(img, start, "/one.txt", 0));
    }

    private static long isoinfoExtent(Path img, long start, String name) {
        return isoinfoExtentIn(img, start, "/", name);
    }

    private static long isoinfoExtentIn(Path img, long start, String dir, String name) {
        String out = ExternalTools.runOk(null, "isoinfo", "-l", "-T", Long.toString(start), "-i", img.toString()).out();
        boolean in = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("Directory listing of ")) {
                String d = line.substring("Directory listing of ".length()).strip();
                in = d.equals(dir) || d.equals(dir + "/");
            } else if (in) {
                Matcher m = ISOINFO_ENTRY.matcher(line);
                if (m.find() && m.group(2).equals(name)) {
                    return Long.parseLong(m.group(1));
                }
            }
        }
        throw new AssertionError(dir + " " + name + " not listed by isoinfo -l -T " + start + ":\n" + out);
    }

    @Test
    void theKernelMountsEverySessionAtItsStart() throws IOException {
        LinuxKernelVm vm = LinuxKernelVm.require();
        Path img = work.resolve("cd.img");
        // without Joliet: a session mounted with sbsector= reads Rock Ridge (KernelIsofsInteropTest)
        List<Appended> a = threeSessions(img, Profile.CD_R, Set.of(FileSystem.ISO9660, FileSystem.ROCK_RIDGE));
        StringBuilder script = new StringBuilder();
        for (Appended s : a) {
            long start = s.session().startLba();
            script.append("echo '@@MOUNT ").append(start).append("'\n")
                    .append("if mount -t iso9660 -o loop,ro,sbsector=").append(start).append(" /img/cd.img /mnt; then ")
                    .append("ls -lnR /mnt; echo '@@A'; cat /mnt/a.txt; cat /mnt/keep.txt; umount /mnt; ")
                    .append("else echo '@@FAILED'; fi\n");
        }
        script.append("echo '@@DMESG'; dmesg | grep -i -E 'iso|rock'\n");
        String out = vm.run(work, List.of(img), script.toString());
        String[] parts = out.split("@@MOUNT |@@DMESG");
        assertEquals(5, parts.length, out);
        for (int i = 0; i < 3; i++) {
            String listing = parts[i + 1];
            String where = "mount sbsector=" + a.get(i).session().startLba() + " (session " + (i + 1) + "):\n"
                    + listing + "\nkernel log:\n" + parts[4];
            assertFalse(listing.contains("@@FAILED"), where);
            assertTrue(listing.contains(A_TXT.get(i) + "kept from session 1\n"), where);
            assertEquals(i < 2, listing.contains(" big.bin\n"), where);
            assertEquals(i >= 1, listing.contains(" new.txt\n"), where);
            assertEquals(i >= 2, listing.contains(" c.txt\n"), where);
            assertTrue(Pattern.compile("(?m)^-r\\S+ .* 300000 .* big.bin$").matcher(listing).find() || i == 2, where);
        }
    }

    @Test
    void aSessionOverTheCapacityFailsBeforeAByteIsWrittenAndAClosedDiscTakesNoMore() throws IOException {
        Path img = work.resolve("small.img");
        Appended first;
        try (SequentialImageMedium disc = SequentialImageMedium.open(img, Profile.DVD_PLUS_R, 40_000)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            disc.prepare(image);
            image.root().addFile("x.txt", text("x\n"));
            ImageResult r = image.createResultImage();
            first = new Appended(disc.append(r, false), r.totalSectors(), 0, 0, 0, 0, 0, 0);
            assertEquals(40_000 - expectedNext(Profile.DVD_PLUS_R, 0, r.totalSectors(), 1), disc.freeSectors(),
                    "after the track and the 38100-block gap");
        }
        byte[] before = Files.readAllBytes(img);
        byte[] toc = Files.readAllBytes(SequentialImageMedium.tocOf(img));
        try (SequentialImageMedium disc = SequentialImageMedium.open(img, Profile.DVD_PLUS_R)) {
            assertEquals(40_000, disc.capacity(), "the capacity recorded in the TOC");
            FileSystemImage image = new FileSystemImage(CLOCK);
            disc.prepare(image);
            image.root().addFile("big.bin", new byte[4_000_000]);
            // planned with the free blocks as budget: the planner refuses already
            DiscImageException e = assertThrows(DiscImageException.class, image::createResultImage);
            assertEquals(ErrorCode.IMAGE_TOO_BIG, e.code());
            // and so does the medium, for a result planned without that budget
            FileSystemImage unbounded = new FileSystemImage(CLOCK);
            unbounded.setSessionStartBlock(disc.nextWritableAddress());
            unbounded.root().addFile("big.bin", new byte[4_000_000]);
            DiscImageException e2 = assertThrows(DiscImageException.class,
                    () -> disc.append(unbounded.createResultImage(), false));
            assertEquals(ErrorCode.IMAGE_TOO_BIG, e2.code());
            // a result planned elsewhere than the NWA cannot be written
            FileSystemImage elsewhere = new FileSystemImage(CLOCK);
            elsewhere.setSessionStartBlock(disc.nextWritableAddress() + 16);
            elsewhere.root().addFile("y.txt", text("y\n"));
            assertEquals(ErrorCode.INVALID_PARAM, assertThrows(DiscImageException.class,
                    () -> disc.append(elsewhere.createResultImage(), false)).code());
        }
        assertEquals(-1, java.util.Arrays.mismatch(before, Files.readAllBytes(img)), "the image is untouched");
        assertEquals(-1, java.util.Arrays.mismatch(toc, Files.readAllBytes(SequentialImageMedium.tocOf(img))));
        // close the disc with a small session; then nothing more
        try (SequentialImageMedium disc = SequentialImageMedium.open(img, Profile.DVD_PLUS_R)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            disc.prepare(image);
            image.root().addFile("last.txt", text("last\n"));
            disc.append(image.createResultImage(), true);
        }
        try (SequentialImageMedium disc = SequentialImageMedium.open(img, Profile.DVD_PLUS_R)) {
            assertTrue(disc.isClosed());
            assertEquals(0, disc.freeSectors());
            assertEquals(ErrorCode.NO_COMPATIBLE_MULTISESSION_TYPE, assertThrows(DiscImageException.class,
                    () -> disc.prepare(new FileSystemImage(CLOCK))).code());
        }
        assertTrue(first.session().sectors() > 0);
        assertEquals(ErrorCode.INVALID_PARAM, assertThrows(DiscImageException.class,
                () -> SequentialImageMedium.open(img, Profile.CD_R)).code(), "the TOC says DVD+R");
    }

    private static List<String> xorrisoPaths(Path img, long start) {
        String out = ExternalTools.runOk(null, "xorriso", "-load", "sbsector", Long.toString(start),
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

    private String xorrisoCat(Path img, long start, String path, int n) throws IOException {
        Path out = work.resolve("cat-" + start + "-" + n + path.replace('/', '_'));
        ExternalTools.runOk(null, "xorriso", "-load", "sbsector", Long.toString(start), "-indev", img.toString(),
                "-osirrox", "on", "-extract", path, out.toString());
        return Files.readString(out);
    }
}
