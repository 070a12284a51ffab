package org.discimage.susp;

import java.nio.ByteBuffer;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * "PD" entry, SUSP 1.12 5.2: padding; {@code length} is the whole entry's length (4..255). The padding
 * bytes are written as zeros and ignored when read.
 */
public record PaddingField(int length) implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "PD";

    /** IllegalArgumentException unless 4..255. */
    public PaddingField {
        Decoding.checkRange(length, SuspHeader.LENGTH, SuspHeader.MAX_ENTRY_LENGTH, "PD length");
    }

    @Override
    public String signature() {
        return SIGNATURE;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspHeader.put(b, SIGNATURE, length, 1);
        Decoding.putZeros(b, length - SuspHeader.LENGTH);
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header. */
    public static PaddingField decode(ByteBuffer b) throws DiscImageException {
        int len = SuspHeader.read(b, SIGNATURE, SuspHeader.LENGTH, SuspHeader.MAX_ENTRY_LENGTH, "SUSP PD");
        b.position(b.position() + len - SuspHeader.LENGTH);
        return new PaddingField(len);
    }
}
