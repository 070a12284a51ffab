package org.discimage.recorder.mmc;

/** SCSI sense keys (SPC; formats.md §6.8). */
public enum SenseKey {
    /** 0. */
    NO_SENSE,
    /** 1: the command succeeded after recovery. */
    RECOVERED_ERROR,
    /** 2. */
    NOT_READY,
    /** 3. */
    MEDIUM_ERROR,
    /** 4. */
    HARDWARE_ERROR,
    /** 5. */
    ILLEGAL_REQUEST,
    /** 6. */
    UNIT_ATTENTION,
    /** 7. */
    DATA_PROTECT,
    /** 8. */
    BLANK_CHECK,
    /** 9. */
    VENDOR_SPECIFIC,
    /** A. */
    COPY_ABORTED,
    /** B. */
    ABORTED_COMMAND,
    /** C (obsolete). */
    EQUAL,
    /** D. */
    VOLUME_OVERFLOW,
    /** E. */
    MISCOMPARE,
    /** F (reserved). */
    RESERVED;

    /** The key of a 4-bit value. */
    public static SenseKey of(int value) {
        return values()[value & 0x0F];
    }

    /** The 4-bit value. */
    public int value() {
        return ordinal();
    }
}
