package org.discimage.rockridge;

import java.nio.ByteBuffer;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspHeader;

/**
 * "RR" entry of RRIP 1.09 (dropped in 1.10/1.12; genisoimage still writes it): one byte listing which
 * Rock Ridge entries the record holds. Length 5.
 */
public record RockRidgeFlags(int flags) implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "RR";
    /** Entry length. */
    public static final int LENGTH = 5;
    /** Bit: PX present. */
    public static final int PX = 1;
    /** Bit: PN present. */
    public static final int PN = 2;
    /** Bit: SL present. */
    public static final int SL = 4;
    /** Bit: NM present. */
    public static final int NM = 8;
    /** Bit: CL present. */
    public static final int CL = 16;
    /** Bit: PL present. */
    public static final int PL = 32;
    /** Bit: RE present. */
    public static final int RE = 64;
    /** Bit: TF present. */
    public static final int TF = 128;

    /** IllegalArgumentException unless 0..255. */
    public RockRidgeFlags {
        Decoding.checkRange(flags, 0, 255, "flags");
    }

    @Override
    public String signature() {
        return SIGNATURE;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspHeader.put(b, SIGNATURE, LENGTH, 1);
        b.put((byte) flags);
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header or a length other than 5. */
    public static RockRidgeFlags decode(ByteBuffer b) throws DiscImageException {
        SuspHeader.read(b, SIGNATURE, LENGTH, LENGTH, "RRIP RR");
        return new RockRidgeFlags(b.get() & 0xFF);
    }
}
