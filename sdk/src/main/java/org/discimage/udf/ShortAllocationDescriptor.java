package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * A short allocation descriptor (short_ad), ECMA-167 4/14.14.1: extent length with type (4) and
 * extent position (4), a logical block of the partition the ICB itself is recorded in.
 *
 * @param extentType         bits 31-30 of the length field
 * @param extentLength       bytes, bits 29-0
 * @param logicalBlockNumber extent position
 */
public record ShortAllocationDescriptor(int extentType, long extentLength, long logicalBlockNumber)
        implements AllocationDescriptor {
    /** Bytes in a short_ad. */
    public static final int LENGTH = 8;

    /** Checks the ranges. */
    public ShortAllocationDescriptor {
        AllocationDescriptor.check(extentType, extentLength);
        Le.u32Arg(logicalBlockNumber, "logicalBlockNumber");
    }

    /**
     * Writes the 8 bytes of a short_ad at {@code a[off]} (an encoder's destination, no record);
     * IllegalArgumentException for a type, length or position out of range.
     */
    public static void put(byte[] a, int off, int extentType, long extentLength, long logicalBlockNumber) {
        AllocationDescriptor.check(extentType, extentLength);
        Le.u32Arg(logicalBlockNumber, "logicalBlockNumber");
        Le.put32(a, off, (long) extentType << 30 | extentLength);
        Le.put32(a, off + 4, logicalBlockNumber);
    }

    @Override
    public int partitionReference(int icbPartition) {
        return icbPartition;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put32(d, 0, (long) extentType << 30 | extentLength);
        Le.put32(d, 4, logicalBlockNumber);
        b.position(b.position() + LENGTH);
    }

    /** Reads 8 bytes; MALFORMED_STRUCTURE only if fewer remain. */
    public static ShortAllocationDescriptor decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, "ShortAllocationDescriptor");
        b.position(b.position() + LENGTH);
        long len = Le.u32(d, 0);
        return new ShortAllocationDescriptor((int) (len >>> 30), len & MAX_LENGTH, Le.u32(d, 4));
    }
}
