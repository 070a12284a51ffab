package org.discimage.recorder.emulated;

import static org.discimage.recorder.emulated.RewritableMediaTest.blocks;
import static org.discimage.recorder.emulated.RewritableMediaTest.discInfo;
import static org.discimage.recorder.emulated.RewritableMediaTest.fetch;
import static org.discimage.recorder.emulated.RewritableMediaTest.refused;
import static org.discimage.recorder.emulated.RewritableMediaTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.discimage.error.ErrorCode;
import org.discimage.recorder.mmc.BufferCapacity;
import org.discimage.recorder.mmc.CloseTrackSession;
import org.discimage.recorder.mmc.CloseTrackSession.CloseFunction;
import org.discimage.recorder.mmc.Configuration;
import org.discimage.recorder.mmc.DiscInformation;
import org.discimage.recorder.mmc.Disposition;
import org.discimage.recorder.mmc.GetConfiguration;
import org.discimage.recorder.mmc.GetPerformance;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.ModeSelect10;
import org.discimage.recorder.mmc.ModeSense10;
import org.discimage.recorder.mmc.Performance;
import org.discimage.recorder.mmc.PreventAllowMediumRemoval;
import org.discimage.recorder.mmc.ReadBufferCapacity;
import org.discimage.recorder.mmc.ReadTrackInformation;
import org.discimage.recorder.mmc.ScsiCommandException;
import org.discimage.recorder.mmc.SetCdSpeed;
import org.discimage.recorder.mmc.SetStreaming;
import org.discimage.recorder.mmc.StartStopUnit;
import org.discimage.recorder.mmc.TestUnitReady;
import org.discimage.recorder.mmc.TrackInformation;
import org.discimage.recorder.mmc.WriteParametersPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulated drive's controls: the write parameters page 05h (MODE SENSE/SELECT(10)), speeds (SET CD
 * SPEED, SET STREAMING, GET PERFORMANCE), the buffer (READ BUFFER CAPACITY, the simulated drain, underruns,
 * minimum fill) and the tray (START STOP UNIT, PREVENT ALLOW MEDIUM REMOVAL), through the real encoders and
 * decoders.
 */
class DriveControlTest {
    @TempDir
    Path work;

    /** A clock the test steps by hand. */
    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static WriteParametersPage page(EmulatedDrive d) throws IOException {
        return WriteParametersPage.decode(fetch(d, ModeSense10.writeParameters()));
    }

    private static WriteParametersPage with(WriteParametersPage p, int writeType, int multiSession, int trackMode,
            int dataBlockType, boolean testWrite) {
        return new WriteParametersPage(p.bufferUnderrunFree(), p.linkSizeValid(), testWrite, writeType, multiSession,
                p.fixedPacket(), p.copy(), trackMode, dataBlockType, p.linkSize(), p.hostApplicationCode(),
                p.sessionFormat(), p.packetSize(), p.audioPauseLength(), p.page());
    }

    private static BufferCapacity bufferCapacity(EmulatedDrive d) throws IOException {
        return BufferCapacity.decode(fetch(d, new ReadBufferCapacity()));
    }

    @Test
    void page05hDefaultsToCdTaoAndItsMultiSessionFieldDecidesFinalization() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("cd.img"), "cdr")) {
            WriteParametersPage p = page(d);
            assertEquals(WriteParametersPage.WRITE_TYPE_TAO, p.writeType());
            assertEquals(WriteParametersPage.MULTISESSION_APPENDABLE, p.multiSession());
            assertEquals(4, p.trackMode());
            assertEquals(8, p.dataBlockType());
            assertEquals(150, p.audioPauseLength());
            assertEquals(0x34, p.page().length, "page length 32h");
            for (WriteParametersPage bad : List.of(with(p, 4, 3, 4, 8, false), with(p, 5, 3, 4, 8, false),
                    with(p, 1, 2, 4, 8, false), with(p, 1, 3, 4, 5, false), with(p, 1, 3, 4, 0, false),
                    with(p, 1, 3, 0, 8, false), with(p, 1, 3, 4, 8, true))) {
                refused(d, ModeSelect10.of(bad), null, "5/26/00", ErrorCode.RECORDER_INVALID_MODE_PARAMETERS);
            }
            assertEquals(p, page(d), "refused pages change nothing");
            MmcExecutor.execute(d, ModeSelect10.of(p.forCdTaoData(false, true)));
            assertEquals(WriteParametersPage.MULTISESSION_FINALIZE, page(d).multiSession());
            write(d, 0, blocks(16, 1));
            MmcExecutor.execute(d, new CloseTrackSession(false, CloseFunction.CLOSE_SESSION, 0));
            DiscInformation di = discInfo(d);
            assertEquals(DiscInformation.DiscStatus.FINALIZED, di.discStatus(), "multi-session 00b: finalized");
        }
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("cd2.img"), "cdr")) {
            write(d, 0, blocks(16, 1));
            MmcExecutor.execute(d, new CloseTrackSession(false, CloseFunction.CLOSE_SESSION, 0));
            assertEquals(DiscInformation.DiscStatus.APPENDABLE, discInfo(d).discStatus(), "default 11b: appendable");
        }
    }

    @Test
    void page05hOnDvdMinusRWantsIncrementalTrackMode5AndOtherMediaRefuseIt() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("dvd.img"), "dvdr")) {
            WriteParametersPage p = page(d);
            assertEquals(WriteParametersPage.WRITE_TYPE_PACKET, p.writeType());
            assertEquals(5, p.trackMode());
            assertEquals(16, p.linkSize());
            assertEquals(16, p.packetSize());
            refused(d, ModeSelect10.of(with(p, 1, 3, 5, 8, false)), null, "5/26/00",
                    ErrorCode.RECORDER_INVALID_MODE_PARAMETERS); // TAO is CD only
            refused(d, ModeSelect10.of(with(p, 0, 3, 4, 8, false)), null, "5/26/00",
                    ErrorCode.RECORDER_INVALID_MODE_PARAMETERS);
            refused(d, ModeSelect10.of(with(p, 0, 3, 5, 10, false)), null, "5/26/00",
                    ErrorCode.RECORDER_INVALID_MODE_PARAMETERS);
            MmcExecutor.execute(d, ModeSelect10.of(p.forDvdMinusRIncremental(false, false)));
            assertEquals(WriteParametersPage.MULTISESSION_FINALIZE, page(d).multiSession());
            ModeSense10 changeable = new ModeSense10(true, ModeSense10.PageControl.CHANGEABLE, 5, 8 + 2 + 0xFF);
            WriteParametersPage mask = WriteParametersPage.decode(fetch(d, changeable));
            assertEquals(15, mask.writeType());
            assertEquals(3, mask.multiSession());
        }
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("plus.img"), "dvdplusr")) {
            refused(d, ModeSelect10.of(page(d)), null, "5/26/00", ErrorCode.RECORDER_INVALID_MODE_PARAMETERS);
            ModeSense10 other = new ModeSense10(true, ModeSense10.PageControl.CURRENT, 0x1A, 8 + 2 + 0xFF);
            refused(d, other, ByteBuffer.allocate(other.transferLength()), "5/24/00",
                    ErrorCode.RECORDER_NO_SUCH_MODE_PAGE); // power condition page 1Ah is not modelled
            MmcExecutor.execute(d, new PreventAllowMediumRemoval(true));
            MmcExecutor.execute(d, SetStreaming.speed(2_295_103, 5540, 5540));
            ByteBuffer caps = fetch(d, new ModeSense10(true, ModeSense10.PageControl.CURRENT, 0x2A, 8 + 2 + 0xFF));
            assertEquals(0x2A, caps.get(8) & 0x3F);
            int pageLength = caps.get(9) & 0xFF;
            assertEquals(30 + 4 * 7, pageLength, "32 fixed bytes and the 7 DVD+R write speeds");
            assertEquals(8 + 2 + pageLength, caps.getShort(0) + 2, "mode data length");
            assertEquals(0x10, caps.get(8 + 3) & 0x10, "writes DVD-R");
            assertEquals(0x2B, caps.get(8 + 6) & 0xFF, "tray, eject, locked, lock");
            assertEquals(2048, caps.getShort(8 + 12), "2 MiB buffer in KiB");
            assertEquals(5540, caps.getShort(8 + 28), "the selected 4× write speed");
            assertEquals(7, caps.getShort(8 + 30));
            assertEquals(22_160, caps.getShort(8 + 32 + 2) & 0xFFFF, "16× first");
        }
    }

    @Test
    void speedsSnapToThoseGetPerformanceOffers() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("cd.img"), "cdr")) {
            List<Performance.WriteSpeed> speeds = Performance.decodeWriteSpeeds(fetch(d, GetPerformance.writeSpeeds(32)));
            assertEquals(11, speeds.size());
            assertEquals(9172, speeds.get(0).writeSpeed(), "52 × 176.4 kB/s first");
            assertEquals(176, speeds.get(10).writeSpeed(), "1× last");
            assertEquals(359_847 - 1, speeds.get(0).endLba());
            assertEquals(3, Performance.decodeWriteSpeeds(fetch(d, GetPerformance.writeSpeeds(3))).size());
            assertEquals(52 * 176_400, d.writeSpeed(), "the fastest until one is selected");
            MmcExecutor.execute(d, new SetCdSpeed(SetCdSpeed.MAXIMUM, 1800));
            assertEquals(10 * 176_400, d.writeSpeed(), "1800 kB/s: nearest is 10×");
            Performance.Nominal n = Performance.decodeNominal(fetch(d, GetPerformance.nominalRead(1))).get(0);
            assertEquals(1764, n.startPerformance());
            MmcExecutor.execute(d, new SetCdSpeed(SetCdSpeed.MAXIMUM, SetCdSpeed.MAXIMUM));
            assertEquals(52 * 176_400, d.writeSpeed());
        }
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("bd.img"), "bdre")) {
            assertEquals(2, Performance.decodeWriteSpeeds(fetch(d, GetPerformance.writeSpeeds(32))).size());
            MmcExecutor.execute(d, SetStreaming.speed(1000, 4496, 4496));
            assertEquals(4_495_500, d.writeSpeed());
            MmcExecutor.execute(d, new SetStreaming(true, false, 0, 0, 0, 0, 0, 0));
            assertEquals(2 * 4_495_500, d.writeSpeed(), "RDD: the default, fastest");
            refused(d, new SetStreaming(false, false, 0, 1000, 1000, 1000, 1000, 0), null, "5/26/00",
                    ErrorCode.RECORDER_INVALID_MODE_PARAMETERS);
        }
    }

    @Test
    void theRecordingFollowsTheSelectedSpeedAndDrainsExactly() throws IOException {
        SteppedClock clock = new SteppedClock();
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("dvd.img"), "dvdplusr")) {
            BufferCapacity idle = bufferCapacity(d);
            assertEquals(2 << 20, idle.totalBytes());
            assertEquals(idle.totalBytes(), idle.freeBytes(), "not simulated: empty");
            d.simulateRecording(clock, 1000 * 2048, 64 * 2048);
            MmcExecutor.execute(d, SetStreaming.speed(2_295_103, 1385, 1385));
            assertEquals(1_385_000, d.writeSpeed());
            write(d, 0, blocks(32, 1));
            write(d, 32, blocks(32, 2));
            assertEquals(new BufferCapacity(64 * 2048, 0), bufferCapacity(d));
            refused(d, new org.discimage.recorder.mmc.Write10(64, 16), blocks(16, 3), "2/04/08",
                    ErrorCode.RECORDER_MEDIA_BUSY);
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofNanos(1_000_001)); // 1385.0014 bytes each: the fractions add up
                bufferCapacity(d);
            }
            assertEquals(13_850, bufferCapacity(d).freeBytes(), "10 ms at 1× DVD, not at the simulated 2 MB/s");
            assertEquals(64 * 2048 - 13_850, d.bufferFill());
            MmcExecutor.execute(d, SetStreaming.speed(2_295_103, 2770, 2770)); // 2× from here on
            clock.advance(Duration.ofMillis(5)); // 13,850 bytes at 2×
            MmcExecutor.execute(d, SetStreaming.speed(2_295_103, 1385, 1385));
            assertEquals(2 * 13_850, bufferCapacity(d).freeBytes(), "5 ms at 2× after 10 ms at 1×");
            assertEquals(0, d.underruns());
        }
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("cd.img"), "cdr")) {
            d.simulateRecording(clock, 176_400, 64 * 2048);
            write(d, 0, blocks(32, 1));
            clock.advance(Duration.ofMillis(50));
            assertEquals(32 * 2048, bufferCapacity(d).freeBytes(), "the laser starts only once the buffer is full");
            write(d, 32, blocks(32, 2));
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofMillis(1)); // 176.4 bytes a step: truncating each would lose 4 bytes
                bufferCapacity(d);
            }
            assertEquals(1764, bufferCapacity(d).freeBytes());
            assertEquals(0, d.underruns(), "a slow start before the buffer filled is no underrun");
        }
    }

    @Test
    void theMinimumFillIsTrackedFromTheFirstFullBufferAndAnEmptyBufferIsAnUnderrun() throws IOException {
        SteppedClock clock = new SteppedClock();
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("bd.img"), "bdr")) {
            d.simulateRecording(clock, 1000 * 2048, 64 * 2048); // 1000 blocks/s, a 64-block buffer
            write(d, 0, blocks(32, 1));
            assertEquals(-1, d.minimumBufferFill(), "never full yet");
            write(d, 32, blocks(32, 2));
            assertEquals(64 * 2048, d.minimumBufferFill());
            clock.advance(Duration.ofMillis(16));
            write(d, 64, blocks(16, 3)); // arrived at 48 blocks
            assertEquals(48 * 2048, d.minimumBufferFill());
            clock.advance(Duration.ofMillis(20));
            write(d, 80, blocks(16, 4)); // arrived at 44 blocks
            assertEquals(44 * 2048, d.minimumBufferFill());
            assertEquals(0, d.underruns());
            clock.advance(Duration.ofMillis(65)); // 60 blocks held: dry after 60 ms
            write(d, 96, blocks(32, 5));
            assertEquals(1, d.underruns());
            assertEquals(0, d.minimumBufferFill());
        }
    }

    @Test
    void ejectOpensTheTrayUnlessPreventedAndLoadingReportsAMediumChange() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("dvd.img"), "dvdplusr")) {
            write(d, 0, blocks(16, 1)); // a track being written when the disc is ejected
            MmcExecutor.execute(d, new PreventAllowMediumRemoval(true));
            ScsiCommandException locked = refused(d, StartStopUnit.eject(), null, "5/53/02",
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            assertTrue(locked.getMessage().contains("medium removal prevented"), locked.getMessage());
            MmcExecutor.execute(d, new TestUnitReady());
            MmcExecutor.execute(d, new PreventAllowMediumRemoval(false));
            MmcExecutor.execute(d, StartStopUnit.eject());
            ScsiCommandException open = refused(d, new TestUnitReady(), null, "2/3A/02",
                    ErrorCode.RECORDER_MEDIA_NO_MEDIA);
            assertEquals(Disposition.NO_MEDIUM, open.disposition());
            Configuration c = Configuration.decode(fetch(d, new GetConfiguration(GetConfiguration.RequestType.ALL, 0, 64)));
            assertEquals(0, c.currentProfile(), "tray open: no current profile");
            assertEquals("EMULATED DVD+R", MmcExecutor.inquiry(d).product().strip());
            MmcExecutor.execute(d, StartStopUnit.load());
            ScsiCommandException changed = refused(d, new TestUnitReady(), null, "6/28/00",
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            assertEquals(Disposition.REINITIALIZE, changed.disposition());
            MmcExecutor.execute(d, new TestUnitReady());
            TrackInformation t = TrackInformation.decode(fetch(d, ReadTrackInformation.track(0xFF)));
            assertEquals(0, t.nextWritableAddress().orElseThrow(), "the unclosed track was lost with the eject");
        }
    }
}
