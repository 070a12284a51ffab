package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * REQUEST SENSE (03h, 6 bytes): the sense data of the last command, or the progress of a format/blank in
 * bytes 16..17. CDB [1] bit0 DESC (descriptor format), [4] allocation length.
 *
 * @param descriptorFormat ask for descriptor-format sense (72h) instead of fixed format (70h)
 * @param allocationLength 18 (fixed format) .. 252
 */
public record RequestSense(boolean descriptorFormat, int allocationLength) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x03;

    /** Validates the allocation length. */
    public RequestSense {
        Bytes.checkRange("allocation length", allocationLength, 1, 252);
    }

    /** Fixed-format sense, 18 bytes. */
    public RequestSense() {
        this(false, 18);
    }

    @Override public String name() { return "REQUEST SENSE"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[6];
        c[0] = OPCODE;
        c[1] = (byte) (descriptorFormat ? 1 : 0);
        c[4] = (byte) allocationLength;
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return allocationLength; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
