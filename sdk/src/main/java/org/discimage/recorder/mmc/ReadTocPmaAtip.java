package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * READ TOC/PMA/ATIP (43h, 10 bytes), formats 0 (TOC) and 1 (session information); replies decoded by
 * {@link Toc} and {@link SessionInfo}. CDB [1] bit1 MSF, [2] bits3-0 format, [6] track/session number,
 * [7..8] allocation length, [9] control: bits 7-6 repeat the format for pre-MMC drives (SFF-8020), as
 * Linux's sr driver sends 40h for session information.
 *
 * @param format           TOC or SESSION_INFO
 * @param msf              addresses as 0/M/S/F instead of LBA
 * @param trackOrSession   starting track (format 0; AAh = lead-out only) or session number
 * @param allocationLength 4 .. 65535
 */
public record ReadTocPmaAtip(Format format, boolean msf, int trackOrSession, int allocationLength)
        implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x43;

    /** The format field ([2] bits 3-0). */
    public enum Format {
        /** 0: the TOC, one 8-byte descriptor per track plus the lead-out (AAh). */
        TOC(0),
        /** 1: session information, the first track of the last complete session (msc1). */
        SESSION_INFO(1);

        final int code;

        Format(int code) {
            this.code = code;
        }
    }

    /** Validates the fields. */
    public ReadTocPmaAtip {
        Objects.requireNonNull(format, "format");
        Bytes.checkRange("track/session number", trackOrSession, 0, 0xFF);
        Bytes.checkRange("allocation length", allocationLength, 4, 0xFFFF);
    }

    /** The whole TOC in LBA form (100 descriptors fit 804 bytes). */
    public static ReadTocPmaAtip toc() {
        return new ReadTocPmaAtip(Format.TOC, false, 1, 4 + 8 * 100);
    }

    /** Session information in LBA form (12 bytes). */
    public static ReadTocPmaAtip sessionInfo() {
        return new ReadTocPmaAtip(Format.SESSION_INFO, false, 0, SessionInfo.LENGTH);
    }

    @Override public String name() { return "READ TOC/PMA/ATIP"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        c[1] = (byte) (msf ? 0x02 : 0);
        c[2] = (byte) format.code;
        c[6] = (byte) trackOrSession;
        Bytes.put16(c, 7, allocationLength);
        c[9] = (byte) (format.code << 6);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return allocationLength; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
