package org.discimage.rockridge;

import java.nio.ByteBuffer;

import org.discimage.susp.SuspEntry;

/** RE (RRIP 1.12 4.1.5.3): marks a relocated directory's record, which Rock Ridge readers hide. */
public record RelocatedDirectory() implements SuspEntry {
    @Override
    public String signature() {
        return "RE";
    }

    @Override
    public int length() {
        return 4;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspEntry.header(b, "RE", 4);
    }
}
