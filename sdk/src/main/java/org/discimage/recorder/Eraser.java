package org.discimage.recorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.media.grow.GrownSessions;
import org.discimage.media.grow.RandomAccessBlocks;
import org.discimage.recorder.mmc.Blank;
import org.discimage.recorder.mmc.Disposition;
import org.discimage.recorder.mmc.MmcCommand;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.Profile;
import org.discimage.recorder.mmc.ScsiCommandException;
import org.discimage.recorder.mmc.TestUnitReady;

/**
 * Erases rewritable media (IMAPI2 IDiscFormat2Erase).
 * <ul>
 * <li>CD-RW and DVD-RW: BLANK (MMC 6.2; minimal = PMA, TOC and the first lead-in, full = the whole disc);</li>
 * <li>DVD+RW and BD-RE, which have no blank state once formatted: a quick erase formats an unformatted disc and
 * writes zeros over the 64 KiB header (LBA 0..31) and the UDF anchor copy's cluster (256..287), after which
 * every reader and {@link DiscRecorder#media()} see a blank disc (this is what {@code xorriso -blank fast}
 * does on overwritable media: it invalidates the header); a full erase formats the disc (DVD+RW type 26h,
 * BD-RE 30h with full certification, MMC 6.5) and then writes zeros over every formatted block, so nothing
 * earlier can be read back.</li>
 * </ul>
 * BLANK and FORMAT UNIT are sent with Immed and the drive polled by TEST UNIT READY until it is ready again,
 * its progress indication feeding the listener; the zeroing reports its own progress. Write-once media are
 * refused with ERASE_MEDIA_IS_NOT_ERASABLE.
 */
public final class Eraser {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration LIMIT = Duration.ofHours(1);
    /** Blocks per zeroing WRITE: 64 KiB, whole DVD ECC blocks and BD clusters. */
    private static final int ZERO_BLOCKS = 32;
    /** The end of the cluster holding the UDF anchor copy at 256 (256..287). */
    private static final long UDF_ANCHOR_UNIT_END = GrownSessions.UDF_ANCHOR + ZERO_BLOCKS;

    private final DiscRecorder recorder;
    private boolean fullErase;
    private EraseProgressListener listener = EraseProgressListener.NONE;

    /** An eraser for the disc in {@code recorder}. */
    public Eraser(DiscRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /** Overwrite the whole medium (true) or only what makes it read blank (false, the default; IMAPI2 FullErase). */
    public void setFullErase(boolean full) {
        this.fullErase = full;
    }

    /** Whether the erase is full. */
    public boolean fullErase() {
        return fullErase;
    }

    /** Receives the progress; {@code null} for none. */
    public void setProgressListener(EraseProgressListener listener) {
        this.listener = listener == null ? EraseProgressListener.NONE : listener;
    }

    /**
     * Erases the disc, synchronously.
     *
     * @throws DiscImageException RECORDER_MEDIA_NO_MEDIA without a disc; RECORDER_MEDIA_WRITE_PROTECTED when the
     *         drive answers 7/27/00; ERASE_MEDIA_IS_NOT_ERASABLE on
     *         write-once media; ERASE_MEDIA_IS_NOT_SUPPORTED on media it does not know how to erase;
     *         ERASE_DRIVE_FAILED_ERASE_COMMAND when the drive refuses BLANK / FORMAT UNIT;
     *         ERASE_TOOK_LONGER_THAN_ONE_HOUR when the drive is still busy after an hour
     */
    public void erase() throws DiscImageException {
        DiscRecorder.State s = recorder.state();
        if (s.info().is(MediaState.NO_MEDIA)) {
            throw new DiscImageException(ErrorCode.RECORDER_MEDIA_NO_MEDIA, recorder.device() + ": no disc to erase");
        }
        if (OverwritableDisc.handles(s.profile())) {
            eraseOverwritable(s.profile());
            return;
        }
        MmcCommand command = command(s.profile(), s.info());
        long began = System.nanoTime();
        send(command, began);
    }

    /**
     * Sends BLANK or FORMAT UNIT and waits for the drive to finish.
     *
     * @throws DiscImageException ERASE_DRIVE_FAILED_ERASE_COMMAND when the drive refuses it
     */
    private void send(MmcCommand command, long began) throws DiscImageException {
        try {
            MmcExecutor.execute(recorder.transport(), command);
        } catch (ScsiCommandException e) {
            if (e.sense().key().value() == 7) { // DATA PROTECT 7/27/00: the disc's state, not a drive failure
                recorder.noteWriteProtected();
                throw new DiscImageException(ErrorCode.RECORDER_MEDIA_WRITE_PROTECTED, recorder.device() + ": "
                        + command.name() + " was refused: sense " + e.sense().triple() + " "
                        + e.sense().lookup().message(), e);
            }
            throw new DiscImageException(ErrorCode.ERASE_DRIVE_FAILED_ERASE_COMMAND, recorder.device() + ": "
                    + command.name() + " was refused: sense " + e.sense().triple() + " " + e.sense().lookup().message(),
                    e);
        }
        listener.update(Duration.ofNanos(System.nanoTime() - began), Duration.ZERO);
        waitUntilReady(began, command);
    }

    /**
     * Formats the DVD+RW or BD-RE in the drive (quick or full certification on BD-RE) and waits until the drive
     * is ready: for {@link DataWriter} on an unformatted disc and for the erase.
     */
    void format(Profile p, boolean full) throws DiscImageException {
        send(OverwritableDisc.formatCommand(recorder, p, full), System.nanoTime());
    }

    /** DVD+RW / BD-RE: format as needed (quick) or always (full), then zeros over the header or the whole disc. */
    private void eraseOverwritable(Profile p) throws DiscImageException {
        long began = System.nanoTime();
        if (fullErase || OverwritableDisc.needsFormat(recorder)) {
            format(p, fullErase);
        }
        DiscRecorder.State s = recorder.state();
        DriveBlocks blocks = OverwritableDisc.blocks(recorder, s);
        long capacity = s.info().totalSectors();
        ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_BLOCKS * RandomAccessBlocks.BLOCK);
        try {
            if (fullErase) {
                long last = System.nanoTime();
                for (long lba = 0; lba < capacity; lba += ZERO_BLOCKS) {
                    int n = (int) Math.min(ZERO_BLOCKS, capacity - lba);
                    blocks.write(lba, zeros.clear().limit(n * RandomAccessBlocks.BLOCK));
                    long now = System.nanoTime();
                    if (now - last >= POLL.toNanos()) {
                        last = now;
                        Duration elapsed = Duration.ofNanos(now - began);
                        listener.update(elapsed, Duration.ofNanos((long) (elapsed.toNanos() * (double) capacity
                                / (lba + n))));
                    }
                }
            } else {
                // the header makes the disc an ISO 9660 volume for every reader; block 256 (a grown bridge's
                // anchor copy, ECMA-167 3/10.2) a UDF volume: both go, whole clusters on BD-RE
                blocks.write(0, zeros.clear().limit(Math.min(32, (int) capacity) * RandomAccessBlocks.BLOCK));
                if (capacity >= UDF_ANCHOR_UNIT_END) {
                    blocks.write(GrownSessions.UDF_ANCHOR, zeros.clear());
                }
            }
            blocks.force();
        } catch (DiscImageException e) {
            throw new DiscImageException(ErrorCode.ERASE_DRIVE_FAILED_ERASE_COMMAND, recorder.device()
                    + ": zeroing the " + p.displayName() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.ERASE_DRIVE_FAILED_ERASE_COMMAND, recorder.device()
                    + ": zeroing the " + p.displayName() + " failed: " + e, e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        listener.update(elapsed, elapsed);
    }

    private MmcCommand command(Profile p, MediaInfo m) throws DiscImageException {
        if (p == null) {
            throw new DiscImageException(ErrorCode.ERASE_MEDIA_IS_NOT_SUPPORTED, recorder.device()
                    + ": the eraser does not know the medium " + m.type());
        }
        return switch (p) {
            case CD_RW, DVD_RW_SEQUENTIAL, DVD_RW_RESTRICTED_OVERWRITE ->
                    new Blank(true, fullErase ? Blank.BlankingType.FULL : Blank.BlankingType.MINIMAL, 0);
            case CD_R, DVD_R_SEQUENTIAL, DVD_R_DL_SEQUENTIAL, DVD_R_DL_LAYER_JUMP, DVD_PLUS_R, DVD_PLUS_R_DL,
                    BD_R_SRM, BD_R_RRM, HD_DVD_R -> throw new DiscImageException(ErrorCode.ERASE_MEDIA_IS_NOT_ERASABLE,
                    recorder.device() + ": a " + p.displayName() + " is write-once and cannot be erased");
            default -> throw new DiscImageException(ErrorCode.ERASE_MEDIA_IS_NOT_SUPPORTED, recorder.device()
                    + ": the eraser does not handle " + p.displayName());
        };
    }

    /** Polls TEST UNIT READY while the drive answers "operation in progress" (2/04/04, 2/04/07). */
    private void waitUntilReady(long began, MmcCommand command) throws DiscImageException {
        while (true) {
            try {
                MmcExecutor.execute(recorder.transport(), new TestUnitReady());
                return;
            } catch (ScsiCommandException e) {
                Disposition d = e.disposition();
                if (d != Disposition.WAIT_OPERATION_IN_PROGRESS && d != Disposition.RETRY
                        && d != Disposition.NOT_READY_BECOMING_READY) {
                    throw new DiscImageException(ErrorCode.ERASE_DRIVE_FAILED_ERASE_COMMAND, recorder.device()
                            + ": " + command.name() + " ended with sense " + e.sense().triple() + " "
                            + e.sense().lookup().message(), e);
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
                if (elapsed.compareTo(LIMIT) > 0) {
                    throw new DiscImageException(ErrorCode.ERASE_TOOK_LONGER_THAN_ONE_HOUR, recorder.device() + ": "
                            + command.name() + " still runs after " + elapsed.toMinutes() + " minutes");
                }
                int progress = e.sense().progress().orElse(0);
                Duration total = progress <= 0 ? Duration.ZERO
                        : Duration.ofNanos((long) (elapsed.toNanos() * 65536.0 / progress));
                listener.update(elapsed, total);
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new DiscImageException(ErrorCode.REQUEST_CANCELLED, recorder.device()
                            + ": interrupted waiting for " + command.name() + "; the drive goes on", ie);
                }
            }
        }
    }
}
