package org.discimage.udf;

import java.nio.ByteBuffer;

/**
 * A virtual partition map, UDF 2.60 2.2.8 (type 2, {@code *UDF Virtual Partition}): blocks of the
 * partition are virtual block numbers that the VAT maps to blocks of the physical partition with
 * the same partition number. Bytes 40-63 are reserved.
 *
 * @param partitionTypeIdentifier {@code *UDF Virtual Partition} with a UDF suffix
 * @param volumeSequenceNumber    volume sequence number
 * @param partitionNumber         partition number of the underlying physical partition
 */
public record VirtualPartitionMap(EntityIdentifier partitionTypeIdentifier, int volumeSequenceNumber,
                                  int partitionNumber) implements PartitionMap {
    /** The partition type identifier. */
    public static final String IDENTIFIER = "*UDF Virtual Partition";

    /** Checks the ranges. */
    public VirtualPartitionMap {
        java.util.Objects.requireNonNull(partitionTypeIdentifier, "partitionTypeIdentifier");
        Le.u16Arg(volumeSequenceNumber, "volumeSequenceNumber");
        Le.u16Arg(partitionNumber, "partitionNumber");
    }

    @Override
    public int mapType() {
        return 2;
    }

    @Override
    public int length() {
        return 64;
    }

    @Override
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, 64);
        PartitionMap.putType2Head(d, partitionTypeIdentifier, volumeSequenceNumber, partitionNumber);
        b.position(b.position() + 64);
    }
}
