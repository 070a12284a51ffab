package org.discimage.recorder;

import java.time.Duration;
import java.util.Objects;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.recorder.mmc.Blank;
import org.discimage.recorder.mmc.Disposition;
import org.discimage.recorder.mmc.FormatUnit;
import org.discimage.recorder.mmc.MmcCommand;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.Profile;
import org.discimage.recorder.mmc.ScsiCommandException;
import org.discimage.recorder.mmc.TestUnitReady;

/**
 * Erases rewritable media (IMAPI2 IDiscFormat2Erase): BLANK on CD-RW and DVD-RW (MMC 6.2; minimal = PMA, TOC
 * and the first lead-in, full = the whole disc), FORMAT UNIT on DVD+RW (format type 26h) and BD-RE (type 30h,
 * subtype 10b full / 11b quick certification; MMC 6.5). The command is sent with Immed and the drive polled by
 * TEST UNIT READY until it is ready again, its progress indication feeding the listener. Write-once media are
 * refused with ERASE_MEDIA_IS_NOT_ERASABLE.
 */
public final class Eraser {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration LIMIT = Duration.ofHours(1);

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
     * @throws DiscImageException RECORDER_MEDIA_NO_MEDIA without a disc; ERASE_MEDIA_IS_NOT_ERASABLE on
     *         write-once media; ERASE_MEDIA_IS_NOT_SUPPORTED on media it does not know how to erase;
     *         ERASE_DRIVE_FAILED_ERASE_COMMAND when the drive refuses BLANK / FORMAT UNIT;
     *         ERASE_TOOK_LONGER_THAN_ONE_HOUR when the drive is still busy after an hour
     */
    public void erase() throws DiscImageException {
        DiscRecorder.State s = recorder.state();
        if (s.info().is(MediaState.NO_MEDIA)) {
            throw new DiscImageException(ErrorCode.RECORDER_MEDIA_NO_MEDIA, recorder.device() + ": no disc to erase");
        }
        MmcCommand command = command(s.profile(), s.info());
        long began = System.nanoTime();
        try {
            MmcExecutor.execute(recorder.transport(), command);
        } catch (ScsiCommandException e) {
            throw new DiscImageException(ErrorCode.ERASE_DRIVE_FAILED_ERASE_COMMAND, recorder.device() + ": "
                    + command.name() + " was refused: sense " + e.sense().triple() + " " + e.sense().lookup().message(),
                    e);
        }
        listener.update(Duration.ofNanos(System.nanoTime() - began), Duration.ZERO);
        waitUntilReady(began, command);
    }

    private MmcCommand command(Profile p, MediaInfo m) throws DiscImageException {
        if (p == null) {
            throw new DiscImageException(ErrorCode.ERASE_MEDIA_IS_NOT_SUPPORTED, recorder.device()
                    + ": the eraser does not know the medium " + m.type());
        }
        return switch (p) {
            case CD_RW, DVD_RW_SEQUENTIAL, DVD_RW_RESTRICTED_OVERWRITE ->
                    new Blank(true, fullErase ? Blank.BlankingType.FULL : Blank.BlankingType.MINIMAL, 0);
            case DVD_PLUS_RW, DVD_PLUS_RW_DL -> FormatUnit.dvdPlusRw();
            // [unconfirmed] the block count and spare size belong from READ FORMAT CAPACITIES (not sent yet):
            // FFFFFFFFh asks for the maximum, parameter 0 for the default spare
            case BD_RE -> FormatUnit.bdRe(0xFFFF_FFFFL, FormatUnit.TYPE_BD_RE_WITH_SPARE, fullErase ? 2 : 3, 0);
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
