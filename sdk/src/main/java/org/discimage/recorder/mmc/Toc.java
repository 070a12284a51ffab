package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.DiscImageException;

/**
 * READ TOC/PMA/ATIP format 0 reply (formats.md §6.3): [0..1] data length, [2] first track, [3] last track;
 * 8-byte descriptors: [1] ADR (bits7-4) | CONTROL (bits3-0; bit2 = data track), [2] track number (AAh =
 * lead-out), [4..7] start address (LBA, or 0/M/S/F when MSF was asked for; converted to an LBA here).
 *
 * @param firstTrack first track number
 * @param lastTrack  last track number
 * @param entries    the descriptors, lead-out last
 */
public record Toc(int firstTrack, int lastTrack, List<Entry> entries) {
    /** Track number of the lead-out descriptor. */
    public static final int LEAD_OUT = 0xAA;
    private static final String COMMAND = "READ TOC/PMA/ATIP format 0";

    /** Copies the list. */
    public Toc {
        entries = List.copyOf(entries);
    }

    /**
     * One track descriptor.
     *
     * @param adr     ADR (1 = position data)
     * @param control CONTROL nibble
     * @param track   track number, {@link #LEAD_OUT} for the lead-out
     * @param lba     start address
     */
    public record Entry(int adr, int control, int track, int lba) {
        /** CONTROL bit 2: a data track. */
        public boolean isData() {
            return (control & 0x04) != 0;
        }
    }

    /**
     * Decodes a reply at the buffer's position.
     *
     * @param msf whether the command asked for MSF addresses
     */
    public static Toc decode(ByteBuffer reply, boolean msf) throws DiscImageException {
        Bytes.need(COMMAND, reply, 4);
        int declared = Bytes.u16(reply, 0);
        if (declared < 2 || (declared - 2) % 8 != 0) {
            throw Bytes.malformed(COMMAND, 0, "data length " + declared + " is not 2 + 8 × descriptors");
        }
        if (declared + 2 > reply.remaining()) {
            throw Bytes.malformed(COMMAND, 0, "data length " + declared + " but only " + (reply.remaining() - 2)
                    + " bytes received (allocation length too small)");
        }
        List<Entry> entries = new ArrayList<>();
        for (int off = 4; off < declared + 2; off += 8) {
            int adrControl = Bytes.u8(reply, off + 1);
            int track = Bytes.u8(reply, off + 2);
            if (track == 0 || (track > 99 && track != LEAD_OUT)) {
                throw Bytes.malformed(COMMAND, off + 2, "track number " + track);
            }
            int lba = msf ? msfToLba(reply, off + 4, COMMAND) : Bytes.s32(reply, off + 4);
            entries.add(new Entry(adrControl >>> 4, adrControl & 0x0F, track, lba));
        }
        return new Toc(Bytes.u8(reply, 2), Bytes.u8(reply, 3), entries);
    }

    /** 0/M/S/F → LBA: (M·60+S)·75+F−150, or −450150 for M ≥ 90 (lead-in addresses; formats.md §6.3). */
    static int msfToLba(ByteBuffer b, int off, String command) throws DiscImageException {
        int m = Bytes.u8(b, off + 1);
        int s = Bytes.u8(b, off + 2);
        int f = Bytes.u8(b, off + 3);
        if (s > 59 || f > 74) {
            throw Bytes.malformed(command, off, String.format("MSF %02d:%02d:%02d out of range", m, s, f));
        }
        int frames = (m * 60 + s) * 75 + f;
        return m >= 90 ? frames - 450150 : frames - 150;
    }
}
