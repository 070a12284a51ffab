package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discimage.PhysicalMediaType;
import org.discimage.recorder.DiscMaster;
import org.discimage.recorder.DiscRecorder;
import org.discimage.recorder.WriteAction;
import org.discimage.recorder.WriteProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/**
 * {@code media}, {@code burn} and the DEVICE forms of {@code ls}, {@code info} and {@code append}, against the
 * emulated recorder ({@code emulated:PROFILE:FILE}); what was recorded is read from the disc's flat image by
 * xorriso ({@code -load sbsector}) and isoinfo ({@code -T}), session by session.
 */
class RecorderCliTest {
    private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1700000000");
    private static final Pattern MEDIA_SESSION = Pattern.compile("session (\\d+):\\s+start (\\d+), (\\d+) sectors");
    private static final Pattern INFO_SESSION = Pattern.compile(
            "session (\\d+):\\s+start (\\d+), (\\d+) sectors, volume (\\S*), file systems (.*)");

    @TempDir
    Path work;

    private static CliRun ok(String... args) {
        CliRun r = CliRun.run(ENV, args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + "\n" + r);
        return r;
    }

    /** A folder with {@code files}, each holding its own name and a newline. */
    private Path folder(String name, String... files) throws Exception {
        Path dir = work.resolve(name);
        for (String f : files) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f + "\n");
        }
        return dir;
    }

    /** The session starts {@code media} lists, in order. */
    private static List<Long> starts(String mediaOut) {
        List<Long> starts = new ArrayList<>();
        Matcher m = MEDIA_SESSION.matcher(mediaOut);
        while (m.find()) {
            starts.add(Long.parseLong(m.group(2)));
        }
        return starts;
    }

    /** The paths {@code xorriso -load sbsector START -indev FILE -find /} lists, the root left out. */
    static TreeSet<String> xorrisoPaths(Path disc, long start) throws Exception {
        TreeSet<String> paths = new TreeSet<>();
        String out = ExternalTool.run("xorriso", "-load", "sbsector", Long.toString(start), "-indev", disc.toString(),
                "-find", "/");
        for (String line : out.split("\n")) {
            if (line.startsWith("'/") && !line.equals("'/'")) {
                paths.add(line.substring(1, line.length() - 1));
            }
        }
        assertFalse(paths.isEmpty(), out);
        return paths;
    }

    /** The Rock Ridge paths {@code isoinfo -R -f -T START -i FILE} lists. */
    static TreeSet<String> isoinfoPaths(Path disc, long start) throws Exception {
        TreeSet<String> paths = new TreeSet<>();
        for (String line : ExternalTool.run("isoinfo", "-R", "-f", "-T", Long.toString(start), "-i", disc.toString())
                .split("\n")) {
            if (line.startsWith("/")) {
                paths.add(line.strip());
            }
        }
        return paths;
    }

    /** The paths {@code ls} prints, the root left out. */
    private static TreeSet<String> lsPaths(String out) {
        TreeSet<String> paths = new TreeSet<>(Arrays.asList(out.strip().split("\\R")));
        paths.remove("/");
        return paths;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdr", "bdr", "dvdplusr"})
    void threeBurnsMakeThreeSessionsThatXorrisoAndIsoinfoRead(String profile) throws Exception {
        ExternalTool.require("xorriso");
        ExternalTool.require("isoinfo");
        Path disc = work.resolve(profile + ".disc");
        String device = "emulated:" + profile + ":" + disc;

        CliRun blank = ok("media", device);
        assertTrue(blank.out().contains("recorder:         DISCIMG EMULATED "), blank.out());
        assertTrue(blank.out().contains("state:            blank\n"), blank.out());
        assertTrue(blank.out().contains("sessions:         0\n"), blank.out());
        assertTrue(blank.out().contains("next writable:    0\n"), blank.out());
        assertTrue(Pattern.compile("free sectors:     [1-9]\\d+\n").matcher(blank.out()).find(), blank.out());

        Path s1 = folder("s1", "docs/a.txt", "one.txt");
        Path s2 = folder("s2", "two.txt");
        Path s3 = folder("s3", "docs/c.txt");
        CliRun b1 = ok("burn", device, s1.toString(), "-V", "S1");
        assertTrue(b1.out().contains("session 1: start 0, ") && b1.out().contains("volume S1"), b1.toString());
        assertTrue(b1.err().contains(": session at LBA 0: "), b1.toString());   // the summary line
        CliRun b2 = ok("burn", "--verify", device, "new/=" + s2.resolve("two.txt"), "-V", "S2");
        assertTrue(b2.err().contains("verified (full)"), b2.toString());
        CliRun b3 = ok("burn", device, s3.toString(), "-V", "S3", "--verify=quick", "--speed", "4x");
        assertTrue(b3.err().contains("verified (quick)"), b3.toString());
        assertTrue(b3.err().contains(profile.equals("cdr") ? "SET CD SPEED 706 kB/s (4.0x)"
                : profile.equals("bdr") ? "SET STREAMING 17984 kB/s (4.0x)" : "SET STREAMING 5540 kB/s (4.0x)"),
                b3.toString());
        assertTrue(b3.out().contains("session 3: ") && b3.out().contains("volume S3"), b3.toString());

        CliRun after = ok("media", device);
        assertTrue(after.out().contains("state:            appendable\n"), after.out());
        assertTrue(after.out().contains("sessions:         3\n"), after.out());
        List<Long> starts = starts(after.out());
        assertEquals(3, starts.size(), after.out());
        assertEquals(0L, starts.get(0));

        // ls DEVICE reads the newest session through the drive: the merged tree, where s3's docs replaced
        // session 1's (a SOURCE replaces what the tree holds at its paths, as append does)
        TreeSet<String> merged = new TreeSet<>(List.of("/docs", "/docs/c.txt", "/one.txt", "/new", "/new/two.txt"));
        assertEquals(merged, lsPaths(ok("ls", device).out()));
        assertEquals(new TreeSet<>(List.of("/docs", "/docs/a.txt", "/one.txt")),
                lsPaths(ok("ls", "--session", "1", device).out()));
        CliRun info = ok("info", device);
        assertTrue(info.out().startsWith("image:            " + device + "\n"), info.out());
        assertTrue(info.out().contains("session start:    " + starts.get(2) + "\n"), info.out());
        assertTrue(info.out().contains("files:            3\n"), info.out());
        assertTrue(info.out().contains("sessions:         3\n"), info.out());
        Matcher m = INFO_SESSION.matcher(info.out());
        List<String> volumes = new ArrayList<>();
        while (m.find()) {
            volumes.add(m.group(4));
            assertEquals("iso9660, joliet, rockridge", m.group(5), info.out());
            assertEquals(starts.get(volumes.size() - 1), Long.parseLong(m.group(2)), info.out());
        }
        assertEquals(List.of("S1", "S2", "S3"), volumes, info.out());

        // extract DEVICE restores the newest tree, reading the files through the drive
        Path out = work.resolve(profile + "-out");
        ok("extract", device, out.toString());
        assertEquals("one.txt\n", Files.readString(out.resolve("one.txt")));
        assertEquals("two.txt\n", Files.readString(out.resolve("new/two.txt")));
        assertEquals("docs/c.txt\n", Files.readString(out.resolve("docs/c.txt")));

        // the independent readers, session by session, from the disc's flat image
        List<TreeSet<String>> expected = List.of(
                new TreeSet<>(List.of("/docs", "/docs/a.txt", "/one.txt")),
                new TreeSet<>(List.of("/docs", "/docs/a.txt", "/one.txt", "/new", "/new/two.txt")),
                merged);
        for (int i = 0; i < 3; i++) {
            assertEquals(expected.get(i), xorrisoPaths(disc, starts.get(i)), "xorriso, session " + (i + 1));
            assertEquals(expected.get(i), isoinfoPaths(disc, starts.get(i)), "isoinfo, session " + (i + 1));
        }
        // a file of session 1 read in session 3: it kept its extent and its content
        assertEquals("one.txt\n", ExternalTool.run("isoinfo", "-R", "-T", Long.toString(starts.get(2)), "-i",
                disc.toString(), "-x", "/one.txt"));
    }

    /**
     * DVD+RW and BD-RE have no sessions of their own: burns grow the disc as xorriso grows it (first session at 32,
     * each next one at the end rounded up to 32, blocks 0..31 a copy of the newest descriptors), so
     * {@code xorriso -toc} lists every session and a plain reader at LBA 16 sees the newest tree.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dvdplusrw", "bdre"})
    void threeBurnsGrowARewritableDiscAsXorrisoDoes(String profile) throws Exception {
        ExternalTool.require("xorriso");
        ExternalTool.require("isoinfo");
        Path disc = work.resolve(profile + ".disc");
        String device = "emulated:" + profile + ":" + disc;
        CliRun blank = ok("media", device);
        assertTrue(blank.out().contains("state:            overwrite-only, blank\n"), blank.out());
        assertTrue(blank.out().contains("next writable:    32\n"), blank.out());

        ok("burn", device, folder("r1", "docs/a.txt", "one.txt").toString(), "-V", "S1");
        CliRun b2 = ok("burn", "--verify", device, folder("r2", "two.txt").toString(), "-V", "S2");
        assertTrue(b2.err().contains("verified (full)"), b2.toString());
        ok("append", device, folder("r3", "docs/c.txt").toString());

        CliRun after = ok("media", device);
        assertTrue(after.out().contains("sessions:         3\n"), after.out());
        List<Long> starts = starts(after.out());
        assertEquals(32L, starts.get(0), after.out());
        for (long start : starts) {
            assertEquals(0, start % 32, "sessions aligned to 32 blocks: " + after.out());
        }
        // a SOURCE replaces what the tree holds at its paths (as in append): r3's docs replace r1's
        TreeSet<String> merged = new TreeSet<>(List.of("/docs", "/docs/c.txt", "/one.txt", "/two.txt"));
        assertEquals(merged, lsPaths(ok("ls", device).out()));
        List<TreeSet<String>> expected = List.of(new TreeSet<>(List.of("/docs", "/docs/a.txt", "/one.txt")),
                new TreeSet<>(List.of("/docs", "/docs/a.txt", "/one.txt", "/two.txt")), merged);
        for (int i = 0; i < 3; i++) {
            assertEquals(expected.get(i), xorrisoPaths(disc, starts.get(i)), "xorriso, session " + (i + 1));
            assertEquals(expected.get(i), isoinfoPaths(disc, starts.get(i)), "isoinfo, session " + (i + 1));
        }
        assertEquals(merged, isoinfoPaths(disc, 0), "the header copy at LBA 16 names the newest tree");
        String toc = ExternalTool.run("xorriso", "-indev", disc.toString(), "-toc");
        assertEquals(3, toc.lines().filter(l -> l.startsWith("ISO session")).count(), toc);
    }

    /** An image laid out at LBA 0 goes to LBA 0 of a blank BD-RE, as growisofs -Z puts it (IMAPI2 does the same). */
    @Test
    void burnImageOnABlankBdReRecordsItAtLbaZero() throws Exception {
        ExternalTool.require("isoinfo");
        Path iso = work.resolve("whole.iso");
        ok("build", "-o", iso.toString(), "-V", "WHOLE", folder("w", "w/x.txt", "y.txt").toString());
        Path disc = work.resolve("whole.disc");
        CliRun b = ok("burn", "emulated:bdre:" + disc, "--image", iso.toString(), "--verify");
        assertTrue(b.err().contains("verified (full)"), b.toString());
        byte[] image = Files.readAllBytes(iso);
        assertArrayEquals(image, Arrays.copyOf(Files.readAllBytes(disc), image.length), "the disc starts with the image");
        assertEquals(new TreeSet<>(List.of("/w", "/w/x.txt", "/y.txt")), isoinfoPaths(disc, 0));
    }

    /**
     * An ISO/UDF bridge burnt twice on a BD-R: the second burn keeps UDF without {@code --fs} (the newest session's
     * file systems), and udfinfo reads each session's UDF volume between its start and its last block.
     */
    @Test
    void aUdfBridgeKeepsItsFileSystemsAcrossBurnsAndUdfinfoReadsEachSession() throws Exception {
        ExternalTool.require("udfinfo");
        Path disc = work.resolve("udf.disc");
        String device = "emulated:bdr:" + disc;
        ok("burn", device, folder("u1", "a.txt", "d/b.txt").toString(), "--fs", "iso9660,rockridge,udf",
                "--udf-revision", "2.50", "-V", "U1", "-q");
        ok("burn", device, folder("u2", "c.txt").toString(), "-V", "U2", "-q");
        CliRun media = ok("media", device);
        List<long[]> sessions = new ArrayList<>();
        Matcher m = MEDIA_SESSION.matcher(media.out());
        while (m.find()) {
            sessions.add(new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
        }
        assertEquals(2, sessions.size(), media.out());
        CliRun info = ok("info", device);
        assertTrue(info.out().contains("udf revision:     2.50\n"), info.out());
        Matcher fs = INFO_SESSION.matcher(info.out());
        int n = 0;
        while (fs.find()) {
            n++;
            assertEquals("iso9660, rockridge, udf", fs.group(5), info.out());
        }
        assertEquals(2, n, info.out());
        assertEquals(new TreeSet<>(List.of("/a.txt", "/c.txt", "/d", "/d/b.txt")),
                lsPaths(ok("ls", "--fs", "udf", device).out()));
        for (int i = 0; i < 2; i++) {
            long start = sessions.get(i)[0];
            String out = ExternalTool.run("udfinfo", "--startblock=" + start,
                    "--lastblock=" + (start + sessions.get(i)[1] - 1), disc.toString());
            assertTrue(out.contains("lvid=U" + (i + 1) + "\n"), out);
            assertTrue(out.contains("numfiles=" + (i == 0 ? 2 : 3) + "\n"), out);
            assertTrue(out.contains("udfrev=2.50\n"), out);
        }
    }

    @Test
    void aClosedDiscRefusesTheNextBurnWithTheImapiCode() throws Exception {
        Path disc = work.resolve("closed.disc");
        String device = "emulated:dvdplusr:" + disc;
        Path s = folder("s", "a.txt");
        ok("burn", device, s.toString(), "--close", "-q");
        CliRun media = ok("media", device);
        assertTrue(media.out().contains("state:            closed\n"), media.out());
        assertTrue(media.out().contains("next writable:    none\n"), media.out());
        CliRun again = CliRun.run(ENV, "burn", device, s.toString());
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("E_IMAPI_DF2DATA_INVALID_MEDIA_STATE (0xC0AA0402)"), again.toString());
        CliRun append = CliRun.run(ENV, "append", device, s.toString());
        assertEquals(1, append.exitCode(), append.toString());
        assertTrue(append.err().contains("E_IMAPI_DF2DATA_INVALID_MEDIA_STATE"), append.toString());
        // what is on it still reads
        assertEquals(new TreeSet<>(List.of("/a.txt")), lsPaths(ok("ls", device).out()));
    }

    @Test
    void appendToADeviceImportsThroughTheDrive() throws Exception {
        ExternalTool.require("isoinfo");
        Path disc = work.resolve("app.disc");
        String device = "emulated:bdr:" + disc;
        ok("append", "-V", "ONE", device, folder("d1", "docs/a.txt", "b.txt").toString());
        CliRun r2 = ok("append", "-V", "TWO", "--remove", "/docs", device, folder("d2", "c.txt").toString());
        assertTrue(r2.out().contains("session 1: start 0, ") && r2.out().contains("volume ONE"), r2.toString());
        assertTrue(r2.out().contains("session 2: ") && r2.out().contains("volume TWO"), r2.toString());
        List<Long> starts = starts(ok("media", device).out());
        assertEquals(2, starts.size());
        assertEquals(new TreeSet<>(List.of("/b.txt", "/c.txt")), isoinfoPaths(disc, starts.get(1)));
        assertEquals(new TreeSet<>(List.of("/b.txt", "/docs", "/docs/a.txt")), isoinfoPaths(disc, starts.get(0)));
    }

    @Test
    void burnImageRecordsAnImageMadeByBuildByteForByte() throws Exception {
        ExternalTool.require("isoinfo");
        Path iso = work.resolve("made.iso");
        ok("build", "-o", iso.toString(), "-V", "MADE", folder("src", "x/y.txt", "z.txt").toString());
        Path disc = work.resolve("img.disc");
        String device = "emulated:dvdplusr:" + disc;
        CliRun b = ok("burn", device, "--image", iso.toString(), "--verify");
        assertTrue(b.out().contains("session 1: start 0, ") && b.out().contains("volume MADE"), b.toString());
        byte[] image = Files.readAllBytes(iso);
        byte[] recorded = Arrays.copyOf(Files.readAllBytes(disc), image.length);
        assertArrayEquals(image, recorded, "the disc's first blocks are the image");
        assertEquals(new TreeSet<>(List.of("/x", "/x/y.txt", "/z.txt")), isoinfoPaths(disc, 0));

        // laid out at LBA 0: not on a disc that continues elsewhere
        CliRun again = CliRun.run(ENV, "burn", device, "--image", iso.toString());
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("E_IMAPI_DF2DATA_STREAM_NOT_SUPPORTED"), again.toString());
        // a grown image (two sessions, the first at 32) is refused on a blank disc
        Path grown = work.resolve("grown.iso");
        ok("append", grown.toString(), folder("g1", "g1.txt").toString());
        ok("append", grown.toString(), folder("g2", "g2.txt").toString());
        CliRun refused = CliRun.run(ENV, "burn", "emulated:cdr:" + work.resolve("blank.disc"), "--image",
                grown.toString());
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("holds 2 session(s), the first at LBA 32")
                && refused.err().contains("E_IMAPI_DF2DATA_STREAM_NOT_SUPPORTED"), refused.toString());
        CliRun mixed = CliRun.run(ENV, "burn", device, "--image", iso.toString(), work.toString());
        assertEquals(2, mixed.exitCode(), mixed.toString());
    }

    @Test
    void badDeviceNamesAreUsageErrors() {
        Path f = work.resolve("x.disc");
        for (String[] args : List.of(new String[] {"media", "floppy"}, new String[] {"media", "emulated:zip:" + f},
                new String[] {"media", "emulated:cdr:"}, new String[] {"burn", "sr0", work.toString()},
                new String[] {"ls", "emulated:tape:" + f}, new String[] {"info", "emulated:" + f})) {
            CliRun r = CliRun.run(ENV, args);
            assertEquals(2, r.exitCode(), r.toString());
            assertTrue(r.err().contains("emulated:PROFILE:FILE"), r.toString());
        }
        // a name of the right form whose device is missing is a failure, not a usage error
        if (!Files.exists(Path.of("/dev/sr97"))) {
            CliRun missing = CliRun.run(ENV, "media", "/dev/sr97");
            assertEquals(1, missing.exitCode(), missing.toString());
            assertTrue(missing.err().contains("/dev/sr97") && missing.err().contains("RECORDER_TRANSPORT_FAILURE"),
                    missing.toString());
        }
        CliRun speed = CliRun.run(ENV, "burn", "emulated:cdr:" + f, work.toString(), "--speed", "fast");
        assertEquals(2, speed.exitCode(), speed.toString());
        assertTrue(speed.err().contains("speed is Nx"), speed.toString());
        assertFalse(Files.exists(f), "nothing opened");
    }

    @Test
    void lsAndInfoOfABlankDiscFailWithTheSeekFailureCode() {
        String device = "emulated:cdr:" + work.resolve("blank.disc");
        CliRun ls = CliRun.run(ENV, "ls", device);
        assertEquals(1, ls.exitCode(), ls.toString());
        assertTrue(ls.err().contains("is blank") && ls.err().contains("IMAPI_E_IMPORT_SEEK_FAILURE"), ls.toString());
    }

    @Test
    void mediaWithoutADiscFailsWithNoMedia() {
        MediaCommand command = new MediaCommand((name, spec) -> {
            DiscRecorder r = DiscMaster.open(name);
            r.eject();
            return r;
        });
        CommandLine cl = DiscImageCli.commandLine(new DiscImageCli());
        cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(DiscImageCli::reportFailure);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("emulated:bdr:" + work.resolve("e.disc"));
        assertEquals(1, code, out + "\n" + err);
        assertTrue(out.toString().contains("recorder:         DISCIMG EMULATED BD-R"), out.toString());
        assertTrue(err.toString().contains("no disc in the drive [E_IMAPI_RECORDER_MEDIA_NO_MEDIA (0xC0AA0202)]"),
                err.toString());
    }

    @Test
    void quickLsLeavesDevicesToPicocli() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintWriter err = new PrintWriter(new StringWriter());
        assertEquals(QuickLs.NOT_HANDLED, QuickLs.run(new String[] {"ls", "emulated:cdr:" + work.resolve("q")}, out,
                StandardCharsets.UTF_8, err));
        assertEquals(QuickLs.NOT_HANDLED, QuickLs.run(new String[] {"ls", "-l", "/dev/sr0"}, out,
                StandardCharsets.UTF_8, err));
        assertTrue(DeviceNames.isDevice("D:") && DeviceNames.isDevice("e:\\") && DeviceNames.isDevice("/dev/sr12"));
        assertFalse(DeviceNames.isDevice("disc.iso") || DeviceNames.isDevice("/dev/sda") || DeviceNames.isDevice("DE:"));
    }

    @Test
    void progressLineShowsPhasePercentAndBuffers() {
        String l = BurnProgress.line(new WriteProgress(WriteAction.WRITING_DATA, Duration.ofSeconds(2),
                Duration.ofSeconds(2), 100, 1000, 599, 4 << 20, 3 << 20, 2 << 20, 1 << 20));
        assertEquals(79, l.length(), l);
        assertTrue(l.startsWith("writing data          [##########          ]  50%  ring  75%  drive  50%"), l);
        String v = BurnProgress.line(new WriteProgress(WriteAction.VERIFYING, Duration.ZERO, Duration.ZERO, 0, 10,
                9, 0, 0, -1, -1));
        assertTrue(v.startsWith("verifying             [####################] 100%  ring   --  drive   --"), v);
    }

    @Test
    void speedsAreMultiplesOfTheMediumsOneX() {
        SpeedConverter c = new SpeedConverter();
        assertEquals(706, c.convert("4x").kilobytesPerSecond(PhysicalMediaType.CDR));
        assertEquals(22160, c.convert("16X").kilobytesPerSecond(PhysicalMediaType.DVDPLUSR));
        assertEquals(26976, c.convert("6x").kilobytesPerSecond(PhysicalMediaType.BDR));
        assertEquals(7056, c.convert("7056").kilobytesPerSecond(PhysicalMediaType.BDR));
        assertEquals(Long.MAX_VALUE, c.convert("max").kilobytesPerSecond(PhysicalMediaType.CDR));
        for (String bad : List.of("0x", "-4x", "x", "fast", "0")) {
            try {
                c.convert(bad);
                throw new AssertionError(bad + " accepted");
            } catch (CommandLine.TypeConversionException expected) {
                assertTrue(expected.getMessage().contains(bad), expected.getMessage());
            }
        }
    }
}
