package org.discimage.layout;

import java.time.Instant;
import java.util.List;

import org.discimage.UdfRevision;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.EntityIdentifier;
import org.discimage.udf.ExtendedFileEntry;
import org.discimage.udf.IcbTag;
import org.discimage.udf.LogicalBlockAddress;
import org.discimage.udf.LongAllocationDescriptor;
import org.discimage.udf.MetadataPartitionMap;
import org.discimage.udf.Timestamp;

/**
 * The metadata partition of a UDF 2.50/2.60 volume (UDF 2.60 2.2.10, 2.2.13), placed in the physical
 * partition (blocks relative to its start):
 * <pre>
 *   0              metadata file EFE (file type 250)
 *   1              metadata mirror file EFE (file type 251)
 *   2..31          zeros (the metadata file's data starts on an alignment unit)
 *   32..32+M-1     the metadata file's data = blocks 0..M-1 of the metadata partition
 *   32+M..32+2M-1  the mirror file's data: a second copy (duplicate metadata flag set); without
 *                  the flag nothing, and the mirror's ADs name the metadata file's own blocks
 *   then           file data (and, in the bridge, the ISO 9660 structures)
 * </pre>
 * M is the metadata blocks rounded up to the allocation unit (32 blocks, the BD ECC block; UDF 2.60
 * 2.2.10: the metadata file and its mirror grow in allocation units, their extents start on
 * alignment units). The mirror lies right after the metadata file rather than "far apart" from
 * it as UDF 2.60 2.2.13.1 (UDF 2.50 errata DCN-5106) advises against media defects — the OSTA UDF
 * verifier only notes that, it is not an error (justdan96/tsMuxer issue 498) — because 7-Zip
 * (26.02) sizes a UDF image by the end of its file data and then accepts only zeros and anchors up
 * to the end of the image; a mirror after the file data makes it report "Headers Error" and
 * "There are data after the end of archive" (seen by experiment), and an image file has no
 * defects to spread the copies against.
 *
 * <p>No metadata bitmap file: it records free space for rewriting, and a mastered read-only
 * volume has none (its location is 0xFFFFFFFF, UDF 2.60 2.2.10). The mirror is written as a
 * separate copy by default, as IMAPI2 does (IFileSystemImage3.CreateRedundantUdfMetadataFiles
 * defaults to TRUE): a reader falls back to it when a block of the metadata file is unreadable.
 */
final class UdfMetadataPartition {
    /** Allocation unit and alignment unit, in blocks (UDF 2.60 2.2.10). */
    static final int UNIT = 32;
    /** Physical-partition block of the metadata file's EFE. */
    static final long FILE_ICB = 0;
    /** Physical-partition block of the metadata mirror file's EFE. */
    static final long MIRROR_ICB = 1;
    /** Physical-partition block where the metadata file's data starts. */
    static final long FILE_DATA = UNIT;
    private static final LongAllocationDescriptor NONE = new LongAllocationDescriptor(0, 0,
            new LogicalBlockAddress(0, 0), null);

    /** Blocks of the metadata partition (a multiple of {@link #UNIT}). */
    final long blocks;
    /** Whether the mirror holds a copy of its own (the duplicate metadata flag). */
    final boolean duplicate;
    /** Session-relative block (from this session's partition area) of the mirror's data. */
    final long mirrorData;
    /**
     * The physical-partition block of this session's partition area: 0 in a first session; in a
     * session appended to a UDF volume whose partition reaches back over the earlier sessions
     * ({@link UdfBridgePlanner}), the distance from that partition's start. The constants above
     * are relative to it; the recorded locations (map, EFE tags, short_ads) add it.
     */
    final long origin;

    /** @param metadataBlocks blocks of FSD, entries, FIDs and AEDs; rounded up to the allocation unit */
    UdfMetadataPartition(long metadataBlocks, boolean duplicate) {
        this(metadataBlocks, duplicate, 0);
    }

    UdfMetadataPartition(long metadataBlocks, boolean duplicate, long origin) {
        this.blocks = roundUp(Math.max(metadataBlocks, 1), UNIT);
        this.duplicate = duplicate;
        this.mirrorData = duplicate ? FILE_DATA + blocks : FILE_DATA;
        this.origin = origin;
    }

    static long roundUp(long n, long unit) {
        return (n + unit - 1) / unit * unit;
    }

    /** The first physical-partition block after the metadata file's and the mirror's data: where file data may start. */
    long end() {
        return FILE_DATA + (duplicate ? 2 * blocks : blocks);
    }

    /** The type-2 map (UDF 2.60 2.2.10) of the metadata partition on physical partition number 0. */
    MetadataPartitionMap map(UdfRevision revision) {
        return new MetadataPartitionMap(EntityIdentifier.withRevision(MetadataPartitionMap.IDENTIFIER, revision.code()),
                1, 0, origin + FILE_ICB, origin + MIRROR_ICB, 0xFFFF_FFFFL, UNIT, UNIT, duplicate ? 1 : 0);
    }

    /**
     * The two EFEs, in physical-partition blocks {@link #FILE_ICB} and {@link #MIRROR_ICB}: file
     * types 250 and 251, short_ads in the physical partition: the map's locations are blocks of the
     * physical partition (UDF 2.60 2.2.10), and Linux reads these files only with short_ads
     * (docs/formats.md 5.9).
     */
    SectorProducer entries(UdfFormat format, Instant time) {
        Timestamp t = Timestamp.of(time);
        return UdfVolumeStructures.sequence(List.of(
                b -> entry(format, t, origin + FILE_ICB, IcbTag.TYPE_METADATA, origin + FILE_DATA).encode(b),
                b -> entry(format, t, origin + MIRROR_ICB, IcbTag.TYPE_METADATA_MIRROR, origin + mirrorData).encode(b)));
    }

    private ExtendedFileEntry entry(UdfFormat format, Timestamp t, long at, int type, long data) {
        long bytes = blocks * SectorProducer.SECTOR_SIZE;
        UdfAllocation a = new UdfAllocation(data, bytes, UdfAllocation.MAX_EXTENT, format.adBytes);
        if (a.aeds() > 0) {
            // 229 extents of 1 GiB: far beyond any disc's metadata
            throw new IllegalStateException("metadata file of " + blocks + " blocks needs allocation extent descriptors");
        }
        IcbTag tag = new IcbTag(0, 4, 0, 1, type, new LogicalBlockAddress(0, 0), IcbTag.AD_SHORT);
        // a system file: owner and group not specified (0xFFFFFFFF, UDF 2.60 3.3.3.1), no permissions
        return new ExtendedFileEntry(DescriptorTag.of(DescriptorTag.ID_EFE, format.version, UdfVolumeStructures.SERIAL,
                at), tag, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 0, 1, 0, 0, 0, bytes, bytes, blocks, t, t, t, t, 1, NONE, NONE,
                UdfVolumeStructures.IMPLEMENTATION, 0, new byte[0], a.icbAds(0));
    }
}
