package org.discimage.recorder.mmc;

/** What a caller should do after a command ended with sense data (formats.md §6.8, "driver reaction"). */
public enum Disposition {
    /** The command succeeded (no sense, or recovered error). */
    SUCCESS,
    /** Retry the same command shortly; give up after a few seconds (2/04/00, 2/04/07 on a second CLOSE, aborted). */
    RETRY,
    /** The drive is spinning up or loading (2/04/01): wait and retry. */
    NOT_READY_BECOMING_READY,
    /** A format, blank, sync or close runs (2/04/04, 2/04/07): poll TEST UNIT READY until it ends. */
    WAIT_OPERATION_IN_PROGRESS,
    /**
     * The drive's buffer is full (2/04/08 long write in progress): re-issue the same WRITE after a short
     * sleep; give up only after hundreds of tries (growisofs).
     */
    WAIT_LONG_WRITE_IN_PROGRESS,
    /** The medium may have changed or the drive was reset (6/28, 6/29): re-read the disc state, re-send page 05h. */
    REINITIALIZE,
    /** No medium in the drive (2/3A/xx). */
    NO_MEDIUM,
    /** The NWA used was wrong (5/21/02): read it again. */
    REREAD_NWA,
    /** A medium error while writing or reading: fatal for the session. */
    MEDIUM_ERROR,
    /** Fail the operation. */
    FAIL
}
