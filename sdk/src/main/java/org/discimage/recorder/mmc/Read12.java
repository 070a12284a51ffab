package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * READ(12) (A8h): CDB [2..5] LBA, [6..9] transfer length in blocks, [10] bit7 Streaming (real-time
 * stream: no error recovery delays on DVD-RAM/BD-RE).
 *
 * @param lba       first logical block
 * @param blocks    1 .. 1048575 (the data phase must fit an int)
 * @param streaming set the Streaming bit
 */
public record Read12(long lba, int blocks, boolean streaming) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0xA8;

    /** Validates the fields. */
    public Read12 {
        Bytes.checkRange("LBA", lba, 0, 0xFFFF_FFFFL);
        Bytes.checkRange("blocks", blocks, 1, Integer.MAX_VALUE / BLOCK_SIZE);
    }

    @Override public String name() { return "READ(12)"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[12];
        c[0] = (byte) OPCODE;
        Bytes.put32(c, 2, lba);
        Bytes.put32(c, 6, blocks);
        c[10] = (byte) (streaming ? 0x80 : 0);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return blocks * BLOCK_SIZE; }
    @Override public Duration defaultTimeout() { return Read10.TIMEOUT; }
}
