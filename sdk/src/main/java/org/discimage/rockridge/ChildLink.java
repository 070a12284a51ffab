package org.discimage.rockridge;

import java.nio.ByteBuffer;
import org.discimage.codec.BothEndian;
import org.discimage.codec.Decoding;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspHeader;

/** "CL" entry, RRIP 1.12 4.1.5.1: location of the relocated directory's extent (733), in the file record left at the directory's original place. Length 12. */
public record ChildLink(long childDirectoryLocation) implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "CL";
    /** Entry length. */
    public static final int LENGTH = 12;
    private static final String S = "RRIP CL";

    /** IllegalArgumentException unless an unsigned 32-bit value. */
    public ChildLink {
        Decoding.checkUInt32(childDirectoryLocation, "childDirectoryLocation");
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
        BothEndian.putInt32(b, childDirectoryLocation);
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header, a length other than 12 or disagreeing halves. */
    public static ChildLink decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /** As {@link #decode(ByteBuffer)}, strict or lenient as {@code ctx} says (known deviations only). */
    public static ChildLink decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        SuspHeader.read(b, SIGNATURE, LENGTH, LENGTH, S);
        return new ChildLink(BothEndian.getInt32(b, S + ".childDirectoryLocation", ctx));
    }
}
