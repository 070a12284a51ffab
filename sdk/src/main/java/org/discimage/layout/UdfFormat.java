package org.discimage.layout;

import org.discimage.UdfRevision;
import org.discimage.udf.ExtendedFileEntry;
import org.discimage.udf.FileEntry;

/**
 * What a UDF revision changes in the structures we write: the descriptor version, File Entries or
 * Extended File Entries, and whether there is a metadata partition.
 *
 * <p><b>FE or EFE.</b> UDF 1.02 and 1.50 know only the File Entry (ECMA-167 2nd edition). From 2.00
 * on the Extended File Entry (ECMA-167 4/14.17) exists and mkudffs 2.3 writes EFEs for every
 * revision from 2.00 (seen: {@code mkudffs --media-type=hd --udfrev=2.01} records the root as an EFE
 * and adds a system stream directory EFE), but UDF 2.01 2.3.6 still allows File Entries, and
 * pycdlib 1.x reads only File Entries ("UDF File Entry Tag identifier not 261" for an EFE). So 2.01
 * keeps File Entries, which keeps the 2.01 ISO/UDF bridge readable by pycdlib; 2.50 and 2.60 use
 * EFEs everywhere (the metadata and mirror files as well, as BD authoring tools write them), since
 * no File-Entry-only reader understands a metadata partition anyway.
 *
 * <p><b>Metadata partition</b> (UDF 2.60 2.2.10, 2.2.13): for 2.50 and 2.60 the File Set Descriptor,
 * every (E)FE, every directory's FIDs and the allocation extent descriptors lie in the metadata
 * partition (partition reference 1), whose blocks are the data of the metadata file; file data
 * stays in the physical partition (reference 0) and is addressed with long_ads.
 */
final class UdfFormat {
    /** Partition reference of the physical (type 1) partition: the first map. */
    static final int PHYSICAL = 0;
    /** Partition reference of the metadata partition: the second map (UDF 2.60 2.2.10). */
    static final int METADATA = 1;

    final UdfRevision revision;
    /** Descriptor version: 2 (NSR02) or 3 (NSR03). */
    final int version;
    /** Whether the entries are Extended File Entries. */
    final boolean extended;
    /** Whether there is a metadata partition. */
    final boolean metadata;
    /** Bytes for allocation descriptors (or embedded data) in an entry without extended attributes. */
    final int adBytes;

    UdfFormat(UdfRevision revision) {
        this.revision = revision;
        this.version = UdfVolumeStructures.descriptorVersion(revision);
        this.metadata = revision.code() >= 0x0250;
        this.extended = metadata;
        this.adBytes = SectorProducer.SECTOR_SIZE - (extended ? ExtendedFileEntry.FIXED_LENGTH : FileEntry.FIXED_LENGTH);
    }

    /** The partition reference the file structures (FSD, entries, FIDs, AEDs) are addressed through. */
    int structurePartition() {
        return metadata ? METADATA : PHYSICAL;
    }

    /**
     * The allocation of {@code n}'s data: short_ads without a metadata partition; long_ads with one,
     * naming the physical partition for a file's data and the metadata partition for a directory's
     * FIDs, a long link's path components and the AEDs.
     */
    UdfAllocation allocation(UdfNode n) {
        if (!metadata) {
            return new UdfAllocation(n.dataBlock, n.dataLength, n.maxExtent, adBytes);
        }
        return new UdfAllocation(n.dataBlock, n.dataLength, n.maxExtent, adBytes, dataPartition(n), METADATA);
    }

    /** The partition reference of {@code n}'s data ADs as {@link #allocation} has it, or {@link UdfAllocation#SHORT}. */
    int dataPartition(UdfNode n) {
        if (!metadata) {
            return UdfAllocation.SHORT;
        }
        return n.item instanceof org.discimage.tree.FileItem ? PHYSICAL : METADATA;
    }

    /**
     * The AED blocks of {@code n}'s data, {@code allocation(n).aeds()}; without an allocation object
     * when every extent fits in the entry (the planner asks for every file).
     */
    int aeds(UdfNode n) {
        int adLength = metadata ? org.discimage.udf.LongAllocationDescriptor.LENGTH
                : org.discimage.udf.ShortAllocationDescriptor.LENGTH;
        if ((n.dataLength + n.maxExtent - 1) / n.maxExtent <= adBytes / adLength) {
            return 0;
        }
        return allocation(n).aeds();
    }
}
