package org.discimage.susp;

import java.nio.ByteBuffer;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * The 4-byte header of every System Use entry, SUSP 1.12 4.1: signature word (2 bytes), length (711,
 * the whole entry), system use entry version (711). Helpers for the entry records' codecs.
 */
public final class SuspHeader {
    /** Header length in bytes. */
    public static final int LENGTH = 4;
    /** Largest entry (its length is one byte). */
    public static final int MAX_ENTRY_LENGTH = 255;

    private SuspHeader() {
    }

    /** Writes signature, length and version; IllegalArgumentException if the length is not 4..255. */
    public static void put(ByteBuffer b, String signature, int length, int version) {
        // the messages are made only on failure: every entry of every record passes here
        if (length < LENGTH || length > MAX_ENTRY_LENGTH) {
            Decoding.checkRange(length, LENGTH, MAX_ENTRY_LENGTH, signature + " entry length");
        }
        if (signature.length() != 2 || signature.charAt(0) > 0xFF || signature.charAt(1) > 0xFF) {
            throw new IllegalArgumentException("signature must be two 8-bit characters: \"" + signature + "\"");
        }
        if (version < 0 || version > 0xFF) {
            Decoding.putUInt8(b, version, signature + " entry version");
        }
        b.put((byte) signature.charAt(0)).put((byte) signature.charAt(1));
        b.put((byte) length);
        b.put((byte) version);
    }

    /** The signature at b's position (2 bytes, ISO-8859-1), not advancing; MALFORMED_STRUCTURE if truncated. */
    public static String peekSignature(ByteBuffer b) throws DiscImageException {
        Decoding.require(b, LENGTH, "SUSP entry header");
        int p = b.position();
        char c0 = (char) (b.get(p) & 0xFF);
        char c1 = (char) (b.get(p + 1) & 0xFF);
        // the signatures of SUSP and RRIP as constants: every record has several entries, and a
        // new String per entry was a third of the importer's allocation
        for (String known : KNOWN) {
            if (known.charAt(0) == c0 && known.charAt(1) == c1) {
                return known;
            }
        }
        return new String(new char[] {c0, c1});
    }

    /** SUSP 1.12 and RRIP 1.12 signatures, the most frequent first. */
    private static final String[] KNOWN = {"PX", "TF", "NM", "SL", "CE", "PN", "ZF", "RR", "CL", "PL", "RE", "SP",
        "ST", "ER", "ES", "PD", "SF", "AL"};

    /**
     * Reads and checks the header of a {@code signature} entry: the signature must match, the version
     * must be 1, the length must lie in {@code minLength..maxLength} and not run past b's limit. Returns
     * the entry length; b is left after the header. MALFORMED_STRUCTURE otherwise.
     */
    public static int read(ByteBuffer b, String signature, int minLength, int maxLength, String structure)
            throws DiscImageException {
        int at = b.position();
        Decoding.require(b, LENGTH, "SUSP entry header");
        if ((b.get(at) & 0xFF) != signature.charAt(0) || (b.get(at + 1) & 0xFF) != signature.charAt(1)) {
            String sig = peekSignature(b);
            throw Decoding.malformed(structure + ".signature", at, "expected " + signature + ", found \"" + sig + "\"");
        }
        int len = b.get(at + 2) & 0xFF;
        int version = b.get(at + 3) & 0xFF;
        if (len < minLength || len > maxLength) {
            throw Decoding.malformed(structure + ".length", at + 2, "length " + len
                    + (minLength == maxLength ? ", expected " + minLength : " outside " + minLength + ".." + maxLength));
        }
        if (len > b.remaining()) {
            throw Decoding.malformed(structure + ".length", at + 2, "entry of " + len + " bytes runs past the end ("
                    + b.remaining() + " bytes remain)");
        }
        if (version != 1) {
            throw Decoding.malformed(structure + ".version", at + 3, "expected 1, found " + version);
        }
        b.position(at + LENGTH);
        return len;
    }
}
