package org.discimage.susp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * A System Use entry (SUSP 1.12 4.1) whose signature discimage does not interpret (e.g. Apple's "AA",
 * zisofs "ZF", "AL"): kept verbatim so it can be reported or copied. {@code data} is everything after the
 * 4-byte header.
 */
public record UnknownSuspEntry(String signature, int version, byte[] data) implements SuspEntry {
    /** Copies data; IllegalArgumentException if the entry would exceed 255 bytes. */
    public UnknownSuspEntry {
        Objects.requireNonNull(signature, "signature");
        data = data == null ? new byte[0] : data.clone();
        Decoding.checkRange(version, 0, 255, "version");
        Decoding.checkRange(data.length, 0, SuspHeader.MAX_ENTRY_LENGTH - SuspHeader.LENGTH, "data length");
        if (signature.length() != 2) {
            throw new IllegalArgumentException("signature must have two characters: \"" + signature + "\"");
        }
    }

    /** The data after the header (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int length() {
        return SuspHeader.LENGTH + data.length;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspHeader.put(b, signature, length(), version);
        b.put(data);
    }

    /** Reads any entry; MALFORMED_STRUCTURE if its length is below 4 or runs past b's limit. */
    public static UnknownSuspEntry decode(ByteBuffer b) throws DiscImageException {
        int at = b.position();
        String sig = SuspHeader.peekSignature(b);
        int len = b.get(at + 2) & 0xFF;
        if (len < SuspHeader.LENGTH) {
            throw Decoding.malformed("SUSP " + sig + ".length", at + 2, "length " + len + " is below 4");
        }
        if (len > b.remaining()) {
            throw Decoding.malformed("SUSP " + sig + ".length", at + 2, "entry of " + len
                    + " bytes runs past the end (" + b.remaining() + " bytes remain)");
        }
        int version = b.get(at + 3) & 0xFF;
        byte[] data = new byte[len - SuspHeader.LENGTH];
        b.position(at + SuspHeader.LENGTH);
        b.get(data);
        return new UnknownSuspEntry(sig, version, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownSuspEntry u && signature.equals(u.signature) && version == u.version
                && Arrays.equals(data, u.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signature, version) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "UnknownSuspEntry[signature=" + signature + ", version=" + version + ", data=" + Arrays.toString(data)
                + "]";
    }
}
