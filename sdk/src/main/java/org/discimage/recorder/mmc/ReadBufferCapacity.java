package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * READ BUFFER CAPACITY (5Ch, 10 bytes): the drive buffer's size and free bytes (formats.md §6.2), which
 * growisofs reads to pace its WRITEs while the drive answers 2/04/08. CDB [1] bit0 Block = 0 (bytes), [7..8]
 * allocation length 12; reply decoded by {@link BufferCapacity}.
 */
public record ReadBufferCapacity() implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x5C;

    @Override public String name() { return "READ BUFFER CAPACITY"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        Bytes.put16(c, 7, BufferCapacity.LENGTH);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return BufferCapacity.LENGTH; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
