package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * An extended allocation descriptor (ext_ad), ECMA-167 4/14.14.3: extent length with type (4),
 * recorded length (4), information length (4), extent location lb_addr (6), implementation use (2).
 * UDF writers do not produce it (UDF 2.60 2.3.10.2 forbids it), but a reader accepts it.
 *
 * @param extentType        bits 31-30 of the extent length field
 * @param extentLength      bytes, bits 29-0
 * @param recordedLength    bytes recorded (bits 29-0)
 * @param informationLength bytes of information (bits 29-0)
 * @param location          extent location
 * @param implementationUse the 2 implementation use bytes as a number
 */
public record ExtendedAllocationDescriptor(int extentType, long extentLength, long recordedLength,
                                           long informationLength, LogicalBlockAddress location,
                                           int implementationUse) implements AllocationDescriptor {
    /** Bytes in an ext_ad. */
    public static final int LENGTH = 20;

    /** Checks the ranges. */
    public ExtendedAllocationDescriptor {
        AllocationDescriptor.check(extentType, extentLength);
        Le.u32Arg(recordedLength, "recordedLength");
        Le.u32Arg(informationLength, "informationLength");
        java.util.Objects.requireNonNull(location, "location");
        Le.u16Arg(implementationUse, "implementationUse");
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
        Le.put32(d, 4, recordedLength);
        Le.put32(d, 8, informationLength);
        Le.put32(d, 12, location.logicalBlockNumber());
        Le.put16(d, 16, location.partitionReferenceNumber());
        Le.put16(d, 18, implementationUse);
        b.position(b.position() + LENGTH);
    }

    /** Reads 20 bytes; MALFORMED_STRUCTURE only if fewer remain. */
    public static ExtendedAllocationDescriptor decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, "ExtendedAllocationDescriptor");
        b.position(b.position() + LENGTH);
        long len = Le.u32(d, 0);
        return new ExtendedAllocationDescriptor((int) (len >>> 30), len & MAX_LENGTH, Le.u32(d, 4),
                Le.u32(d, 8), new LogicalBlockAddress(Le.u32(d, 12), Le.u16(d, 16)), Le.u16(d, 18));
    }
}
