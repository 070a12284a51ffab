package org.discimage.susp;

import java.nio.ByteBuffer;

/** An entry of a System Use area (SUSP 1.12 4.1): signature, length, version, data. */
public interface SuspEntry {
    /** The two-character signature. */
    String signature();

    /** The whole entry length in bytes, at most 255. */
    int length();

    /** Writes the entry. */
    void encode(ByteBuffer b);

    /** The entry version. */
    default int version() {
        return 1;
    }

    /** Writes the 4-byte header of an entry. */
    static void header(ByteBuffer b, String signature, int length) {
        if (length > 255) {
            throw new IllegalArgumentException(signature + " entry of " + length + " bytes");
        }
        b.put((byte) signature.charAt(0)).put((byte) signature.charAt(1)).put((byte) length).put((byte) 1);
    }
}
