package org.discimage.susp;

import java.nio.ByteBuffer;

import org.discimage.codec.BothEndian;

/** CE (SUSP 1.12 5.1): where the System Use entries continue (block, offset, length, all 733). */
public record ContinuationArea(long blockLocation, long offset, long lengthOfContinuationArea) implements SuspEntry {
    @Override
    public String signature() {
        return "CE";
    }

    @Override
    public int length() {
        return 28;
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspEntry.header(b, "CE", 28);
        BothEndian.putInt32(b, blockLocation);
        BothEndian.putInt32(b, offset);
        BothEndian.putInt32(b, lengthOfContinuationArea);
    }
}
