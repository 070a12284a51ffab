package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * MODE SENSE(10) (5Ah, 10 bytes): a mode page behind the 8-byte mode parameter header; the write
 * parameters page 05h is decoded by {@link WriteParametersPage}. CDB [1] bit3 DBD, [2] bits7-6 page
 * control, bits5-0 page code, [7..8] allocation length.
 *
 * @param disableBlockDescriptors DBD: no block descriptors between header and page
 * @param pageControl             current, changeable, default or saved values
 * @param pageCode                0..3Fh
 * @param allocationLength        8 .. 65535
 */
public record ModeSense10(boolean disableBlockDescriptors, PageControl pageControl, int pageCode,
        int allocationLength) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x5A;

    /** Page control ([2] bits 7-6). */
    public enum PageControl {
        /** 00b current values. */
        CURRENT,
        /** 01b changeable values (a mask). */
        CHANGEABLE,
        /** 10b default values. */
        DEFAULT,
        /** 11b saved values. */
        SAVED
    }

    /** Validates the fields. */
    public ModeSense10 {
        Objects.requireNonNull(pageControl, "pageControl");
        Bytes.checkRange("page code", pageCode, 0, 0x3F);
        Bytes.checkRange("allocation length", allocationLength, WriteParametersPage.HEADER_LENGTH, 0xFFFF);
    }

    /** The current write parameters page 05h (header + up to 0xFF page bytes). */
    public static ModeSense10 writeParameters() {
        return new ModeSense10(true, PageControl.CURRENT, WriteParametersPage.PAGE_CODE, 8 + 2 + 0xFF);
    }

    @Override public String name() { return "MODE SENSE(10)"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        c[1] = (byte) (disableBlockDescriptors ? 0x08 : 0);
        c[2] = (byte) ((pageControl.ordinal() << 6) | pageCode);
        Bytes.put16(c, 7, allocationLength);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return allocationLength; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
