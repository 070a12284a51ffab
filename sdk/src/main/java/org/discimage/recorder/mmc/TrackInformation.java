package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;
import java.util.OptionalLong;

import org.discimage.error.DiscImageException;

/**
 * READ TRACK INFORMATION reply (formats.md §6.3): [2]/[32] track number LSB/MSB, [3]/[33] session number,
 * [5] bit5 damage, bit4 copy, bits3-0 track mode; [6] bit7 RT, bit6 blank, bit5 packet/incremental, bit4
 * FP, bits3-0 data mode; [7] bit1 LRA_V, bit0 NWA_V; [8..11] track start; [12..15] next writable address;
 * [16..19] free blocks; [20..23] fixed packet size; [24..27] track size; [28..31] last recorded address.
 * Drives of MMC-2 return only the first 28 bytes; later fields are empty then.
 *
 * @param track              logical track number
 * @param session            session number
 * @param damage             damage bit (with NWA_V clear: the track is unwritable, as libburn treats it)
 * @param copy               copy bit
 * @param trackMode          CONTROL-like track mode (4 data uninterrupted, 5 data incremental)
 * @param reservedTrack      RT
 * @param blank              the track is blank
 * @param packet             packet/incremental
 * @param fixedPacket        FP
 * @param dataMode           1 Mode 1, 2 Mode 2, Fh unknown/DVD
 * @param trackStart         track start address
 * @param nextWritableAddress the NWA when NWA_V is set (some drives say −150 on a blank CD: use the track
 *                           start there); empty otherwise
 * @param freeBlocks         free blocks in the track
 * @param fixedPacketSize    fixed packet size / blocking factor (DVD: 16)
 * @param trackSize          track size in blocks
 * @param lastRecordedAddress the last recorded address when LRA_V is set and the reply holds it
 */
public record TrackInformation(int track, int session, boolean damage, boolean copy, int trackMode,
        boolean reservedTrack, boolean blank, boolean packet, boolean fixedPacket, int dataMode, long trackStart,
        OptionalLong nextWritableAddress, long freeBlocks, long fixedPacketSize, long trackSize,
        OptionalLong lastRecordedAddress) {
    /** The shortest reply (MMC-2: through the track size). */
    public static final int MINIMUM_LENGTH = 28;
    private static final String COMMAND = "READ TRACK INFORMATION";

    /** Decodes a reply at the buffer's position. */
    public static TrackInformation decode(ByteBuffer reply) throws DiscImageException {
        Bytes.need(COMMAND, reply, MINIMUM_LENGTH);
        int declared = Bytes.u16(reply, 0);
        if (declared < MINIMUM_LENGTH - 2) {
            throw Bytes.malformed(COMMAND, 0, "data length " + declared + " shorter than the 26 bytes up to the "
                    + "track size");
        }
        int available = Math.min(declared + 2, reply.remaining());
        int b5 = Bytes.u8(reply, 5);
        int b6 = Bytes.u8(reply, 6);
        int b7 = Bytes.u8(reply, 7);
        boolean nwaValid = (b7 & 1) != 0;
        boolean lraValid = (b7 & 2) != 0;
        int track = Bytes.u8(reply, 2);
        int session = Bytes.u8(reply, 3);
        if (available >= 34) {
            track |= Bytes.u8(reply, 32) << 8;
            session |= Bytes.u8(reply, 33) << 8;
        }
        long nwa = Bytes.s32(reply, 12);
        OptionalLong lra = lraValid && available >= 32 ? OptionalLong.of(Bytes.u32(reply, 28)) : OptionalLong.empty();
        return new TrackInformation(track, session, (b5 & 0x20) != 0, (b5 & 0x10) != 0, b5 & 0x0F,
                (b6 & 0x80) != 0, (b6 & 0x40) != 0, (b6 & 0x20) != 0, (b6 & 0x10) != 0, b6 & 0x0F,
                Bytes.s32(reply, 8), nwaValid ? OptionalLong.of(nwa) : OptionalLong.empty(), Bytes.u32(reply, 16),
                Bytes.u32(reply, 20), Bytes.u32(reply, 24), lra);
    }

    /** libburn's test: a damaged track without a valid NWA cannot be written (a "damaged" medium). */
    public boolean isDamagedAndUnwritable() {
        return damage && nextWritableAddress.isEmpty();
    }
}
