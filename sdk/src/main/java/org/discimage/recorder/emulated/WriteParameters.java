package org.discimage.recorder.emulated;

import static org.discimage.recorder.emulated.Wire.put16;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;
import org.discimage.recorder.mmc.WriteParametersPage;

/**
 * The write parameters mode page 05h the host selected (MMC 7.5, formats.md §6.3), held per drive object
 * (not persisted: a real drive loses it at power-on, 6/29/xx). MODE SENSE(10) returns it; MODE SELECT(10)
 * replaces it after checking the combination, refusing with 5/26/00 "invalid field in parameter list".
 * Only CD and DVD-R/-RW take page 05h (libburn sends it for no other profile; MMC forbids it on DVD+R),
 * so a MODE SELECT of it on another medium is 5/26/00 too [unconfirmed: what a real DVD+R drive answers].
 */
final class WriteParameters {
    /** Page length byte of the page as drives report it: 32h, 52 page bytes (formats.md §6.3). */
    private static final int PAGE_LENGTH = 0x32;
    /** Data block types 4-7 and 14 are reserved (MMC 7.5.4.13). */
    private static final int RESERVED_BLOCK_TYPES = 0b0100_0000_1111_0000;

    private WriteParametersPage page;

    /** The defaults of {@code profile}: libburn's settings for CD TAO data and DVD-R incremental, appendable. */
    WriteParameters(EmulatedProfile profile) {
        byte[] p = new byte[PAGE_LENGTH + 2];
        p[0] = WriteParametersPage.PAGE_CODE;
        p[1] = PAGE_LENGTH;
        WriteParametersPage blank = new WriteParametersPage(false, false, false, 0, 0, false, false, 0, 0, 0, 0, 0, 0,
                0, p);
        page = profile.family() == EmulatedProfile.Family.CD ? blank.forCdTaoData(true, true)
                : blank.forDvdMinusRIncremental(true, true);
    }

    /** Whether CLOSE SESSION 010b leaves the disc appendable: multi-session 11b. */
    boolean appendable() {
        return page.multiSession() == WriteParametersPage.MULTISESSION_APPENDABLE;
    }

    WriteParametersPage page() {
        return page;
    }

    /** MODE SENSE(10) data: the 8-byte header (no block descriptors) and the page; changeable: a mask. */
    byte[] sense(boolean changeable) {
        byte[] p = page.page();
        if (changeable) {
            // the fields this drive lets the host set (MMC 7.5): bytes 2-5, 7, 8, 10-15
            java.util.Arrays.fill(p, 2, p.length, (byte) 0);
            for (int i : new int[] {2, 3, 4, 5, 7, 8, 10, 11, 12, 13, 14, 15}) {
                p[i] = (byte) 0xFF;
            }
        }
        byte[] r = new byte[WriteParametersPage.HEADER_LENGTH + p.length];
        put16(r, 0, r.length - 2);
        System.arraycopy(p, 0, r, WriteParametersPage.HEADER_LENGTH, p.length);
        return r;
    }

    /**
     * MODE SELECT(10): takes the page if {@code list} holds a valid page 05h for {@code profile}; false
     * (5/26/00) otherwise: not page 05h, a page length that does not fit, write type 4 (layer jump, DVD-R DL
     * only) or above, multi-session 10b (reserved), a reserved data block type, test write (not modelled),
     * on CD a data track mode without a 2048-byte block type (8-13) or an audio one without raw (0), on
     * DVD-R/-RW a write type other than packet/DAO, track mode other than 5, block type other than 8, or a
     * fixed packet size other than 16 (the ECC block).
     */
    boolean select(EmulatedProfile profile, byte[] list) {
        boolean cd = profile.family() == EmulatedProfile.Family.CD;
        boolean dvdMinus = profile == EmulatedProfile.DVD_MINUS_R || profile == EmulatedProfile.DVD_MINUS_RW;
        if ((!cd && !dvdMinus) || list.length < WriteParametersPage.HEADER_LENGTH + 2) {
            return false;
        }
        byte[] asSensed = list.clone();
        put16(asSensed, 0, list.length - 2); // MODE SELECT leaves the mode data length reserved (0)
        WriteParametersPage p;
        try {
            p = WriteParametersPage.decode(ByteBuffer.wrap(asSensed));
        } catch (DiscImageException e) {
            return false;
        }
        if (p.writeType() > WriteParametersPage.WRITE_TYPE_SAO + (cd ? 1 : 0) || p.multiSession() == 2
                || (RESERVED_BLOCK_TYPES >>> p.dataBlockType() & 1) != 0 || p.testWrite()) {
            return false;
        }
        boolean ok = cd ? cdValid(p) : dvdMinusValid(p);
        if (ok) {
            page = p;
        }
        return ok;
    }

    private static boolean cdValid(WriteParametersPage p) {
        boolean data = (p.trackMode() & 0x04) != 0;
        if (p.writeType() == 3) {
            return p.dataBlockType() <= 3; // raw: 2352 bytes plus sub-channel forms
        }
        return data ? p.dataBlockType() >= 8 : p.dataBlockType() == 0;
    }

    private static boolean dvdMinusValid(WriteParametersPage p) {
        if (p.writeType() == 1 || p.trackMode() != 5 || p.dataBlockType() != 8) {
            return false;
        }
        return !p.fixedPacket() || p.packetSize() == 16;
    }
}
