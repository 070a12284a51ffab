package org.discimage.udf;

import java.nio.ByteBuffer;

/**
 * A type 1 partition map, ECMA-167 3/10.7.2: type 1, length 6, volume sequence number (2),
 * partition number (2). Its blocks are the sectors of the partition from its starting location.
 *
 * @param volumeSequenceNumber volume sequence number (1)
 * @param partitionNumber      the partition number of a Partition Descriptor
 */
public record Type1PartitionMap(int volumeSequenceNumber, int partitionNumber) implements PartitionMap {
    /** Bytes in the map. */
    public static final int LENGTH = 6;

    /** Checks the ranges. */
    public Type1PartitionMap {
        Le.u16Arg(volumeSequenceNumber, "volumeSequenceNumber");
        Le.u16Arg(partitionNumber, "partitionNumber");
    }

    @Override
    public int mapType() {
        return 1;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put8(d, 0, 1);
        Le.put8(d, 1, LENGTH);
        Le.put16(d, 2, volumeSequenceNumber);
        Le.put16(d, 4, partitionNumber);
        b.position(b.position() + LENGTH);
    }
}
