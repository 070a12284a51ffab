package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * MODE SELECT(10) (55h, 10 bytes): sends a mode parameter list (8-byte header, all zero, then the page).
 * CDB [1] = 10h (PF = 1, SP = 0: page format, not saved), [7..8] parameter list length.
 *
 * @param parameterList the header and the page; built from a page by {@link #of(WriteParametersPage)}
 */
public record ModeSelect10(byte[] parameterList) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x55;

    /** Validates and copies the list. */
    public ModeSelect10 {
        Objects.requireNonNull(parameterList, "parameterList");
        Bytes.checkRange("parameter list length", parameterList.length, WriteParametersPage.HEADER_LENGTH + 2,
                0xFFFF);
        parameterList = parameterList.clone();
    }

    /** MODE SELECT of a write parameters page (send it only for CD and DVD-R/-RW sequential, formats.md §6.3). */
    public static ModeSelect10 of(WriteParametersPage page) {
        return new ModeSelect10(page.toModeSelectParameterList());
    }

    @Override public String name() { return "MODE SELECT(10)"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        c[1] = 0x10;
        Bytes.put16(c, 7, parameterList.length);
        return c;
    }

    @Override public byte[] parameterList() { return parameterList.clone(); }
    @Override public DataDirection direction() { return DataDirection.TO_DEVICE; }
    @Override public int transferLength() { return parameterList.length; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModeSelect10 m && java.util.Arrays.equals(parameterList, m.parameterList);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(parameterList);
    }

    @Override
    public String toString() {
        return "ModeSelect10[" + parameterList.length + " bytes]";
    }
}
