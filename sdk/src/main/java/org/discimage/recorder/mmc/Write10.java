package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * WRITE(10) (2Ah): {@code blocks} 2048-byte blocks at {@code lba} (on sequential media: the NWA). CDB [2..5]
 * LBA, [7..8] transfer length in blocks; data = blocks × 2048.
 *
 * @param lba    first logical block
 * @param blocks 1 .. 65535
 */
public record Write10(long lba, int blocks) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x2A;
    /** A write may wait for laser calibration (OPC) or a full buffer to drain. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** Validates the fields. */
    public Write10 {
        Bytes.checkRange("LBA", lba, 0, 0xFFFF_FFFFL);
        Bytes.checkRange("blocks", blocks, 1, 0xFFFF);
    }

    @Override public String name() { return "WRITE(10)"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        Bytes.put32(c, 2, lba);
        Bytes.put16(c, 7, blocks);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.TO_DEVICE; }
    @Override public int transferLength() { return blocks * BLOCK_SIZE; }
    @Override public Duration defaultTimeout() { return TIMEOUT; }
}
