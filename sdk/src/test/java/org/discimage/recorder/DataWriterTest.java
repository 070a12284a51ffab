package org.discimage.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.PhysicalMediaType;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.media.MultisessionSequential;
import org.discimage.media.SequentialImageMedium.Profile;
import org.discimage.recorder.emulated.EmulatedDrive;
import org.discimage.recorder.mmc.ReadTocPmaAtip;
import org.discimage.recorder.mmc.SessionInfo;
import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiStatus;
import org.discimage.recorder.transport.ScsiTransport;
import org.discimage.source.ContentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DataWriter}, {@link DiscRecorder} and {@link Eraser} against the emulated drive: refusals with their
 * IMAPI2 codes, verification catching a medium error and a corrupted block, the media state. The readers'
 * view of what was written is {@code DiscToDiscInteropTest}'s.
 */
class DataWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    private static ImageResult session(DiscRecorder r, String name, long bytes) throws IOException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        if (!r.media().sessions().isEmpty()) {
            image.setMultisessionInterfaces(r.multisessionInterfaces());
            image.importFileSystem();
        }
        image.setVolumeName(name);
        image.root().addFile(name + ".txt", name.getBytes(StandardCharsets.UTF_8));
        image.root().addFile(name + ".bin", ContentSource.zeros(bytes));
        return image.createResultImage();
    }

    @Test
    void unknownDeviceFormsAreRefusedNamingTheAcceptedOnes() {
        for (String bad : List.of("", "emulated:", "emulated:dvdram:" + work.resolve("x"), "emulated:cdr:", "sr0",
                "floppy")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiscMaster.open(bad));
            assertTrue(e.getMessage().contains("emulated:PROFILE:FILE") && e.getMessage().contains("dvdplusr"),
                    e.getMessage());
        }
    }

    @Test
    void blankDiscIdentityProfilesAndMediaState() throws IOException {
        try (DiscRecorder r = DiscMaster.open("emulated:dvdr:" + work.resolve("d.img"))) {
            assertEquals("DISCIMG", r.vendor());
            assertEquals("EMULATED DVD-R", r.product());
            assertEquals("0001", r.revision());
            assertEquals(PhysicalMediaType.DVDDASHR, r.currentProfile());
            assertEquals(List.of(PhysicalMediaType.CDR, PhysicalMediaType.CDRW, PhysicalMediaType.DVDDASHR,
                    PhysicalMediaType.DVDDASHRW, PhysicalMediaType.DVDPLUSR, PhysicalMediaType.DVDPLUSRW,
                    PhysicalMediaType.BDR, PhysicalMediaType.BDRE), r.supportedProfiles());
            MediaInfo m = r.media();
            assertEquals(Set.of(MediaState.BLANK), m.states());
            assertEquals(0, m.nextWritableAddress());
            assertEquals(Profile.DVD_MINUS_R.capacity(), m.freeSectors());
            assertEquals(16, m.writeUnit());
            assertEquals(-1, m.lastSessionStart());
            // GET PERFORMANCE type 03h: the DVD-R speeds the emulated drive offers, fastest first (16x .. 1x)
            List<Long> speeds = r.writeSpeeds().stream().map(WriteSpeed::kilobytesPerSecond).toList();
            assertEquals(List.of(22_160L, 16_620L, 11_080L, 8_310L, 5_540L, 2_770L, 1_385L), speeds);
            MultisessionSequential ms = (MultisessionSequential) r.multisessionInterfaces().get(0);
            assertTrue(ms.isFirstDataSession());
            assertTrue(ms.isSupportedOnCurrentMediaState());
        }
    }

    @Test
    void emptyTrayIsNoMediaForWriterAndEraser() throws IOException {
        try (DiscRecorder r = EmulatedRecorders.over(EmulatedDrive.empty(Profile.BD_R))) {
            assertEquals(Set.of(MediaState.NO_MEDIA), r.media().states());
            assertEquals(PhysicalMediaType.UNKNOWN, r.currentProfile());
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.root().addFile("a", new byte[1]);
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> new DataWriter(r).write(image.createResultImage()));
            assertEquals(ErrorCode.RECORDER_MEDIA_NO_MEDIA, e.code());
            assertEquals(ErrorCode.RECORDER_MEDIA_NO_MEDIA,
                    assertThrows(DiscImageException.class, () -> new Eraser(r).erase()).code());
        }
    }

    @Test
    void eraserRefusesWriteOnceMedia() throws IOException {
        for (String p : List.of("cdr", "dvdr", "dvdplusr", "bdr")) {
            try (DiscRecorder r = DiscMaster.open("emulated:" + p + ":" + work.resolve(p + ".img"))) {
                Eraser eraser = new Eraser(r);
                eraser.setFullErase(true);
                DiscImageException e = assertThrows(DiscImageException.class, eraser::erase);
                assertEquals(ErrorCode.ERASE_MEDIA_IS_NOT_ERASABLE, e.code(), e.getMessage());
                assertTrue(e.getMessage().contains("write-once"), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cdr", "dvdr", "dvdplusr", "bdr"})
    void closedDiscIsRefusedAndReportsFinalized(String profile) throws IOException {
        String dev = "emulated:" + profile + ":" + work.resolve("closed.img");
        try (DiscRecorder r = DiscMaster.open(dev)) {
            DataWriter w = new DataWriter(r);
            w.setForceMediaToBeClosed(true);
            w.write(session(r, "S1", 10_000));
            MediaInfo m = r.media();
            assertEquals(Set.of(MediaState.FINALIZED), m.states());
            assertEquals(1, m.sessions().size());
            assertEquals(-1, m.nextWritableAddress());
            assertFalse(r.multisessionInterfaces().get(0).isSupportedOnCurrentMediaState());
        }
        try (DiscRecorder r = DiscMaster.open(dev)) {
            assertTrue(r.media().is(MediaState.FINALIZED), "persisted");
            FileSystemImage image = new FileSystemImage(CLOCK);
            DiscImageException refused = assertThrows(DiscImageException.class,
                    () -> image.setMultisessionInterfaces(r.multisessionInterfaces()));
            assertEquals(ErrorCode.NO_COMPATIBLE_MULTISESSION_TYPE, refused.code());
            image.root().addFile("late.txt", new byte[10]);
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> new DataWriter(r).write(image.createResultImage()));
            assertEquals(ErrorCode.DF2DATA_INVALID_MEDIA_STATE, e.code(), e.getMessage());
        }
    }

    /** IMAPI2 closes a disc with at most 2 % free even without ForceMediaToBeClosed. */
    @Test
    void aDiscWithAtMostTwoPercentFreeIsFinalised() throws IOException {
        long nwa;
        try (DiscRecorder r = DiscMaster.open("emulated:dvdplusr:" + work.resolve("probe.img"))) {
            new DataWriter(r).write(session(r, "S1", 100_000));
            nwa = r.media().nextWritableAddress(); // the same on a smaller disc: the gap does not depend on it
        }
        long capacity = nwa + nwa / 60; // free: 1/61 of the capacity, under 2 %
        try (EmulatedDrive d = EmulatedDrive.load(work.resolve("full.img"), Profile.DVD_PLUS_R, capacity, false);
                DiscRecorder r = EmulatedRecorders.over(d)) {
            new DataWriter(r).write(session(r, "S1", 100_000));
            MediaInfo m = r.media();
            assertEquals(nwa, m.nextWritableAddress());
            assertEquals(Set.of(MediaState.APPENDABLE, MediaState.FINAL_SESSION), m.states());
            DataWriter w = new DataWriter(r);
            assertFalse(w.forceMediaToBeClosed());
            w.write(session(r, "S2", 10_000));
            assertEquals(Set.of(MediaState.FINALIZED), r.media().states());
            assertEquals(2, r.media().sessions().size());
        }
    }

    @Test
    void imageNotAtTheNwaAndImageTooLargeAreRefusedBeforeWriting() throws IOException {
        Path img = work.resolve("small.img");
        try (EmulatedDrive d = EmulatedDrive.load(img, Profile.CD_R, 2_000, false);
                DiscRecorder r = EmulatedRecorders.over(d)) {
            DiscImageException big = assertThrows(DiscImageException.class,
                    () -> new DataWriter(r).write(session(r, "BIG", 5_000_000)));
            assertEquals(ErrorCode.DF2DATA_STREAM_TOO_LARGE_FOR_CURRENT_MEDIA, big.code(), big.getMessage());
            assertEquals(Set.of(MediaState.BLANK), r.media().states(), "nothing written");
            new DataWriter(r).write(session(r, "S1", 10_000));
        }
        try (DiscRecorder r = DiscMaster.open("emulated:cdr:" + img)) {
            FileSystemImage fresh = new FileSystemImage(CLOCK); // planned at 0, not at the NWA
            fresh.root().addFile("x.txt", new byte[3]);
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> new DataWriter(r).write(fresh.createResultImage()));
            assertEquals(ErrorCode.DF2DATA_STREAM_NOT_SUPPORTED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("next writable address is " + r.media().nextWritableAddress()),
                    e.getMessage());
        }
    }

    @Test
    void writeProtectedDiscIsRefusedAndThenReported() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.load(work.resolve("wp.img"), Profile.DVD_PLUS_R,
                Profile.DVD_PLUS_R.capacity(), true); DiscRecorder r = EmulatedRecorders.over(d)) {
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> new DataWriter(r).write(session(r, "S1", 1000)));
            assertEquals(ErrorCode.RECORDER_MEDIA_WRITE_PROTECTED, e.code(), e.getMessage());
            assertTrue(r.media().is(MediaState.WRITE_PROTECTED));
        }
    }

    @Test
    void fullVerificationPassesAndQuickReadsTheFirstAndLastBuffers() throws IOException {
        try (DiscRecorder r = DiscMaster.open("emulated:dvdplusr:" + work.resolve("v.img"))) {
            DataWriter w = new DataWriter(r);
            w.setVerification(Verification.FULL);
            List<WriteProgress> events = new ArrayList<>();
            w.setProgressListener(events::add);
            ImageResult s1 = session(r, "S1", 3_000_000);
            w.write(s1);
            WriteProgress done = events.get(events.size() - 1);
            assertEquals(WriteAction.COMPLETED, done.action());
            assertEquals(s1.totalSectors(), done.sectorsWritten(), "verified through the last block");
            w.setVerification(Verification.QUICK);
            w.write(session(r, "S2", 3_000_000));
            assertEquals(2, r.media().sessions().size());
        }
    }

    /** The last session's start from READ TRACK INFORMATION agrees with READ TOC format 1 (msc1). */
    @Test
    void lastSessionStartAgreesWithReadTocFormatOne() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.load(work.resolve("toc.img"), Profile.CD_R);
                DiscRecorder r = EmulatedRecorders.over(d)) {
            for (int i = 1; i <= 2; i++) {
                long nwa = r.media().nextWritableAddress();
                new DataWriter(r).write(session(r, "S" + i, 50_000));
                SessionInfo toc = SessionInfo.decode(r.fetch(ReadTocPmaAtip.sessionInfo()), false);
                MediaInfo m = r.media();
                assertEquals(i, toc.lastCompleteSession());
                assertEquals(toc.lastSessionStart(), m.lastSessionStart());
                assertEquals(nwa, m.lastSessionStart());
                assertEquals(i, m.sessions().size());
                assertEquals(m.sessions().get(i - 1).startLba(),
                        ((MultisessionSequential) r.multisessionInterfaces().get(0)).startAddressOfPreviousSession());
                assertTrue(m.nextWritableAddress() > m.lastSessionStart() + m.sessions().get(i - 1).blocks());
            }
        }
    }

    /** IMAPI2's CancelWrite from another thread: the write stops with REQUEST_CANCELLED, nothing is recorded. */
    @Test
    void cancelFromAnotherThread() throws Exception {
        try (EmulatedDrive d = EmulatedDrive.load(work.resolve("t.img"), Profile.BD_R);
                DiscRecorder r = EmulatedRecorders.over(d)) {
            d.simulateRecording(Clock.systemUTC(), 20_000_000, 4 << 20); // 40 MB take 2 s
            ImageResult s1 = session(r, "S1", 40_000_000);
            DataWriter w = new DataWriter(r);
            java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
            w.setProgressListener(p -> {
                if (p.action() == WriteAction.WRITING_DATA && p.sectorsWritten() > 0) {
                    writing.countDown();
                }
            });
            Thread canceller = new Thread(() -> {
                try {
                    writing.await();
                    w.cancel();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            canceller.start();
            DiscImageException e = assertThrows(DiscImageException.class, () -> w.write(s1));
            canceller.join();
            assertEquals(ErrorCode.REQUEST_CANCELLED, e.code(), e.getMessage());
        }
        try (DiscRecorder r = DiscMaster.open("emulated:bdr:" + work.resolve("t.img"))) {
            assertEquals(Set.of(MediaState.BLANK), r.media().states(), "the cancelled session was never closed");
        }
    }

    @Test
    void writeSpeedGoesToTheDriveAndItsRefusalIsReportedNotThrown() throws IOException {
        EmulatedDrive bd = EmulatedDrive.open(work.resolve("speed.img"), "bdr");
        try (DiscRecorder r = EmulatedRecorders.over(bd)) {
            SpeedSetting s = new DataWriter(r).setWriteSpeed(4 * 4_496);
            assertEquals("SET STREAMING", s.command());
            assertTrue(s.accepted(), s.answer());
            assertEquals(4 * 4_495_500L, bd.writeSpeed(), "the emulated drive snaps 17,984 kB/s to BD 4x");
        }
        // a drive without SET STREAMING (5/20/00 invalid command operation code): reported, not thrown
        EmulatedDrive old = EmulatedDrive.open(work.resolve("speed-old.img"), "bdr");
        ScsiTransport refusing = new ScsiTransport() {
            @Override
            public ScsiResult execute(byte[] cdb, DataDirection dir, ByteBuffer data, Duration timeout)
                    throws DiscImageException {
                if ((cdb[0] & 0xFF) == 0xB6) {
                    byte[] sense = new byte[18];
                    sense[0] = 0x70;
                    sense[2] = 5;
                    sense[7] = 10;
                    sense[12] = 0x20;
                    return new ScsiResult(ScsiStatus.CHECK_CONDITION, sense, 0, Duration.ZERO);
                }
                return old.execute(cdb, dir, data, timeout);
            }

            @Override
            public String device() {
                return old.device();
            }

            @Override
            public void close() throws DiscImageException {
                old.close();
            }
        };
        try (DiscRecorder r = DiscRecorder.over(refusing)) {
            SpeedSetting s = new DataWriter(r).setWriteSpeed(4 * 4_496);
            assertFalse(s.accepted());
            assertTrue(s.answer().contains("5/20/00"), s.answer());
        }
        try (DiscRecorder r = DiscMaster.open("emulated:cdr:" + work.resolve("speed-cd.img"))) {
            assertEquals("SET CD SPEED", new DataWriter(r).setWriteSpeed(Long.MAX_VALUE).command());
        }
    }

    @Test
    void verificationNamesTheLbaOfAnInjectedMediumError() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.load(work.resolve("me.img"), Profile.BD_R);
                DiscRecorder r = EmulatedRecorders.over(d)) {
            ImageResult s1 = session(r, "S1", 1_000_000);
            long bad = s1.startBlock() + s1.totalSectors() - 2; // in the last 32-block buffer
            DataWriter w = new DataWriter(r);
            w.setVerification(Verification.QUICK); // the last buffer is among QUICK's
            w.setProgressListener(p -> {
                if (p.action() == WriteAction.VERIFYING && p.sectorsWritten() == 0) {
                    d.injectMediumError(bad); // after the write: the block was written, it no longer reads
                }
            });
            DiscImageException e = assertThrows(DiscImageException.class, () -> w.write(s1));
            assertEquals(ErrorCode.BURN_VERIFICATION_FAILED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("LBA " + bad + " "), e.getMessage());
            assertTrue(e.getMessage().contains("3/11/00"), e.getMessage());
        }
    }

    @Test
    void verificationNamesTheLbaOfACorruptedBlock() throws IOException {
        Path img = work.resolve("corrupt.img");
        try (DiscRecorder r = DiscMaster.open("emulated:cdr:" + img)) {
            ImageResult s1 = session(r, "S1", 1_000_000);
            long bad = s1.startBlock() + 100; // inside the zeros of S1.bin
            DataWriter w = new DataWriter(r);
            w.setVerification(Verification.FULL);
            w.setProgressListener(p -> {
                if (p.action() == WriteAction.VERIFYING && p.sectorsWritten() == 0) {
                    try (FileChannel ch = FileChannel.open(img, StandardOpenOption.WRITE)) {
                        ch.write(ByteBuffer.wrap(new byte[] {(byte) 0xA5}), bad * 2048 + 77);
                    } catch (IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                }
            });
            DiscImageException e = assertThrows(DiscImageException.class, () -> w.write(s1));
            assertEquals(ErrorCode.BURN_VERIFICATION_FAILED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("LBA " + bad + " read back differs"), e.getMessage());
        }
    }

    @Test
    void aSecondWriteWhileOneRunsIsRefused() throws IOException {
        try (DiscRecorder r = DiscMaster.open("emulated:cdr:" + work.resolve("busy.img"))) {
            DataWriter w = new DataWriter(r);
            ImageResult s1 = session(r, "S1", 10_000);
            List<ErrorCode> codes = new ArrayList<>();
            w.setProgressListener(p -> {
                if (p.action() == WriteAction.WRITING_DATA && codes.isEmpty()) {
                    try {
                        w.setVerification(Verification.FULL);
                    } catch (DiscImageException e) {
                        codes.add(e.code());
                    }
                }
            });
            w.write(s1);
            assertEquals(List.of(ErrorCode.DF2DATA_WRITE_IN_PROGRESS), codes);
            assertEquals(Verification.NONE, w.verification());
        }
    }
}
