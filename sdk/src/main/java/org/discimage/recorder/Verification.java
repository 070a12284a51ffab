package org.discimage.recorder;

/** How much of a written session is read back and compared (IMAPI2 {@code IMAPI_BURN_VERIFICATION_LEVEL}). */
public enum Verification {
    /** No read-back. */
    NONE,
    /** The first and last write buffers and a deterministic sample of the others (every 64th). */
    QUICK,
    /** Every block. */
    FULL
}
