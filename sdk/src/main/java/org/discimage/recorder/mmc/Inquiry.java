package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * INQUIRY (12h, 6 bytes): standard inquiry data (device type, vendor, product, revision); reply decoded by
 * {@link InquiryData}. CDB [3..4] allocation length (SPC-3 widened it to two bytes; 36 fits either).
 *
 * @param allocationLength 36 .. 65535
 */
public record Inquiry(int allocationLength) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x12;

    /** Validates the allocation length. */
    public Inquiry {
        Bytes.checkRange("allocation length", allocationLength, InquiryData.MINIMUM_LENGTH, 0xFFFF);
    }

    /** The 36 bytes of standard inquiry data. */
    public Inquiry() {
        this(InquiryData.MINIMUM_LENGTH);
    }

    @Override public String name() { return "INQUIRY"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[6];
        c[0] = OPCODE;
        Bytes.put16(c, 3, allocationLength);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return allocationLength; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
