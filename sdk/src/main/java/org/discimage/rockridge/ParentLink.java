package org.discimage.rockridge;

import java.nio.ByteBuffer;
import org.discimage.codec.BothEndian;
import org.discimage.codec.Decoding;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspHeader;

/** "PL" entry, RRIP 1.12 4.1.5.2: extent location of the original parent (733), in the ".." record of a relocated directory. Length 12. */
public record ParentLink(long parentDirectoryLocation) implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "PL";
    /** Entry length. */
    public static final int LENGTH = 12;
    private static final String S = "RRIP PL";

    /** IllegalArgumentException unless an unsigned 32-bit value. */
    public ParentLink {
        Decoding.checkUInt32(parentDirectoryLocation, "parentDirectoryLocation");
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
        BothEndian.putInt32(b, parentDirectoryLocation);
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header, a length other than 12 or disagreeing halves. */
    public static ParentLink decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /** As {@link #decode(ByteBuffer)}, strict or lenient as {@code ctx} says (known deviations only). */
    public static ParentLink decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        SuspHeader.read(b, SIGNATURE, LENGTH, LENGTH, S);
        return new ParentLink(BothEndian.getInt32(b, S + ".parentDirectoryLocation", ctx));
    }
}
