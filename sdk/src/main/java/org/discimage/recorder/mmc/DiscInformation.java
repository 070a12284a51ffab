package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * Standard READ DISC INFORMATION reply, 34 bytes (formats.md §6.3): [2] bit4 erasable, bits3-2 state of the
 * last session, bits1-0 disc status; [3] first track on disc; [4]/[9] number of sessions LSB/MSB; [5]/[10]
 * first track in last session; [6]/[11] last track in last session; [7] bits1-0 background format status;
 * [8] disc type; [16..19] last session lead-in start; [20..23] last possible lead-out start.
 *
 * <p>On an appendable disc the session count includes the empty last session, and "last track in last
 * session" is the invisible track whose NWA READ TRACK INFORMATION reports (DVD/BD).
 *
 * @param erasable               the medium is rewritable
 * @param lastSessionState       state of the last session
 * @param discStatus             status of the disc
 * @param firstTrack             first track number on the disc
 * @param sessions               number of sessions (including an empty/incomplete last one)
 * @param firstTrackInLastSession first track number in the last session
 * @param lastTrackInLastSession last track number in the last session
 * @param backgroundFormatStatus DVD+RW/BD-RE background format: 0 none, 1 started/partial, 2 in progress,
 *                               3 complete
 * @param discType               00h CD-DA/CD-ROM, 10h CD-I, 20h CD-ROM XA
 * @param lastSessionLeadInStart the 4 bytes 16..19 as read: an LBA on DVD/BD, 00h/M/S/F on CD (see
 *                               {@link #msfToLba(long)})
 * @param lastPossibleLeadOutStart the 4 bytes 20..23 as read (the capacity limit): LBA, or 00h/M/S/F on CD
 */
public record DiscInformation(boolean erasable, SessionState lastSessionState, DiscStatus discStatus, int firstTrack,
        int sessions, int firstTrackInLastSession, int lastTrackInLastSession, int backgroundFormatStatus,
        int discType, long lastSessionLeadInStart, long lastPossibleLeadOutStart) {
    /** Reply length of the standard data without OPC tables. */
    public static final int LENGTH = 34;
    private static final String COMMAND = "READ DISC INFORMATION";

    /** State of the last session ([2] bits 3-2). */
    public enum SessionState {
        /** 0: empty. */
        EMPTY,
        /** 1: incomplete (appendable). */
        INCOMPLETE,
        /** 2: reserved/damaged. */
        DAMAGED,
        /** 3: complete. */
        COMPLETE
    }

    /** Disc status ([2] bits 1-0). */
    public enum DiscStatus {
        /** 0: blank. */
        BLANK,
        /** 1: appendable (incomplete). */
        APPENDABLE,
        /** 2: finalized. */
        FINALIZED,
        /** 3: other: random-access media (DVD+RW, DVD-RAM, BD-RE, formatted). */
        OTHER
    }

    /** Decodes a reply at the buffer's position (data type 000b). */
    public static DiscInformation decode(ByteBuffer reply) throws DiscImageException {
        Bytes.need(COMMAND, reply, LENGTH);
        int declared = Bytes.u16(reply, 0);
        if (declared < LENGTH - 2) {
            throw Bytes.malformed(COMMAND, 0, "data length " + declared + " shorter than the 32 bytes of "
                    + "standard disc information");
        }
        int dataType = Bytes.u8(reply, 2) >>> 5;
        if (dataType != 0) {
            throw Bytes.malformed(COMMAND, 2, "disc information data type " + dataType + ", standard (0) asked");
        }
        int b2 = Bytes.u8(reply, 2);
        int sessions = (Bytes.u8(reply, 9) << 8) | Bytes.u8(reply, 4);
        int firstInLast = (Bytes.u8(reply, 10) << 8) | Bytes.u8(reply, 5);
        int lastInLast = (Bytes.u8(reply, 11) << 8) | Bytes.u8(reply, 6);
        if (lastInLast < firstInLast) {
            throw Bytes.malformed(COMMAND, 6, "last track in last session " + lastInLast + " before first "
                    + firstInLast);
        }
        return new DiscInformation((b2 & 0x10) != 0, SessionState.values()[(b2 >>> 2) & 3],
                DiscStatus.values()[b2 & 3], Bytes.u8(reply, 3), sessions, firstInLast, lastInLast,
                Bytes.u8(reply, 7) & 3, Bytes.u8(reply, 8), Bytes.u32(reply, 16), Bytes.u32(reply, 20));
    }

    /**
     * Converts a CD address field of this reply (00h, M, S, F) to an LBA: (M·60+S)·75+F−150, or −450150
     * for M ≥ 90 (formats.md §6.3); FFFFFFFFh (no address) gives −1.
     */
    public static long msfToLba(long field) {
        if (field == 0xFFFF_FFFFL) {
            return -1;
        }
        int m = (int) (field >>> 16) & 0xFF;
        int s = (int) (field >>> 8) & 0xFF;
        int f = (int) field & 0xFF;
        int frames = (m * 60 + s) * 75 + f;
        return m >= 90 ? frames - 450150 : frames - 150;
    }

    /** Sessions that are complete: all but the last when that one is not complete. */
    public int completeSessions() {
        return lastSessionState == SessionState.COMPLETE ? sessions : Math.max(0, sessions - 1);
    }
}
