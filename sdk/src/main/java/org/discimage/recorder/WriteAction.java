package org.discimage.recorder;

/** The phase of a {@link DataWriter#write} (IMAPI2 {@code IMAPI_FORMAT2_DATA_WRITE_ACTION}, same order). */
public enum WriteAction {
    /** Reading the disc state and checking the image against it. */
    VALIDATING_MEDIA,
    /** Formatting rewritable media before the write (not needed on write-once media). */
    FORMATTING_MEDIA,
    /** Locking the tray and setting the speed. */
    INITIALIZING_HARDWARE,
    /** Optimum power calibration (done by the drive at the first WRITE on write-once media). */
    CALIBRATING_POWER,
    /** Sending the image with WRITE(10). */
    WRITING_DATA,
    /** SYNCHRONIZE CACHE, CLOSE TRACK and CLOSE SESSION (or finalising the disc). */
    FINALIZATION,
    /** Done. */
    COMPLETED,
    /** Reading the session back and comparing checksums. */
    VERIFYING
}
