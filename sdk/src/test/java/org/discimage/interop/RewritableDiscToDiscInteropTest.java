package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.PhysicalMediaType;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.media.MultisessionRandomWrite;
import org.discimage.recorder.DataWriter;
import org.discimage.recorder.DiscMaster;
import org.discimage.recorder.DiscRecorder;
import org.discimage.recorder.EmulatedRecorders;
import org.discimage.recorder.Eraser;
import org.discimage.recorder.MediaInfo;
import org.discimage.recorder.MediaState;
import org.discimage.recorder.Verification;
import org.discimage.recorder.WriteAction;
import org.discimage.recorder.WriteProgress;
import org.discimage.recorder.emulated.EmulatedDrive;
import org.discimage.recorder.emulated.EmulatedProfile;
import org.discimage.source.ContentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Disc to disc on rewritable media (issue 7 points 4 and 5): an emulated DVD+RW and BD-RE, opened by
 * {@link DiscMaster#open(String)}, grown three times the way xorriso grows them (first session at 32, each next
 * one at the previous end rounded up to 32, the 64 KiB header at LBA 0..31 rewritten last), each session
 * importing the previous tree through the drive (READ(10) of the header copy at LBA 16). Then the flat dump is
 * read by the independent readers: {@code xorriso -toc} lists the three sessions, each session's own tree is read
 * by {@code xorriso -load sbsector} and {@code isoinfo -T}, the newest tree by plain isoinfo, 7-Zip and bsdtar
 * (the header's copy at LBA 16) and, with the UDF bridge, by udfinfo and udfclient. Erase (quick and full) and
 * writing again, a power loss mid-write and CD-RW blank-and-rewrite complete the picture.
 */
class RewritableDiscToDiscInteropTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final Pattern TOC = Pattern.compile(
            "ISO session\\s*:\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)s\\s*,\\s*(\\S*)");

    @TempDir
    Path work;

    /** One session as written: where, how long, and the volume name. */
    private record Written(long start, long sectors, String volumeId) {
    }

    @ParameterizedTest
    @CsvSource({"dvdplusrw, DVDPLUSRW, false", "bdre, BDRE, false", "bdre, BDRE, true"})
    void threeSessionsGrownThroughTheDriveAreReadFromTheDump(String profile, PhysicalMediaType type, boolean udf)
            throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo", "7z", "bsdtar");
        if (udf) {
            ExternalTools.assumeTool("udfinfo", "udfclient");
        }
        Path img = work.resolve("disc.img");
        String device = "emulated:" + profile + ":" + img;
        List<Written> written = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            try (DiscRecorder r = DiscMaster.open(device)) {
                assertEquals(type, r.currentProfile());
                MediaInfo before = r.media();
                assertEquals(i == 1 ? Set.of(MediaState.OVERWRITE_ONLY, MediaState.BLANK)
                        : Set.of(MediaState.OVERWRITE_ONLY), before.states());
                assertEquals(i - 1, before.sessions().size());
                long expectedNwa = i == 1 ? 32 : (written.get(i - 2).start() + written.get(i - 2).sectors() + 31)
                        / 32 * 32;
                assertEquals(expectedNwa, before.nextWritableAddress(), "xorriso's NWA: 32, then the end rounded up");
                var interfaces = r.multisessionInterfaces();
                assertEquals(1, interfaces.size());
                assertTrue(interfaces.get(0) instanceof MultisessionRandomWrite, interfaces.toString());
                FileSystemImage image = new FileSystemImage(CLOCK);
                if (udf) {
                    image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE, FileSystem.UDF);
                }
                image.setMultisessionInterfaces(interfaces);
                if (i > 1) {
                    image.importFileSystem(); // from LBA 0 through the drive
                    assertEquals("S" + (i - 1), image.importedVolumeName());
                }
                image.setVolumeName("S" + i);
                image.root().addFile("s" + i + ".txt", ("session " + i + "\n").getBytes(StandardCharsets.UTF_8));
                image.root().addFile("d" + i + "/data.bin", ContentSource.zeros(300_000 + i));
                DataWriter w = new DataWriter(r);
                w.setVerification(i == 2 ? Verification.FULL : Verification.QUICK);
                w.setForceMediaToBeClosed(i == 2); // meaningless on overwritable media: ignored
                List<WriteProgress> events = new ArrayList<>();
                w.setProgressListener(events::add);
                ImageResult result = image.createResultImage();
                assertEquals(expectedNwa, result.startBlock());
                w.write(result);
                List<WriteAction> phases = events.stream().map(WriteProgress::action).distinct().toList();
                List<WriteAction> want = new ArrayList<>(List.of(WriteAction.VALIDATING_MEDIA,
                        WriteAction.INITIALIZING_HARDWARE, WriteAction.WRITING_DATA, WriteAction.FINALIZATION,
                        WriteAction.VERIFYING, WriteAction.COMPLETED));
                if (i == 1) {
                    want.add(1, WriteAction.FORMATTING_MEDIA); // a new emulated DVD+RW/BD-RE is unformatted
                }
                assertEquals(want, phases);
                MediaInfo after = r.media();
                assertEquals(Set.of(MediaState.OVERWRITE_ONLY), after.states());
                assertEquals(i, after.sessions().size());
                assertEquals(expectedNwa, after.lastSessionStart());
                assertEquals(result.totalSectors(), after.sessions().get(i - 1).blocks());
                written.add(new Written(expectedNwa, result.totalSectors(), "S" + i));
            }
        }
        assertEquals(written, xorrisoToc(img), "xorriso -toc of the dump");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            expected.addAll(List.of("/d" + i, "/d" + i + "/data.bin", "/s" + i + ".txt"));
            List<String> want = new ArrayList<>(new TreeSet<>(expected));
            long start = written.get(i - 1).start();
            assertEquals(want, xorrisoLsdlPaths(img, start), "xorriso -load sbsector " + start);
            assertEquals(want, EmulatedRecorderInteropTest.isoinfoPaths(img, start), "isoinfo -T " + start);
            for (int k = 1; k <= i; k++) {
                assertEquals("session " + k + "\n", new String(ExternalTools.runOk(null, "isoinfo", "-R", "-T",
                        Long.toString(start), "-i", img.toString(), "-x", "/s" + k + ".txt").stdout(),
                        StandardCharsets.UTF_8), "isoinfo -x /s" + k + ".txt in session " + i);
            }
            if (udf) {
                Written s = written.get(i - 1);
                String out = ExternalTools.runOk(work, "udfinfo", "--startblock=" + s.start(),
                        "--lastblock=" + (s.start() + s.sectors() - 1), img.toString()).out();
                assertTrue(out.contains("lvid=S" + i + "\n"), out);
                assertTrue(out.contains("numfiles=" + (2 * i) + "\n"), out);
            }
        }
        assertNewestTreeReadByPlainReaders(img, 3);
        if (udf) {
            assertUdfReadersSeeTheNewestSession(img, 3);
        }
    }

    /**
     * The disc is grown the xorriso way for real: xorriso, given the dump as its drive ({@code -dev}, an
     * overwritable "stdio" medium to it), appends session 3 at the NWA the recorder reported; the recorder then
     * lists xorriso's session, imports its tree through the drive and appends session 4, which xorriso lists.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dvdplusrw", "bdre"})
    void xorrisoAndTheRecorderTakeTurnsGrowingTheDisc(String profile) throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo", "7z", "bsdtar");
        Path img = work.resolve("turns.img");
        String device = "emulated:" + profile + ":" + img;
        long nwa;
        try (DiscRecorder r = DiscMaster.open(device)) {
            writeSession(r, 1, false);
            writeSession(r, 2, true);
            nwa = r.media().nextWritableAddress();
        }
        Path src = Files.createDirectories(work.resolve("x3"));
        Files.writeString(src.resolve("s3.txt"), "session 3\n");
        Files.write(src.resolve("data.bin"), new byte[300_003]);
        ExternalTools.runOk(null, "xorriso", "-dev", img.toString(), "-volid", "S3", "-map", src.resolve("s3.txt")
                .toString(), "/s3.txt", "-map", src.resolve("data.bin").toString(), "/d3/data.bin", "-commit");
        List<Written> toc = xorrisoToc(img);
        assertEquals(3, toc.size(), toc.toString());
        assertEquals(nwa, toc.get(2).start(), "xorriso appends at the NWA the recorder reported");
        try (DiscRecorder r = DiscMaster.open(device)) {
            MediaInfo m = r.media();
            assertEquals(3, m.sessions().size());
            assertEquals(toc.get(2).start(), m.lastSessionStart());
            assertEquals(toc.get(2).sectors(), m.sessions().get(2).blocks());
            assertEquals((toc.get(2).start() + toc.get(2).sectors() + 31) / 32 * 32, m.nextWritableAddress());
            assertEquals(m.nextWritableAddress(), writeSession(r, 4, true));
        }
        List<Written> after = xorrisoToc(img);
        assertEquals(4, after.size(), after.toString());
        assertEquals(toc, after.subList(0, 3));
        assertEquals("S4", after.get(3).volumeId());
        List<String> want = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            want.addAll(List.of("/d" + i, "/d" + i + "/data.bin", "/s" + i + ".txt"));
        }
        want.sort(null);
        assertEquals(want, xorrisoLsdlPaths(img, after.get(3).start()));
        assertEquals(want, EmulatedRecorderInteropTest.isoinfoPaths(img, 0), "plain isoinfo: the newest tree");
        assertEquals("session 3\n", new String(ExternalTools.runOk(null, "isoinfo", "-R", "-i", img.toString(), "-x",
                "/s3.txt").stdout(), StandardCharsets.UTF_8), "xorriso's file kept its extent in session 4");
    }

    /**
     * The newest tree through the header copy at LBA 16: plain isoinfo (no -T), 7-Zip and bsdtar, each file's
     * content checked.
     */
    private void assertNewestTreeReadByPlainReaders(Path img, int sessions) throws IOException {
        List<String> want = new ArrayList<>();
        for (int i = 1; i <= sessions; i++) {
            want.addAll(List.of("/d" + i, "/d" + i + "/data.bin", "/s" + i + ".txt"));
        }
        want = new ArrayList<>(new TreeSet<>(want));
        List<String> plain = new ArrayList<>();
        for (String line : ExternalTools.runOk(null, "isoinfo", "-R", "-f", "-i", img.toString()).out().split("\n")) {
            if (!line.isBlank()) {
                plain.add(line.strip());
            }
        }
        plain.sort(null);
        assertEquals(want, plain, "plain isoinfo -R -f (LBA 16)");
        for (String tool : List.of("7z", "bsdtar")) {
            Path dir = Files.createDirectories(work.resolve(tool + "-" + sessions));
            ReaderListing l = tool.equals("7z") ? Readers.sevenZip(img, dir) : Readers.bsdtar(img, dir);
            assertEquals(want, new ArrayList<>(l.asMap().keySet()), tool);
            for (int i = 1; i <= sessions; i++) {
                assertEquals("session " + i + "\n", Files.readString(dir.resolve("s" + i + ".txt")), tool);
                assertEquals(300_000 + i, Files.size(dir.resolve("d" + i + "/data.bin")), tool);
            }
        }
    }

    /**
     * udfinfo and udfclient on the whole dump find the newest session's UDF volume: through the anchor copy at
     * 256 (MultisessionUdfInteropTest asserts the same of grown image files).
     */
    private void assertUdfReadersSeeTheNewestSession(Path img, int sessions) throws IOException {
        ExternalTools.Result info = ExternalTools.runOk(work, "udfinfo", img.toString());
        String out = info.out();
        assertEquals("S" + sessions, value(out, "lvid"), out);
        assertEquals(Integer.toString(2 * sessions), value(out, "numfiles"), out);
        assertTrue(out.contains("start=256, blocks=1, type=ANCHOR"), "udfinfo uses the anchor at 256:\n" + out);
        Path uc = Files.createDirectories(work.resolve("udfclient"));
        String lvid = value(out, "lvid");
        StringBuilder names = new StringBuilder();
        for (int i = 1; i <= sessions; i++) {
            names.append(" s").append(i).append(".txt");
        }
        String cmds = "cd \"" + value(out, "fullvsid") + ":" + lvid + ":" + lvid + ":" + value(out, "fsid")
                + "\"\nls\nlcd " + uc + "\nmget" + names + "\nquit\n";
        Path script = work.resolve("udfclient.cmds");
        Files.writeString(script, cmds, StandardCharsets.UTF_8);
        ExternalTools.Result r = ExternalTools.runOk(Duration.ofSeconds(120), work,
                List.of("sh", "-c", "udfclient -b 2048 \"$0\" < \"$1\"", img.toString(), script.toString()));
        for (int i = 1; i <= sessions; i++) {
            assertEquals("session " + i + "\n", Files.readString(uc.resolve("s" + i + ".txt")), "udfclient mget\n"
                    + r.out());
        }
    }

    private static String value(String udfinfo, String key) {
        return udfinfo.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("udfinfo printed no " + key + ":\n" + udfinfo));
    }

    /** The ISO sessions {@code xorriso -indev IMG -toc} lists (its TOC emulation of grown media). */
    private static List<Written> xorrisoToc(Path img) {
        String toc = ExternalTools.runOk(null, "xorriso", "-indev", img.toString(), "-toc").out();
        Matcher m = TOC.matcher(toc);
        List<Written> theirs = new ArrayList<>();
        while (m.find()) {
            theirs.add(new Written(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(4)));
        }
        return theirs;
    }

    /** The paths of {@code xorriso -load sbsector START -indev IMG -find / -exec lsdl}. */
    private static List<String> xorrisoLsdlPaths(Path img, long start) {
        ExternalTools.Result r = ExternalTools.runOk(null, "xorriso", "-abort_on", "FAILURE", "-load", "sbsector",
                Long.toString(start), "-indev", img.toString(), "-find", "/", "-exec", "lsdl", "--");
        List<String> paths = new ArrayList<>(Readers.parseXorrisoLsdl(r.out()).asMap().keySet());
        assertFalse(paths.isEmpty(), r.out());
        return paths;
    }

    /** Writes session {@code n} (s{n}.txt, d{n}/data.bin) through {@code r}; returns its start. */
    private static long writeSession(DiscRecorder r, int n, boolean importPrevious) throws IOException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.setMultisessionInterfaces(r.multisessionInterfaces());
        if (importPrevious) {
            image.importFileSystem();
        }
        image.setVolumeName("S" + n);
        image.root().addFile("s" + n + ".txt", ("session " + n + "\n").getBytes(StandardCharsets.UTF_8));
        image.root().addFile("d" + n + "/data.bin", ContentSource.zeros(300_000 + n));
        ImageResult result = image.createResultImage();
        new DataWriter(r).write(result);
        return result.startBlock();
    }

    /**
     * A power loss mid-write (the drive gone after 100 blocks of session 3) leaves the header pointing at
     * session 2: the next drive on the disc, xorriso and plain isoinfo find two sessions and the session-2 tree;
     * a retry goes in at the same NWA and is read by all.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dvdplusrw", "bdre"})
    void powerLossMidWriteLeavesTheEarlierSessionsReadable(String profile) throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo", "7z", "bsdtar");
        Path img = work.resolve("power.img");
        String device = "emulated:" + profile + ":" + img;
        long nwa;
        try (DiscRecorder r = DiscMaster.open(device)) {
            writeSession(r, 1, false);
            writeSession(r, 2, true);
            nwa = r.media().nextWritableAddress();
        }
        List<Written> before = xorrisoToc(img);
        assertEquals(2, before.size());
        byte[] header = header(img);
        try (EmulatedDrive d = EmulatedDrive.open(img, profile); DiscRecorder r = EmulatedRecorders.over(d)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setMultisessionInterfaces(r.multisessionInterfaces());
            image.importFileSystem();
            image.setVolumeName("S3");
            image.root().addFile("big.bin", ContentSource.zeros(4_000_000));
            d.injectPowerLoss(100);
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> new DataWriter(r).write(image.createResultImage()));
            assertEquals(ErrorCode.RECORDER_TRANSPORT_FAILURE, e.code(), e.getMessage());
        }
        assertTrue(Files.size(img) > (nwa + 64) * 2048, "part of session 3 reached the disc");
        assertArrayEquals(header, header(img), "the header was not touched");
        try (DiscRecorder r = DiscMaster.open(device)) {
            MediaInfo m = r.media();
            assertEquals(2, m.sessions().size());
            assertEquals(nwa, m.nextWritableAddress(), "the torn session's blocks are free again");
        }
        assertEquals(before, xorrisoToc(img));
        assertNewestTreeReadByPlainReaders(img, 2);
        try (DiscRecorder r = DiscMaster.open(device)) {
            assertEquals(nwa, writeSession(r, 3, true));
        }
        assertEquals(3, xorrisoToc(img).size());
        assertNewestTreeReadByPlainReaders(img, 3);
    }

    /**
     * A cancel mid-write of a bridge session on a BD-RE: REQUEST_CANCELLED, and neither the header nor the UDF
     * anchor copy at 256 moved, so xorriso and udfinfo still find session 2 as the newest.
     */
    @Test
    void cancelMidWriteLeavesHeaderAndAnchorCopyUntouched() throws IOException {
        ExternalTools.assumeTool("xorriso", "udfinfo");
        Path img = work.resolve("cancel.img");
        try (DiscRecorder r = DiscMaster.open("emulated:bdre:" + img)) {
            writeBridge(r, "B1", "b1.txt", false);
            writeBridge(r, "B2", "b2.txt", true);
        }
        byte[] header = header(img);
        byte[] anchor = block(img, 256);
        try (EmulatedDrive d = EmulatedDrive.open(img, "bdre"); DiscRecorder r = EmulatedRecorders.over(d)) {
            // 20 MB/s: the 40 MB session takes 2 s, so the first 0.5 s tick falls mid-write
            d.simulateRecording(Clock.systemUTC(), 20_000_000, 4 << 20);
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE, FileSystem.UDF);
            image.setMultisessionInterfaces(r.multisessionInterfaces());
            image.importFileSystem();
            image.setVolumeName("B3");
            image.root().addFile("big.bin", ContentSource.zeros(40_000_000));
            DataWriter w = new DataWriter(r);
            List<WriteProgress> seen = new ArrayList<>();
            w.setProgressListener(p -> {
                seen.add(p);
                if (p.action() == WriteAction.WRITING_DATA && p.sectorsWritten() > 0) {
                    w.cancel();
                }
            });
            DiscImageException e = assertThrows(DiscImageException.class, () -> w.write(image.createResultImage()));
            assertEquals(ErrorCode.REQUEST_CANCELLED, e.code(), e.getMessage());
            WriteProgress at = seen.get(seen.size() - 1);
            assertTrue(at.sectorsWritten() > 0 && at.sectorsWritten() < at.sectorCount(), at.toString());
        }
        assertArrayEquals(header, header(img), "the header was not touched");
        assertArrayEquals(anchor, block(img, 256), "the anchor copy at 256 was not touched");
        List<Written> toc = xorrisoToc(img);
        assertEquals(List.of("B1", "B2"), toc.stream().map(Written::volumeId).toList());
        String out = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
        assertEquals("B2", value(out, "lvid"), out);
    }

    private static byte[] block(Path img, long lba) throws IOException {
        try (FileChannel ch = FileChannel.open(img)) {
            ByteBuffer b = ByteBuffer.allocate(2048);
            ch.read(b, lba * 2048);
            return b.array();
        }
    }

    private static byte[] header(Path img) throws IOException {
        try (FileChannel ch = FileChannel.open(img)) {
            ByteBuffer b = ByteBuffer.allocate(32 * 2048);
            ch.read(b, 0);
            return b.array();
        }
    }

    /**
     * Quick erase of a grown DVD+RW / BD-RE (with the UDF bridge, so the anchor copy at 256 must go too): the
     * disc reads blank to the recorder and to xorriso, isoinfo, udfinfo; a new first session at 32 is then the
     * only one, read by all.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dvdplusrw", "bdre"})
    void quickEraseThenWriteAgain(String profile) throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo", "udfinfo", "7z", "bsdtar");
        Path img = work.resolve("erase.img");
        String device = "emulated:" + profile + ":" + img;
        try (DiscRecorder r = DiscMaster.open(device)) {
            writeBridge(r, "OLD1", "old1.txt", false);
            writeBridge(r, "OLD2", "old2.txt", true);
            assertEquals(2, r.media().sessions().size());
            List<Duration> progress = new ArrayList<>();
            Eraser e = new Eraser(r);
            e.setProgressListener((elapsed, total) -> progress.add(elapsed));
            e.erase();
            assertFalse(progress.isEmpty(), "the erase reports progress");
            MediaInfo m = r.media();
            assertEquals(Set.of(MediaState.OVERWRITE_ONLY, MediaState.BLANK), m.states());
            assertEquals(List.of(), m.sessions());
            assertEquals(32, m.nextWritableAddress());
        }
        assertEquals(List.of(), xorrisoToc(img), "xorriso finds no ISO session after the quick erase");
        ExternalTools.Result iso = ExternalTools.run(ExternalTools.DEFAULT_TIMEOUT, null,
                List.of("isoinfo", "-d", "-i", img.toString()));
        assertFalse(iso.out().contains("Volume id:"), "isoinfo finds no volume: " + iso.out() + iso.err());
        ExternalTools.Result udf = ExternalTools.run(ExternalTools.DEFAULT_TIMEOUT, work,
                List.of("udfinfo", img.toString()));
        assertTrue(udf.exitCode() != 0 || !udf.out().contains("lvid=OLD"), "udfinfo finds no old volume: "
                + udf.out() + udf.err());
        try (DiscRecorder r = DiscMaster.open(device)) {
            assertEquals(32, writeSession(r, 1, false));
        }
        assertEquals(1, xorrisoToc(img).size());
        assertNewestTreeReadByPlainReaders(img, 1);
    }

    private static void writeBridge(DiscRecorder r, String volume, String file, boolean importPrevious)
            throws IOException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE, FileSystem.UDF);
        image.setMultisessionInterfaces(r.multisessionInterfaces());
        if (importPrevious) {
            image.importFileSystem();
        }
        image.setVolumeName(volume);
        image.root().addFile(file, ContentSource.zeros(600_000));
        new DataWriter(r).write(image.createResultImage());
    }

    /**
     * Full erase of a small DVD+RW and BD-RE: FORMAT UNIT, then zeros over every formatted block (the dump is
     * all zeros to the capacity), progress reported; writing again works.
     */
    @ParameterizedTest
    @CsvSource({"DVD_PLUS_RW, 20000", "BD_RE, 20480"})
    void fullEraseZeroesTheWholeDiscThenWriteAgain(EmulatedProfile profile, long capacity) throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo", "7z", "bsdtar");
        Path img = work.resolve("full.img");
        long formatted;
        try (EmulatedDrive d = EmulatedDrive.open(img, profile, capacity, false);
                DiscRecorder r = EmulatedRecorders.over(d)) {
            writeSession(r, 1, false);
            writeSession(r, 2, true);
            formatted = r.media().totalSectors();
            Eraser e = new Eraser(r);
            e.setFullErase(true);
            List<Duration> totals = new ArrayList<>();
            e.setProgressListener((elapsed, total) -> totals.add(total));
            e.erase();
            assertFalse(totals.isEmpty());
            assertEquals(Set.of(MediaState.OVERWRITE_ONLY, MediaState.BLANK), r.media().states());
        }
        assertEquals(formatted * 2048, Files.size(img), "every formatted block was written");
        try (FileChannel ch = FileChannel.open(img)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 20);
            long pos = 0;
            while (ch.read(b.clear(), pos) > 0) {
                b.flip();
                while (b.hasRemaining()) {
                    assertEquals(0, b.get(), "byte " + (pos + b.position() - 1) + " after the full erase");
                }
                pos += b.limit();
            }
        }
        try (EmulatedDrive d = EmulatedDrive.open(img, profile, capacity, false);
                DiscRecorder r = EmulatedRecorders.over(d)) {
            assertEquals(32, writeSession(r, 1, false));
        }
        assertEquals(1, xorrisoToc(img).size());
        assertNewestTreeReadByPlainReaders(img, 1);
    }

    /**
     * CD-RW and DVD-RW: a session, an erase (BLANK minimal or full, MMC 6.2), a new first session at 0: only it is
     * read.
     */
    @ParameterizedTest
    @CsvSource({"cdrw, CDRW, false", "cdrw, CDRW, true", "dvdrw, DVDDASHRW, false"})
    void blankableMediaWriteEraseWriteAgain(String profile, PhysicalMediaType type, boolean full) throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo", "7z", "bsdtar");
        Path img = work.resolve(profile + ".img");
        String device = "emulated:" + profile + ":" + img;
        try (DiscRecorder r = DiscMaster.open(device)) {
            assertEquals(type, r.currentProfile());
            assertEquals(Set.of(MediaState.BLANK), r.media().states());
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setVolumeName("OLD");
            image.root().addFile("old.txt", "old\n".getBytes(StandardCharsets.UTF_8));
            new DataWriter(r).write(image.createResultImage());
            assertEquals(1, r.media().sessions().size());
            assertEquals(List.of("/old.txt"), EmulatedRecorderInteropTest.isoinfoPaths(img, 0));
            List<Duration> progress = new ArrayList<>();
            Eraser e = new Eraser(r);
            e.setFullErase(full);
            e.setProgressListener((elapsed, total) -> progress.add(elapsed));
            e.erase();
            assertFalse(progress.isEmpty());
            assertEquals(Set.of(MediaState.BLANK), r.media().states());
            assertEquals(List.of(), r.media().sessions());
        }
        try (DiscRecorder r = DiscMaster.open(device)) {
            assertEquals(0, r.media().nextWritableAddress());
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setVolumeName("S1");
            image.root().addFile("s1.txt", "session 1\n".getBytes(StandardCharsets.UTF_8));
            image.root().addFile("d1/data.bin", ContentSource.zeros(300_001));
            new DataWriter(r).write(image.createResultImage());
            assertEquals(1, r.media().sessions().size());
        }
        assertEquals(List.of("/d1", "/d1/data.bin", "/s1.txt"), xorrisoLsdlPaths(img, 0));
        assertNewestTreeReadByPlainReaders(img, 1);
    }

    /** DiscMaster names all eight emulated media; an unknown one is refused with the list. */
    @Test
    void discMasterOpensEveryEmulatedMedium() throws IOException {
        String[][] names = {{"cdr", "CDR"}, {"cdrw", "CDRW"}, {"dvdr", "DVDDASHR"}, {"dvdrw", "DVDDASHRW"},
                {"dvdplusr", "DVDPLUSR"}, {"dvdplusrw", "DVDPLUSRW"}, {"bdr", "BDR"}, {"bdre", "BDRE"}};
        for (String[] n : names) {
            try (DiscRecorder r = DiscMaster.open("emulated:" + n[0] + ":" + work.resolve(n[0] + ".img"))) {
                assertEquals(PhysicalMediaType.valueOf(n[1]), r.currentProfile(), n[0]);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DiscMaster.open("emulated:dvdram:" + work.resolve("x.img")));
        assertTrue(e.getMessage().contains("cdr, cdrw, dvdr, dvdrw, dvdplusr, dvdplusrw, bdr, bdre"), e.getMessage());
    }
}
