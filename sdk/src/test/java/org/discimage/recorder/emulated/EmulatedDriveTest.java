package org.discimage.recorder.emulated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import org.discimage.error.ErrorCode;
import org.discimage.media.SequentialImageMedium.Profile;
import org.discimage.recorder.mmc.CapacityData;
import org.discimage.recorder.mmc.CloseTrackSession;
import org.discimage.recorder.mmc.CloseTrackSession.CloseFunction;
import org.discimage.recorder.mmc.Configuration;
import org.discimage.recorder.mmc.DiscInformation;
import org.discimage.recorder.mmc.Disposition;
import org.discimage.recorder.mmc.GetConfiguration;
import org.discimage.recorder.mmc.MmcCommand;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.Read10;
import org.discimage.recorder.mmc.Read12;
import org.discimage.recorder.mmc.ReadCapacity;
import org.discimage.recorder.mmc.ReadDiscInformation;
import org.discimage.recorder.mmc.ReadTocPmaAtip;
import org.discimage.recorder.mmc.ReadTrackInformation;
import org.discimage.recorder.mmc.ScsiCommandException;
import org.discimage.recorder.mmc.TestUnitReady;
import org.discimage.recorder.mmc.TrackInformation;
import org.discimage.recorder.mmc.Write10;
import org.discimage.recorder.mmc.Write12;
import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulated drive's answers to the error cases, through {@link MmcExecutor} and the sense table: each
 * CHECK CONDITION carries the triple of formats.md §6.8 and maps to the {@link Disposition} and
 * {@link ErrorCode} a driver acts on; reads return what was written; the open session is lost when the drive
 * is closed before CLOSE SESSION.
 */
class EmulatedDriveTest {
    @TempDir
    Path work;

    private static ByteBuffer fetch(EmulatedDrive d, MmcCommand c) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(c.transferLength());
        MmcExecutor.execute(d, c, b, c.defaultTimeout());
        return b.flip();
    }

    private static ScsiCommandException refused(EmulatedDrive d, MmcCommand c, ByteBuffer data, String triple,
            Disposition disposition, ErrorCode code) {
        ScsiCommandException e = assertThrows(ScsiCommandException.class, () -> {
            if (data == null) {
                MmcExecutor.execute(d, c);
            } else {
                MmcExecutor.execute(d, c, data, c.defaultTimeout());
            }
        }, c.name());
        assertEquals(triple, e.sense().triple(), e.getMessage());
        assertEquals(disposition, e.disposition(), e.getMessage());
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private static ByteBuffer blocks(int n, int seed) {
        byte[] b = new byte[n * 2048];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return ByteBuffer.wrap(b);
    }

    private static void write(EmulatedDrive d, long lba, ByteBuffer data) throws IOException {
        Write10 w = new Write10(lba, data.remaining() / 2048);
        MmcExecutor.execute(d, w, data, w.defaultTimeout());
    }

    private static long nwa(EmulatedDrive d) throws IOException {
        return TrackInformation.decode(fetch(d, ReadTrackInformation.track(ReadTrackInformation.INVISIBLE_TRACK)))
                .nextWritableAddress().orElseThrow();
    }

    @Test
    void emptyTrayAnswersNoMediumButStillIdentifiesItself() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.empty(Profile.DVD_PLUS_R)) {
            refused(d, new TestUnitReady(), null, "2/3A/00", Disposition.NO_MEDIUM, ErrorCode.RECORDER_MEDIA_NO_MEDIA);
            refused(d, new ReadDiscInformation(DiscInformation.LENGTH), ByteBuffer.allocate(DiscInformation.LENGTH),
                    "2/3A/00", Disposition.NO_MEDIUM, ErrorCode.RECORDER_MEDIA_NO_MEDIA);
            assertEquals("EMULATED DVD+R", MmcExecutor.inquiry(d).product().strip());
            Configuration c = Configuration.decode(fetch(d,
                    new GetConfiguration(GetConfiguration.RequestType.ALL, 0, 64)));
            assertEquals(0, c.currentProfile(), "no medium: no current profile");
            assertTrue(c.profiles().stream().noneMatch(Configuration.ProfileEntry::current));
            assertEquals(EmulatedProfile.values().length, c.profiles().size());
        }
    }

    @Test
    void writesOnlyAtTheNwaAndReadsBackWhatWasWritten() throws IOException {
        Path img = work.resolve("cd.img");
        try (EmulatedDrive d = EmulatedDrive.load(img, Profile.CD_R)) {
            MmcExecutor.execute(d, new TestUnitReady());
            assertEquals(0, nwa(d));
            refused(d, new Write10(5, 1), blocks(1, 0), "5/21/02", Disposition.REREAD_NWA,
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            write(d, 0, blocks(20, 1));
            assertEquals(20, nwa(d));
            refused(d, new Write10(0, 1), blocks(1, 0), "5/21/02", Disposition.REREAD_NWA,
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            Write12 w12 = new Write12(20, 2, false);
            MmcExecutor.execute(d, w12, blocks(2, 2), w12.defaultTimeout());
            DiscInformation writing = DiscInformation.decode(fetch(d, new ReadDiscInformation(DiscInformation.LENGTH)));
            assertEquals(DiscInformation.SessionState.INCOMPLETE, writing.lastSessionState());
            assertEquals(DiscInformation.DiscStatus.APPENDABLE, writing.discStatus());
            ByteBuffer got = fetch(d, new Read10(3, 4));
            ByteBuffer want = blocks(20, 1).position(3 * 2048).limit(7 * 2048);
            assertEquals(want, got, "READ(10) returns the written blocks");
            assertEquals(blocks(2, 2), fetch(d, new Read12(20, 2, false)));
            refused(d, new Read10(22, 1), ByteBuffer.allocate(2048), "5/21/00", Disposition.FAIL,
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            assertEquals(21, CapacityData.decode(fetch(d, new ReadCapacity())).lastLba());
            // an unknown opcode (SEND CUE SHEET, 5Dh, not emulated)
            byte[] cdb = new byte[10];
            cdb[0] = 0x5D;
            ScsiResult r = d.execute(cdb, DataDirection.FROM_DEVICE, ByteBuffer.allocate(12), Duration.ofSeconds(1));
            assertEquals(ScsiStatus.CHECK_CONDITION, r.status());
            assertEquals(0x20, r.sense()[12]);
        }
        // closed before CLOSE SESSION: nothing recorded, the next drive sees a blank disc
        try (EmulatedDrive d = EmulatedDrive.load(img, Profile.CD_R)) {
            DiscInformation di = DiscInformation.decode(fetch(d, new ReadDiscInformation(DiscInformation.LENGTH)));
            assertEquals(DiscInformation.DiscStatus.BLANK, di.discStatus());
            assertEquals(0, nwa(d));
            refused(d, new ReadTocPmaAtip(ReadTocPmaAtip.Format.TOC, false, 1, 804), ByteBuffer.allocate(804),
                    "5/24/00", Disposition.FAIL, ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            refused(d, new CloseTrackSession(false, CloseFunction.CLOSE_SESSION, 0), null, "5/2C/00",
                    Disposition.FAIL, ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
        }
    }

    @Test
    void aReadInTheGapAfterASessionIsAMediumError() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.load(work.resolve("cd.img"), Profile.CD_R)) {
            write(d, 0, blocks(10, 3));
            MmcExecutor.execute(d, new CloseTrackSession(false, CloseFunction.CLOSE_SESSION, 0));
            long next = nwa(d);
            assertEquals(300 + 11_400, next, "a 300-block minimum track, then the first session's gap");
            DiscInformation di = DiscInformation.decode(fetch(d, new ReadDiscInformation(DiscInformation.LENGTH)));
            assertEquals(next - 4650, DiscInformation.msfToLba(di.lastSessionLeadInStart()),
                    "the next lead-in: 4500 + 150 blocks before the NWA");
            assertEquals(Profile.CD_R.capacity(), DiscInformation.msfToLba(di.lastPossibleLeadOutStart()));
            org.discimage.recorder.mmc.Toc msf = org.discimage.recorder.mmc.Toc.decode(fetch(d,
                    new ReadTocPmaAtip(ReadTocPmaAtip.Format.TOC, true, 1, 4 + 8 * 100)), true);
            assertEquals(0, msf.entries().get(0).lba(), "track 1 at 00:02:00");
            assertEquals(300, msf.entries().get(1).lba(), "lead-out behind the 300-block track");
            write(d, next, blocks(1, 4));
            // block 300 lies in the lead-out/lead-in gap: no user data there
            refused(d, new Read10(300, 1), ByteBuffer.allocate(2048), "3/11/00", Disposition.MEDIUM_ERROR,
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            assertEquals(blocks(1, 4), fetch(d, new Read10(next, 1)));
            assertEquals(ByteBuffer.allocate(2048), fetch(d, new Read10(299, 1)), "the track's padding is zeros");
        }
    }

    @Test
    void writePastTheCapacityIsEndOfUserArea() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.load(work.resolve("small.img"), Profile.DVD_MINUS_R, 64, false)) {
            write(d, 0, blocks(48, 5));
            ScsiCommandException e = refused(d, new Write10(48, 32), blocks(32, 6), "5/63/00", Disposition.FAIL,
                    ErrorCode.IMAGE_TOO_BIG);
            assertTrue(e.getMessage().contains("WRITE"), e.getMessage());
            assertEquals(48, nwa(d), "nothing of the refused WRITE was taken");
            write(d, 48, blocks(16, 7));
            TrackInformation t = TrackInformation.decode(fetch(d, ReadTrackInformation.track(0xFF)));
            assertEquals(0, t.freeBlocks());
        }
    }

    @Test
    void aFinalizedDiscRefusesWritesAndHasNoInvisibleTrack() throws IOException {
        Path img = work.resolve("bd.img");
        try (EmulatedDrive d = EmulatedDrive.load(img, Profile.BD_R)) {
            write(d, 0, blocks(32, 8));
            MmcExecutor.execute(d, new CloseTrackSession(false, CloseFunction.CLOSE_TRACK, 1));
            MmcExecutor.execute(d, new CloseTrackSession(false, CloseFunction.FINALIZE_DISC, 0));
        }
        try (EmulatedDrive d = EmulatedDrive.load(img, Profile.BD_R)) {
            DiscInformation di = DiscInformation.decode(fetch(d, new ReadDiscInformation(DiscInformation.LENGTH)));
            assertEquals(DiscInformation.DiscStatus.FINALIZED, di.discStatus());
            assertEquals(DiscInformation.SessionState.COMPLETE, di.lastSessionState());
            assertEquals(1, di.sessions());
            refused(d, new Write10(32, 32), blocks(32, 0), "5/21/02", Disposition.REREAD_NWA,
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            refused(d, ReadTrackInformation.track(0xFF), ByteBuffer.allocate(48), "5/24/00", Disposition.FAIL,
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            TrackInformation t1 = TrackInformation.decode(fetch(d, ReadTrackInformation.track(1)));
            assertFalse(t1.nextWritableAddress().isPresent());
            assertEquals(32, t1.trackSize());
            assertArrayEquals(blocks(32, 8).array(), fetch(d, new Read10(0, 32)).array());
        }
    }

    @Test
    void aWriteProtectedDiscRefusesWritesWithDataProtect() throws IOException {
        Path img = work.resolve("dvd.img");
        try (EmulatedDrive d = EmulatedDrive.load(img, Profile.DVD_PLUS_R, Profile.DVD_PLUS_R.capacity(), true)) {
            refused(d, new Write10(0, 16), blocks(16, 0), "7/27/00", Disposition.FAIL,
                    ErrorCode.RECORDER_MEDIA_WRITE_PROTECTED);
            refused(d, new CloseTrackSession(false, CloseFunction.CLOSE_SESSION, 0), null, "7/27/00",
                    Disposition.FAIL, ErrorCode.RECORDER_MEDIA_WRITE_PROTECTED);
            assertEquals(0, nwa(d), "the refused WRITE took nothing");
        }
    }

    @Test
    void anInjectedMediumErrorFailsReadsAndWritesCoveringItsBlock() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.load(work.resolve("dvd.img"), Profile.DVD_MINUS_R)) {
            write(d, 0, blocks(16, 1));
            long bad = d.injectSeededMediumError(42, 0, 16);
            assertEquals(bad, new java.util.SplittableRandom(42).nextLong(0, 16), "the seed picks the LBA");
            refused(d, new Read10(0, 16), ByteBuffer.allocate(16 * 2048), "3/11/00", Disposition.MEDIUM_ERROR,
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            if (bad > 0) {
                fetch(d, new Read10(0, (int) bad)); // the blocks before it still read
            }
            d.injectMediumError(20);
            refused(d, new Write10(16, 16), blocks(16, 2), "3/0C/00", Disposition.MEDIUM_ERROR,
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            assertEquals(16, nwa(d), "the failed WRITE took nothing");
        }
    }

    @Test
    void aPowerLossMidTrackLeavesTheDiscAsItsLastCloseSession() throws IOException {
        Path img = work.resolve("cd.img");
        try (EmulatedDrive d = EmulatedDrive.load(img, Profile.CD_R)) {
            write(d, 0, blocks(10, 1));
            MmcExecutor.execute(d, new CloseTrackSession(false, CloseFunction.CLOSE_SESSION, 0));
        }
        byte[] toc = java.nio.file.Files.readAllBytes(org.discimage.media.SequentialImageMedium.tocOf(img));
        long next;
        try (EmulatedDrive d = EmulatedDrive.load(img, Profile.CD_R)) {
            next = nwa(d);
            d.injectPowerLoss(24);
            write(d, next, blocks(16, 2));
            org.discimage.error.DiscImageException e = assertThrows(org.discimage.error.DiscImageException.class,
                    () -> write(d, next + 16, blocks(16, 3)));
            assertEquals(ErrorCode.RECORDER_TRANSPORT_FAILURE, e.code(), e.getMessage());
            assertFalse(e instanceof ScsiCommandException, "no sense: the device is gone");
            assertEquals(ErrorCode.RECORDER_TRANSPORT_FAILURE, assertThrows(
                    org.discimage.error.DiscImageException.class, () -> MmcExecutor.execute(d, new TestUnitReady()))
                    .code(), "a dead drive accepts no further command");
        }
        assertArrayEquals(toc, java.nio.file.Files.readAllBytes(org.discimage.media.SequentialImageMedium.tocOf(img)),
                "the interrupted session never reached the TOC");
        try (EmulatedDrive d = EmulatedDrive.load(img, Profile.CD_R)) {
            DiscInformation di = DiscInformation.decode(fetch(d, new ReadDiscInformation(DiscInformation.LENGTH)));
            assertEquals(DiscInformation.DiscStatus.APPENDABLE, di.discStatus());
            assertEquals(1, di.completeSessions());
            assertEquals(next, nwa(d), "the NWA is that of the last closed session");
            refused(d, new Read10(next, 1), ByteBuffer.allocate(2048), "5/21/00", Disposition.FAIL,
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
        }
    }

    /** A clock the test steps by hand. */
    private static final class SteppedClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void theSimulatedBufferFillsAsksToWaitAndCountsUnderruns() throws IOException {
        SteppedClock clock = new SteppedClock();
        try (EmulatedDrive d = EmulatedDrive.load(work.resolve("dvd.img"), Profile.DVD_PLUS_R)) {
            d.simulateRecording(clock, 1000 * 2048, 64 * 2048); // 1000 blocks/s, a 64-block buffer
            write(d, 0, blocks(32, 1));
            write(d, 32, blocks(32, 2));
            assertEquals(64 * 2048, d.bufferFill());
            refused(d, new Write10(64, 16), blocks(16, 3), "2/04/08", Disposition.WAIT_LONG_WRITE_IN_PROGRESS,
                    ErrorCode.RECORDER_MEDIA_BUSY);
            assertEquals(64, nwa(d), "the WRITE refused for a full buffer took nothing");
            clock.advance(Duration.ofMillis(10)); // 10 blocks written to the disc
            write(d, 64, blocks(10, 4));
            assertEquals(64 * 2048, d.bufferFill());
            assertEquals(0, d.underruns());
            clock.advance(Duration.ofMillis(200)); // the host stalls: 64 blocks drain in 64 ms
            write(d, 74, blocks(16, 5));
            assertEquals(1, d.underruns(), "the buffer ran dry mid-track");
            assertEquals(16 * 2048, d.bufferFill());
            MmcExecutor.execute(d, new org.discimage.recorder.mmc.SynchronizeCache(false));
            assertEquals(0, d.bufferFill());
            clock.advance(Duration.ofSeconds(1));
            MmcExecutor.execute(d, new CloseTrackSession(false, CloseFunction.CLOSE_SESSION, 0));
            assertEquals(1, d.underruns(), "waiting for SYNCHRONIZE CACHE and CLOSE is no underrun");
            assertEquals(blocks(16, 5), fetch(d, new Read10(74, 16)));
        }
    }
}
