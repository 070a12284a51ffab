package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * READ(10) (28h): {@code blocks} 2048-byte blocks from {@code lba}. CDB [2..5] LBA, [7..8] transfer length in
 * blocks.
 *
 * @param lba    first logical block (0 .. 2^32−1)
 * @param blocks 1 .. 65535
 */
public record Read10(long lba, int blocks) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x28;
    /** Reads may take long on a damaged medium (the drive retries internally). */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** Validates the fields. */
    public Read10 {
        Bytes.checkRange("LBA", lba, 0, 0xFFFF_FFFFL);
        Bytes.checkRange("blocks", blocks, 1, 0xFFFF);
        Bytes.checkRange("bytes", (long) blocks * BLOCK_SIZE, 1, Integer.MAX_VALUE);
    }

    @Override public String name() { return "READ(10)"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        Bytes.put32(c, 2, lba);
        Bytes.put16(c, 7, blocks);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return blocks * BLOCK_SIZE; }
    @Override public Duration defaultTimeout() { return TIMEOUT; }
}
