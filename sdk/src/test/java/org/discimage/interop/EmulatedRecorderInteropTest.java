package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.media.SequentialImageMedium;
import org.discimage.media.SequentialImageMedium.Profile;
import org.discimage.recorder.emulated.EmulatedDrive;
import org.discimage.recorder.mmc.CloseTrackSession;
import org.discimage.recorder.mmc.Configuration;
import org.discimage.recorder.mmc.DiscInformation;
import org.discimage.recorder.mmc.GetConfiguration;
import org.discimage.recorder.mmc.InquiryData;
import org.discimage.recorder.mmc.MmcCommand;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.ReadDiscInformation;
import org.discimage.recorder.mmc.ReadTocPmaAtip;
import org.discimage.recorder.mmc.ReadTrackInformation;
import org.discimage.recorder.mmc.SessionInfo;
import org.discimage.recorder.mmc.SynchronizeCache;
import org.discimage.recorder.mmc.Toc;
import org.discimage.recorder.mmc.TrackInformation;
import org.discimage.recorder.mmc.Write10;
import org.discimage.recorder.transport.ScsiTransport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recording through the emulated MMC drive ({@link EmulatedDrive}) with the real CDB encoders and reply
 * decoders: a blank disc answers as blank, a session planned by {@link FileSystemImage} goes in by WRITE(10)
 * at the NWA READ TRACK INFORMATION reports, CLOSE SESSION records it, the disc then reads appendable with
 * one complete session and READ TOC format 1 gives its start, also from a second drive on the same file;
 * xorriso ({@code -load sbsector}) and isoinfo ({@code -T}) read the tree of each session from the flat
 * image file the drive wrote.
 */
class EmulatedRecorderInteropTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    static ByteBuffer fetch(ScsiTransport drive, MmcCommand c) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(c.transferLength());
        MmcExecutor.execute(drive, c, b, c.defaultTimeout());
        return b.flip();
    }

    static DiscInformation discInfo(ScsiTransport d) throws IOException {
        return DiscInformation.decode(fetch(d, new ReadDiscInformation(DiscInformation.LENGTH)));
    }

    static TrackInformation invisibleTrack(ScsiTransport d) throws IOException {
        return TrackInformation.decode(fetch(d, ReadTrackInformation.track(ReadTrackInformation.INVISIBLE_TRACK)));
    }

    /** Writes {@code result} with 16-block WRITE(10)s at the NWA and closes the session; returns its start. */
    static long record(EmulatedDrive d, ImageResult result) throws IOException {
        long nwa = invisibleTrack(d).nextWritableAddress().orElseThrow();
        long lba = nwa;
        ByteBuffer b = ByteBuffer.allocate(16 * 2048);
        try (ReadableByteChannel in = result.openChannel()) {
            while (true) {
                b.clear();
                while (b.hasRemaining() && in.read(b) >= 0) {
                    // fill one 32 KiB WRITE; the last one may be short
                }
                if (b.position() == 0) {
                    break;
                }
                int blocks = b.position() / 2048;
                b.flip();
                Write10 w = new Write10(lba, blocks);
                MmcExecutor.execute(d, w, b, w.defaultTimeout());
                lba += blocks;
            }
        }
        assertEquals(nwa + result.totalSectors(), lba);
        MmcExecutor.execute(d, new SynchronizeCache(false));
        MmcExecutor.execute(d, new CloseTrackSession(false, CloseTrackSession.CloseFunction.CLOSE_SESSION, 0));
        return nwa;
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"CD_R", "DVD_MINUS_R", "DVD_PLUS_R", "BD_R"})
    void twoSessionsWrittenThroughMmcAndReadByXorrisoAndIsoinfo(Profile profile) throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo");
        Path img = work.resolve("disc.img");
        long start1;
        try (EmulatedDrive d = EmulatedDrive.load(img, profile)) {
            InquiryData id = MmcExecutor.inquiry(d);
            assertTrue(id.isMmc());
            assertEquals("DISCIMG", id.vendor().strip());
            assertEquals("EMULATED " + profile.label(), id.product().strip());
            GetConfiguration gc = new GetConfiguration(GetConfiguration.RequestType.ALL, 0, 8 + 4 + 4 * 8);
            Configuration conf = Configuration.decode(fetch(d, gc));
            assertEquals(profile.mmcProfile(), conf.currentProfile());
            assertTrue(conf.profiles().stream().anyMatch(p -> p.number() == profile.mmcProfile() && p.current()),
                    conf.profiles().toString());
            DiscInformation blank = discInfo(d);
            assertEquals(DiscInformation.DiscStatus.BLANK, blank.discStatus());
            assertEquals(DiscInformation.SessionState.EMPTY, blank.lastSessionState());
            assertEquals(1, blank.sessions());
            assertEquals(0, blank.completeSessions());
            TrackInformation t = invisibleTrack(d);
            assertTrue(t.blank());
            assertEquals(0, t.nextWritableAddress().orElseThrow());
            assertEquals(profile.capacity(), t.freeBlocks());

            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setVolumeName("S1");
            image.root().addFile("one.txt", "first session\n".getBytes(StandardCharsets.UTF_8));
            image.root().addFile("dir/big.bin", new byte[100_000]);
            start1 = record(d, image.createResultImage());
            assertEquals(0, start1);

            DiscInformation after = discInfo(d);
            assertEquals(DiscInformation.DiscStatus.APPENDABLE, after.discStatus());
            assertEquals(1, after.completeSessions());
            SessionInfo si = SessionInfo.decode(fetch(d, ReadTocPmaAtip.sessionInfo()), false);
            assertEquals(1, si.lastCompleteSession());
            assertEquals(start1, si.lastSessionStart());
        }
        long start2;
        try (EmulatedDrive d = EmulatedDrive.load(img, profile)) {
            // a new drive on the same file: the same disc
            DiscInformation again = discInfo(d);
            assertEquals(DiscInformation.DiscStatus.APPENDABLE, again.discStatus());
            assertEquals(1, again.completeSessions());
            long nwa = invisibleTrack(d).nextWritableAddress().orElseThrow();
            assertEquals(d.medium().nextWritableAddress(), nwa, "NWA behind track 1 and the closing gap");
            assertTrue(nwa > profile.gapAfterSession(1), "the gap of formats.md 6.6 lies before the NWA: " + nwa);

            FileSystemImage image = new FileSystemImage(CLOCK);
            d.medium().prepare(image); // imports session 1 and plans at the NWA
            image.setVolumeName("S2");
            image.root().addFile("two.txt", "second session\n".getBytes(StandardCharsets.UTF_8));
            start2 = record(d, image.createResultImage());
            assertEquals(nwa, start2);
            SessionInfo si = SessionInfo.decode(fetch(d, ReadTocPmaAtip.sessionInfo()), false);
            assertEquals(2, si.lastCompleteSession());
            assertEquals(start2, si.lastSessionStart());
            Toc toc = Toc.decode(fetch(d, ReadTocPmaAtip.toc()), false);
            assertEquals(List.of(1, 2, Toc.LEAD_OUT), toc.entries().stream().map(Toc.Entry::track).toList());
            assertEquals(start1, toc.entries().get(0).lba());
            assertEquals(start2, toc.entries().get(1).lba());
            assertTrue(toc.entries().get(2).lba() > start2);
        }
        try (EmulatedDrive d = EmulatedDrive.load(img, profile)) {
            SessionInfo si = SessionInfo.decode(fetch(d, ReadTocPmaAtip.sessionInfo()), false);
            assertEquals(start2, si.lastSessionStart(), "persisted: a third drive sees session 2");
        }
        assertEquals(List.of("/dir", "/dir/big.bin", "/one.txt"), xorrisoPaths(img, start1));
        assertEquals(List.of("/dir", "/dir/big.bin", "/one.txt", "/two.txt"), xorrisoPaths(img, start2));
        assertEquals(List.of("/dir", "/dir/big.bin", "/one.txt", "/two.txt"), isoinfoPaths(img, start2));
        assertEquals("second session\n", new String(ExternalTools.runOk(null, "isoinfo", "-R", "-T",
                Long.toString(start2), "-i", img.toString(), "-x", "/two.txt").stdout(), StandardCharsets.UTF_8));
        assertEquals("first session\n", new String(ExternalTools.runOk(null, "isoinfo", "-R", "-T",
                Long.toString(start2), "-i", img.toString(), "-x", "/one.txt").stdout(), StandardCharsets.UTF_8));
    }

    /** The paths xorriso lists in the session at {@code start} ({@code -load} must precede {@code -indev}). */
    static List<String> xorrisoPaths(Path img, long start) {
        String out = ExternalTools.runOk(null, "xorriso", "-load", "sbsector", Long.toString(start),
                "-indev", img.toString(), "-find", "/").out();
        List<String> paths = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("'/") && !line.equals("'/'")) {
                paths.add(line.substring(1, line.length() - 1));
            }
        }
        paths.sort(null);
        assertFalse(paths.isEmpty(), out);
        return paths;
    }

    /** The paths isoinfo lists with Rock Ridge names in the session at {@code start}. */
    static List<String> isoinfoPaths(Path img, long start) {
        List<String> rr = new ArrayList<>();
        for (String line : ExternalTools.runOk(null, "isoinfo", "-R", "-f", "-T", Long.toString(start), "-i",
                img.toString()).out().split("\n")) {
            if (!line.isBlank()) {
                rr.add(line.strip());
            }
        }
        rr.sort(null);
        return rr;
    }
}
