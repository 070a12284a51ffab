package org.discimage.layout;

import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.discimage.UdfRevision;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.discimage.tree.Item;
import org.discimage.tree.SymlinkItem;
import org.discimage.udf.Cs0;
import org.discimage.udf.FileEntry;
import org.discimage.udf.FileIdentifierDescriptor;
import org.discimage.udf.PathComponent;

/**
 * Plans a UDF-only image (no ISO 9660 bridge) of any revision: 1.02, 1.50 and 2.01 with one type-1
 * partition (ECMA-167 3/10.7.2); 2.50 and 2.60 with the metadata partition on top of it (UDF 2.60
 * 2.2.10, {@link UdfMetadataPartition}). File Entries or Extended File Entries: {@link UdfFormat}.
 * Nothing is read or written here; the sectors are encoded lazily by {@link UdfVolumeStructures}
 * and {@link UdfPartitionProducer}.
 *
 * <p>UDF 1.50 is written for random-access media (an image file, a pressed or fully mastered disc):
 * a plain type-1 partition like 1.02's, with NSR02 and the 1.50 revision in every domain and UDF
 * suffix (UDF 1.50 2.1.5.3) and in the LVID. The virtual partition and VAT that 1.50 added (UDF
 * 1.50 2.2.8, 6.10.1) are for incremental recording on sequential media (CD-R, DVD-R) and the
 * sparable partition (2.2.9) for defect-managed rewritable media; a mastered image needs neither,
 * and mkudffs {@code --media-type=hd --udfrev=1.50} writes the same single type-1 partition.
 *
 * <p>Layout (LBAs relative to the session start):
 * <pre>
 *   0..15     system area (zeros)                          ECMA-167 3/8.2.1
 *   16..18    BEA01, NSR02 or NSR03, TEA01                  ECMA-167 2/8.3, 3/9.1
 *   32..37    main VDS: PVD, IUVD, PD, LVD, USD, TD          ECMA-167 3/8.4, UDF 2.60 2.2
 *   48..53    reserve VDS (the same descriptors)
 *   64..65    LVID, TD                                      ECMA-167 3/10.10, UDF 2.60 2.2.6
 *   256       AVDP                                          ECMA-167 3/10.2
 *   257..     partition 0: FSD, TD, one File Entry per item (tree order), the FIDs of every
 *             directory and the path components of long symbolic links (tree order), the
 *             allocation extent descriptors of files with too many extents ({@link UdfAllocation}),
 *             file data (tree order); for 2.50+ the FSD .. AEDs are the metadata partition's
 *             blocks, inside the metadata file, followed by the mirror's copy
 *             ({@link UdfMetadataPartition})
 *             zeros up to {@link #MIN_SECTORS} - 1 for small images
 *   N - 257   AVDP at N - 256 when the image reaches {@link #MIDDLE_ANCHOR_MIN_SECTORS} without it
 *             (ECMA-167 3/8.4.2.1), then 255 zero sectors
 *   N - 1     AVDP (the last sector)
 * </pre>
 */
public final class UdfImagePlanner {
    static final int SECTOR = SectorProducer.SECTOR_SIZE;
    static final int VRS = 16;
    static final int MAIN_VDS = 32;
    static final int RESERVE_VDS = 48;
    /** UDF 2.60 2.2.3.1: each VDS extent is at least 16 sectors long. */
    static final int VDS_EXTENT = 16;
    static final int VDS_DESCRIPTORS = 6;
    static final int LVID = 64;
    static final int ANCHOR = 256;
    static final int PARTITION_START = 257;
    /** Partition blocks before the File Entries: the FSD and its terminator (ECMA-167 4/8.3.1). */
    static final int FILE_SET_BLOCKS = 2;
    /** UDF 2.60 2.3.4.3 / 3.2.1.1: unique IDs 1..15 are reserved; the root has 0. */
    static final long FIRST_UNIQUE_ID = 16;
    /** ECMA-167 4/14.14.1.1: an extent holds less than 2^30 bytes; keep whole blocks (UDF 2.60 2.3.10). */
    static final long MAX_EXTENT = UdfAllocation.MAX_EXTENT;
    /** Bytes for allocation descriptors in a File Entry's block (no extended attributes). */
    static final int FE_AD_BYTES = SECTOR - FileEntry.FIXED_LENGTH;
    /**
     * The smallest image: udfclient (0.8.x) refuses a volume of fewer than 300 sectors ("Disc size too
     * small to put an UDF filingsystem on"); zeros between the partition and the last anchor fill it up.
     */
    static final int MIN_SECTORS = 300;
    /**
     * ECMA-167 3/8.4.2.1 and UDF 2.60 2.2.3 ask for anchors at two of 256, N - 256 and N (the last
     * sector); 256 and N are always written. The third, at N - 256, must lie outside the partition,
     * so it costs 256 sectors (512 KiB) after it: it is added once the image has this many sectors
     * without it, where that adds at most half (small test images keep two anchors, as genisoimage's
     * and pycdlib's bridges do).
     */
    static final int MIDDLE_ANCHOR_MIN_SECTORS = 512;
    /** ECMA-167 3/8.1: logical sector numbers are 32-bit. */
    static final long MAX_SECTORS = 0xFFFF_FFFFL;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
            .withZone(ZoneOffset.UTC);

    private final PlanRequest request;
    private final UdfRevision revision;
    private final UdfFormat format;
    /** The metadata partition (2.50+), placed by {@link #planMetadata()}; null before and for earlier revisions. */
    private UdfMetadataPartition metadata;
    private final List<UdfNode> nodes = new ArrayList<>();
    private final List<UdfNode> files = new ArrayList<>();
    private int directories;
    /** The FIDs naming a file's entry beyond its first name (hard links). */
    private long linkNames;
    /** The LVID's next unique ID (UDF 2.60 3.2.1.1): one past the last given to an entry or FID. */
    private long nextUniqueId = FIRST_UNIQUE_ID;
    /** The first name of each file met by {@link #collect}, to find hard links; dropped after it. */
    private HardLinks<UdfNode> firstNames = new HardLinks<>();
    /** Bytes per data extent; smaller (whole blocks) only in tests, to get AED chains from small files. */
    long maxExtent = UdfAllocation.MAX_EXTENT;
    /** Whether small files and directories are embedded in their File Entries (UDF-only images). */
    boolean embed;
    /** Whether the metadata mirror (2.50+) gets a copy of its own (the duplicate metadata flag). */
    boolean redundantMetadata = true;
    /**
     * The absolute sector where the physical partition starts: the session start + {@link
     * #PARTITION_START}, or in a session appended to a UDF volume the partition start of that
     * volume, so the partition reaches back over the earlier sessions ({@link UdfBridgePlanner}).
     */
    long partitionStart = -1;

    UdfImagePlanner(PlanRequest request) {
        this.request = request;
        this.revision = request.udfRevision();
        this.format = new UdfFormat(revision);
    }

    /** Plans the UDF image described by {@code request}. */
    public static Layout plan(PlanRequest request) throws DiscImageException {
        return new UdfImagePlanner(request).run();
    }

    /**
     * Plans the UDF image described by {@code request}; for 2.50+ the metadata mirror file holds a
     * copy of its own when {@code redundantMetadata} (IMAPI2 CreateRedundantUdfMetadataFiles), else it
     * names the metadata file's blocks (UDF 2.60 2.2.10); earlier revisions ignore it.
     */
    public static Layout plan(PlanRequest request, boolean redundantMetadata) throws DiscImageException {
        return plan(request, redundantMetadata, false);
    }

    /**
     * As {@link #plan(PlanRequest, boolean)}, with the data of files and directories that fit in
     * their entry's allocation descriptor area embedded there when {@code embed} (see
     * {@link #planEmbedded}).
     */
    public static Layout plan(PlanRequest request, boolean redundantMetadata, boolean embed)
            throws DiscImageException {
        UdfImagePlanner p = new UdfImagePlanner(request);
        p.redundantMetadata = redundantMetadata;
        p.embed = embed;
        return p.run();
    }

    /** Plans with data extents of {@code maxExtent} bytes (whole blocks): lets tests get AEDs from small files. */
    static Layout plan(PlanRequest request, long maxExtent) throws DiscImageException {
        UdfImagePlanner p = new UdfImagePlanner(request);
        p.maxExtent = maxExtent;
        return p.run();
    }

    /**
     * Plans with the data of files and directories that fit in the File Entry's allocation descriptor
     * area ({@link #FE_AD_BYTES}, or less for an EFE) embedded there (ECMA-167 4/14.6.8, UDF 2.60 2.3.10).
     */
    static Layout planEmbedded(PlanRequest request) throws DiscImageException {
        UdfImagePlanner p = new UdfImagePlanner(request);
        p.embed = true;
        return p.run();
    }

    private Layout run() throws DiscImageException {
        collect();
        long metadataBlocks = planMetadata();
        long block = metadata == null ? metadataBlocks : metadata.end();
        for (UdfNode f : files) {
            f.dataBlock = block;
            block += sectors(f.dataLength);
            checkSize(block, f.item.path());
        }
        long partitionLength = block;
        return assemble(volume(partitionLength), metadataBlocks, partitionLength);
    }

    /** IMAGE_SIZE_LIMIT when a partition of {@code blocks} and its anchors exceed 2^32 sectors. */
    static void checkSize(long blocks, String at) throws DiscImageException {
        if (PARTITION_START + blocks + ANCHOR + 1 > MAX_SECTORS) {
            throw new DiscImageException(ErrorCode.IMAGE_SIZE_LIMIT, "the image exceeds UDF's limit of "
                    + MAX_SECTORS + " blocks (8 TiB) at " + at);
        }
    }

    /**
     * Gives every item its File Entry block and every directory its FID blocks, from the start of
     * the partition; returns the number of these metadata blocks (the file data comes after them).
     */
    long planMetadata() {
        long block = FILE_SET_BLOCKS;
        for (UdfNode n : nodes) {
            n.icb = block++;
        }
        for (UdfNode n : nodes) {
            if (n.isDirectory()) {
                n.dataLength = fidBytes(n);
                if (embed && n.dataLength <= format.adBytes) {
                    // FIDs in the ICB: their tag location is the ICB's block (ECMA-167 4/14.4.1, 4/7.2.1)
                    n.embedded = true;
                    n.dataBlock = n.icb;
                    continue;
                }
                n.dataBlock = block;
                block += sectors(n.dataLength);
            } else if (linkInBlocks(n)) {
                n.dataBlock = block;
                block += sectors(n.dataLength);
            }
        }
        // ECMA-167 4/14.5: the ADs that do not fit in a File Entry go on in AEDs, after the FIDs
        for (UdfNode n : nodes) {
            if (n.item instanceof FileItem && !n.embedded) {
                n.maxExtent = maxExtent;
                n.aeds = format.aeds(n);
                n.aedBlock = n.aeds > 0 ? block : 0;
                block += n.aeds;
            }
        }
        long origin = origin();
        if (format.metadata) {
            metadata = new UdfMetadataPartition(block, redundantMetadata, origin);
        } else if (origin != 0) {
            // the structures are placed from the session's partition area, partition block origin
            for (UdfNode n : nodes) {
                n.icb += origin;
                n.dataBlock += n.isDirectory() || n.embedded || linkInBlocks(n) ? origin : 0;
                n.aedBlock += n.aeds > 0 ? origin : 0;
            }
        }
        return block;
    }

    /** The absolute sector where the physical partition starts. */
    long partitionStart() {
        return partitionStart >= 0 ? partitionStart : request.sessionStart() + PARTITION_START;
    }

    /** The physical partition block of this session's partition area ({@link #PARTITION_START} from the session start). */
    long origin() {
        return request.sessionStart() + PARTITION_START - partitionStart();
    }

    /** The metadata partition (UDF 2.50+) or null. */
    UdfMetadataPartition metadataPartition() {
        return metadata;
    }

    /**
     * The volume structures of a partition of {@code partitionLength} blocks. The LVID's number of
     * files (UDF 2.60 2.2.6.4, in the LVID implementation use of ECMA-167 3/10.10.8) counts the
     * names (FIDs) of files, so a file with three hard links counts three: the reading of the Linux
     * udf driver since it counts in directory operations (udf_add_fid_counter, called by udf_link
     * as well; before, it counted in udf_new_inode). udfinfo prints the field and checks nothing.
     */
    UdfVolumeStructures volume(long partitionLength) {
        return new UdfVolumeStructures(request, revision, label(), request.sessionStart(),
                partitionStart(), metadata == null ? origin() : 0, partitionLength,
                nodes.size() - directories + linkNames, directories, nextUniqueId, metadata);
    }

    /** The producer of the partition's metadata blocks (FSD, File Entries, FIDs). */
    SectorProducer partitionProducer(UdfVolumeStructures volume) {
        return new UdfPartitionProducer(request, revision, volume.logicalVolumeId(), List.copyOf(nodes),
                metadata == null ? origin() : 0);
    }

    /** The files with data, in tree order. */
    List<UdfNode> files() {
        return files;
    }

    private Layout assemble(UdfVolumeStructures volume, long metadataBlocks, long partitionLength) {
        long s = request.sessionStart();
        List<PlannedExtent> extents = new ArrayList<>();
        extents.add(new ZeroExtent(s, VRS, "system area"));
        extents.add(new MetadataExtent(s + VRS, 3, "UDF volume recognition sequence", volume::recognitionSequence));
        extents.add(new ZeroExtent(s + VRS + 3, MAIN_VDS - VRS - 3, "zeros"));
        extents.add(new MetadataExtent(s + MAIN_VDS, VDS_DESCRIPTORS, "UDF main volume descriptor sequence",
                () -> volume.descriptorSequence(s + MAIN_VDS)));
        extents.add(new ZeroExtent(s + MAIN_VDS + VDS_DESCRIPTORS, RESERVE_VDS - MAIN_VDS - VDS_DESCRIPTORS, "zeros"));
        extents.add(new MetadataExtent(s + RESERVE_VDS, VDS_DESCRIPTORS, "UDF reserve volume descriptor sequence",
                () -> volume.descriptorSequence(s + RESERVE_VDS)));
        extents.add(new ZeroExtent(s + RESERVE_VDS + VDS_DESCRIPTORS, LVID - RESERVE_VDS - VDS_DESCRIPTORS, "zeros"));
        extents.add(new MetadataExtent(s + LVID, 2, "UDF logical volume integrity sequence", volume::integrity));
        extents.add(new ZeroExtent(s + LVID + 2, ANCHOR - LVID - 2, "zeros"));
        extents.add(new MetadataExtent(s + ANCHOR, 1, "UDF anchor", () -> volume.anchor(s + ANCHOR)));
        long p = s + PARTITION_START;
        addStructures(extents, p, metadataBlocks, () -> volume);
        for (UdfNode f : files) {
            FileItem item = (FileItem) f.item;
            extents.add(new FileDataExtent(p + f.dataBlock, sectors(f.dataLength), item.path(), item.source()));
        }
        addTail(extents, s, p + partitionLength, () -> volume);
        return new Layout(s, extents);
    }

    /**
     * The file structures at the start of the partition {@code p}: FSD .. AEDs, or for 2.50+ the
     * metadata file's and mirror's EFEs, zeros up to the alignment unit, the metadata file's data and
     * the mirror's copy.
     */
    void addStructures(List<PlannedExtent> out, long p, long metadataBlocks, Supplier<UdfVolumeStructures> volume) {
        String what = "UDF file set, file entries, directories";
        if (metadata == null) {
            out.add(new MetadataExtent(p, metadataBlocks, what, () -> partitionProducer(volume.get())));
            return;
        }
        UdfMetadataPartition m = metadata;
        out.add(new MetadataExtent(p + UdfMetadataPartition.FILE_ICB, 2, "UDF metadata file and mirror file entries",
                () -> m.entries(format, request.creationTime())));
        out.add(new ZeroExtent(p + 2, UdfMetadataPartition.FILE_DATA - 2, "zeros"));
        addMetadataCopy(out, p + UdfMetadataPartition.FILE_DATA, metadataBlocks, "UDF metadata file: " + what, volume);
        if (m.duplicate) {
            addMetadataCopy(out, p + m.mirrorData, metadataBlocks, "UDF metadata mirror file", volume);
        }
    }

    private void addMetadataCopy(List<PlannedExtent> out, long at, long used, String what,
                                 Supplier<UdfVolumeStructures> volume) {
        out.add(new MetadataExtent(at, used, what, () -> partitionProducer(volume.get())));
        if (metadata.blocks > used) {
            out.add(new ZeroExtent(at + used, metadata.blocks - used, "zeros (metadata allocation unit)"));
        }
    }

    /** The absolute sector of the last anchor for a partition ending before {@code end}. */
    static long lastAnchor(long s, long end) {
        return end + 1 - s >= MIDDLE_ANCHOR_MIN_SECTORS ? end + ANCHOR : Math.max(end, s + MIN_SECTORS - 1);
    }

    /**
     * After the partition ending before {@code end}: zeros up to {@link #MIN_SECTORS} - 1, or the
     * anchor at N - 256 (ECMA-167 3/8.4.2.1) and 255 zero sectors; then the anchor in the last sector.
     */
    static void addTail(List<PlannedExtent> out, long s, long end, Supplier<UdfVolumeStructures> volume) {
        long last = lastAnchor(s, end);
        if (last == end + ANCHOR) {
            out.add(new MetadataExtent(end, 1, "UDF anchor (N - 256)", () -> volume.get().anchor(end)));
            out.add(new ZeroExtent(end + 1, ANCHOR - 1, "zeros"));
        } else if (last > end) {
            out.add(new ZeroExtent(end, last - end, "padding"));
        }
        out.add(new MetadataExtent(last, 1, "UDF anchor (last sector)", () -> volume.get().anchor(last)));
    }

    /**
     * Walks the user tree depth first, children in the tree's order (by name), giving unique IDs in
     * that order; devices get a File Entry with a device specification EA (ECMA-167 4/14.10.7).
     */
    void collect() throws DiscImageException {
        Directory top = request.root();
        UdfNode root = new UdfNode(top, null, 0, 0);
        ArrayDeque<UdfNode> stack = new ArrayDeque<>();
        stack.push(root);
        long nextId = FIRST_UNIQUE_ID;
        while (!stack.isEmpty()) {
            UdfNode d = stack.pop();
            nodes.add(d);
            directories++;
            List<UdfNode> children = new ArrayList<>();
            for (Item item : ((Directory) d.item).children()) {
                UdfNode n = new UdfNode(item, d, identifier(item), nextId++);
                UdfNode first = item instanceof FileItem f ? firstNames.firstName(f, n) : null;
                if (first != null) {
                    // a hard link: a FID naming the first name's File Entry. It has a unique ID of its
                    // own, as UDF 2.60 3.2.1.1 wants for "another FID created for an existing file"
                    // and as Linux's udf_link gives it (lvid_get_unique_id); the entry keeps the first's
                    n.linkTarget = first;
                    first.links = Math.max(1, first.links) + 1;
                    linkNames++;
                    children.add(n);
                    continue;
                }
                children.add(n);
                if (item instanceof Directory) {
                    d.subdirectories++;
                } else if (item instanceof FileItem f) {
                    n.dataLength = f.size();
                    if (embed && f.size() > 0 && f.size() <= format.adBytes) {
                        n.embedded = true;
                    } else if (f.size() > 0) {
                        files.add(n);
                    }
                } else if (item instanceof SymlinkItem l) {
                    n.linkData = linkData(l);
                    n.dataLength = n.linkData.length;
                    n.linkInBlocks = n.linkData.length > format.adBytes;
                }
            }
            d.children = children.toArray(new UdfNode[0]);
            // non-directories right after their directory, then the subdirectories depth first
            List<UdfNode> subdirs = new ArrayList<>();
            for (UdfNode c : d.children) {
                if (c.isDirectory()) {
                    subdirs.add(c);
                } else if (c.linkTarget == null) {
                    nodes.add(c); // one File Entry per file, not per name
                }
            }
            for (int i = subdirs.size() - 1; i >= 0; i--) {
                stack.push(subdirs.get(i));
            }
        }
        nextUniqueId = nextId;
        firstNames = null;
    }

    /**
     * The bytes of the file identifier: OSTA compressed Unicode of at most 255 bytes (ECMA-167
     * 4/14.4.5); {@link UdfPartitionProducer} encodes it into the FID from the name.
     */
    private static int identifier(Item item) throws DiscImageException {
        int length = Cs0.length(item.name());
        if (length > 255) {
            throw new DiscImageException(ErrorCode.INVALID_PATH, "UDF file identifier of " + item.path() + " needs "
                    + length + " bytes of OSTA compressed Unicode; at most 255 fit (ECMA-167 4/14.4.5)");
        }
        return length;
    }

    /**
     * A symbolic link's target as path components (ECMA-167 4/14.16, UDF 2.60 2.3.12): embedded in
     * its File Entry when they fit, else in blocks of their own like a file's data.
     */
    private static byte[] linkData(SymlinkItem l) {
        List<PathComponent> components = PathComponent.of(l.target());
        int length = components.stream().mapToInt(PathComponent::length).sum();
        ByteBuffer b = ByteBuffer.allocate(length);
        components.forEach(c -> c.encode(b));
        return b.array();
    }

    /** Whether {@code n} is a symbolic link whose path components do not fit in its File Entry. */
    static boolean linkInBlocks(UdfNode n) {
        return n.linkInBlocks;
    }

    /** The bytes of a directory's FIDs: the parent FID, then one per child (ECMA-167 4/14.4, 4/8.6). */
    private static long fidBytes(UdfNode d) {
        long n = FileIdentifierDescriptor.length(0, 0);
        for (UdfNode c : d.children) {
            n += FileIdentifierDescriptor.length(0, c.identifierLength);
        }
        return n;
    }

    static long sectors(long bytes) {
        return (bytes + SECTOR - 1) / SECTOR;
    }

    private String label() {
        String label = request.identifiers().volumeId();
        return label.isEmpty() ? LABEL.format(request.creationTime()) : label;
    }
}
