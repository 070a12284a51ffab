package org.discimage.rockridge;

import java.nio.ByteBuffer;

import org.discimage.codec.BothEndian;
import org.discimage.susp.SuspEntry;

/** CL (RRIP 1.12 4.1.5.1): the location of a relocated directory, in the record left in its place. */
public record ChildLink(long childDirectoryLocation) implements SuspEntry {
    @Override
    public String signature() {
        return "CL";
    }

    @Override
    public int length() {
        return 12;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspEntry.header(b, "CL", 12);
        BothEndian.putInt32(b, childDirectoryLocation);
    }
}
