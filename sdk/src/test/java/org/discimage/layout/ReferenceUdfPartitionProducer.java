package org.discimage.layout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.discimage.UdfRevision;
import org.discimage.tree.DeviceItem;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.discimage.tree.Item;
import org.discimage.tree.SymlinkItem;
import org.discimage.udf.AllocationDescriptor;
import org.discimage.udf.AllocationExtentDescriptor;
import org.discimage.udf.Charspec;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.EntityIdentifier;
import org.discimage.udf.ExtendedFileEntry;
import org.discimage.udf.FileEntry;
import org.discimage.udf.FileIdentifierDescriptor;
import org.discimage.udf.FileSetDescriptor;
import org.discimage.udf.IcbTag;
import org.discimage.udf.LogicalBlockAddress;
import org.discimage.udf.LongAllocationDescriptor;
import org.discimage.udf.ShortAllocationDescriptor;
import org.discimage.udf.TerminatingDescriptor;
import org.discimage.udf.Timestamp;

/**
 * The encoder of {@link UdfPartitionProducer} as it was before it wrote records straight into the
 * sector (commit be41078): one record object, ByteBuffer and array per File Entry, FID and
 * allocation descriptor. Kept as the reference the fast encoder must match byte for byte
 * ({@link UdfPartitionEncodingTest}). Its own copy of the allocation descriptor encoding
 * (UdfAllocation's icbAds / encodeAed of that commit) keeps it independent of the new code.
 *
 * <p>The metadata blocks at the start of the partition (for UDF 2.50+ the blocks of the metadata
 * partition, i.e. the metadata file's data, UDF 2.60 2.2.13), encoded one block at a time: the File Set
 * Descriptor and its terminator (ECMA-167 4/14.1, 4/8.3.1), one File Entry per item (4/14.9), then
 * the FIDs of every directory (4/14.4), which may run across block boundaries (4/8.6.1), and the
 * path components of long symbolic links, then the allocation extent descriptors (4/14.5). File
 * structure tag locations are logical blocks of the partition (ECMA-167 4/7.2.1). The entries are
 * File Entries or Extended File Entries as {@link UdfFormat} decides.
 */
final class ReferenceUdfPartitionProducer implements SectorProducer {
    private static final int SECTOR = SECTOR_SIZE;
    private static final LongAllocationDescriptor NONE = new LongAllocationDescriptor(0, 0,
            new LogicalBlockAddress(0, 0), null);

    private final PlanRequest request;
    private final UdfRevision revision;
    private final UdfFormat format;
    private final int version;
    private final String logicalVolumeId;
    private final List<UdfNode> nodes;
    /**
     * The partition block of this producer's first block: 0, or in a session appended to a UDF
     * volume (without a metadata partition) the distance of the session's partition area from the
     * start of the partition that reaches back over the earlier sessions ({@link UdfBridgePlanner}).
     * Tag locations and ICB addresses are partition blocks (ECMA-167 4/7.2.1), so they add it.
     */
    private final long origin;
    private long block;
    /** The directory whose FIDs are being emitted, and their bytes. */
    private int dirIndex = -1;
    private UdfNode dir;
    private byte[] fids;
    /** The item whose AEDs are being emitted (after every directory's FIDs), by index in {@link #nodes}. */
    private int aedIndex = -1;

    /** The reference for the producer {@code p}: the same request, volume, nodes and origin. */
    ReferenceUdfPartitionProducer(UdfPartitionProducer p) {
        this(p.request, p.revision, p.logicalVolumeId, p.nodes, p.origin);
    }

    ReferenceUdfPartitionProducer(PlanRequest request, UdfRevision revision, String logicalVolumeId, List<UdfNode> nodes,
                         long origin) {
        this.origin = origin;
        this.request = request;
        this.revision = revision;
        this.format = new UdfFormat(revision);
        this.version = format.version;
        this.logicalVolumeId = logicalVolumeId;
        this.nodes = nodes;
    }

    @Override
    public void next(ByteBuffer dst) throws IOException {
        int start = dst.position();
        long b = block++;
        long p = origin + b;
        if (b == 0) {
            fileSet().encode(dst);
        } else if (b == 1) {
            new TerminatingDescriptor(DescriptorTag.of(DescriptorTag.ID_TD, version, UdfVolumeStructures.SERIAL, p))
                    .encode(dst);
        } else if (b < UdfImagePlanner.FILE_SET_BLOCKS + nodes.size()) {
            fileEntry(nodes.get((int) (b - UdfImagePlanner.FILE_SET_BLOCKS)), dst);
        } else if (!aedBlock(p, dst)) {
            directoryBlock(p, dst);
        }
        dst.position(start + SECTOR);
    }

    /** ECMA-167 4/14.1, UDF 2.60 2.3.2: the one file set; its root ICB; the domain with the revision. */
    private FileSetDescriptor fileSet() {
        Timestamp t = Timestamp.of(request.creationTime());
        UdfNode root = nodes.get(0);
        return new FileSetDescriptor(DescriptorTag.of(DescriptorTag.ID_FSD, version, UdfVolumeStructures.SERIAL, origin),
                t, 3, 3, 1, 1, 0, 0, Charspec.OSTA, logicalVolumeId, Charspec.OSTA,
                UdfVolumeStructures.fit(logicalVolumeId, 32), "", "", icb(root),
                EntityIdentifier.withRevision(EntityIdentifier.OSTA_DOMAIN, revision.code()), NONE, NONE);
    }

    /** Writes the next block of FIDs, computing a directory's FIDs when its first block comes. */
    private void directoryBlock(long b, ByteBuffer dst) {
        while (dir == null || b >= dir.dataBlock + UdfImagePlanner.sectors(dir.dataLength)) {
            do {
                dirIndex++;
            } while (!(nodes.get(dirIndex).isDirectory() && !nodes.get(dirIndex).embedded)
                    && !UdfImagePlanner.linkInBlocks(nodes.get(dirIndex)));
            dir = nodes.get(dirIndex);
            fids = dir.isDirectory() ? fids(dir) : dir.linkData;
        }
        int off = (int) ((b - dir.dataBlock) * SECTOR);
        dst.put(fids, off, Math.min(SECTOR, fids.length - off));
    }

    /**
     * Writes block {@code b} if it is an Allocation Extent Descriptor (they follow the FIDs, item by
     * item in node order); returns false if it is not.
     */
    private boolean aedBlock(long b, ByteBuffer dst) {
        if (aedIndex < 0) {
            aedIndex = nextWithAeds(-1);
        }
        while (aedIndex < nodes.size() && b >= nodes.get(aedIndex).aedBlock + nodes.get(aedIndex).aeds) {
            aedIndex = nextWithAeds(aedIndex);
        }
        if (aedIndex >= nodes.size() || b < nodes.get(aedIndex).aedBlock) {
            return false;
        }
        UdfNode n = nodes.get(aedIndex);
        allocation(n).encodeAed((int) (b - n.aedBlock), n.aedBlock, version, UdfVolumeStructures.SERIAL, dst);
        return true;
    }

    private int nextWithAeds(int i) {
        do {
            i++;
        } while (i < nodes.size() && nodes.get(i).aeds == 0);
        return i;
    }

    private OldAllocation allocation(UdfNode n) {
        if (!format.metadata) {
            return new OldAllocation(n.dataBlock, n.dataLength, n.maxExtent, format.adBytes, OldAllocation.SHORT, 0);
        }
        int data = n.item instanceof FileItem ? UdfFormat.PHYSICAL : UdfFormat.METADATA;
        return new OldAllocation(n.dataBlock, n.dataLength, n.maxExtent, format.adBytes, data, UdfFormat.METADATA);
    }

    /** UdfAllocation's encoding as of commit be41078: a ByteBuffer and a record per descriptor. */
    private static final class OldAllocation {
        static final int SHORT = -1;
        private final long first;
        private final long length;
        private final long maxExtent;
        private final long extents;
        private final int icbSlots;
        private final int dataPartition;
        private final int aedPartition;
        private final int adLength;
        private final int perAed;

        OldAllocation(long first, long length, long maxExtent, int icbAdBytes, int dataPartition, int aedPartition) {
            this.dataPartition = dataPartition;
            this.aedPartition = aedPartition;
            this.adLength = dataPartition == SHORT ? ShortAllocationDescriptor.LENGTH : LongAllocationDescriptor.LENGTH;
            this.perAed = (SECTOR - AllocationExtentDescriptor.FIXED_LENGTH) / adLength;
            this.first = first;
            this.length = length;
            this.maxExtent = maxExtent;
            this.extents = (length + maxExtent - 1) / maxExtent;
            this.icbSlots = icbAdBytes / adLength;
        }

        private long inIcb() {
            return extents <= icbSlots ? extents : icbSlots - 1;
        }

        byte[] icbAds(long firstAed) {
            long n = inIcb();
            boolean more = n < extents;
            ByteBuffer b = ByteBuffer.allocate((int) (n + (more ? 1 : 0)) * adLength);
            put(b, 0, n);
            if (more) {
                ad(AllocationDescriptor.CONTINUATION, SECTOR, firstAed, aedPartition).encode(b);
            }
            return b.array();
        }

        void encodeAed(int index, long firstAed, int version, int serial, ByteBuffer dst) {
            long from = inIcb();
            for (int i = 0; i < index; i++) {
                long rest = extents - from;
                from += rest <= perAed ? rest : perAed - 1;
            }
            long rest = extents - from;
            long n = rest <= perAed ? rest : perAed - 1;
            boolean more = n < rest;
            ByteBuffer b = ByteBuffer.allocate((int) (n + (more ? 1 : 0)) * adLength);
            put(b, from, n);
            if (more) {
                ad(AllocationDescriptor.CONTINUATION, SECTOR, firstAed + index + 1, aedPartition).encode(b);
            }
            long block = firstAed + index;
            new AllocationExtentDescriptor(DescriptorTag.of(DescriptorTag.ID_AED, version, serial, block), 0,
                    b.array()).encode(dst);
        }

        private void put(ByteBuffer b, long from, long n) {
            for (long i = from; i < from + n; i++) {
                long offset = i * maxExtent;
                long len = Math.min(maxExtent, length - offset);
                ad(AllocationDescriptor.RECORDED, len, first + offset / SECTOR, dataPartition).encode(b);
            }
        }

        private AllocationDescriptor ad(int type, long length, long block, int partition) {
            return dataPartition == SHORT ? new ShortAllocationDescriptor(type, length, block)
                    : new LongAllocationDescriptor(type, length, new LogicalBlockAddress(block, partition), null);
        }
    }

    /** The parent FID (ECMA-167 4/14.4.3: the root's parent is itself), then one FID per child. */
    private byte[] fids(UdfNode d) {
        ByteBuffer b = ByteBuffer.allocate((int) d.dataLength);
        UdfNode parent = d.parent == null ? d : d.parent;
        fid(b, d, FileIdentifierDescriptor.PARENT | FileIdentifierDescriptor.DIRECTORY, parent, new byte[0]);
        for (UdfNode c : d.children) {
            int characteristics = (c.isDirectory() ? FileIdentifierDescriptor.DIRECTORY : 0)
                    | (c.item.isHidden() ? FileIdentifierDescriptor.HIDDEN : 0);
            fid(b, d, characteristics, c, cs0(c.item.name()));
        }
        return b.array();
    }

    private void fid(ByteBuffer b, UdfNode d, int characteristics, UdfNode target, byte[] name) {
        long location = d.dataBlock + b.position() / SECTOR;  // the block the FID starts in
        new FileIdentifierDescriptor(DescriptorTag.of(DescriptorTag.ID_FID, version, UdfVolumeStructures.SERIAL,
                location), 1, characteristics, icb(target), new byte[0], name).encode(b);
    }

    /** Cs0.encode as of commit be41078 (OSTA compressed Unicode, UDF 2.60 2.1.1). */
    private static byte[] cs0(String s) {
        if (s.isEmpty()) {
            return new byte[0];
        }
        boolean wide = s.chars().anyMatch(c -> c > 0xFF);
        byte[] out = new byte[1 + s.length() * (wide ? 2 : 1)];
        out[0] = (byte) (wide ? 16 : 8);
        for (int i = 0, j = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (wide) {
                out[j++] = (byte) (c >>> 8);
            }
            out[j++] = (byte) c;
        }
        return out;
    }

    /**
     * The long_ad of an item's File Entry, in the partition of the file structures (the metadata
     * partition for 2.50+); its implementation use holds the UDF unique ID (UDF 2.60 2.3.4.3). A hard
     * link's FID points at its file's one entry (the first name's) with a unique ID of its own.
     */
    private LongAllocationDescriptor icb(UdfNode n) {
        byte[] use = new byte[6];
        ByteBuffer.wrap(use).order(ByteOrder.LITTLE_ENDIAN).putInt(2, (int) n.uniqueId);
        long entry = (n.linkTarget == null ? n : n.linkTarget).icb;
        return new LongAllocationDescriptor(0, SECTOR, new LogicalBlockAddress(entry, format.structurePartition()), use);
    }

    /**
     * ECMA-167 4/14.9 (4/14.17 for an EFE): strategy 4, one entry; short_ads in the partition (long_ads
     * with a metadata partition; continued in AEDs), or the
     * data embedded (UDF 2.60 2.3.10); a device's numbers in its EA space (4/14.10.7). Owner, group and permissions as UDF 2.60 3.3.3.3
     * maps them from POSIX.
     */
    private void fileEntry(UdfNode n, ByteBuffer dst) throws IOException {
        Item item = n.item;
        int type;
        int adType;
        byte[] ads;
        long blocks;
        byte[] ea = new byte[0];
        if (item instanceof DeviceItem d) {
            // ECMA-167 4/14.6.6 types 6 and 7; major and minor in a device specification EA (4/14.10.7)
            type = UdfDeviceAttributes.fileType(d);
            adType = IcbTag.AD_SHORT;
            ads = new byte[0];
            blocks = 0;
            ea = UdfDeviceAttributes.encode(d, n.icb, version, UdfVolumeStructures.SERIAL);
        } else if (UdfImagePlanner.linkInBlocks(n)) {
            // UDF 2.60 2.3.12: the path components are the file's data; here in blocks after the FIDs
            type = IcbTag.TYPE_SYMLINK;
            adType = format.metadata ? IcbTag.AD_LONG : IcbTag.AD_SHORT;
            ads = allocation(n).icbAds(0);
            blocks = UdfImagePlanner.sectors(n.dataLength);
        } else if (item instanceof SymlinkItem) {
            type = IcbTag.TYPE_SYMLINK;
            adType = IcbTag.AD_EMBEDDED;
            ads = n.linkData;
            blocks = 0;
        } else if (n.embedded) {
            // ECMA-167 4/14.6.8 type 3, UDF 2.60 2.3.10: the bytes (a file's, or a directory's FIDs) in the AD area
            type = item instanceof Directory ? IcbTag.TYPE_DIRECTORY : IcbTag.TYPE_FILE;
            adType = IcbTag.AD_EMBEDDED;
            ads = item instanceof Directory ? fids(n) : UdfEmbedding.read((FileItem) item);
            blocks = 0;
        } else {
            type = item instanceof Directory ? IcbTag.TYPE_DIRECTORY : IcbTag.TYPE_FILE;
            adType = format.metadata ? IcbTag.AD_LONG : IcbTag.AD_SHORT;
            ads = allocation(n).icbAds(n.aedBlock);
            blocks = UdfImagePlanner.sectors(n.dataLength);
        }
        int mode = item.mode();
        int flags = adType | ((mode & 04000) != 0 ? IcbTag.FLAG_SETUID : 0) | ((mode & 02000) != 0 ? IcbTag.FLAG_SETGID : 0)
                | ((mode & 01000) != 0 ? IcbTag.FLAG_STICKY : 0);
        IcbTag tag = new IcbTag(0, 4, 0, 1, type, new LogicalBlockAddress(0, 0), flags);
        // ECMA-167 4/14.9.6: the FIDs naming the entry (its parent's, and each subdirectory's parent
        // FID; for a file with hard links every name's FID)
        int links = n.isDirectory() ? 1 + n.subdirectories : Math.max(1, n.links);
        long uid = Integer.toUnsignedLong(item.uid());
        long gid = Integer.toUnsignedLong(item.gid());
        Timestamp modified = Timestamp.of(item.lastModified());
        if (format.extended) {
            // ECMA-167 4/14.17: object size = information length (no named streams); the creation
            // time: the tree keeps none, so the modification time, the earliest time we know
            new ExtendedFileEntry(DescriptorTag.of(DescriptorTag.ID_EFE, version, UdfVolumeStructures.SERIAL, n.icb),
                    tag, uid, gid, permissions(mode), links, 0, 0, 0, n.dataLength, n.dataLength, blocks,
                    Timestamp.of(item.lastAccessed()), modified, modified, Timestamp.of(item.attributesChanged()), 1,
                    NONE, NONE, UdfVolumeStructures.IMPLEMENTATION, n.uniqueId, ea, ads).encode(dst);
            return;
        }
        new FileEntry(DescriptorTag.of(DescriptorTag.ID_FE, version, UdfVolumeStructures.SERIAL, n.icb), tag,
                uid, gid, permissions(mode), links, 0, 0, 0, n.dataLength, blocks, Timestamp.of(item.lastAccessed()),
                modified, Timestamp.of(item.attributesChanged()), 1, NONE, UdfVolumeStructures.IMPLEMENTATION,
                n.uniqueId, ea, ads).encode(dst);
    }

    /** UDF 2.60 3.3.3.3 / ECMA-167 4/14.9.5: other bits 0-4, group 5-9, owner 10-14; read 4, write 2, execute 1. */
    static long permissions(int mode) {
        return (mode & 07) | (mode >> 3 & 07) << 5 | (mode >> 6 & 07) << 10;
    }
}
