package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * WRITE(12) (AAh): CDB [2..5] LBA, [6..9] transfer length in blocks, [10] bit7 Streaming (bypasses the
 * DVD-RAM/BD-RE verify-after-write; use 32/64 KiB writes).
 *
 * @param lba       first logical block
 * @param blocks    1 .. 1048575
 * @param streaming set the Streaming bit
 */
public record Write12(long lba, int blocks, boolean streaming) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0xAA;

    /** Validates the fields. */
    public Write12 {
        Bytes.checkRange("LBA", lba, 0, 0xFFFF_FFFFL);
        Bytes.checkRange("blocks", blocks, 1, Integer.MAX_VALUE / BLOCK_SIZE);
    }

    @Override public String name() { return "WRITE(12)"; }
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

    @Override public DataDirection direction() { return DataDirection.TO_DEVICE; }
    @Override public int transferLength() { return blocks * BLOCK_SIZE; }
    @Override public Duration defaultTimeout() { return Write10.TIMEOUT; }
}
