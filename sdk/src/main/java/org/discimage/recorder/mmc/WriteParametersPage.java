package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.discimage.error.DiscImageException;

/**
 * The write parameters mode page 05h (formats.md §6.3), as MODE SENSE(10) returns it behind the 8-byte
 * mode parameter header ([0..1] mode data length, [6..7] block descriptor length) and as MODE SELECT(10)
 * sends it back. Page bytes: [0] bit7 PS, bits5-0 page code; [1] page length; [2] bit6 BUFE, bit5 LS_V,
 * bit4 test write, bits3-0 write type; [3] bits7-6 multi-session, bit5 FP, bit4 copy, bits3-0 track mode;
 * [4] bits3-0 data block type; [5] link size; [7] bits5-0 host application code; [8] session format;
 * [10..13] packet size; [14..15] audio pause length. The bytes this record does not model (media catalog
 * number, ISRC, sub-header) are kept as read and sent back unchanged.
 *
 * @param bufferUnderrunFree  BUFE
 * @param linkSizeValid       LS_V
 * @param testWrite           simulation only
 * @param writeType           0 packet/incremental, 1 TAO, 2 SAO/DAO, 3 raw, 4 layer jump
 * @param multiSession        00b no next session (finalize), 11b keep appendable
 * @param fixedPacket         FP
 * @param copy                copy bit
 * @param trackMode           CD: 4 data / 0 audio; DVD-R incremental: 5
 * @param dataBlockType       8 Mode 1 (2048), 10 Mode 2 Form 1 (2048), 0 raw 2352
 * @param linkSize            DVD-R incremental: 16
 * @param hostApplicationCode bits 5-0 of byte 7
 * @param sessionFormat       00h CD-DA/CD-ROM, 10h CD-I, 20h CD-ROM XA
 * @param packetSize          DVD-R incremental with FP: 16
 * @param audioPauseLength    150
 * @param page                the whole page as read (page code byte through the last byte of the page)
 */
public record WriteParametersPage(boolean bufferUnderrunFree, boolean linkSizeValid, boolean testWrite,
        int writeType, int multiSession, boolean fixedPacket, boolean copy, int trackMode, int dataBlockType,
        int linkSize, int hostApplicationCode, int sessionFormat, long packetSize, int audioPauseLength,
        byte[] page) {
    /** Page code. */
    public static final int PAGE_CODE = 0x05;
    /** Length of the MODE SENSE/SELECT(10) mode parameter header. */
    public static final int HEADER_LENGTH = 8;
    /** Page bytes up to the audio pause length, the fields this record models. */
    static final int MODELLED_LENGTH = 16;
    /** Write type 0: packet/incremental (DVD-R/-RW incremental). */
    public static final int WRITE_TYPE_PACKET = 0;
    /** Write type 1: track at once. */
    public static final int WRITE_TYPE_TAO = 1;
    /** Write type 2: session at once / disc at once. */
    public static final int WRITE_TYPE_SAO = 2;
    /** Multi-session 00b: no next session, finalize. */
    public static final int MULTISESSION_FINALIZE = 0;
    /** Multi-session 11b: next session allowed, keep the disc appendable. */
    public static final int MULTISESSION_APPENDABLE = 3;
    private static final String COMMAND = "MODE SENSE(10) page 05h";

    /** Validates the fields against their bit widths and copies the page. */
    public WriteParametersPage {
        Bytes.checkRange("write type", writeType, 0, 15);
        Bytes.checkRange("multi-session", multiSession, 0, 3);
        Bytes.checkRange("track mode", trackMode, 0, 15);
        Bytes.checkRange("data block type", dataBlockType, 0, 15);
        Bytes.checkRange("link size", linkSize, 0, 255);
        Bytes.checkRange("host application code", hostApplicationCode, 0, 63);
        Bytes.checkRange("session format", sessionFormat, 0, 255);
        Bytes.checkRange("packet size", packetSize, 0, 0xFFFF_FFFFL);
        Bytes.checkRange("audio pause length", audioPauseLength, 0, 0xFFFF);
        if (page.length < MODELLED_LENGTH || page.length != (page[1] & 0xFF) + 2) {
            throw new IllegalArgumentException("page of " + page.length + " bytes with page length " + (page[1] & 0xFF));
        }
        page = page.clone();
    }

    /** Decodes a MODE SENSE(10) reply (header, block descriptors, page) at the buffer's position. */
    public static WriteParametersPage decode(ByteBuffer reply) throws DiscImageException {
        Bytes.need(COMMAND, reply, HEADER_LENGTH);
        int modeDataLength = Bytes.u16(reply, 0);
        int blockDescriptors = Bytes.u16(reply, 6);
        int pageOffset = HEADER_LENGTH + blockDescriptors;
        if (modeDataLength + 2 < pageOffset + 2) {
            throw Bytes.malformed(COMMAND, 0, "mode data length " + modeDataLength + " leaves no room for a page");
        }
        Bytes.need(COMMAND, reply, pageOffset + 2);
        int code = Bytes.u8(reply, pageOffset) & 0x3F;
        if (code != PAGE_CODE) {
            throw Bytes.malformed(COMMAND, pageOffset, String.format("page code %02Xh, 05h expected", code));
        }
        int pageLength = Bytes.u8(reply, pageOffset + 1);
        if (pageLength + 2 < MODELLED_LENGTH) {
            throw Bytes.malformed(COMMAND, pageOffset + 1, "page length " + pageLength + " shorter than "
                    + (MODELLED_LENGTH - 2));
        }
        if (pageOffset + 2 + pageLength > modeDataLength + 2) {
            throw Bytes.malformed(COMMAND, pageOffset + 1, "page length " + pageLength
                    + " runs past the mode data length " + modeDataLength);
        }
        if (pageOffset + 2 + pageLength > reply.remaining()) {
            throw Bytes.malformed(COMMAND, pageOffset + 1, "page length " + pageLength + " but only "
                    + (reply.remaining() - pageOffset - 2) + " page bytes received");
        }
        ByteBuffer p = reply.duplicate().position(reply.position() + pageOffset);
        int b2 = Bytes.u8(p, 2);
        int b3 = Bytes.u8(p, 3);
        return new WriteParametersPage((b2 & 0x40) != 0, (b2 & 0x20) != 0, (b2 & 0x10) != 0, b2 & 0x0F, b3 >>> 6,
                (b3 & 0x20) != 0, (b3 & 0x10) != 0, b3 & 0x0F, Bytes.u8(p, 4) & 0x0F, Bytes.u8(p, 5),
                Bytes.u8(p, 7) & 0x3F, Bytes.u8(p, 8), Bytes.u32(p, 10), Bytes.u16(p, 14),
                Bytes.copy(p, 0, pageLength + 2));
    }

    /** The page bytes with the modelled fields written over the bytes as read (a copy). */
    @Override
    public byte[] page() {
        byte[] b = page.clone();
        b[0] = PAGE_CODE; // PS is reserved in MODE SELECT: cleared
        b[2] = (byte) ((b[2] & 0x80) | (bufferUnderrunFree ? 0x40 : 0) | (linkSizeValid ? 0x20 : 0)
                | (testWrite ? 0x10 : 0) | writeType);
        b[3] = (byte) ((multiSession << 6) | (fixedPacket ? 0x20 : 0) | (copy ? 0x10 : 0) | trackMode);
        b[4] = (byte) ((b[4] & 0xF0) | dataBlockType);
        b[5] = (byte) linkSize;
        b[7] = (byte) ((b[7] & 0xC0) | hostApplicationCode);
        b[8] = (byte) sessionFormat;
        Bytes.put32(b, 10, packetSize);
        Bytes.put16(b, 14, audioPauseLength);
        return b;
    }

    /** MODE SELECT(10)'s parameter list: an all-zero 8-byte header (no block descriptors) and the page. */
    public byte[] toModeSelectParameterList() {
        byte[] p = page();
        byte[] list = new byte[HEADER_LENGTH + p.length];
        System.arraycopy(p, 0, list, HEADER_LENGTH, p.length);
        return list;
    }

    /** This page set up for CD track-at-once data (libburn): TAO, track mode 4, Mode 1, pause 150. */
    public WriteParametersPage forCdTaoData(boolean appendable, boolean bufferUnderrunFree) {
        return new WriteParametersPage(bufferUnderrunFree, false, false, WRITE_TYPE_TAO,
                appendable ? MULTISESSION_APPENDABLE : MULTISESSION_FINALIZE, false, false, 4, 8, linkSize,
                hostApplicationCode, 0, packetSize, 150, page);
    }

    /** This page set up for DVD-R/-RW incremental (libburn): packet, LS_V, link 16, FP, track mode 5, packet 16. */
    public WriteParametersPage forDvdMinusRIncremental(boolean appendable, boolean bufferUnderrunFree) {
        return new WriteParametersPage(bufferUnderrunFree, true, false, WRITE_TYPE_PACKET,
                appendable ? MULTISESSION_APPENDABLE : MULTISESSION_FINALIZE, true, false, 5, 8, 16,
                hostApplicationCode, 0, 16, audioPauseLength, page);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WriteParametersPage w && Arrays.equals(page(), w.page());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(page());
    }

    @Override
    public String toString() {
        return String.format("WriteParametersPage[writeType %d, multiSession %d, trackMode %d, dataBlockType %d, "
                + "linkSize %d, packetSize %d, BUFE %b, test %b]", writeType, multiSession, trackMode, dataBlockType,
                linkSize, packetSize, bufferUnderrunFree, testWrite);
    }
}
