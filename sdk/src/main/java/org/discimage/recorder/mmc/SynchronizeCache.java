package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * SYNCHRONIZE CACHE (35h, 10 bytes): write the drive's buffer to the medium. CDB [1] bit1 Immed, [2..5] LBA
 * 0 and [7..8] 0 = everything. With Immed the drive answers at once and TEST UNIT READY reports 2/04/07
 * until done; without it the command itself may take minutes ({@link #LONG_TIMEOUT}).
 *
 * @param immediate set Immed
 */
public record SynchronizeCache(boolean immediate) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x35;

    @Override public String name() { return "SYNCHRONIZE CACHE"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        c[1] = (byte) (immediate ? 0x02 : 0);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.NONE; }
    @Override public int transferLength() { return 0; }
    @Override public Duration defaultTimeout() { return LONG_TIMEOUT; }
}
