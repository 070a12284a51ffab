package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * BLANK (A1h, 12 bytes): erase a CD-RW or DVD-RW. CDB [1] bit4 Immed, bits2-0 blanking type; [2..5] start
 * address (for track blanking; 0 otherwise). With Immed poll TEST UNIT READY / REQUEST SENSE (progress in
 * sense bytes 16..17); without it a full blank may take an hour ({@link #FORMAT_TIMEOUT}).
 *
 * @param immediate set Immed
 * @param type      FULL or MINIMAL
 * @param start     start address / track number
 */
public record Blank(boolean immediate, BlankingType type, long start) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0xA1;

    /** Blanking type ([1] bits 2-0). */
    public enum BlankingType {
        /** 000b: the whole disc. */
        FULL(0),
        /** 001b: PMA, TOC and the first session's lead-in only (fast). */
        MINIMAL(1);

        final int code;

        BlankingType(int code) {
            this.code = code;
        }
    }

    /** Validates the fields. */
    public Blank {
        Objects.requireNonNull(type, "type");
        Bytes.checkRange("start", start, 0, 0xFFFF_FFFFL);
    }

    @Override public String name() { return "BLANK"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[12];
        c[0] = (byte) OPCODE;
        c[1] = (byte) ((immediate ? 0x10 : 0) | type.code);
        Bytes.put32(c, 2, start);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.NONE; }
    @Override public int transferLength() { return 0; }
    @Override public Duration defaultTimeout() { return FORMAT_TIMEOUT; }
}
