package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * FORMAT UNIT (04h, 6 bytes) with a 12-byte parameter list (formats.md §6.3): CDB [1] = 11h (FmtData = 1,
 * format code 001b); list header [1] bit1 Immed, [2..3] descriptor length 8; descriptor [4..7] number of
 * blocks, [8] format type &lt;&lt; 2 | subtype, [9..11] type dependent parameter.
 *
 * @param immediate             Immed in the list header: answer at once, progress via REQUEST SENSE
 * @param blocks                number of blocks (FFFFFFFFh = the maximum)
 * @param formatType            0..3Fh
 * @param subtype               0..3
 * @param typeDependentParameter 24-bit field, e.g. the block length or spare size copied from READ FORMAT
 *                              CAPACITIES
 */
public record FormatUnit(boolean immediate, long blocks, int formatType, int subtype, int typeDependentParameter)
        implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x04;
    /** DVD+RW: full format, 26h. */
    public static final int TYPE_DVD_PLUS_RW = 0x26;
    /** BD-RE: with spare areas, 30h. */
    public static final int TYPE_BD_RE_WITH_SPARE = 0x30;
    /** BD-RE: without spare areas (no defect management, full speed), 31h. */
    public static final int TYPE_BD_RE_WITHOUT_SPARE = 0x31;
    /** Length of the parameter list. */
    static final int LIST_LENGTH = 12;

    /** Validates the fields. */
    public FormatUnit {
        Bytes.checkRange("blocks", blocks, 0, 0xFFFF_FFFFL);
        Bytes.checkRange("format type", formatType, 0, 0x3F);
        Bytes.checkRange("subtype", subtype, 0, 3);
        Bytes.checkRange("type dependent parameter", typeDependentParameter, 0, 0xFF_FFFF);
    }

    /**
     * DVD+RW "de-icing": type 26h, FFFFFFFFh blocks; the drive formats in the background and writing may
     * start right away (stop with CLOSE function 000b).
     */
    public static FormatUnit dvdPlusRw() {
        return new FormatUnit(true, 0xFFFF_FFFFL, TYPE_DVD_PLUS_RW, 0, 0);
    }

    /**
     * BD-RE: a descriptor copied from READ FORMAT CAPACITIES (type 30h with spare areas, subtype 10b full /
     * 11b quick certification; 31h without spare areas; 00h default).
     */
    public static FormatUnit bdRe(long blocks, int formatType, int subtype, int typeDependentParameter) {
        return new FormatUnit(true, blocks, formatType, subtype, typeDependentParameter);
    }

    @Override public String name() { return "FORMAT UNIT"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[6];
        c[0] = OPCODE;
        c[1] = 0x11;
        return c;
    }

    @Override
    public byte[] parameterList() {
        byte[] p = new byte[LIST_LENGTH];
        p[1] = (byte) (immediate ? 0x02 : 0);
        Bytes.put16(p, 2, 8);
        Bytes.put32(p, 4, blocks);
        p[8] = (byte) ((formatType << 2) | subtype);
        Bytes.put24(p, 9, typeDependentParameter);
        return p;
    }

    @Override public DataDirection direction() { return DataDirection.TO_DEVICE; }
    @Override public int transferLength() { return LIST_LENGTH; }
    @Override public Duration defaultTimeout() { return FORMAT_TIMEOUT; }
}
