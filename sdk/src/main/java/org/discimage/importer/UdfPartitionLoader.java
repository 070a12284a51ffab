package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.udf.AllocationDescriptor;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.IcbTag;
import org.discimage.udf.MetadataPartitionMap;
import org.discimage.udf.PartitionDescriptor;
import org.discimage.udf.PartitionMap;
import org.discimage.udf.SparablePartitionMap;
import org.discimage.udf.SparingTable;
import org.discimage.udf.Type1PartitionMap;
import org.discimage.udf.UnknownPartitionMap;
import org.discimage.udf.VirtualAllocationTable;
import org.discimage.udf.VirtualAllocationTable150;
import org.discimage.udf.VirtualPartitionMap;

/**
 * Builds the {@link UdfPartitions} of a logical volume from its partition maps: physical and
 * sparable partitions first, then the virtual ones (whose VAT is read through the physical
 * partition) and the metadata ones (whose metadata file is).
 */
final class UdfPartitionLoader {
    /** Sectors scanned back from the last one for the VAT ICB (Linux tries the last few blocks). */
    private static final int VAT_SCAN = 16;

    private final UdfMedium medium;
    private final UdfVolumeDescriptors vds;
    private final UdfPartitions parts;
    private final UdfIcbs icbs;

    private UdfPartitionLoader(UdfMedium medium, UdfVolumeDescriptors vds) {
        this.medium = medium;
        this.vds = vds;
        this.parts = new UdfPartitions(medium, vds.lvd.partitionMaps().size());
        this.icbs = new UdfIcbs(medium, parts);
    }

    static UdfPartitions load(UdfMedium medium, UdfVolumeDescriptors vds) throws IOException {
        UdfPartitionLoader l = new UdfPartitionLoader(medium, vds);
        List<PartitionMap> maps = vds.lvd.partitionMaps();
        for (int i = 0; i < maps.size(); i++) {
            PartitionMap m = maps.get(i);
            if (m instanceof Type1PartitionMap) {
                PartitionDescriptor pd = l.descriptor(m);
                l.parts.set(i, new UdfPartitions.Physical(pd.partitionStartingLocation(), pd.partitionLength(), 1, null));
            } else if (m instanceof SparablePartitionMap s) {
                l.parts.set(i, l.sparable(s));
            } else if (m instanceof UnknownPartitionMap u) {
                l.parts.set(i, new UdfPartitions.Unsupported("partition map of type " + u.mapType()
                        + " with an unknown identifier"));
            }
        }
        for (int i = 0; i < maps.size(); i++) {
            if (maps.get(i) instanceof VirtualPartitionMap v) {
                l.parts.set(i, l.virtual(v));
            }
        }
        for (int i = 0; i < maps.size(); i++) {
            if (maps.get(i) instanceof MetadataPartitionMap md) {
                l.parts.set(i, l.metadata(md));
            }
        }
        return l.parts;
    }

    private PartitionDescriptor descriptor(PartitionMap m) throws DiscImageException {
        PartitionDescriptor pd = vds.partitions.get(m.partitionNumber());
        if (pd == null) {
            throw Malformed.at("logical volume descriptor", vds.lvd.tag().location(), "partition map for partition "
                    + m.partitionNumber() + " without a partition descriptor");
        }
        return pd;
    }

    /** The reference of the physical (type 1 or sparable) map of the partition {@code number}. */
    private int physicalRef(int number) throws DiscImageException {
        List<PartitionMap> maps = vds.lvd.partitionMaps();
        for (int i = 0; i < maps.size(); i++) {
            PartitionMap m = maps.get(i);
            if ((m instanceof Type1PartitionMap || m instanceof SparablePartitionMap) && m.partitionNumber() == number) {
                return i;
            }
        }
        throw Malformed.at("logical volume descriptor", vds.lvd.tag().location(), "no type 1 partition map for"
                + " partition " + number + " under its virtual or metadata map");
    }

    /** UDF 2.60 2.2.9: the sparing table with the highest sequence number among the readable copies. */
    private UdfPartitions.Physical sparable(SparablePartitionMap s) throws IOException {
        PartitionDescriptor pd = descriptor(s);
        int packet = s.packetLength();
        if (packet == 0 || (packet & (packet - 1)) != 0) {
            throw Malformed.at("sparable partition map", vds.lvd.tag().location(), "packet length " + packet
                    + " is not a power of two");
        }
        long size = s.sparingTableSize();
        if (size < SparingTable.FIXED_LENGTH || size > SparingTable.FIXED_LENGTH + 8L * 0xFFFF) {
            throw Malformed.at("sparable partition map", vds.lvd.tag().location(), "sparing table size " + size);
        }
        SparingTable best = null;
        DiscImageException error = null;
        for (long lba : s.sparingTableLocations()) {
            try {
                SparingTable t = sparingTable(lba, (int) size);
                best = best == null || t.sequenceNumber() > best.sequenceNumber() ? t : best;
            } catch (DiscImageException e) {
                error = error == null ? e : error;
            }
        }
        if (best == null) {
            throw error;
        }
        if (error != null) {
            medium.report("sparing table", -1, "a copy is unreadable (" + error.getMessage() + "); another is used");
        }
        TreeMap<Long, Long> spared = new TreeMap<>();
        for (SparingTable.Entry e : best.entries()) {
            if (e.inUse()) {
                spared.put(e.originalLocation(), e.mappedLocation());
            }
        }
        return new UdfPartitions.Physical(pd.partitionStartingLocation(), pd.partitionLength(), packet, spared);
    }

    private SparingTable sparingTable(long lba, int size) throws IOException {
        int blocks = (size + UdfMedium.BLOCK - 1) / UdfMedium.BLOCK;
        ByteBuffer all = ByteBuffer.allocate(blocks * UdfMedium.BLOCK);
        for (int i = 0; i < blocks; i++) {
            all.put(medium.block(lba + i, "sparing table"));
        }
        all.flip();
        medium.check(all, DescriptorTag.ID_SPARING_TABLE, lba, "sparing table", lba);
        try {
            return SparingTable.decode(all, false);
        } catch (DiscImageException e) {
            throw Malformed.wrap("sparing table", lba, 0, e);
        }
    }

    /**
     * UDF 2.60 2.2.11: the VAT ICB is the last block recorded; scan back a few sectors from the end of
     * the medium for a File Entry of file type 248 (UDF 2.00+) or 0 with the 1.50 trailer.
     */
    private UdfPartitions.Virtual virtual(VirtualPartitionMap v) throws IOException {
        int ref = physicalRef(v.partitionNumber());
        UdfPartitions.Physical phys = (UdfPartitions.Physical) parts.get(ref);
        // a virtual block maps to a recorded one: the VAT has at most one entry per sector of the medium
        long limit = 4 * Math.min(phys.length(), medium.sectorCount) + VirtualAllocationTable.FIXED_LENGTH + 0xFFFF;
        DiscImageException first = null;
        for (long k = 0, sector = medium.sectorCount - 1; k < VAT_SCAN && sector >= phys.start(); k++, sector--) {
            ByteBuffer b = medium.blockOrNull(sector);
            if (b == null || !(UdfMedium.looksLike(b, DescriptorTag.ID_FE) || UdfMedium.looksLike(b, DescriptorTag.ID_EFE))) {
                continue;
            }
            try {
                UdfIcbs.Node n = icbs.read(ref, sector - phys.start(), "VAT ICB", sector);
                int type = n.entry().icbTag().fileType();
                if (type != IcbTag.TYPE_VAT && type != IcbTag.TYPE_UNSPECIFIED) {
                    continue;
                }
                byte[] data = icbs.content(n, limit, "VAT").data();
                int[] vat = type == IcbTag.TYPE_VAT ? VirtualAllocationTable.decode(ByteBuffer.wrap(data)).entries()
                        : VirtualAllocationTable150.decode(ByteBuffer.wrap(data)).entries();
                return new UdfPartitions.Virtual(ref, vat);
            } catch (DiscImageException e) {
                first = first == null ? (e.getMessage().contains(" at LBA ") ? e : Malformed.wrap("VAT", sector, 0, e))
                        : first;
            }
        }
        if (first != null) {
            throw first;
        }
        throw Malformed.at("virtual allocation table", medium.sectorCount - 1, "no VAT ICB in the last " + VAT_SCAN
                + " sectors");
    }

    /** UDF 2.60 2.2.13: the metadata file, else (with a diagnostic) its mirror. */
    private UdfPartitions.Metadata metadata(MetadataPartitionMap md) throws IOException {
        int ref = physicalRef(md.partitionNumber());
        try {
            return metadataFile(ref, md.metadataFileLocation(), IcbTag.TYPE_METADATA, "metadata file");
        } catch (DiscImageException e) {
            if (e.code() != ErrorCode.MALFORMED_STRUCTURE) {
                throw e;
            }
            try {
                UdfPartitions.Metadata m = metadataFile(ref, md.metadataMirrorFileLocation(),
                        IcbTag.TYPE_METADATA_MIRROR, "metadata mirror file");
                medium.report("metadata file", -1, "unreadable (" + e.getMessage() + "); the mirror file is used");
                return m;
            } catch (DiscImageException m) {
                e.addSuppressed(m);
                throw e;
            }
        }
    }

    private UdfPartitions.Metadata metadataFile(int ref, long lbn, int fileType, String s) throws IOException {
        UdfIcbs.Node n = icbs.read(ref, lbn, s, vds.lvd.tag().location());
        if (n.entry().icbTag().fileType() != fileType) {
            throw Malformed.at(s, n.sector(), "file type " + n.entry().icbTag().fileType() + ", not " + fileType);
        }
        List<Long> lbns = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        long blocks = 0;
        for (UdfIcbs.Ad ad : icbs.allocationDescriptors(n, s)) {
            long count = (ad.length() + UdfMedium.BLOCK - 1) / UdfMedium.BLOCK;
            if (ad.type() == AllocationDescriptor.RECORDED || ad.type() == AllocationDescriptor.NOT_RECORDED) {
                parts.checkExtent(ad.ref(), ad.lbn(), ad.length(), s, n.sector());
            }
            if (ad.ref() != ref) {
                throw Malformed.at(s, n.sector(), "an extent lies outside the physical partition");
            }
            lbns.add(ad.type() == AllocationDescriptor.RECORDED ? ad.lbn() : -1L);
            counts.add(count);
            blocks += count;
        }
        long[] l = lbns.stream().mapToLong(Long::longValue).toArray();
        long[] c = counts.stream().mapToLong(Long::longValue).toArray();
        return new UdfPartitions.Metadata(ref, l, c, Math.min(blocks, n.entry().informationLength() / UdfMedium.BLOCK));
    }
}
