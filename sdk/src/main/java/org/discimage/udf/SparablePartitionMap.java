package org.discimage.udf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * A sparable partition map, UDF 2.60 2.2.9 (type 2, {@code *UDF Sparable Partition}): 40 packet
 * length (2, blocks), 42 number of sparing tables (1, 1-4), 43 reserved, 44 size of each sparing
 * table (4, bytes), 48 locations of the sparing tables (4 each, absolute sectors), zero padded to 64.
 *
 * @param partitionTypeIdentifier {@code *UDF Sparable Partition}
 * @param volumeSequenceNumber    volume sequence number
 * @param partitionNumber         partition number
 * @param packetLength            blocks per packet (32 for CD-RW, 16 for DVD)
 * @param sparingTableSize        bytes of each sparing table
 * @param sparingTableLocations   1 to 4 sector numbers
 */
public record SparablePartitionMap(EntityIdentifier partitionTypeIdentifier, int volumeSequenceNumber,
                                   int partitionNumber, int packetLength, long sparingTableSize,
                                   List<Long> sparingTableLocations) implements PartitionMap {
    /** The partition type identifier. */
    public static final String IDENTIFIER = "*UDF Sparable Partition";

    /** Checks the ranges, copies the list. */
    public SparablePartitionMap {
        java.util.Objects.requireNonNull(partitionTypeIdentifier, "partitionTypeIdentifier");
        Le.u16Arg(volumeSequenceNumber, "volumeSequenceNumber");
        Le.u16Arg(partitionNumber, "partitionNumber");
        Le.u16Arg(packetLength, "packetLength");
        Le.u32Arg(sparingTableSize, "sparingTableSize");
        sparingTableLocations = List.copyOf(sparingTableLocations);
        if (sparingTableLocations.isEmpty() || sparingTableLocations.size() > 4) {
            throw new IllegalArgumentException("1 to 4 sparing tables, not " + sparingTableLocations.size());
        }
        sparingTableLocations.forEach(l -> Le.u32Arg(l, "sparingTableLocation"));
    }

    static SparablePartitionMap decodeBody(EntityIdentifier id, int vsn, int pn, ByteBuffer d)
            throws DiscImageException {
        int n = Le.u8(d, 42);
        if (n < 1 || n > 4) {
            throw Decoding.malformed("SparablePartitionMap.numberOfSparingTables", 42, n + " tables, not 1 to 4");
        }
        List<Long> locations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            locations.add(Le.u32(d, 48 + 4 * i));
        }
        return new SparablePartitionMap(id, vsn, pn, Le.u16(d, 40), Le.u32(d, 44), locations);
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
        Le.put16(d, 40, packetLength);
        Le.put8(d, 42, sparingTableLocations.size());
        Le.put32(d, 44, sparingTableSize);
        for (int i = 0; i < sparingTableLocations.size(); i++) {
            Le.put32(d, 48 + 4 * i, sparingTableLocations.get(i));
        }
        b.position(b.position() + 64);
    }
}
