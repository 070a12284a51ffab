package org.discimage.recorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;

import org.discimage.ImageResult;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.pipeline.RecorderRing;
import org.discimage.recorder.mmc.BufferCapacity;
import org.discimage.recorder.mmc.CloseTrackSession;
import org.discimage.recorder.mmc.CloseTrackSession.CloseFunction;
import org.discimage.recorder.mmc.Disposition;
import org.discimage.recorder.mmc.MmcCommand;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.ModeSelect10;
import org.discimage.recorder.mmc.ModeSense10;
import org.discimage.recorder.mmc.PreventAllowMediumRemoval;
import org.discimage.recorder.mmc.Profile;
import org.discimage.recorder.mmc.Read10;
import org.discimage.recorder.mmc.ReadBufferCapacity;
import org.discimage.recorder.mmc.ScsiCommandException;
import org.discimage.recorder.mmc.SenseData;
import org.discimage.recorder.mmc.SetCdSpeed;
import org.discimage.recorder.mmc.SetStreaming;
import org.discimage.recorder.mmc.SynchronizeCache;
import org.discimage.recorder.mmc.Write10;
import org.discimage.recorder.mmc.WriteParametersPage;
import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiStatus;

/**
 * Records an {@link ImageResult} as the next session of the disc in a {@link DiscRecorder} (IMAPI2
 * IDiscFormat2Data, write-once media): validates the disc against the image, locks the tray, streams the image
 * through a {@link RecorderRing} of direct buffers by WRITE(10) at the NWA (MMC 6.44), then SYNCHRONIZE CACHE,
 * CLOSE TRACK and CLOSE SESSION, or finalises the disc when {@link #setForceMediaToBeClosed(boolean) asked},
 * and optionally reads the session back ({@link Verification}).
 *
 * <p>Order matters for DESIGN rule 7: the session is closed only after every block is written, so a cancel or
 * failure mid-write leaves the earlier sessions the disc's newest complete ones.
 *
 * <p>DVD+RW and BD-RE are grown instead, as xorriso grows them: formatted first when new (FORMATTING_MEDIA),
 * the session written at 32 or the previous end rounded up to 32, then SYNCHRONIZE CACHE and the 64 KiB header
 * at LBA 0 rewritten to point at it ({@link OverwritableDisc}).
 */
public final class DataWriter {
    /** Blocks per WRITE and per ring buffer: 64 KiB, a whole number of write units on CD (1), DVD (16) and BD (32). */
    static final int BLOCKS_PER_BUFFER = 32;
    /** Ring buffers: 4 MiB of host buffer, enough to ride out a GC pause at 16x BD (72 MB/s: 58 ms). */
    static final int RING_BUFFERS = 64;
    /** How often WRITING_DATA and VERIFYING are reported (IMAPI2: every 0.5 s). */
    private static final long PROGRESS_NANOS = 500_000_000L;
    /** The pause before re-sending a WRITE the drive refused with 2/04/08 (its buffer is full). */
    private static final long LONG_WRITE_PAUSE_NANOS = 100_000L;
    /** How long the first WRITE waits for the ring to fill (a bound: sources may be slow, e.g. a network). */
    private static final long PRIME_NANOS = 2_000_000_000L;
    /** QUICK verification reads every 64th buffer besides the first and the last. */
    private static final int QUICK_SAMPLE = 64;

    private final DiscRecorder recorder;
    private boolean forceMediaToBeClosed;
    private Verification verification = Verification.NONE;
    private volatile WriteProgressListener listener = WriteProgressListener.NONE;
    private volatile boolean cancelled;
    private volatile boolean writing;
    private volatile RecorderRing ring;

    /** A writer for the disc in {@code recorder}. */
    public DataWriter(DiscRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /**
     * Finalise the disc after this session: no later session can be added (IMAPI2 ForceMediaToBeClosed). As in
     * IMAPI2, a disc with at most 2 % free ({@link MediaState#FINAL_SESSION}) is finalised anyway. Ignored on
     * DVD+RW and BD-RE, which have no closed state (as IMAPI2 ignores it there).
     */
    public void setForceMediaToBeClosed(boolean close) throws DiscImageException {
        checkIdle();
        this.forceMediaToBeClosed = close;
    }

    /** Whether the disc is finalised after the session. */
    public boolean forceMediaToBeClosed() {
        return forceMediaToBeClosed;
    }

    /** How the session is read back after writing (IMAPI2 IBurnVerification.BurnVerificationLevel). */
    public void setVerification(Verification verification) throws DiscImageException {
        checkIdle();
        this.verification = Objects.requireNonNull(verification, "verification");
    }

    /** The verification level. */
    public Verification verification() {
        return verification;
    }

    /** Receives the progress events of {@link #write}; {@code null} for none. */
    public void setProgressListener(WriteProgressListener listener) {
        this.listener = listener == null ? WriteProgressListener.NONE : listener;
    }

    /**
     * Asks the drive to write at {@code kilobytesPerSecond} (kB of 1000 bytes; {@code Long.MAX_VALUE} for the
     * fastest): SET CD SPEED on CD (MMC 6.37), SET STREAMING over the whole disc on DVD and BD (MMC 6.39), as
     * libburn does. Drives snap the number to a speed they support; the answer says whether it was taken.
     */
    public SpeedSetting setWriteSpeed(long kilobytesPerSecond) throws DiscImageException {
        checkIdle();
        if (kilobytesPerSecond <= 0) {
            throw new IllegalArgumentException("write speed " + kilobytesPerSecond + " kB/s");
        }
        DiscRecorder.State s = recorder.state();
        MmcCommand c;
        if (s.profile() != null && s.profile().number() < 0x10) {
            int kb = (int) Math.min(kilobytesPerSecond, SetCdSpeed.MAXIMUM);
            c = new SetCdSpeed(SetCdSpeed.MAXIMUM, kb);
        } else {
            long last = Math.max(0, s.info().totalSectors() - 1);
            long kb = Math.min(kilobytesPerSecond, 0xFFFF_FFFFL);
            c = SetStreaming.speed(last, kb, kb);
        }
        try {
            MmcExecutor.execute(recorder.transport(), c);
            return new SpeedSetting(kilobytesPerSecond, c.name(), true, "GOOD");
        } catch (ScsiCommandException e) {
            return new SpeedSetting(kilobytesPerSecond, c.name(), false, e.getMessage());
        }
    }

    /**
     * Cancels a running {@link #write} from another thread or from the progress listener (IMAPI2 CancelWrite):
     * the write stops before its next WRITE command and throws REQUEST_CANCELLED; the session is not closed.
     *
     * @return whether a write was running
     */
    public boolean cancel() {
        if (!writing) {
            return false;
        }
        cancelled = true;
        return true;
    }

    /**
     * Writes {@code image} as the next session, synchronously.
     *
     * @throws DiscImageException RECORDER_MEDIA_NO_MEDIA without a disc; DF2DATA_MEDIA_IS_NOT_SUPPORTED for a
     *         medium this writer cannot record; DF2DATA_INVALID_MEDIA_STATE for a closed or damaged disc;
     *         DF2DATA_STREAM_NOT_SUPPORTED for an image not planned at the disc's NWA;
     *         DF2DATA_STREAM_TOO_LARGE_FOR_CURRENT_MEDIA when it does not fit; RECORDER_MEDIA_WRITE_PROTECTED;
     *         REQUEST_CANCELLED after {@link #cancel()}; BURN_VERIFICATION_FAILED naming the LBA that read back
     *         wrong; DF2DATA_WRITE_IN_PROGRESS while another write runs; the drive's errors otherwise
     */
    public void write(ImageResult image) throws IOException {
        Objects.requireNonNull(image, "image");
        run(new Session(image.startBlock(), image.totalSectors(), image::openChannel));
    }

    /**
     * Writes the image file {@code imageFile}, laid out for a session that starts at {@code startLba} (0 for
     * what mkisofs, {@code xorriso -as mkisofs} or {@code discimage build} write), as the next session,
     * synchronously. IMAPI2's IDiscFormat2Data.Write takes any stream as well; the caller vouches for the
     * layout, which this writer cannot see: it only checks that {@code startLba} is the disc's NWA and that the
     * file holds whole 2048-byte blocks.
     *
     * @throws DiscImageException DF2DATA_STREAM_NOT_SUPPORTED for a file that is not a whole number of blocks;
     *         otherwise as {@link #write(ImageResult)}
     */
    public void write(Path imageFile, long startLba) throws IOException {
        Objects.requireNonNull(imageFile, "imageFile");
        if (startLba < 0) {
            throw new IllegalArgumentException("start LBA " + startLba);
        }
        long bytes = Files.size(imageFile);
        if (bytes % MmcCommand.BLOCK_SIZE != 0) {
            throw new DiscImageException(ErrorCode.DF2DATA_STREAM_NOT_SUPPORTED, imageFile + ": " + bytes
                    + " bytes is not a whole number of " + MmcCommand.BLOCK_SIZE + "-byte blocks");
        }
        run(new Session(startLba, bytes / MmcCommand.BLOCK_SIZE,
                () -> FileChannel.open(imageFile, StandardOpenOption.READ)));
    }

    private void run(Session session) throws IOException {
        synchronized (this) {
            checkIdle();
            writing = true;
            cancelled = false;
        }
        try {
            session.run();
        } finally {
            writing = false;
        }
    }

    /** Opens the session's bytes from its first block, once to write and again to name a verify mismatch. */
    @FunctionalInterface
    private interface ImageBytes {
        ReadableByteChannel open() throws IOException;
    }

    private void checkIdle() throws DiscImageException {
        if (writing) {
            throw new DiscImageException(ErrorCode.DF2DATA_WRITE_IN_PROGRESS, "a write to " + recorder.device()
                    + " is running");
        }
    }

    /** One write: the state the steps share. */
    private final class Session {
        private final ImageBytes image;
        private final long start;
        private final long sectors;
        private final long began = System.nanoTime();
        private long lastWritten;
        private long lastReport;
        /** Whether the drive answered READ BUFFER CAPACITY so far during this write. */
        private boolean askBuffer = true;
        private WriteAction action;
        private int[] checksums;
        /** Finalise the disc: asked for, or at most 2 % of it is left (IMAPI2 closes the disc then, imapi2.md §2.3). */
        private boolean closeDisc;

        Session(long start, long sectors, ImageBytes image) {
            this.image = image;
            this.start = start;
            this.sectors = sectors;
            this.lastWritten = start - 1;
        }

        void run() throws IOException {
            report(WriteAction.VALIDATING_MEDIA);
            DiscRecorder.State state = validate();
            boolean overwritable = OverwritableDisc.handles(state.profile()); // DVD+RW, BD-RE: grown, not closed
            closeDisc = !overwritable && (forceMediaToBeClosed || state.info().is(MediaState.FINAL_SESSION));
            if (overwritable && OverwritableDisc.needsFormat(recorder)) {
                report(WriteAction.FORMATTING_MEDIA);
                new Eraser(recorder).format(state.profile(), false);
            }
            report(WriteAction.INITIALIZING_HARDWARE);
            lock();
            try {
                boolean pageSet = setWriteParameters(state.profile());
                report(WriteAction.WRITING_DATA);
                writeData();
                report(WriteAction.FINALIZATION);
                if (overwritable && start == 0) {
                    execute(new SynchronizeCache(false)); // a whole-disc image: its own descriptors are at 16
                } else if (overwritable) {
                    OverwritableDisc.commit(recorder, start, start + sectors); // sync, then the header (rule 7)
                } else {
                    close(state, pageSet);
                }
            } catch (ScsiCommandException e) {
                if (e.sense().key().value() == 7) { // DATA PROTECT 7/27/00
                    recorder.noteWriteProtected();
                }
                throw e;
            } finally {
                unlock();
            }
            if (verification != Verification.NONE) {
                lastWritten = start - 1; // from here: the last block verified
                report(WriteAction.VERIFYING);
                verify();
            }
            report(WriteAction.COMPLETED);
        }

        private DiscRecorder.State validate() throws DiscImageException {
            DiscRecorder.State s = recorder.state();
            MediaInfo m = s.info();
            String where = recorder.device();
            if (m.is(MediaState.NO_MEDIA)) {
                throw new DiscImageException(ErrorCode.RECORDER_MEDIA_NO_MEDIA, where + ": no disc in the drive");
            }
            if (m.is(MediaState.UNSUPPORTED_MEDIA)) {
                throw new DiscImageException(ErrorCode.DF2DATA_MEDIA_IS_NOT_SUPPORTED, where + ": the data writer "
                        + "records sequential media (CD-R/RW, DVD±R, DVD-RW sequential, BD-R SRM), not " + m.type());
            }
            if (m.is(MediaState.FINALIZED) || m.is(MediaState.DAMAGED) || m.nextWritableAddress() < 0) {
                throw new DiscImageException(ErrorCode.DF2DATA_INVALID_MEDIA_STATE, where + ": the " + m.type()
                        + " takes no further session (" + m.states() + ", " + m.sessions().size() + " sessions)");
            }
            if (start != m.nextWritableAddress() && !wholeDisc(m)) {
                throw new DiscImageException(ErrorCode.DF2DATA_STREAM_NOT_SUPPORTED, where + ": the image is planned"
                        + " at LBA " + start + " but the disc's next writable address is " + m.nextWritableAddress()
                        + " (plan it with setMultisessionInterfaces(recorder.multisessionInterfaces()))");
            }
            if (sectors > (wholeDisc(m) ? m.totalSectors() : m.freeSectors())) {
                throw new DiscImageException(ErrorCode.DF2DATA_STREAM_TOO_LARGE_FOR_CURRENT_MEDIA, where + ": the "
                        + "image has " + sectors + " blocks, the disc " + m.freeSectors() + " free from LBA " + start);
            }
            if (sectors == 0) {
                throw new DiscImageException(ErrorCode.DF2DATA_STREAM_NOT_SUPPORTED, where + ": the image is empty");
            }
            return s;
        }

        /** Streams the image through the ring; one WRITE(10) per buffer (the last one may be short). */
        private void writeData() throws IOException {
            int perBuffer = BLOCKS_PER_BUFFER;
            checksums = verification == Verification.NONE ? null
                    : new int[(int) ((sectors + perBuffer - 1) / perBuffer)];
            CRC32C crc = new CRC32C();
            ReadableByteChannel in = image.open();
            try (RecorderRing r = new RecorderRing(in, perBuffer * MmcCommand.BLOCK_SIZE, RING_BUFFERS)) {
                ring = r;
                r.start();
                r.awaitPrimed(PRIME_NANOS);
                long lba = start;
                int index = 0;
                for (ByteBuffer b = r.take(); b != null; b = r.take()) {
                    checkCancelled();
                    int blocks = b.remaining() / MmcCommand.BLOCK_SIZE;
                    if (lba + blocks > start + sectors) {
                        throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, "the image stream holds "
                                + "more than its " + sectors + " planned blocks");
                    }
                    if (checksums != null) {
                        crc.reset();
                        crc.update(b.duplicate());
                        checksums[index++] = (int) crc.getValue();
                    }
                    sendWrite(lba, blocks, b);
                    lba += blocks;
                    lastWritten = lba - 1;
                    r.release(b);
                    tick();
                }
                if (lba != start + sectors) {
                    throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, "the image stream ended after "
                            + (lba - start) + " of its " + sectors + " planned blocks");
                }
            } finally {
                ring = null;
            }
        }

        /**
         * WRITE(10), re-sent after a pause while the drive answers 2/04/08 "long write in progress" (its buffer is
         * full; growisofs' reaction, formats.md §6.8). At full speed that answer comes for most WRITEs, so it is
         * recognised from the sense without building an exception.
         */
        private void sendWrite(long lba, int blocks, ByteBuffer data) throws DiscImageException {
            Write10 w = new Write10(lba, blocks);
            byte[] cdb = w.cdb();
            int position = data.position();
            long deadline = System.nanoTime() + w.defaultTimeout().toNanos();
            while (true) {
                ScsiResult r = recorder.transport().execute(cdb, DataDirection.TO_DEVICE, data, w.defaultTimeout());
                if (r.isGood()) {
                    return;
                }
                if (r.status() != ScsiStatus.CHECK_CONDITION || !r.hasSense()) {
                    throw new DiscImageException(ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE, String.format(
                            "device %s: WRITE(10) at LBA %d ended with SCSI status %02Xh", recorder.device(), lba,
                            r.status()));
                }
                SenseData sense = SenseData.decode(r.sense());
                Disposition d = sense.lookup().disposition();
                if (d == Disposition.SUCCESS) {
                    return;
                }
                if (d != Disposition.WAIT_LONG_WRITE_IN_PROGRESS || System.nanoTime() > deadline) {
                    throw new ScsiCommandException(recorder.device(), w, sense);
                }
                data.position(position);
                LockSupport.parkNanos(LONG_WRITE_PAUSE_NANOS);
            }
        }

        /**
         * SYNCHRONIZE CACHE, CLOSE TRACK of the track just written, then CLOSE SESSION (010b: the disc stays
         * appendable on DVD+R/BD-R and, with page 05h's multisession field, on CD/DVD-R) or, when the disc is to
         * be closed, finalise: 101b "finalize with minimal radius" on DVD+R (libburn's default), 110b otherwise
         * (MMC 6.3 close functions; formats.md §6.5).
         */
        private void close(DiscRecorder.State state, boolean pageSet) throws DiscImageException {
            execute(new SynchronizeCache(false));
            execute(new CloseTrackSession(false, CloseFunction.CLOSE_TRACK, state.openTrack()));
            CloseFunction f = CloseFunction.CLOSE_SESSION;
            // with page 05h sent, its multi-session field (00b) makes CLOSE SESSION finalise CD and DVD-R discs
            if (closeDisc && !pageSet) {
                Profile p = state.profile();
                f = p == Profile.DVD_PLUS_R || p == Profile.DVD_PLUS_R_DL ? CloseFunction.FINALIZE_MINIMAL_RADIUS
                        : CloseFunction.FINALIZE_DISC;
            }
            execute(new CloseTrackSession(false, f, 0));
        }

        /**
         * MODE SELECT of the write parameters page 05h where the profile uses it (CD-R/RW: track at once, data
         * mode 1; DVD-R/-RW: incremental, link size 16; libburn's settings, formats.md §6.3), its multi-session
         * field 11b to keep the disc appendable or 00b to finalise it at CLOSE SESSION, BUFE on. A drive that
         * does not know MODE SENSE(10) (5/20/00; the emulated drive, which keeps the disc appendable by the
         * close function alone) is written without it.
         *
         * @return whether the page was sent
         */
        private boolean setWriteParameters(Profile p) throws DiscImageException {
            if (p == null || !p.usesWriteParametersPage()) {
                return false;
            }
            ModeSense10 sense = ModeSense10.writeParameters();
            WriteParametersPage page;
            try {
                page = WriteParametersPage.decode(recorder.fetch(sense));
            } catch (ScsiCommandException e) {
                if (e.sense().key().value() == 5 && e.sense().asc() == 0x20) {
                    return false;
                }
                throw e;
            }
            boolean appendable = !closeDisc;
            WriteParametersPage set = p.number() < 0x10 ? page.forCdTaoData(appendable, true)
                    : page.forDvdMinusRIncremental(appendable, true);
            execute(ModeSelect10.of(set));
            return true;
        }

        /** Reads the session back: every buffer (FULL) or a sample (QUICK), compared by CRC32C with what was sent. */
        private void verify() throws IOException {
            int perBuffer = BLOCKS_PER_BUFFER;
            ByteBuffer back = ByteBuffer.allocateDirect(perBuffer * MmcCommand.BLOCK_SIZE);
            CRC32C crc = new CRC32C();
            for (int i = 0; i < checksums.length; i++) {
                if (verification == Verification.QUICK && i != 0 && i != checksums.length - 1 && i % QUICK_SAMPLE != 0) {
                    continue;
                }
                checkCancelled();
                long lba = start + (long) i * perBuffer;
                int blocks = (int) Math.min(perBuffer, start + sectors - lba);
                back.clear().limit(blocks * MmcCommand.BLOCK_SIZE);
                readBack(lba, blocks, back);
                back.flip();
                crc.reset();
                crc.update(back.duplicate());
                if ((int) crc.getValue() != checksums[i]) {
                    throw mismatch(i, lba, blocks, back);
                }
                lastWritten = lba + blocks - 1;
                tick();
            }
        }

        private void readBack(long lba, int blocks, ByteBuffer into) throws DiscImageException {
            Read10 r = new Read10(lba, blocks);
            try {
                MmcExecutor.execute(recorder.transport(), r, into, r.defaultTimeout());
            } catch (ScsiCommandException e) {
                long bad = lba;
                for (int k = 0; k < blocks; k++) { // find the block that fails to read
                    ByteBuffer one = ByteBuffer.allocate(MmcCommand.BLOCK_SIZE);
                    try {
                        MmcExecutor.execute(recorder.transport(), new Read10(lba + k, 1), one, r.defaultTimeout());
                    } catch (ScsiCommandException e1) {
                        bad = lba + k;
                        break;
                    }
                }
                throw new DiscImageException(ErrorCode.BURN_VERIFICATION_FAILED, recorder.device() + ": LBA " + bad
                        + " of the session written at " + start + " cannot be read back: sense "
                        + e.sense().triple() + " " + e.sense().lookup().message(), e);
            }
        }

        /** Names the first block of buffer {@code index} that differs, re-reading the image up to it. */
        private DiscImageException mismatch(int index, long lba, int blocks, ByteBuffer back) throws IOException {
            ByteBuffer sent = ByteBuffer.allocate(BLOCKS_PER_BUFFER * MmcCommand.BLOCK_SIZE);
            try (ReadableByteChannel in = image.open()) {
                for (int i = 0; i <= index; i++) {
                    sent.clear();
                    while (sent.hasRemaining() && in.read(sent) >= 0) {
                        // the stream is read buffer by buffer, as it was when written
                    }
                }
            }
            sent.flip();
            long bad = lba;
            byte[] a = new byte[MmcCommand.BLOCK_SIZE];
            byte[] b = new byte[MmcCommand.BLOCK_SIZE];
            for (int k = 0; k < blocks; k++) {
                sent.get(k * MmcCommand.BLOCK_SIZE, a);
                back.get(k * MmcCommand.BLOCK_SIZE, b);
                if (!Arrays.equals(a, b)) {
                    bad = lba + k;
                    break;
                }
            }
            return new DiscImageException(ErrorCode.BURN_VERIFICATION_FAILED, recorder.device() + ": LBA " + bad
                    + " read back differs from the block written (CRC32C of blocks " + lba + ".." + (lba + blocks - 1)
                    + " changed) in the session written at " + start);
        }

        /**
         * An image planned at LBA 0 for a blank DVD+RW or BD-RE is recorded there as it is, as growisofs -Z and IMAPI2
         * do: its own volume descriptors at 16 are then the disc's, and no header copy is written (blocks 17..31 may
         * hold its path tables or file data). Later sessions cannot grow such a disc
         * ({@link DriveRandomWrite} refuses a first session at LBA 0, as {@code ImageFileMedium} does without
         * {@code prepare}).
         */
        private boolean wholeDisc(MediaInfo m) {
            return start == 0 && m.is(MediaState.OVERWRITE_ONLY) && m.is(MediaState.BLANK);
        }

        private void execute(MmcCommand c) throws DiscImageException {
            MmcExecutor.execute(recorder.transport(), c);
        }

        /**
         * Locks the tray for the write (PREVENT ALLOW MEDIUM REMOVAL, MMC 6.11 / SPC). A drive that does not
         * know the command (5/20/00: the emulated one, some USB bridges) is written to unlocked: the lock
         * guards against a user's eject, it does not make the session.
         */
        private void lock() throws DiscImageException {
            try {
                execute(new PreventAllowMediumRemoval(true));
            } catch (ScsiCommandException e) {
                if (e.sense().key().value() != 5 || e.sense().asc() != 0x20) {
                    throw e;
                }
            }
        }

        private void unlock() {
            try {
                execute(new PreventAllowMediumRemoval(false));
            } catch (DiscImageException e) {
                // the emulated drive and some bridges refuse it; the tray lock is a courtesy, not the session
            }
        }

        private void checkCancelled() throws DiscImageException {
            if (cancelled) {
                if (action == WriteAction.VERIFYING) {
                    throw new DiscImageException(ErrorCode.REQUEST_CANCELLED, recorder.device() + ": verification "
                            + "cancelled after LBA " + lastWritten + "; the session " + start + ".."
                            + (start + sectors - 1) + " is recorded and closed");
                }
                throw new DiscImageException(ErrorCode.REQUEST_CANCELLED, recorder.device() + ": the write was "
                        + "cancelled after LBA " + lastWritten + " of " + start + ".." + (start + sectors - 1)
                        + "; the session stays open and unrecorded, the earlier sessions remain the disc's newest");
            }
        }

        private void tick() {
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_NANOS) {
                report(action);
            }
        }

        private void report(WriteAction a) {
            action = a;
            long now = System.nanoTime();
            lastReport = now;
            Duration elapsed = Duration.ofNanos(now - began);
            long done = lastWritten - start + 1;
            Duration remaining = done <= 0 || a == WriteAction.COMPLETED ? Duration.ZERO
                    : Duration.ofNanos((long) ((double) (now - began) * (sectors - done) / done));
            RecorderRing r = ring;
            BufferCapacity drive = a == WriteAction.WRITING_DATA ? driveBuffer() : null;
            listener.update(new WriteProgress(a, elapsed, remaining, start, sectors, lastWritten,
                    r == null ? 0 : r.capacity(), r == null ? 0 : r.used(),
                    drive == null ? -1 : drive.totalBytes(), drive == null ? -1 : drive.totalBytes() - drive.freeBytes()));
        }

        /**
         * The drive's buffer while writing, by READ BUFFER CAPACITY (MMC 6.18, block bit 0: bytes), asked between
         * two WRITEs at most every half second; {@code null} when the drive does not answer it, and then it is not
         * asked again during this write (some USB bridges refuse the command).
         */
        private BufferCapacity driveBuffer() {
            if (!askBuffer) {
                return null;
            }
            try {
                return BufferCapacity.decode(recorder.fetch(new ReadBufferCapacity()));
            } catch (DiscImageException e) {
                askBuffer = false;
                return null;
            }
        }
    }
}
