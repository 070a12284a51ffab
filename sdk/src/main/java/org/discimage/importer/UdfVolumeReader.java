package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.discimage.UdfRevision;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.FileSetDescriptor;
import org.discimage.udf.LongAllocationDescriptor;

/**
 * Reads the UDF volume of a session (ECMA-167 3/8.4 and 4/8; OSTA UDF 2.60): the Volume Recognition
 * Sequence at the session start + 16, an Anchor Volume Descriptor Pointer, the Volume Descriptor
 * Sequence, the File Set Descriptor and the directory hierarchy below its root ICB.
 *
 * <p>Partitions of every kind are read: physical, sparable (CD-RW), virtual (VAT, UDF 1.50 and 2.00+)
 * and metadata (UDF 2.50+); extents are translated to absolute sectors. Only 2048-byte logical
 * blocks are supported. Strict by default: a descriptor with a wrong CRC, checksum or location is
 * MALFORMED_STRUCTURE naming the structure and LBA; lenient mode accepts a wrong tag location or a
 * CRC length beyond the block, with a diagnostic. Every chain (VDPs, AEDs, indirect entries, the
 * VAT scan) and the directory data are bounded, and the walk is iterative.
 *
 * <p>How UDF maps to {@link ImportedEntry}: the mode is the owner/group/other read-write-execute bits
 * of the permissions (UDF 2.60 3.3.3.3) with setuid/setgid/sticky from the ICB flags and the type bits
 * from the ICB file type; a uid or gid of 0xFFFFFFFF ("not specified") becomes 0; times are the
 * modification, access and attribute times (an invalid modification time becomes the epoch, with a
 * diagnostic); the link count is the File Link Count; {@code fileId} is {@code partition reference << 32
 * | logical block} of the ICB the FID names, so hard links share it. Data embedded in the ICB becomes
 * {@link ImportedEntry#embeddedData()}; extents are absolute sectors after partition, sparing, VAT and
 * metadata translation. Unrecorded extents (types 1 and 2) read as zeros: at the end of a file they are
 * not in the extents (the size still counts them; a diagnostic says so), before recorded data they make
 * the file FILE_SYSTEM_FEATURE_NOT_SUPPORTED (lenient: skipped with a diagnostic). Devices carry the
 * major and minor numbers of their device specification extended attribute; FIFOs and sockets are left
 * out with a diagnostic, as are named streams (the entry is flagged {@code NAMED_STREAMS}).
 */
final class UdfVolumeReader {
    private final UdfMedium medium;
    private final UdfVolumeDescriptors vds;
    private final UdfPartitions partitions;
    private final FileSetDescriptor fsd;
    private final long fsdSector;

    private UdfVolumeReader(UdfMedium medium, UdfVolumeDescriptors vds, UdfPartitions partitions,
                            FileSetDescriptor fsd, long fsdSector) {
        this.medium = medium;
        this.vds = vds;
        this.partitions = partitions;
        this.fsd = fsd;
        this.fsdSector = fsdSector;
    }

    /**
     * The UDF volume of the session starting at {@code sessionStart}, or null when the Volume
     * Recognition Sequence there has no NSR02 or NSR03 descriptor.
     */
    static UdfVolumeReader open(SectorReader sectors, long sessionStart, ImportOptions options) throws IOException {
        UdfMedium medium = new UdfMedium(sectors, options);
        if (!UdfVolumeDescriptors.hasNsr(medium, sessionStart)) {
            return null;
        }
        UdfVolumeDescriptors vds = UdfVolumeDescriptors.read(medium, sessionStart);
        long blockSize = vds.lvd.logicalBlockSize();
        if (blockSize != UdfMedium.BLOCK) {
            throw new DiscImageException(ErrorCode.FILE_SYSTEM_FEATURE_NOT_SUPPORTED, "logical volume descriptor at"
                    + " LBA " + vds.lvd.tag().location() + ": logical block size " + blockSize
                    + " is not supported (only 2048)");
        }
        UdfPartitions partitions = UdfPartitionLoader.load(medium, vds);
        LongAllocationDescriptor at = vds.lvd.fileSetDescriptorLocation();
        long fsdSector = partitions.sector(at.location().partitionReferenceNumber(), at.logicalBlockNumber(),
                "file set descriptor", vds.lvd.tag().location());
        return new UdfVolumeReader(medium, vds, partitions, fileSet(medium, at.logicalBlockNumber(), fsdSector),
                fsdSector);
    }

    /** The File Set Descriptor the LVD's contents use points to (UDF 2.60 2.2.4.4). */
    private static FileSetDescriptor fileSet(UdfMedium medium, long lbn, long sector) throws IOException {
        String s = "file set descriptor";
        ByteBuffer b = medium.block(sector, s);
        medium.check(b, DescriptorTag.ID_FSD, lbn, s, sector);
        try {
            return FileSetDescriptor.decode(b, false);
        } catch (DiscImageException e) {
            throw Malformed.wrap(s, sector, 0, e);
        }
    }

    /**
     * The revision of the volume: the LVD's domain identifier suffix (UDF 2.60 2.1.5.3), else the
     * LVID's minimum UDF read revision; null when neither is a known revision.
     */
    UdfRevision revision() {
        UdfRevision r = UdfRevision.ofCode(vds.lvd.domainIdentifier().udfRevision());
        if (r == null && vds.lvid != null) {
            r = UdfRevision.ofCode(vds.lvid.minimumUdfReadRevision());
        }
        return r;
    }

    /**
     * The absolute start sector of partition reference 0 when it is a plain physical partition
     * (type 1 map, no sparing), else -1: where a later session's partition must start to reach the
     * files this volume records (DESIGN "UDF across sessions").
     */
    long physicalPartitionStart() {
        return partitions.size() > 0 && partitions.get(0) instanceof UdfPartitions.Physical p && p.spared() == null
                ? p.start() : -1;
    }

    /** The logical volume identifier of the LVD. */
    String volumeName() {
        return vds.lvd.logicalVolumeIdentifier();
    }

    /** The tree in pre-order, the root {@code /} first. */
    List<ImportedEntry> readTree() throws IOException {
        return new UdfTreeWalker(medium, partitions).walk(fsd.rootDirectoryIcb(), fsdSector);
    }
}
