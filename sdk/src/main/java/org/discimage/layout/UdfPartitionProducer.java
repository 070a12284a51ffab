package org.discimage.layout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.discimage.UdfRevision;
import org.discimage.tree.DeviceItem;
import org.discimage.tree.FileItem;
import org.discimage.tree.Item;
import org.discimage.tree.SymlinkItem;
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
import org.discimage.udf.TerminatingDescriptor;
import org.discimage.udf.Timestamp;

/**
 * The metadata blocks at the start of the partition (for UDF 2.50+ the blocks of the metadata
 * partition, i.e. the metadata file's data, UDF 2.60 2.2.13), encoded one block at a time: the File Set
 * Descriptor and its terminator (ECMA-167 4/14.1, 4/8.3.1), one File Entry per item (4/14.9), then
 * the FIDs of every directory (4/14.4), which may run across block boundaries (4/8.6.1), and the
 * path components of long symbolic links, then the allocation extent descriptors (4/14.5). File
 * structure tag locations are logical blocks of the partition (ECMA-167 4/7.2.1). The entries are
 * File Entries or Extended File Entries as {@link UdfFormat} decides.
 *
 * <p>The File Entries and FIDs, one per item, are encoded in place: straight into the sector's array
 * (or one scratch block when the destination has none), with the records' static writers
 * ({@code FileEntry.putFixed}, {@code FileIdentifierDescriptor.put}, {@code Timestamp.put},
 * {@code Cs0.put}) and the tag sealed over the bytes where they lie. No record, ByteBuffer view or
 * array per item: with them, emitting a UDF image of 100,000 empty files allocated 2,057 bytes per
 * file (JMH MetadataBenchmark, {@code -prof gc}), now 11. The bytes are those the records'
 * {@code encode} methods write ({@code UdfPartitionEncodingTest} compares them with that encoder,
 * block by block).
 */
final class UdfPartitionProducer implements SectorProducer {
    private static final int SECTOR = SECTOR_SIZE;
    private static final LongAllocationDescriptor NONE = new LongAllocationDescriptor(0, 0,
            new LogicalBlockAddress(0, 0), null);
    /** The implementation identifier of every entry (UDF 2.60 2.1.5.2), encoded once. */
    private static final byte[] IMPLEMENTATION = encoded(UdfVolumeStructures.IMPLEMENTATION);

    final PlanRequest request;
    final UdfRevision revision;
    private final UdfFormat format;
    private final int version;
    final String logicalVolumeId;
    final List<UdfNode> nodes;
    /**
     * The partition block of this producer's first block: 0, or in a session appended to a UDF
     * volume (without a metadata partition) the distance of the session's partition area from the
     * start of the partition that reaches back over the earlier sessions ({@link UdfBridgePlanner}).
     * Tag locations and ICB addresses are partition blocks (ECMA-167 4/7.2.1), so they add it.
     */
    final long origin;
    /** Bytes of an entry before its extended attributes: FE 176 (ECMA-167 4/14.9), EFE 216 (4/14.17). */
    private final int fixedLength;
    private long block;
    /** The directory (or long link) whose data blocks are being emitted, and its bytes. */
    private int dirIndex = -1;
    private UdfNode dir;
    /** The data of {@link #dir}: its FIDs in {@link #fidBuffer}, or a long link's path components. */
    private byte[] data;
    private int dataLength;
    /** Reused for every directory's FIDs; as long as the largest directory's. */
    private byte[] fidBuffer = new byte[0];
    /** One zeroed block to encode an entry in when the destination has no accessible array. */
    private byte[] scratch;
    /** The item whose AEDs are being emitted (after every directory's FIDs), by index in {@link #nodes}. */
    private int aedIndex = -1;

    UdfPartitionProducer(PlanRequest request, UdfRevision revision, String logicalVolumeId, List<UdfNode> nodes) {
        this(request, revision, logicalVolumeId, nodes, 0);
    }

    UdfPartitionProducer(PlanRequest request, UdfRevision revision, String logicalVolumeId, List<UdfNode> nodes,
                         long origin) {
        this.origin = origin;
        this.request = request;
        this.revision = revision;
        this.format = new UdfFormat(revision);
        this.version = format.version;
        this.logicalVolumeId = logicalVolumeId;
        this.nodes = nodes;
        this.fixedLength = format.extended ? ExtendedFileEntry.FIXED_LENGTH : FileEntry.FIXED_LENGTH;
    }

    private static byte[] encoded(EntityIdentifier id) {
        ByteBuffer b = ByteBuffer.allocate(EntityIdentifier.LENGTH);
        id.encode(b);
        return b.array();
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
            UdfNode n = nodes.get((int) (b - UdfImagePlanner.FILE_SET_BLOCKS));
            if (dst.hasArray()) {
                fileEntry(n, dst.array(), dst.arrayOffset() + start);
            } else {
                if (scratch == null) {
                    scratch = new byte[SECTOR];
                }
                int len = fileEntry(n, scratch, 0);
                dst.put(start, scratch, 0, len);
                Arrays.fill(scratch, 0, len, (byte) 0);
            }
        } else if (!aedBlock(p, dst)) {
            directoryBlock(p, dst);
        }
        dst.position(start + SECTOR);
    }

    /** ECMA-167 4/14.1, UDF 2.60 2.3.2: the one file set; its root ICB; the domain with the revision. */
    private FileSetDescriptor fileSet() {
        Timestamp t = Timestamp.of(request.creationTime());
        UdfNode root = nodes.get(0);
        long entry = root.icb;
        byte[] use = new byte[6];  // UDF 2.60 2.3.4.3: bytes 2-5 hold the unique ID (the root's: 0)
        ByteBuffer.wrap(use).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(2, (int) root.uniqueId);
        return new FileSetDescriptor(DescriptorTag.of(DescriptorTag.ID_FSD, version, UdfVolumeStructures.SERIAL, origin),
                t, 3, 3, 1, 1, 0, 0, Charspec.OSTA, logicalVolumeId, Charspec.OSTA,
                UdfVolumeStructures.fit(logicalVolumeId, 32), "", "",
                new LongAllocationDescriptor(0, SECTOR, new LogicalBlockAddress(entry, format.structurePartition()),
                        use),
                EntityIdentifier.withRevision(EntityIdentifier.OSTA_DOMAIN, revision.code()), NONE, NONE);
    }

    /** Writes the next block of FIDs, encoding a directory's FIDs when its first block comes. */
    private void directoryBlock(long b, ByteBuffer dst) {
        while (dir == null || b >= dir.dataBlock + UdfImagePlanner.sectors(dir.dataLength)) {
            do {
                dirIndex++;
            } while (!(nodes.get(dirIndex).directory && !nodes.get(dirIndex).embedded)
                    && !UdfImagePlanner.linkInBlocks(nodes.get(dirIndex)));
            dir = nodes.get(dirIndex);
            if (dir.directory) {
                dataLength = (int) dir.dataLength;
                if (fidBuffer.length < dataLength) {
                    fidBuffer = new byte[dataLength];
                }
                putFids(dir, fidBuffer, 0);
                data = fidBuffer;
            } else {
                data = dir.linkData;
                dataLength = data.length;
            }
        }
        int off = (int) ((b - dir.dataBlock) * SECTOR);
        dst.put(data, off, Math.min(SECTOR, dataLength - off));
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
        format.allocation(n).encodeAed((int) (b - n.aedBlock), n.aedBlock, version, UdfVolumeStructures.SERIAL, dst);
        return true;
    }

    private int nextWithAeds(int i) {
        do {
            i++;
        } while (i < nodes.size() && nodes.get(i).aeds == 0);
        return i;
    }

    /**
     * Encodes directory {@code d}'s FIDs at {@code a[off]}: the parent FID (ECMA-167 4/14.4.3: the
     * root's parent is itself), then one FID per child, {@code d.dataLength} bytes in all. A FID's
     * tag location is the block it starts in (ECMA-167 4/14.4.1, 4/7.2.1).
     */
    private int putFids(UdfNode d, byte[] a, int off) {
        UdfNode parent = d.parent == null ? d : d.parent;
        int at = off;
        at += fid(a, at, d.dataBlock, FileIdentifierDescriptor.PARENT | FileIdentifierDescriptor.DIRECTORY, parent,
                "", false);
        for (UdfNode c : d.children) {
            int characteristics = (c.directory ? FileIdentifierDescriptor.DIRECTORY : 0)
                    | (c.item.isHidden() ? FileIdentifierDescriptor.HIDDEN : 0);
            String name = c.item.name();
            // the planner's length tells the form: 1 + n bytes for 8-bit, 1 + 2n for 16-bit (UDF 2.60 2.1.1)
            at += fid(a, at, d.dataBlock + (at - off) / SECTOR, characteristics, c, name,
                    c.identifierLength != 1 + name.length());
        }
        return at - off;
    }

    /**
     * One FID naming {@code target}: the ICB long_ad of its File Entry, in the partition of the file
     * structures (the metadata partition for 2.50+), with the UDF unique ID in its implementation use
     * (UDF 2.60 2.3.4.3). A hard link's FID points at its file's one entry (the first name's) with a
     * unique ID of its own.
     */
    private int fid(byte[] a, int off, long location, int characteristics, UdfNode target, String name,
                    boolean wide) {
        long entry = (target.linkTarget == null ? target : target.linkTarget).icb;
        return FileIdentifierDescriptor.put(a, off, version, UdfVolumeStructures.SERIAL, location, characteristics,
                SECTOR, entry, format.structurePartition(), (int) target.uniqueId, name, wide);
    }

    /**
     * ECMA-167 4/14.9 (4/14.17 for an EFE), encoded at {@code a[off]}; returns its length. Strategy 4,
     * one entry; short_ads in the partition (long_ads with a metadata partition; continued in AEDs),
     * or the data embedded (UDF 2.60 2.3.10); a device's numbers in its EA space (4/14.10.7). Owner,
     * group and permissions as UDF 2.60 3.3.3.3 maps them from POSIX.
     */
    private int fileEntry(UdfNode n, byte[] a, int off) throws IOException {
        Item item = n.item;
        int type;
        int adType;
        long blocks = 0;
        int eaLength = 0;
        int adLength;
        int ad = off + fixedLength;
        if (item instanceof DeviceItem d) {
            // ECMA-167 4/14.6.6 types 6 and 7; major and minor in a device specification EA (4/14.10.7)
            type = UdfDeviceAttributes.fileType(d);
            adType = IcbTag.AD_SHORT;
            byte[] ea = UdfDeviceAttributes.encode(d, n.icb, version, UdfVolumeStructures.SERIAL);
            System.arraycopy(ea, 0, a, ad, ea.length);
            eaLength = ea.length;
            adLength = 0;
        } else if (UdfImagePlanner.linkInBlocks(n)) {
            // UDF 2.60 2.3.12: the path components are the file's data; here in blocks after the FIDs
            type = IcbTag.TYPE_SYMLINK;
            adType = format.metadata ? IcbTag.AD_LONG : IcbTag.AD_SHORT;
            adLength = icbAds(n, a, ad, 0);
            blocks = UdfImagePlanner.sectors(n.dataLength);
        } else if (item instanceof SymlinkItem) {
            type = IcbTag.TYPE_SYMLINK;
            adType = IcbTag.AD_EMBEDDED;
            System.arraycopy(n.linkData, 0, a, ad, n.linkData.length);
            adLength = n.linkData.length;
        } else if (n.embedded) {
            // ECMA-167 4/14.6.8 type 3, UDF 2.60 2.3.10: the bytes (a file's, or a directory's FIDs) in the AD area
            type = n.directory ? IcbTag.TYPE_DIRECTORY : IcbTag.TYPE_FILE;
            adType = IcbTag.AD_EMBEDDED;
            if (n.directory) {
                adLength = putFids(n, a, ad);
            } else {
                byte[] bytes = UdfEmbedding.read((FileItem) item);
                System.arraycopy(bytes, 0, a, ad, bytes.length);
                adLength = bytes.length;
            }
        } else {
            type = n.directory ? IcbTag.TYPE_DIRECTORY : IcbTag.TYPE_FILE;
            adType = format.metadata ? IcbTag.AD_LONG : IcbTag.AD_SHORT;
            adLength = icbAds(n, a, ad, n.aedBlock);
            blocks = UdfImagePlanner.sectors(n.dataLength);
        }
        int mode = item.mode();
        int flags = adType | ((mode & 04000) != 0 ? IcbTag.FLAG_SETUID : 0) | ((mode & 02000) != 0 ? IcbTag.FLAG_SETGID : 0)
                | ((mode & 01000) != 0 ? IcbTag.FLAG_STICKY : 0);
        // ECMA-167 4/14.9.6: the FIDs naming the entry (its parent's, and each subdirectory's parent
        // FID; for a file with hard links every name's FID)
        int links = n.directory ? 1 + n.subdirectories : Math.max(1, n.links);
        long uid = Integer.toUnsignedLong(item.uid());
        long gid = Integer.toUnsignedLong(item.gid());
        long modified = item.lastModifiedEpochSecond();
        int length = fixedLength + eaLength + adLength;
        if (format.extended) {
            // ECMA-167 4/14.17: object size = information length (no named streams); the creation
            // time: the tree keeps none, so the modification time, the earliest time we know
            ExtendedFileEntry.putFixed(a, off, type, flags, uid, gid, permissions(mode), links, n.dataLength, blocks,
                    item.lastAccessedEpochSecond(), modified, modified, item.attributesChangedEpochSecond(),
                    IMPLEMENTATION, n.uniqueId, eaLength, adLength);
            DescriptorTag.seal(a, off, DescriptorTag.ID_EFE, version, UdfVolumeStructures.SERIAL, n.icb, length);
        } else {
            FileEntry.putFixed(a, off, type, flags, uid, gid, permissions(mode), links, n.dataLength, blocks,
                    item.lastAccessedEpochSecond(), modified, item.attributesChangedEpochSecond(), IMPLEMENTATION,
                    n.uniqueId, eaLength, adLength);
            DescriptorTag.seal(a, off, DescriptorTag.ID_FE, version, UdfVolumeStructures.SERIAL, n.icb, length);
        }
        return length;
    }

    /**
     * Writes the ICB's allocation descriptors of {@code n}'s data at {@code a[off]}; {@code firstAed}
     * is the block of its first AED (ECMA-167 4/14.5). Returns the bytes written.
     */
    private int icbAds(UdfNode n, byte[] a, int off, long firstAed) {
        int written = UdfAllocation.putIcbAds(a, off, n.dataBlock, n.dataLength, n.maxExtent, format.adBytes,
                format.dataPartition(n));
        return written >= 0 ? written : format.allocation(n).putIcbAds(a, off, firstAed);
    }

    /** UDF 2.60 3.3.3.3 / ECMA-167 4/14.9.5: other bits 0-4, group 5-9, owner 10-14; read 4, write 2, execute 1. */
    static long permissions(int mode) {
        return (mode & 07) | (mode >> 3 & 07) << 5 | (mode >> 6 & 07) << 10;
    }
}
