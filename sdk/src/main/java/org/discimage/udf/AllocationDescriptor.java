package org.discimage.udf;

/**
 * What the three allocation descriptor forms (ECMA-167 4/14.14.1 short_ad, 4/14.14.2 long_ad,
 * 4/14.14.3 ext_ad) have in common: an extent length whose two top bits are the extent type
 * (4/14.14.1.1), and a logical block address.
 */
public sealed interface AllocationDescriptor
        permits ShortAllocationDescriptor, LongAllocationDescriptor, ExtendedAllocationDescriptor {
    /** Extent type 0: recorded and allocated. */
    int RECORDED = 0;
    /** Extent type 1: allocated but not recorded (reads as zeros). */
    int NOT_RECORDED = 1;
    /** Extent type 2: neither recorded nor allocated (a hole; reads as zeros). */
    int NOT_ALLOCATED = 2;
    /** Extent type 3: the next extent of allocation descriptors (an AED). */
    int CONTINUATION = 3;
    /** The largest extent length (30 bits). */
    long MAX_LENGTH = (1L << 30) - 1;

    /** The extent type, bits 31-30 of the extent length field. */
    int extentType();

    /** The extent length in bytes, bits 29-0. */
    long extentLength();

    /** The first logical block. */
    long logicalBlockNumber();

    /** The partition reference of the extent, or {@code icbPartition} for a short_ad, which has none. */
    int partitionReference(int icbPartition);

    /** The encoded length of this form (8, 16 or 20). */
    int length();

    /** Writes the descriptor. */
    void encode(java.nio.ByteBuffer b);

    /** Checks type and length ranges; IllegalArgumentException otherwise. */
    static void check(int extentType, long extentLength) {
        org.discimage.codec.Decoding.checkRange(extentType, 0, 3, "extentType");
        if (extentLength < 0 || extentLength > MAX_LENGTH) {
            throw new IllegalArgumentException("extent length out of range 0..2^30-1: " + extentLength);
        }
    }
}
