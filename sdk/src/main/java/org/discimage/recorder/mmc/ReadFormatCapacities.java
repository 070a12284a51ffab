package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * READ FORMAT CAPACITIES (23h, 10 bytes): the current capacity and the formats FORMAT UNIT accepts
 * (formats.md §6.3). CDB [7..8] allocation length; reply decoded by {@link FormatCapacities}.
 *
 * @param allocationLength 12 .. 65535 (4 + 8 per descriptor)
 */
public record ReadFormatCapacities(int allocationLength) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x23;

    /** Validates the length. */
    public ReadFormatCapacities {
        Bytes.checkRange("allocation length", allocationLength, 12, 0xFFFF);
    }

    /** Room for the current descriptor and 31 formattable ones (the list length is one byte: at most 255/8). */
    public static ReadFormatCapacities all() {
        return new ReadFormatCapacities(4 + 8 * 32);
    }

    @Override public String name() { return "READ FORMAT CAPACITIES"; }
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
