package org.discimage.rockridge;

import java.nio.ByteBuffer;
import org.discimage.codec.BothEndian;
import org.discimage.codec.Decoding;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspHeader;

/** "PN" entry, RRIP 1.12 4.1.2: device number of a block or character device, high and low 32 bits (733). */
public record PosixDeviceNumber(long high, long low) implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "PN";
    /** Entry length. */
    public static final int LENGTH = 20;
    private static final String S = "RRIP PN";

    /** IllegalArgumentException unless both are unsigned 32-bit values. */
    public PosixDeviceNumber {
        Decoding.checkUInt32(high, "high");
        Decoding.checkUInt32(low, "low");
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
        BothEndian.putInt32(b, high);
        BothEndian.putInt32(b, low);
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header, a length other than 20 or disagreeing halves. */
    public static PosixDeviceNumber decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /** As {@link #decode(ByteBuffer)}, strict or lenient as {@code ctx} says (known deviations only). */
    public static PosixDeviceNumber decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        SuspHeader.read(b, SIGNATURE, LENGTH, LENGTH, S);
        return new PosixDeviceNumber(BothEndian.getInt32(b, S + ".high", ctx), BothEndian.getInt32(b, S + ".low", ctx));
    }
}
