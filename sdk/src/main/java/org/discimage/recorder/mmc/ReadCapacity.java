package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * READ CAPACITY (25h, 10 bytes, all zero but the opcode): last LBA and block length; reply decoded by
 * {@link CapacityData}. Not trustworthy on CD-R/RW (libburn ignores it there).
 */
public record ReadCapacity() implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x25;

    @Override public String name() { return "READ CAPACITY"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return CapacityData.LENGTH; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
