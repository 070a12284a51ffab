package org.discimage.susp;

import java.nio.ByteBuffer;
import org.discimage.error.DiscImageException;

/** "ST" entry, SUSP 1.12 5.4: ends the System Use entries of a field or continuation area. Length 4. */
public record SuspTerminator() implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "ST";
    /** Entry length. */
    public static final int LENGTH = 4;

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
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header or a length other than 4. */
    public static SuspTerminator decode(ByteBuffer b) throws DiscImageException {
        SuspHeader.read(b, SIGNATURE, LENGTH, LENGTH, "SUSP ST");
        return new SuspTerminator();
    }
}
