package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * READ CAPACITY reply (8 bytes): [0..3] last LBA, [4..7] block length in bytes.
 *
 * @param lastLba     the last addressable block
 * @param blockLength bytes per block (2048 on data media)
 */
public record CapacityData(long lastLba, long blockLength) {
    /** Reply length. */
    public static final int LENGTH = 8;

    /** Decodes the reply at the buffer's position. */
    public static CapacityData decode(ByteBuffer reply) throws DiscImageException {
        Bytes.need("READ CAPACITY", reply, LENGTH);
        long blockLength = Bytes.u32(reply, 4);
        if (blockLength == 0) {
            throw Bytes.malformed("READ CAPACITY", 4, "block length 0");
        }
        return new CapacityData(Bytes.u32(reply, 0), blockLength);
    }

    /** Number of blocks: last LBA + 1. */
    public long blocks() {
        return lastLba + 1;
    }
}
