package org.discimage.layout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Consumer;

import org.discimage.UdfRevision;
import org.discimage.udf.AnchorVolumeDescriptorPointer;
import org.discimage.udf.Charspec;
import org.discimage.udf.Cs0;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.EntityIdentifier;
import org.discimage.udf.ExtentAd;
import org.discimage.udf.ImplementationUseVolumeDescriptor;
import org.discimage.udf.LogicalVolumeDescriptor;
import org.discimage.udf.LogicalVolumeIntegrityDescriptor;
import org.discimage.udf.LongAllocationDescriptor;
import org.discimage.udf.PartitionDescriptor;
import org.discimage.udf.PartitionMap;
import org.discimage.udf.TerminatingDescriptor;
import org.discimage.udf.Timestamp;
import org.discimage.udf.Type1PartitionMap;
import org.discimage.udf.UdfPrimaryVolumeDescriptor;
import org.discimage.udf.UnallocatedSpaceDescriptor;
import org.discimage.udf.VolumeStructureDescriptor;

/**
 * The volume structures of a UDF-only image: the Volume Recognition Sequence, the two Volume
 * Descriptor Sequences, the Logical Volume Integrity Sequence and the anchors. Every descriptor is
 * encoded when its sector is asked for. Volume structure tag locations are absolute sectors
 * (ECMA-167 3/7.2.8).
 */
final class UdfVolumeStructures {
    private static final int SECTOR = SectorProducer.SECTOR_SIZE;
    /** UDF 2.60 2.1.5.2: the implementation identifier of the structures we write. */
    static final EntityIdentifier IMPLEMENTATION = new EntityIdentifier(0, "*discimage", new byte[8]);
    /** Tag serial number (ECMA-167 3/7.2.5): one value for the whole volume. */
    static final int SERIAL = 1;

    private final PlanRequest request;
    private final UdfRevision revision;
    private final String label;
    private final long sessionStart;
    /** The absolute sector where partition 0 starts (before the session in an appended session). */
    private final long partitionStart;
    /** The block of the FSD in its partition (the physical one, or the metadata partition). */
    private final long fileSetBlock;
    private final long partitionLength;
    private final long files;
    private final long directories;
    private final long nextUniqueId;
    private final Timestamp recorded;
    /** The metadata partition (UDF 2.50+), or null. */
    private final UdfMetadataPartition metadata;

    UdfVolumeStructures(PlanRequest request, UdfRevision revision, String label, long sessionStart,
                        long partitionStart, long fileSetBlock, long partitionLength, long files, long directories,
                        long nextUniqueId, UdfMetadataPartition metadata) {
        this.partitionStart = partitionStart;
        this.fileSetBlock = fileSetBlock;
        this.metadata = metadata;
        this.request = request;
        this.revision = revision;
        this.label = label;
        this.sessionStart = sessionStart;
        this.partitionLength = partitionLength;
        this.files = files;
        this.directories = directories;
        this.nextUniqueId = nextUniqueId;
        this.recorded = Timestamp.of(request.creationTime());
    }

    /** Descriptor version: 2 for NSR02 (UDF 1.02/1.50), 3 for NSR03 (ECMA-167 3rd edition, UDF 2.00+). */
    static int descriptorVersion(UdfRevision revision) {
        return revision.code() >= 0x0200 ? 3 : 2;
    }

    private int version() {
        return descriptorVersion(revision);
    }

    /** The logical volume identifier (LVD, IUVD, FSD): the label, cut to a 128-byte d-string. */
    String logicalVolumeId() {
        return fit(label, 128);
    }

    /**
     * The longest prefix of {@code s} whose compressed Unicode fits a d-string of {@code field} bytes
     * (ECMA-167 1/7.2.12), without splitting a surrogate pair.
     */
    static String fit(String s, int field) {
        String t = s;
        while (Cs0.encode(t).length > field - 1) {
            int end = t.length() - 1;
            if (end > 0 && Character.isHighSurrogate(t.charAt(end - 1))) {
                end--;
            }
            t = t.substring(0, end);
        }
        return t;
    }

    /** BEA01, NSR02/NSR03, TEA01 (ECMA-167 2/9.2, 3/9.1, 2/9.3). */
    SectorProducer recognitionSequence() {
        String nsr = revision.code() >= 0x0200 ? VolumeStructureDescriptor.NSR03 : VolumeStructureDescriptor.NSR02;
        return sequence(List.of(
                b -> VolumeStructureDescriptor.of(VolumeStructureDescriptor.BEA01).encode(b),
                b -> VolumeStructureDescriptor.of(nsr).encode(b),
                b -> VolumeStructureDescriptor.of(VolumeStructureDescriptor.TEA01).encode(b)));
    }

    /**
     * One Volume Descriptor Sequence at {@code at}: PVD, IUVD, PD, LVD, USD, TD (UDF 2.60 2.2). The
     * main and reserve sequences stay at 32 and 48 for every revision, as genisoimage and pycdlib
     * place them; UDF 2.50's "far apart" advice for them (UDF 2.60 2.2.3.2, DCN-5113) is a note,
     * not an error, of the OSTA verifier (justdan96/tsMuxer issue 498), and no reader here needs it.
     */
    SectorProducer descriptorSequence(long at) {
        int v = version();
        return sequence(List.of(
                b -> primary(at, v).encode(b),
                b -> implementationUse(at + 1, v).encode(b),
                b -> partition(at + 2, v).encode(b),
                b -> logicalVolume(at + 3, v).encode(b),
                b -> new UnallocatedSpaceDescriptor(DescriptorTag.of(DescriptorTag.ID_USD, v, SERIAL, at + 4), 5,
                        List.of()).encode(b),
                b -> new TerminatingDescriptor(DescriptorTag.of(DescriptorTag.ID_TD, v, SERIAL, at + 5)).encode(b)));
    }

    /** The LVID and the TD ending the integrity sequence (ECMA-167 3/10.10, UDF 2.60 2.2.6). */
    SectorProducer integrity() {
        long at = sessionStart + UdfImagePlanner.LVID;
        int v = version();
        return sequence(List.of(b -> lvid(at, v).encode(b),
                b -> new TerminatingDescriptor(DescriptorTag.of(DescriptorTag.ID_TD, v, SERIAL, at + 1)).encode(b)));
    }

    /** An Anchor Volume Descriptor Pointer at {@code at} (ECMA-167 3/10.2). */
    SectorProducer anchor(long at) {
        ExtentAd main = new ExtentAd((long) UdfImagePlanner.VDS_EXTENT * SECTOR, sessionStart + UdfImagePlanner.MAIN_VDS);
        ExtentAd reserve = new ExtentAd((long) UdfImagePlanner.VDS_EXTENT * SECTOR,
                sessionStart + UdfImagePlanner.RESERVE_VDS);
        return sequence(List.of(b -> new AnchorVolumeDescriptorPointer(
                DescriptorTag.of(DescriptorTag.ID_AVDP, version(), SERIAL, at), main, reserve).encode(b)));
    }

    private UdfPrimaryVolumeDescriptor primary(long at, int v) {
        // UDF 2.60 2.2.2.5: the volume set identifier starts with 16 unique hex digits (derived, not random)
        String setId = String.format("%08X%08X", (int) request.creationTime().getEpochSecond(), label.hashCode())
                + (request.identifiers().volumeSetId().isEmpty() ? label : request.identifiers().volumeSetId());
        return new UdfPrimaryVolumeDescriptor(DescriptorTag.of(DescriptorTag.ID_PVD, v, SERIAL, at), 1, 0,
                fit(label, 32), 1, 1, 2, 3, 1, 1, fit(setId, 128), Charspec.OSTA, Charspec.OSTA,
                new ExtentAd(0, 0), new ExtentAd(0, 0), IMPLEMENTATION, recorded, IMPLEMENTATION, new byte[64], 0, 0);
    }

    /** UDF 2.60 2.2.7: the "*UDF LV Info" descriptor. */
    private ImplementationUseVolumeDescriptor implementationUse(long at, int v) {
        ByteBuffer iu = ByteBuffer.allocate(460);
        Charspec.OSTA.encode(iu);
        Cs0.putDString(iu, 64, 128, logicalVolumeId());
        iu.position(300);
        IMPLEMENTATION.encode(iu);
        return new ImplementationUseVolumeDescriptor(DescriptorTag.of(DescriptorTag.ID_IUVD, v, SERIAL, at), 2,
                EntityIdentifier.withRevision(ImplementationUseVolumeDescriptor.LV_INFO, revision.code()), iu.array());
    }

    /** ECMA-167 3/10.5: partition 0, read-only (access type 1), no space bitmap (mastered media). */
    private PartitionDescriptor partition(long at, int v) {
        String contents = v == 3 ? "+NSR03" : "+NSR02";
        return new PartitionDescriptor(DescriptorTag.of(DescriptorTag.ID_PD, v, SERIAL, at), 3, 1, 0,
                new EntityIdentifier(0, contents, new byte[8]), new byte[128], 1,
                partitionStart, partitionLength, IMPLEMENTATION, new byte[128]);
    }

    /**
     * ECMA-167 3/10.6: one type-1 map, and for 2.50+ the metadata partition map after it (UDF 2.60
     * 2.2.10: partition reference 1); the contents use is the long_ad of the FSD extent (UDF 2.60
     * 2.2.4.4), in the metadata partition when there is one (2.2.13).
     */
    private LogicalVolumeDescriptor logicalVolume(long at, int v) {
        ByteBuffer fsd = ByteBuffer.allocate(16);
        int fsdPartition = metadata == null ? UdfFormat.PHYSICAL : UdfFormat.METADATA;
        LongAllocationDescriptor.of((long) UdfImagePlanner.FILE_SET_BLOCKS * SECTOR, fileSetBlock, fsdPartition)
                .encode(fsd);
        List<PartitionMap> maps = metadata == null ? List.of(new Type1PartitionMap(1, 0))
                : List.of(new Type1PartitionMap(1, 0), metadata.map(revision));
        return new LogicalVolumeDescriptor(DescriptorTag.of(DescriptorTag.ID_LVD, v, SERIAL, at), 4, Charspec.OSTA,
                logicalVolumeId(), SECTOR, EntityIdentifier.withRevision(EntityIdentifier.OSTA_DOMAIN, revision.code()),
                fsd.array(), IMPLEMENTATION, new byte[128],
                new ExtentAd(2L * SECTOR, sessionStart + UdfImagePlanner.LVID), maps);
    }

    /**
     * ECMA-167 3/10.10, UDF 2.60 2.2.6: closed; the Logical Volume Header Descriptor holds the next
     * unique ID (ECMA-167 4/14.15); no free space (read-only); the implementation use holds the
     * counts and revisions (UDF 2.60 2.2.6.4). With a metadata partition the tables have a second
     * entry: it is not a virtual partition, so its size and free space are recorded, never
     * 0xFFFFFFFF (UDF 2.60 2.2.6.2, 2.2.6.3): the metadata file's blocks, and 0 free.
     */
    private LogicalVolumeIntegrityDescriptor lvid(long at, int v) {
        ByteBuffer header = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(0, nextUniqueId);
        ByteBuffer iu = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
        IMPLEMENTATION.encode(iu);
        int r = revision.code();
        iu.putInt((int) files).putInt((int) directories).putShort((short) minimumReadRevision(r)).putShort((short) r)
                .putShort((short) r);
        return new LogicalVolumeIntegrityDescriptor(DescriptorTag.of(DescriptorTag.ID_LVID, v, SERIAL, at), recorded,
                LogicalVolumeIntegrityDescriptor.CLOSE, new ExtentAd(0, 0), header.array(),
                metadata == null ? List.of(0L) : List.of(0L, 0L),
                metadata == null ? List.of(partitionLength) : List.of(partitionLength, metadata.blocks), iu.array());
    }

    /**
     * The LVID's Minimum UDF Read Revision (UDF 2.60 2.2.6.4: the lowest revision a reader must
     * support to read every structure on the medium; for a 2.60 file system "at most #0250", as
     * UDF 2.60 is read-compatible with 2.50 — Nero's BD-R images record 2.50, util-linux's libblkid
     * reads the 2.60 from the minimum write revision). The Linux kernel (6.1, "max is 250") refused
     * to mount our 2.60 volumes while they asked for 0x0260 ("minUDFReadRev=260").
     */
    static int minimumReadRevision(int revision) {
        return revision == 0x0260 ? 0x0250 : revision;
    }

    /** A producer writing one descriptor per sector. */
    static SectorProducer sequence(List<Consumer<ByteBuffer>> descriptors) {
        return new SectorProducer() {
            private int index;

            @Override
            public void next(ByteBuffer dst) {
                int start = dst.position();
                descriptors.get(index++).accept(dst);
                dst.position(start + SECTOR);
            }
        };
    }
}
