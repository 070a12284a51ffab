package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * READ DISC INFORMATION (51h, 10 bytes), standard disc information (data type 000b); reply decoded by
 * {@link DiscInformation}. CDB [1] bits2-0 data type, [7..8] allocation length.
 *
 * @param allocationLength 34 .. 65535 (more to get the OPC table entries)
 */
public record ReadDiscInformation(int allocationLength) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x51;

    /** Validates the allocation length. */
    public ReadDiscInformation {
        Bytes.checkRange("allocation length", allocationLength, DiscInformation.LENGTH, 0xFFFF);
    }

    /** The 34 bytes of standard disc information. */
    public ReadDiscInformation() {
        this(DiscInformation.LENGTH);
    }

    @Override public String name() { return "READ DISC INFORMATION"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        Bytes.put16(c, 7, allocationLength);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return allocationLength; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
