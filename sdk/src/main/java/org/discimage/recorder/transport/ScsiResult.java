package org.discimage.recorder.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * What a transport saw for one command: the SCSI status byte, the sense bytes the drive returned (empty
 * when none), the residual (bytes of the data phase not transferred) and the time the command took.
 *
 * @param status   SCSI status ({@link ScsiStatus#GOOD}, {@link ScsiStatus#CHECK_CONDITION}, ...)
 * @param sense    the sense bytes written by the drive (a copy; empty without CHECK CONDITION)
 * @param residual requested transfer length minus the bytes actually transferred
 * @param duration how long the command took (as reported by the OS where it reports it)
 */
public record ScsiResult(int status, byte[] sense, int residual, Duration duration) {
    /** Validates and copies the sense bytes. */
    public ScsiResult {
        if (status < 0 || status > 0xFF) {
            throw new IllegalArgumentException("status " + status);
        }
        sense = Objects.requireNonNull(sense, "sense").clone();
        Objects.requireNonNull(duration, "duration");
    }

    /** The sense bytes (a copy). */
    @Override
    public byte[] sense() {
        return sense.clone();
    }

    /** True when the status is GOOD. */
    public boolean isGood() {
        return status == ScsiStatus.GOOD;
    }

    /** True when the drive returned sense data. */
    public boolean hasSense() {
        return sense.length > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScsiResult r && r.status == status && r.residual == residual
                && r.duration.equals(duration) && java.util.Arrays.equals(r.sense, sense);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, residual, duration) * 31 + java.util.Arrays.hashCode(sense);
    }

    @Override
    public String toString() {
        return String.format("ScsiResult[status %02Xh, sense %s, residual %d, %d ms]", status,
                java.util.HexFormat.of().formatHex(sense), residual, duration.toMillis());
    }
}
