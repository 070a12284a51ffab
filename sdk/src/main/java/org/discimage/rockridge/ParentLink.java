package org.discimage.rockridge;

import java.nio.ByteBuffer;

import org.discimage.codec.BothEndian;
import org.discimage.susp.SuspEntry;

/** PL (RRIP 1.12 4.1.5.2): in a relocated directory's ".." record, the original parent's location. */
public record ParentLink(long parentDirectoryLocation) implements SuspEntry {
    @Override
    public String signature() {
        return "PL";
    }

    @Override
    public int length() {
        return 12;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspEntry.header(b, "PL", 12);
        BothEndian.putInt32(b, parentDirectoryLocation);
    }
}
