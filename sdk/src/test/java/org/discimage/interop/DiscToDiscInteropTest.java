package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.PhysicalMediaType;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.media.SequentialImageMedium;
import org.discimage.recorder.DataWriter;
import org.discimage.recorder.DiscMaster;
import org.discimage.recorder.DiscRecorder;
import org.discimage.recorder.EmulatedRecorders;
import org.discimage.recorder.MediaInfo;
import org.discimage.recorder.MediaState;
import org.discimage.recorder.Verification;
import org.discimage.recorder.WriteAction;
import org.discimage.recorder.WriteProgress;
import org.discimage.recorder.emulated.EmulatedDrive;
import org.discimage.source.ContentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Disc to disc through the recording API (issue 7 point 5): three sessions in a row on an emulated CD-R, DVD+R
 * and BD-R, each opened by {@link DiscMaster#open(String)}, the last session imported through the drive
 * (READ DISC INFORMATION + READ TRACK INFORMATION for its start, READ(10) for its blocks), files added, the
 * session written by {@link DataWriter} at the NWA and closed; then every session's tree is read from the flat
 * image by xorriso ({@code -load sbsector}) and isoinfo ({@code -T}), and, with UDF in the bridge, by udfinfo
 * ({@code --startblock}/{@code --lastblock}). Cancel and power loss mid-write leave the earlier sessions the
 * newest readable ones.
 */
class DiscToDiscInteropTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource({"cdr, CDR, false", "dvdplusr, DVDPLUSR, false", "bdr, BDR, true"})
    void threeSessionsThroughTheDriveAreReadByXorrisoIsoinfoAndUdfinfo(String profile, PhysicalMediaType type,
            boolean udf) throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo");
        if (udf) {
            ExternalTools.assumeTool("udfinfo");
        }
        Path img = work.resolve("disc.img");
        String device = "emulated:" + profile + ":" + img;
        List<Long> starts = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            try (DiscRecorder r = DiscMaster.open(device)) {
                assertEquals("DISCIMG", r.vendor());
                assertEquals(type, r.currentProfile());
                assertTrue(r.supportedProfiles().contains(type), r.supportedProfiles().toString());
                MediaInfo before = r.media();
                assertEquals(i == 1 ? Set.of(MediaState.BLANK) : Set.of(MediaState.APPENDABLE), before.states());
                assertEquals(i - 1, before.sessions().size());
                FileSystemImage image = new FileSystemImage(CLOCK);
                if (udf) {
                    image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE, FileSystem.UDF);
                }
                if (i > 1) {
                    image.setMultisessionInterfaces(r.multisessionInterfaces());
                    image.importFileSystem();
                    assertEquals("S" + (i - 1), image.importedVolumeName());
                }
                image.setVolumeName("S" + i);
                image.root().addFile("s" + i + ".txt", ("session " + i + "\n").getBytes(StandardCharsets.UTF_8));
                image.root().addFile("d" + i + "/data.bin", ContentSource.zeros(300_000 + i));
                DataWriter w = new DataWriter(r);
                w.setVerification(i == 2 ? Verification.FULL : Verification.QUICK);
                List<WriteProgress> events = new ArrayList<>();
                w.setProgressListener(events::add);
                var result = image.createResultImage();
                assertEquals(before.nextWritableAddress(), result.startBlock());
                w.write(result);
                List<WriteAction> phases = events.stream().map(WriteProgress::action).distinct().toList();
                assertEquals(List.of(WriteAction.VALIDATING_MEDIA, WriteAction.INITIALIZING_HARDWARE,
                        WriteAction.WRITING_DATA, WriteAction.FINALIZATION, WriteAction.VERIFYING,
                        WriteAction.COMPLETED), phases);
                WriteProgress last = events.get(events.size() - 1);
                assertEquals(result.totalSectors(), last.sectorsWritten());
                MediaInfo after = r.media();
                assertEquals(i, after.sessions().size());
                assertEquals(before.nextWritableAddress(), after.lastSessionStart());
                starts.add(after.lastSessionStart());
                ends.add(after.lastSessionStart() + result.totalSectors());
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            expected.addAll(List.of("/d" + i, "/d" + i + "/data.bin", "/s" + i + ".txt"));
            List<String> want = new ArrayList<>(new TreeSet<>(expected));
            long start = starts.get(i - 1);
            assertEquals(want, EmulatedRecorderInteropTest.xorrisoPaths(img, start), "xorriso, session " + i);
            assertEquals(want, EmulatedRecorderInteropTest.isoinfoPaths(img, start), "isoinfo, session " + i);
            for (int k = 1; k <= i; k++) {
                assertEquals("session " + k + "\n", new String(ExternalTools.runOk(null, "isoinfo", "-R", "-T",
                        Long.toString(start), "-i", img.toString(), "-x", "/s" + k + ".txt").stdout(),
                        StandardCharsets.UTF_8), "isoinfo -x /s" + k + ".txt in session " + i);
            }
            if (udf) {
                String out = ExternalTools.runOk(work, "udfinfo", "--startblock=" + start,
                        "--lastblock=" + (ends.get(i - 1) - 1), img.toString()).out();
                assertTrue(out.contains("lvid=S" + i + "\n"), out);
                assertTrue(out.contains("numfiles=" + (2 * i) + "\n"), out);
                assertTrue(out.contains("numdirs=" + (i + 1) + "\n"), out);
            }
        }
    }

    /** A cancel mid-write throws REQUEST_CANCELLED; session 1 stays the disc's newest, and a retry goes in after it. */
    @Test
    void cancelMidWriteLeavesTheEarlierSessionReadable() throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo");
        Path img = work.resolve("cancel.img");
        long start1 = writeSession(img, 1, 0);
        try (EmulatedDrive d = EmulatedDrive.load(img, SequentialImageMedium.Profile.DVD_PLUS_R);
                DiscRecorder r = EmulatedRecorders.over(d)) {
            // 20 MB/s: the 40 MB session takes 2 s, so the first 0.5 s tick falls mid-write
            d.simulateRecording(Clock.systemUTC(), 20_000_000, 4 << 20);
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setMultisessionInterfaces(r.multisessionInterfaces());
            image.importFileSystem();
            image.setVolumeName("S2");
            image.root().addFile("big.bin", ContentSource.zeros(40_000_000));
            DataWriter w = new DataWriter(r);
            List<WriteProgress> seen = new ArrayList<>();
            w.setProgressListener(p -> {
                seen.add(p);
                if (p.action() == WriteAction.WRITING_DATA && p.sectorsWritten() > 0) {
                    assertTrue(w.cancel());
                }
            });
            DiscImageException e = assertThrows(DiscImageException.class, () -> w.write(image.createResultImage()));
            assertEquals(ErrorCode.REQUEST_CANCELLED, e.code(), e.getMessage());
            WriteProgress at = seen.get(seen.size() - 1);
            assertTrue(at.sectorsWritten() > 0 && at.sectorsWritten() < at.sectorCount(), at.toString());
            assertFalse(w.cancel(), "no write runs any more");
        }
        try (DiscRecorder r = DiscMaster.open("emulated:dvdplusr:" + img)) {
            MediaInfo m = r.media();
            assertEquals(1, m.sessions().size());
            assertEquals(start1, m.lastSessionStart());
        }
        assertEquals(List.of("/d1", "/d1/data.bin", "/s1.txt"), EmulatedRecorderInteropTest.xorrisoPaths(img, start1));
        long start2 = writeSession(img, 2, 1);
        assertTrue(start2 > start1);
        assertEquals(List.of("/d1", "/d1/data.bin", "/d2", "/d2/data.bin", "/s1.txt", "/s2.txt"),
                EmulatedRecorderInteropTest.isoinfoPaths(img, start2));
    }

    /** A power loss mid-write fails the write; the next drive on the disc finds session 1 as the newest. */
    @Test
    void powerLossMidWriteLeavesTheEarlierSessionReadable() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path img = work.resolve("power.img");
        long start1 = writeSession(img, 1, 0);
        try (EmulatedDrive d = EmulatedDrive.load(img, SequentialImageMedium.Profile.DVD_PLUS_R);
                DiscRecorder r = EmulatedRecorders.over(d)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setMultisessionInterfaces(r.multisessionInterfaces());
            image.importFileSystem();
            image.root().addFile("big.bin", ContentSource.zeros(4_000_000));
            d.injectPowerLoss(100);
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> new DataWriter(r).write(image.createResultImage()));
            assertEquals(ErrorCode.RECORDER_TRANSPORT_FAILURE, e.code(), e.getMessage());
        }
        try (DiscRecorder r = DiscMaster.open("emulated:dvdplusr:" + img)) {
            assertEquals(start1, r.media().lastSessionStart());
            assertEquals(1, r.media().sessions().size());
        }
        assertEquals(List.of("/d1", "/d1/data.bin", "/s1.txt"), EmulatedRecorderInteropTest.xorrisoPaths(img, start1));
    }

    /** Writes session {@code n} (s{n}.txt and d{n}/data.bin) on the DVD+R {@code img}; returns its start. */
    private static long writeSession(Path img, int n, int sessionsBefore) throws IOException {
        try (DiscRecorder r = DiscMaster.open("emulated:dvdplusr:" + img)) {
            assertEquals(sessionsBefore, r.media().sessions().size());
            FileSystemImage image = new FileSystemImage(CLOCK);
            if (sessionsBefore > 0) {
                image.setMultisessionInterfaces(r.multisessionInterfaces());
                image.importFileSystem();
            }
            image.setVolumeName("S" + n);
            image.root().addFile("s" + n + ".txt", ("session " + n + "\n").getBytes(StandardCharsets.UTF_8));
            image.root().addFile("d" + n + "/data.bin", ContentSource.zeros(300_000));
            long nwa = r.media().nextWritableAddress();
            new DataWriter(r).write(image.createResultImage());
            return nwa;
        }
    }
}
