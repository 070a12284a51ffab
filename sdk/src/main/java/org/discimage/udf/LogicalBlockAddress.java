package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * A recorded address (lb_addr), ECMA-167 4/7.1: logical block number (4) within the partition whose
 * partition reference number (2) follows.
 *
 * @param logicalBlockNumber      the block within the partition
 * @param partitionReferenceNumber index into the LVD's partition maps
 */
public record LogicalBlockAddress(long logicalBlockNumber, int partitionReferenceNumber) {
    /** Bytes in an lb_addr. */
    public static final int LENGTH = 6;

    /** Checks the ranges. */
    public LogicalBlockAddress {
        Le.u32Arg(logicalBlockNumber, "logicalBlockNumber");
        Le.u16Arg(partitionReferenceNumber, "partitionReferenceNumber");
    }

    /** Always 6. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 6 bytes. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put32(d, 0, logicalBlockNumber);
        Le.put16(d, 4, partitionReferenceNumber);
        b.position(b.position() + LENGTH);
    }

    /** Reads 6 bytes; MALFORMED_STRUCTURE only if fewer remain. */
    public static LogicalBlockAddress decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, "LogicalBlockAddress");
        b.position(b.position() + LENGTH);
        return new LogicalBlockAddress(Le.u32(d, 0), Le.u16(d, 4));
    }
}
