package org.discimage.susp;

import java.nio.ByteBuffer;

/**
 * One System Use entry, SUSP 1.12 4.1: a 4-byte header (2-character signature, length of the whole
 * entry 711, entry version 711) followed by signature-specific data; at most 255 bytes. Implemented by
 * the SUSP records of this package and the Rock Ridge records of {@code org.discimage.rockridge}.
 */
public interface SuspEntry {
    /** The two-character signature word, e.g. "SP". */
    String signature();

    /** The whole entry's length in bytes, header included (4..255). */
    int length();

    /** Writes the whole entry at b's position, advancing it. */
    void encode(ByteBuffer b);

    /** The entry version (1 for every entry SUSP 1.12 and RRIP 1.12 define). */
    default int version() {
        return 1;
    }
}
