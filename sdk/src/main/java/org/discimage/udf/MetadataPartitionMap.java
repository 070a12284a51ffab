package org.discimage.udf;

import java.nio.ByteBuffer;

/**
 * A metadata partition map, UDF 2.60 2.2.10 (type 2, {@code *UDF Metadata Partition}): 40 metadata
 * file location (4), 44 metadata mirror file location (4), 48 metadata bitmap file location (4,
 * 0xFFFFFFFF for none), 52 allocation unit size (4, blocks), 56 alignment unit size (2, blocks), 58
 * flags (1, bit 0: duplicate metadata), 59 reserved (5). The locations are logical blocks of the
 * physical partition with the same partition number.
 *
 * @param partitionTypeIdentifier       {@code *UDF Metadata Partition}
 * @param volumeSequenceNumber          volume sequence number
 * @param partitionNumber               partition number of the underlying physical partition
 * @param metadataFileLocation          block of the metadata file's (E)FE
 * @param metadataMirrorFileLocation    block of the mirror file's (E)FE
 * @param metadataBitmapFileLocation    block of the bitmap file's (E)FE, or 0xFFFFFFFF
 * @param allocationUnitSize            allocation unit size in blocks
 * @param alignmentUnitSize             alignment unit size in blocks
 * @param flags                         flags (bit 0: duplicate metadata flag)
 */
public record MetadataPartitionMap(EntityIdentifier partitionTypeIdentifier, int volumeSequenceNumber,
                                   int partitionNumber, long metadataFileLocation, long metadataMirrorFileLocation,
                                   long metadataBitmapFileLocation, long allocationUnitSize, int alignmentUnitSize,
                                   int flags) implements PartitionMap {
    /** The partition type identifier. */
    public static final String IDENTIFIER = "*UDF Metadata Partition";

    /** Checks the ranges. */
    public MetadataPartitionMap {
        java.util.Objects.requireNonNull(partitionTypeIdentifier, "partitionTypeIdentifier");
        Le.u16Arg(volumeSequenceNumber, "volumeSequenceNumber");
        Le.u16Arg(partitionNumber, "partitionNumber");
        Le.u32Arg(metadataFileLocation, "metadataFileLocation");
        Le.u32Arg(metadataMirrorFileLocation, "metadataMirrorFileLocation");
        Le.u32Arg(metadataBitmapFileLocation, "metadataBitmapFileLocation");
        Le.u32Arg(allocationUnitSize, "allocationUnitSize");
        Le.u16Arg(alignmentUnitSize, "alignmentUnitSize");
        org.discimage.codec.Decoding.checkRange(flags, 0, 255, "flags");
    }

    /** Whether the mirror file holds its own copy of the metadata (flags bit 0). */
    public boolean duplicated() {
        return (flags & 1) != 0;
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
        Le.put32(d, 40, metadataFileLocation);
        Le.put32(d, 44, metadataMirrorFileLocation);
        Le.put32(d, 48, metadataBitmapFileLocation);
        Le.put32(d, 52, allocationUnitSize);
        Le.put16(d, 56, alignmentUnitSize);
        Le.put8(d, 58, flags);
        b.position(b.position() + 64);
    }
}
