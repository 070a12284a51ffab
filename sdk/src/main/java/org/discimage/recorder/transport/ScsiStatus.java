package org.discimage.recorder.transport;

/** SCSI status bytes a transport may report (SAM; only the ones an MMC drive uses). */
public final class ScsiStatus {
    /** GOOD. */
    public static final int GOOD = 0x00;
    /** CHECK CONDITION: sense data describes the failure. */
    public static final int CHECK_CONDITION = 0x02;
    /** BUSY. */
    public static final int BUSY = 0x08;
    /** RESERVATION CONFLICT. */
    public static final int RESERVATION_CONFLICT = 0x18;

    private ScsiStatus() {
    }
}
