package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discimage.media.ImageFileMedium;
import org.discimage.media.SequentialImageMedium;
import org.discimage.media.SequentialImageMedium.Profile;
import org.discimage.media.SessionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 point 7, for real: an append runs in a child JVM ({@code org.discimage.media.CrashingAppend})
 * that kills itself with {@code Runtime.halt} before any data, in the middle of the data, after
 * the data before the header (or TOC), and in the middle of the header (or TOC) write. After each
 * kill the previous sessions are listed by {@code xorriso -toc}, the newest tree reads with its
 * content in xorriso and isoinfo, our medium opens, and a further append succeeds.
 *
 * <p>This kills the process, not the machine: bytes a killed process wrote are in the page cache
 * and reach the file. Power loss is covered by the order of {@code force} calls (the session is
 * forced before the header or TOC is written), which a process kill cannot test.
 */
class CrashAppendInteropTest {
    private static final Pattern TOC = Pattern.compile("ISO session\\s*:\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)s");
    private static final int HALTED = 77;
    private static final int PAYLOAD = 2_000_000;

    @TempDir
    Path work;

    /** Where the child dies: region, byte index (-1: at the region's force), and the sessions then expected. */
    private record Point(String name, String region, long at, int sessionsAfter) {
    }

    private ExternalTools.Result child(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.discimage.media.CrashingAppend"));
        cmd.addAll(List.of(args));
        return ExternalTools.run(Duration.ofSeconds(120), work, cmd);
    }

    private Path payload() throws IOException {
        Path p = work.resolve("payload.bin");
        if (!Files.exists(p)) {
            byte[] b = new byte[PAYLOAD];
            new Random(11).nextBytes(b);
            Files.write(p, b);
        }
        return p;
    }

    /** Three sessions grown by ImageFileMedium: keep.txt from session 1, a.txt replaced, c.txt in 3. */
    private Path grownFile() throws IOException {
        Path img = work.resolve("base.iso");
        MultisessionInteropTest.session(img, "S1", image -> {
            image.root().addFile("a.txt", "first a\n".getBytes(StandardCharsets.UTF_8));
            image.root().addFile("keep.txt", "kept from session 1\n".getBytes(StandardCharsets.UTF_8));
        });
        MultisessionInteropTest.session(img, "S2", image -> {
            image.root().remove("a.txt");
            image.root().addFile("a.txt", "second a\n".getBytes(StandardCharsets.UTF_8));
        });
        MultisessionInteropTest.session(img, "S3", image -> image.root().addFile("c.txt",
                "third\n".getBytes(StandardCharsets.UTF_8)));
        return img;
    }

    @Test
    void aKilledAppendToAnImageFileLosesNothing() throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo");
        Path base = grownFile();
        Path payload = payload();
        List<SessionInfo> before = ImageFileMedium.readSessions(base);
        assertEquals(3, before.size());
        long oldSize = Files.size(base);
        List<Point> points = List.of(
                new Point("before any data", "data", 0, 3),
                new Point("in the middle of the data", "data", PAYLOAD / 2, 3),
                new Point("after the data, at its force, before the header", "data", -1, 3),
                new Point("at the first header byte", "header", 0, 3),
                // blocks 0..15 (system area) new, the old PVD still at 16: the old state
                new Point("in the header, after the system area", "header", 16 * 2048, 3),
                // new PVD and half the new SVD: the header points at the new session, which is on disk
                new Point("in the header, in the middle of the Joliet SVD", "header", 17 * 2048 + 1000, 4));
        for (Point p : points) {
            Path img = work.resolve("killed.iso");
            Files.copy(base, img, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ExternalTools.Result r = child("file", img.toString(), p.region(), Long.toString(p.at()), payload.toString());
            String where = "killed " + p.name() + ": " + r.describe();
            assertEquals(HALTED, r.exitCode(), where);
            if (p.region().equals("data") && p.at() == 0) {
                assertEquals(oldSize, Files.size(img), where + ": nothing written");
            } else {
                assertTrue(Files.size(img) > oldSize + PAYLOAD / 2 - 4096, where + ": data written before the kill");
            }
            if (p.sessionsAfter() == 3) {
                // the descriptor part of the header (blocks 16..31) is still the old one
                assertArrayEquals(Arrays.copyOfRange(Files.readAllBytes(base), 16 * 2048, 32 * 2048),
                        Arrays.copyOfRange(Files.readAllBytes(img), 16 * 2048, 32 * 2048), where);
            }
            List<Long> toc = xorrisoToc(img);
            assertEquals(p.sessionsAfter(), toc.size(), where + ": xorriso -toc " + toc);
            assertEquals(before.stream().map(SessionInfo::startLba).toList(), toc.subList(0, 3), where);
            List<SessionInfo> ours = ImageFileMedium.readSessions(img);
            assertEquals(toc, ours.stream().map(SessionInfo::startLba).toList(), where + ": ImageFileMedium");
            // the newest tree at LBA 16 as plain readers see it
            String rr = ExternalTools.runOk(null, "isoinfo", "-R", "-f", "-i", img.toString()).out();
            assertTrue(rr.contains("/keep.txt") && rr.contains("/c.txt"), where + ": " + rr);
            assertEquals(p.sessionsAfter() == 4, rr.contains("/payload.bin"), where + ": " + rr);
            assertEquals("kept from session 1\n", isoinfoCat(img, -1, "/keep.txt"), where);
            assertEquals("second a\n", isoinfoCat(img, -1, "/a.txt"), where);
            long newest = toc.get(toc.size() - 1);
            assertEquals("third\n", xorrisoCat(img, newest, "/c.txt"), where);
            // and the medium still grows: the next session (at the same NWA or after the new one)
            SessionInfo next = MultisessionInteropTest.session(img, "S5", image -> image.root().addFile("d.txt",
                    "d\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(p.sessionsAfter() + 1, next.number(), where);
            assertEquals("kept from session 1\n", xorrisoCat(img, next.startLba(), "/keep.txt"), where);
            assertEquals("d\n", xorrisoCat(img, next.startLba(), "/d.txt"), where);
            assertEquals(p.sessionsAfter() + 1, xorrisoToc(img).size(), where);
        }
        // and the same child, not killed, completes (the kill points above are reached, not skipped)
        Path img = work.resolve("whole.iso");
        Files.copy(base, img);
        ExternalTools.Result r = child("file", img.toString(), "data", Long.toString(Long.MAX_VALUE), payload.toString());
        assertEquals(0, r.exitCode(), r.describe());
        assertEquals(4, xorrisoToc(img).size());
    }

    @Test
    void aKilledAppendToASequentialDiscLeavesItsTocAsItWas() throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo");
        Path base = work.resolve("disc.img");
        Profile profile = Profile.CD_R;
        SequentialMediumInteropTest.append(base, profile, null, "S1", image -> {
            image.root().addFile("a.txt", "first a\n".getBytes(StandardCharsets.UTF_8));
            image.root().addFile("keep.txt", "kept from session 1\n".getBytes(StandardCharsets.UTF_8));
        });
        SequentialMediumInteropTest.append(base, profile, null, "S2", image -> {
            image.root().remove("a.txt");
            image.root().addFile("a.txt", "second a\n".getBytes(StandardCharsets.UTF_8));
        });
        SequentialMediumInteropTest.append(base, profile, null, "S3", image -> image.root().addFile("c.txt",
                "third\n".getBytes(StandardCharsets.UTF_8)));
        Path payload = payload();
        byte[] oldToc = Files.readAllBytes(SequentialImageMedium.tocOf(base));
        List<SessionInfo> before;
        long nwa;
        try (SequentialImageMedium disc = SequentialImageMedium.open(base, profile)) {
            before = disc.sessions();
            nwa = disc.nextWritableAddress();
        }
        List<Point> points = List.of(
                new Point("before any data", "data", 0, 3),
                new Point("in the middle of the data", "data", PAYLOAD / 2, 3),
                new Point("after the data, at its force, before the TOC", "data", -1, 3),
                new Point("in the middle of the new TOC", "toc", 40, 3),
                new Point("with the new TOC written, at its force, before the rename", "toc", -1, 3));
        for (Point p : points) {
            Path img = work.resolve("killed.img");
            Files.copy(base, img, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(SequentialImageMedium.tocOf(base), SequentialImageMedium.tocOf(img),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ExternalTools.Result r = child("seq", img.toString(), p.region(), Long.toString(p.at()), payload.toString(),
                    profile.name());
            String where = "killed " + p.name() + ": " + r.describe();
            assertEquals(HALTED, r.exitCode(), where);
            assertArrayEquals(oldToc, Files.readAllBytes(SequentialImageMedium.tocOf(img)), where + ": the TOC");
            if (p.region().equals("toc") && p.at() < 0) {
                assertTrue(Files.exists(SequentialImageMedium.tocOf(img).resolveSibling("killed.img.toc.new")),
                        where + ": the new TOC was written but not renamed over the old one");
            }
            try (SequentialImageMedium disc = SequentialImageMedium.open(img, profile)) {
                assertEquals(before, disc.sessions(), where);
                assertEquals(nwa, disc.nextWritableAddress(), where);
            }
            long last = before.get(2).startLba();
            assertEquals(List.of("/", "/a.txt", "/c.txt", "/keep.txt"), xorrisoPaths(img, last), where);
            assertEquals("kept from session 1\n", xorrisoCat(img, last, "/keep.txt"), where);
            assertEquals("second a\n", isoinfoCat(img, last, "/a.txt"), where);
            String rr = ExternalTools.runOk(null, "isoinfo", "-R", "-f", "-T", Long.toString(last), "-i",
                    img.toString()).out();
            assertFalse(rr.contains("payload.bin"), where + ": " + rr);
            // the disc still takes a session, at the NWA the TOC gives
            SequentialMediumInteropTest.Appended next = SequentialMediumInteropTest.append(img, profile, null, "S4",
                    image -> image.root().addFile("d.txt", "d\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(nwa, next.session().startLba(), where);
            assertEquals(List.of("/", "/a.txt", "/c.txt", "/d.txt", "/keep.txt"), xorrisoPaths(img, nwa), where);
            assertEquals("kept from session 1\n", xorrisoCat(img, nwa, "/keep.txt"), where);
        }
        Path img = work.resolve("whole.img");
        Files.copy(base, img);
        Files.copy(SequentialImageMedium.tocOf(base), SequentialImageMedium.tocOf(img));
        ExternalTools.Result r = child("seq", img.toString(), "data", Long.toString(Long.MAX_VALUE), payload.toString(),
                profile.name());
        assertEquals(0, r.exitCode(), r.describe());
        try (SequentialImageMedium disc = SequentialImageMedium.open(img, profile)) {
            assertEquals(4, disc.sessions().size());
            assertEquals(nwa, disc.sessions().get(3).startLba());
        }
        assertEquals(new String(Files.readAllBytes(payload), StandardCharsets.ISO_8859_1),
                new String(xorrisoBytes(img, nwa, "/payload.bin"), StandardCharsets.ISO_8859_1));

        // a first session killed in the middle of its data leaves a blank disc that takes one
        Path blank = work.resolve("blank.img");
        ExternalTools.Result k = child("seq", blank.toString(), "data", Long.toString(PAYLOAD / 2), payload.toString(),
                profile.name());
        assertEquals(HALTED, k.exitCode(), k.describe());
        assertTrue(Files.size(blank) > 0, "bytes of the killed session are in the image");
        try (SequentialImageMedium disc = SequentialImageMedium.open(blank, profile)) {
            assertTrue(disc.isBlank(), "the TOC lists no session");
        }
        SequentialMediumInteropTest.Appended one = SequentialMediumInteropTest.append(blank, profile, null, "S1",
                image -> image.root().addFile("d.txt", "d\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, one.session().startLba());
        assertEquals(List.of("/", "/d.txt"), xorrisoPaths(blank, 0));
    }

    private static List<Long> xorrisoToc(Path img) {
        Matcher m = TOC.matcher(ExternalTools.runOk(null, "xorriso", "-indev", img.toString(), "-toc").out());
        List<Long> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(Long.parseLong(m.group(2)));
        }
        return starts;
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

    private byte[] xorrisoBytes(Path img, long start, String path) throws IOException {
        Path out = Files.createTempFile(work, "x", ".out");
        Files.delete(out);
        ExternalTools.runOk(null, "xorriso", "-load", "sbsector", Long.toString(start), "-indev", img.toString(),
                "-osirrox", "on", "-extract", path, out.toString());
        return Files.readAllBytes(out);
    }

    private String xorrisoCat(Path img, long start, String path) throws IOException {
        return new String(xorrisoBytes(img, start, path), StandardCharsets.UTF_8);
    }

    /** isoinfo -x of the session at {@code start} ({@code -T}), or at LBA 16 for -1. */
    private static String isoinfoCat(Path img, long start, String path) {
        List<String> cmd = new ArrayList<>(List.of("isoinfo", "-R", "-i", img.toString(), "-x", path));
        if (start >= 0) {
            cmd.addAll(List.of("-T", Long.toString(start)));
        }
        return new String(ExternalTools.runOk(null, cmd.toArray(String[]::new)).stdout(), StandardCharsets.UTF_8);
    }
}
