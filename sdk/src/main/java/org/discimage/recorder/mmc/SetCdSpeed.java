package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * SET CD SPEED (BBh, 12 bytes): CD read/write speed in kB/s of 1000 bytes (1× CD = 176.4, FFFFh = maximum).
 * CDB [1] bits1-0 rotational control (00b CLV), [2..3] read speed, [4..5] write speed.
 *
 * @param readSpeed  kB/s, 0..FFFFh
 * @param writeSpeed kB/s, 0..FFFFh
 */
public record SetCdSpeed(int readSpeed, int writeSpeed) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0xBB;
    /** "As fast as possible". */
    public static final int MAXIMUM = 0xFFFF;

    /** Validates the fields. */
    public SetCdSpeed {
        Bytes.checkRange("read speed", readSpeed, 0, 0xFFFF);
        Bytes.checkRange("write speed", writeSpeed, 0, 0xFFFF);
    }

    @Override public String name() { return "SET CD SPEED"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[12];
        c[0] = (byte) OPCODE;
        Bytes.put16(c, 2, readSpeed);
        Bytes.put16(c, 4, writeSpeed);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.NONE; }
    @Override public int transferLength() { return 0; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
