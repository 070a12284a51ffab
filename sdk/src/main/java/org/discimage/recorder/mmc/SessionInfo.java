package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * READ TOC/PMA/ATIP format 1 (session information) reply, 12 bytes (formats.md §6.3): [0..1] data length
 * (10), [2] first complete session, [3] last complete session, [5] ADR/CONTROL, [6] first track of the last
 * complete session, [8..11] its start address — msc1, where the importer finds the newest tree.
 *
 * @param firstCompleteSession first complete session number
 * @param lastCompleteSession  last complete session number
 * @param adr                  ADR of the descriptor
 * @param control              CONTROL of the descriptor
 * @param firstTrackInLastSession first track number in the last complete session
 * @param lastSessionStart     start address of that track (msc1)
 */
public record SessionInfo(int firstCompleteSession, int lastCompleteSession, int adr, int control,
        int firstTrackInLastSession, int lastSessionStart) {
    /** Reply length. */
    public static final int LENGTH = 12;
    private static final String COMMAND = "READ TOC/PMA/ATIP format 1";

    /**
     * Decodes a reply at the buffer's position.
     *
     * @param msf whether the command asked for MSF addresses
     */
    public static SessionInfo decode(ByteBuffer reply, boolean msf) throws DiscImageException {
        Bytes.need(COMMAND, reply, LENGTH);
        int declared = Bytes.u16(reply, 0);
        if (declared < LENGTH - 2) {
            throw Bytes.malformed(COMMAND, 0, "data length " + declared + " shorter than one descriptor (10)");
        }
        int first = Bytes.u8(reply, 2);
        int last = Bytes.u8(reply, 3);
        int adrControl = Bytes.u8(reply, 5);
        int start = msf ? Toc.msfToLba(reply, 8, COMMAND) : Bytes.s32(reply, 8);
        return new SessionInfo(first, last, adrControl >>> 4, adrControl & 0x0F, Bytes.u8(reply, 6), start);
    }
}
