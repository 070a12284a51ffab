package org.discimage.susp;

import java.nio.ByteBuffer;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * "SP" entry, SUSP 1.12 5.3: check bytes {@code BE EF} and LEN_SKP, the number of bytes to skip at the
 * start of every System Use field. Length 7; first entry of the root directory's "." record.
 */
public record SharingProtocolIndicator(int bytesSkipped) implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "SP";
    /** Entry length. */
    public static final int LENGTH = 7;
    private static final String S = "SUSP SP";

    /** IllegalArgumentException unless 0..255. */
    public SharingProtocolIndicator {
        Decoding.checkRange(bytesSkipped, 0, 255, "bytesSkipped");
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
        b.put((byte) 0xBE).put((byte) 0xEF).put((byte) bytesSkipped);
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header, length other than 7 or wrong check bytes. */
    public static SharingProtocolIndicator decode(ByteBuffer b) throws DiscImageException {
        SuspHeader.read(b, SIGNATURE, LENGTH, LENGTH, S);
        int at = b.position();
        if ((b.get() & 0xFF) != 0xBE || (b.get() & 0xFF) != 0xEF) {
            throw Decoding.malformed(S + ".checkBytes", at, String.format("expected BE EF, found %02X %02X",
                    b.get(at) & 0xFF, b.get(at + 1) & 0xFF));
        }
        return new SharingProtocolIndicator(b.get() & 0xFF);
    }
}
