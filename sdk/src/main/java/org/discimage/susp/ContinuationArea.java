package org.discimage.susp;

import java.nio.ByteBuffer;
import org.discimage.codec.BothEndian;
import org.discimage.codec.Decoding;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;

/**
 * "CE" entry, SUSP 1.12 5.1: where the System Use entries continue: block location, offset in that
 * block and length of the continuation area (733 each). Length 28.
 */
public record ContinuationArea(long blockLocation, long offset, long lengthOfContinuationArea) implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "CE";
    /** Entry length. */
    public static final int LENGTH = 28;
    private static final String S = "SUSP CE";

    /** IllegalArgumentException unless all three are unsigned 32-bit values. */
    public ContinuationArea {
        Decoding.checkUInt32(blockLocation, "blockLocation");
        Decoding.checkUInt32(offset, "offset");
        Decoding.checkUInt32(lengthOfContinuationArea, "lengthOfContinuationArea");
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
        BothEndian.putInt32(b, blockLocation);
        BothEndian.putInt32(b, offset);
        BothEndian.putInt32(b, lengthOfContinuationArea);
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header, a length other than 28 or disagreeing halves. */
    public static ContinuationArea decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /** As {@link #decode(ByteBuffer)}, strict or lenient as {@code ctx} says (known deviations only). */
    public static ContinuationArea decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        SuspHeader.read(b, SIGNATURE, LENGTH, LENGTH, S);
        return new ContinuationArea(BothEndian.getInt32(b, S + ".blockLocation", ctx), BothEndian.getInt32(b, S + ".offset", ctx),
                BothEndian.getInt32(b, S + ".lengthOfContinuationArea", ctx));
    }
}
