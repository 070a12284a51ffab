package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/** TEST UNIT READY (00h, 6 bytes, no data): is a medium loaded and the drive ready? Polled after Immed commands. */
public record TestUnitReady() implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x00;

    @Override public String name() { return "TEST UNIT READY"; }
    @Override public int opcode() { return OPCODE; }
    @Override public byte[] cdb() { return new byte[6]; }
    @Override public DataDirection direction() { return DataDirection.NONE; }
    @Override public int transferLength() { return 0; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
