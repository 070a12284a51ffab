package org.discimage.rockridge;

import java.nio.ByteBuffer;
import org.discimage.error.DiscImageException;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspHeader;

/**
 * "RE" entry, RRIP 1.12 4.1.5.3: marks the record of a relocated directory (in RR_MOVED), which Rock
 * Ridge readers hide. Length 4, no data.
 */
public record RelocatedDirectory() implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "RE";
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
    public static RelocatedDirectory decode(ByteBuffer b) throws DiscImageException {
        SuspHeader.read(b, SIGNATURE, LENGTH, LENGTH, "RRIP RE");
        return new RelocatedDirectory();
    }
}
