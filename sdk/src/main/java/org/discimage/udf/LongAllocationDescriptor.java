package org.discimage.udf;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.discimage.error.DiscImageException;

/**
 * A long allocation descriptor (long_ad), ECMA-167 4/14.14.2: extent length with type (4), extent
 * location lb_addr (6), implementation use (6; UDF 2.60 2.3.10.1: flags (2), bit 0 "erased", then
 * 4 bytes of implementation use).
 *
 * @param extentType        bits 31-30 of the length field
 * @param extentLength      bytes, bits 29-0
 * @param location          extent location
 * @param implementationUse the 6 implementation use bytes
 */
public record LongAllocationDescriptor(int extentType, long extentLength, LogicalBlockAddress location,
                                       byte[] implementationUse) implements AllocationDescriptor {
    /** Bytes in a long_ad. */
    public static final int LENGTH = 16;

    /** Checks the ranges and copies the array (null means 6 zero bytes). */
    public LongAllocationDescriptor {
        AllocationDescriptor.check(extentType, extentLength);
        java.util.Objects.requireNonNull(location, "location");
        implementationUse = Le.fixed(implementationUse, 6, "implementationUse");
    }

    /** A recorded extent with zero implementation use. */
    public static LongAllocationDescriptor of(long extentLength, long logicalBlockNumber, int partition) {
        return new LongAllocationDescriptor(RECORDED, extentLength, new LogicalBlockAddress(logicalBlockNumber,
                partition), null);
    }

    /**
     * Writes the 16 bytes of a long_ad with zero implementation use at {@code a[off]} (an encoder's
     * destination, no record); IllegalArgumentException for a type, length or field out of range.
     */
    public static void put(byte[] a, int off, int extentType, long extentLength, long logicalBlockNumber,
                           int partition) {
        AllocationDescriptor.check(extentType, extentLength);
        Le.u32Arg(logicalBlockNumber, "logicalBlockNumber");
        Le.u16Arg(partition, "partitionReferenceNumber");
        Le.put32(a, off, (long) extentType << 30 | extentLength);
        Le.put32(a, off + 4, logicalBlockNumber);
        Le.put16(a, off + 8, partition);
        java.util.Arrays.fill(a, off + 10, off + LENGTH, (byte) 0);
    }

    /** The implementation use bytes (a copy). */
    @Override
    public byte[] implementationUse() {
        return implementationUse.clone();
    }

    @Override
    public long logicalBlockNumber() {
        return location.logicalBlockNumber();
    }

    @Override
    public int partitionReference(int icbPartition) {
        return location.partitionReferenceNumber();
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put32(d, 0, (long) extentType << 30 | extentLength);
        Le.put32(d, 4, location.logicalBlockNumber());
        Le.put16(d, 8, location.partitionReferenceNumber());
        Le.putBytes(d, 10, implementationUse);
        b.position(b.position() + LENGTH);
    }

    /** Reads 16 bytes; MALFORMED_STRUCTURE only if fewer remain. */
    public static LongAllocationDescriptor decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, "LongAllocationDescriptor");
        b.position(b.position() + LENGTH);
        long len = Le.u32(d, 0);
        return new LongAllocationDescriptor((int) (len >>> 30), len & MAX_LENGTH,
                new LogicalBlockAddress(Le.u32(d, 4), Le.u16(d, 8)), Le.bytes(d, 10, 6));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongAllocationDescriptor l && l.extentType == extentType
                && l.extentLength == extentLength && l.location.equals(location)
                && Arrays.equals(l.implementationUse, implementationUse);
    }

    @Override
    public int hashCode() {
        return location.hashCode() * 31 + Long.hashCode(extentLength) + extentType;
    }

    @Override
    public String toString() {
        return "LongAllocationDescriptor[type=" + extentType + ", length=" + extentLength + ", " + location + "]";
    }
}
