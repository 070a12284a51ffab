package org.discimage.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.media.Multisession;
import org.discimage.recorder.emulated.EmulatedDrive;
import org.discimage.recorder.emulated.EmulatedProfile;
import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiTransport;
import org.discimage.source.ContentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DVD+RW / BD-RE through the recorder: {@link DriveBlocks}' whole-unit writes, the states of discs the chain
 * cannot grow (a first session at LBA 0, a foreign header), write protection, and the formatting step of
 * {@link DataWriter}. The interop side (the dump read by xorriso, isoinfo, udfinfo, ...) is
 * RewritableDiscToDiscInteropTest.
 */
class OverwritableDiscTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final int BLOCK = 2048;

    @TempDir
    Path work;

    /** Passes commands through to the drive and records each WRITE(10) as {LBA, blocks}. */
    private static final class RecordingTransport implements ScsiTransport {
        private final ScsiTransport drive;
        final List<List<Long>> writes = new ArrayList<>();

        RecordingTransport(ScsiTransport drive) {
            this.drive = drive;
        }

        @Override
        public ScsiResult execute(byte[] cdb, DataDirection direction, ByteBuffer data, Duration timeout)
                throws DiscImageException {
            if ((cdb[0] & 0xFF) == 0x2A) {
                long lba = ByteBuffer.wrap(cdb, 2, 4).getInt() & 0xFFFF_FFFFL;
                long blocks = ByteBuffer.wrap(cdb, 7, 2).getShort() & 0xFFFF;
                writes.add(List.of(lba, blocks));
            }
            return drive.execute(cdb, direction, data, timeout);
        }

        @Override
        public String device() {
            return drive.device();
        }

        @Override
        public void close() throws DiscImageException {
            drive.close();
        }
    }

    private static ByteBuffer filled(int blocks, int value) {
        ByteBuffer b = ByteBuffer.allocate(blocks * BLOCK);
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) (value + i / BLOCK));
        }
        return b;
    }

    @Test
    void driveBlocksWidenPartialWritesToWholeUnitsAndKeepTheRest() throws IOException {
        for (EmulatedProfile p : List.of(EmulatedProfile.DVD_PLUS_RW, EmulatedProfile.BD_RE)) {
            int unit = p == EmulatedProfile.BD_RE ? 32 : 16;
            RecordingTransport t = new RecordingTransport(EmulatedDrive.open(work.resolve(p + ".img"), p, 8192, false));
            try (DiscRecorder r = DiscRecorder.over(t)) {
                new Eraser(r).erase(); // formats the new disc
                long capacity = r.media().totalSectors();
                DriveBlocks b = new DriveBlocks(r, unit, capacity);
                b.write(224, filled(64, 1));
                t.writes.clear();
                ByteBuffer one = ByteBuffer.allocate(BLOCK);
                one.put(0, (byte) 0xAB);
                b.write(256, one);
                assertEquals(List.of(List.of(256L, (long) unit)), t.writes, p + ": one WRITE of the unit holding 256");
                ByteBuffer back = ByteBuffer.allocate(64 * BLOCK);
                b.read(224, back);
                ByteBuffer want = filled(64, 1);
                want.put(32 * BLOCK, one.array()); // block 256: the block written, 0xAB then zeros
                assertEquals(want.clear(), back.clear(), p + ": the rest of the unit is what it was");

                t.writes.clear();
                b.padTo(250, 256);
                assertEquals(List.of(List.of(256L - unit, (long) unit)), t.writes, p + ": the pad as one unit");
                ByteBuffer tail = ByteBuffer.allocate(unit * BLOCK);
                b.read(256 - unit, tail);
                for (int i = 0; i < unit; i++) {
                    int lba = 256 - unit + i;
                    byte expect = lba < 250 ? (byte) (1 + lba - 224) : 0;
                    assertEquals(expect, tail.get(i * BLOCK), p + ": block " + lba);
                }
                assertThrows(IllegalArgumentException.class, () -> b.write(capacity - 1, ByteBuffer.allocate(2 * BLOCK)));
            }
        }
    }

    /** The 64 KiB header and a session start are whole units: written as they are, never read first. */
    @Test
    void aSessionWritesTheHeaderAsOneAlignedWrite() throws IOException {
        RecordingTransport t = new RecordingTransport(EmulatedDrive.open(work.resolve("h.img"),
                EmulatedProfile.DVD_PLUS_RW, 8192, false));
        try (DiscRecorder r = DiscRecorder.over(t)) {
            List<WriteAction> actions = new ArrayList<>();
            write(r, "S1", false, actions);
            assertEquals(List.of(WriteAction.VALIDATING_MEDIA, WriteAction.FORMATTING_MEDIA,
                    WriteAction.INITIALIZING_HARDWARE, WriteAction.WRITING_DATA, WriteAction.FINALIZATION,
                    WriteAction.COMPLETED), actions.stream().distinct().toList());
            List<Long> last = t.writes.get(t.writes.size() - 1);
            assertEquals(List.of(0L, 32L), last, "the header is the last WRITE: " + t.writes);
            assertEquals(32L, t.writes.get(0).get(0), "the session starts at 32");
            for (List<Long> w : t.writes) {
                assertEquals(0, w.get(0) % 16, "every WRITE starts on an ECC block: " + t.writes);
            }
            actions.clear();
            write(r, "S2", true, actions);
            assertFalse(actions.contains(WriteAction.FORMATTING_MEDIA), "formatted once");
            assertEquals(2, r.media().sessions().size());
        }
    }

    /**
     * With the drive buffer simulated (20 MB/s, 256 KiB), the padding WRITE after a session whose end is not on a
     * unit meets a full buffer (2/04/08) and is re-sent; the session and its header still land.
     */
    @Test
    void thePaddingWaitsForAFullDriveBuffer() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("buf.img"), EmulatedProfile.DVD_PLUS_RW, 8192, false);
                DiscRecorder r = EmulatedRecorders.over(d)) {
            new Eraser(r).erase();
            d.simulateRecording(Clock.systemUTC(), 20_000_000, 256 << 10);
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setMultisessionInterfaces(r.multisessionInterfaces());
            image.root().addFile("odd.bin", ContentSource.zeros(2_000_000 + 3 * BLOCK));
            ImageResult result = image.createResultImage();
            assertTrue(result.totalSectors() % 16 != 0, "an end inside an ECC block: " + result.totalSectors());
            new DataWriter(r).write(result);
            MediaInfo m = r.media();
            assertEquals(1, m.sessions().size());
            assertEquals(result.totalSectors(), m.sessions().get(0).blocks());
        }
    }

    private static void write(DiscRecorder r, String name, boolean importPrevious, List<WriteAction> actions)
            throws IOException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.setMultisessionInterfaces(r.multisessionInterfaces());
        if (importPrevious) {
            image.importFileSystem();
        }
        image.setVolumeName(name);
        image.root().addFile(name + ".txt", name.getBytes(StandardCharsets.UTF_8));
        DataWriter w = new DataWriter(r);
        w.setProgressListener(p -> actions.add(p.action()));
        w.write(image.createResultImage());
    }

    /**
     * growisofs -Z style: an image written at LBA 0. media() lists it as one session at 0 (as xorriso's TOC does);
     * the random-write interface refuses to append (the header rewrite would overwrite its descriptors).
     */
    @Test
    void aSessionAtLbaZeroIsListedButNotAppendedTo() throws IOException {
        try (DiscRecorder r = DiscMaster.open("emulated:dvdplusrw:" + work.resolve("z.img"))) {
            new Eraser(r).erase();
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setVolumeName("ZERO");
            image.root().addFile("z.txt", "z".getBytes(StandardCharsets.UTF_8));
            ImageResult result = image.createResultImage();
            assertEquals(0, result.startBlock());
            ByteBuffer all = ByteBuffer.allocate((int) ((result.totalSectors() + 15) / 16 * 16) * BLOCK);
            try (ReadableByteChannel in = result.openChannel()) {
                while (in.read(all) > 0) {
                    // the whole (small) image
                }
            }
            DriveBlocks b = new DriveBlocks(r, 16, r.media().totalSectors());
            b.write(0, all.clear());
            MediaInfo m = r.media();
            assertEquals(1, m.sessions().size());
            assertEquals(0, m.sessions().get(0).startLba());
            assertEquals(result.totalSectors(), m.sessions().get(0).blocks());
            List<Multisession> ms = r.multisessionInterfaces();
            assertFalse(ms.get(0).isSupportedOnCurrentMediaState());
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> new FileSystemImage(CLOCK).setMultisessionInterfaces(ms));
            assertEquals(ErrorCode.NO_COMPATIBLE_MULTISESSION_TYPE, e.code(), e.getMessage());
        }
    }

    /** A header that is neither zeros nor ISO 9660: no NWA, the writer refuses, a quick erase makes it blank. */
    @Test
    void aForeignHeaderIsRefusedUntilErased() throws IOException {
        try (DiscRecorder r = DiscMaster.open("emulated:bdre:" + work.resolve("f.img"))) {
            new Eraser(r).erase();
            new DriveBlocks(r, 32, r.media().totalSectors()).write(0, filled(32, 0x55));
            MediaInfo m = r.media();
            assertEquals(Set.of(MediaState.OVERWRITE_ONLY), m.states());
            assertEquals(-1, m.nextWritableAddress());
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setSessionStartBlock(32);
            image.root().addFile("a.txt", "a".getBytes(StandardCharsets.UTF_8));
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> new DataWriter(r).write(image.createResultImage()));
            assertEquals(ErrorCode.DF2DATA_INVALID_MEDIA_STATE, e.code(), e.getMessage());
            new Eraser(r).erase();
            assertEquals(Set.of(MediaState.OVERWRITE_ONLY, MediaState.BLANK), r.media().states());
            new DataWriter(r).write(image.createResultImage());
            assertEquals(1, r.media().sessions().size());
        }
    }

    /** A write-protected unformatted DVD+RW: the format before the first session answers 7/27/00. */
    @Test
    void writeProtectedDiscIsReported() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("wp.img"), EmulatedProfile.DVD_PLUS_RW, 8192, true);
                DiscRecorder r = EmulatedRecorders.over(d)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setMultisessionInterfaces(r.multisessionInterfaces());
            image.root().addFile("a.txt", "a".getBytes(StandardCharsets.UTF_8));
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> new DataWriter(r).write(image.createResultImage()));
            assertEquals(ErrorCode.RECORDER_MEDIA_WRITE_PROTECTED, e.code(), e.getMessage());
            assertTrue(r.media().is(MediaState.WRITE_PROTECTED));
            e = assertThrows(DiscImageException.class, () -> new Eraser(r).erase());
            assertEquals(ErrorCode.RECORDER_MEDIA_WRITE_PROTECTED, e.code(), e.getMessage());
        }
    }
}
