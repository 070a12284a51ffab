package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.discimage.error.DiscImageException;
import org.discimage.udf.AllocationDescriptor;
import org.discimage.udf.AllocationExtentDescriptor;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.ExtendedAllocationDescriptor;
import org.discimage.udf.ExtendedFileEntry;
import org.discimage.udf.FileEntry;
import org.discimage.udf.IcbEntry;
import org.discimage.udf.IcbTag;
import org.discimage.udf.IndirectEntry;
import org.discimage.udf.LongAllocationDescriptor;
import org.discimage.udf.ShortAllocationDescriptor;

/**
 * Reads ICBs (ECMA-167 4/14.6, strategies 4 and 4096 of 4/A.5-A.6), their allocation descriptors
 * (short, long and extended, continued through Allocation Extent Descriptors, 4/14.5) and the
 * content they describe, with every chain bounded.
 */
final class UdfIcbs {
    /** ICB nesting of strategy 4096 followed at most (Linux's UDF_MAX_ICB_NESTING is 1024). */
    private static final int MAX_INDIRECTIONS = 64;
    /** Allocation Extent Descriptors followed per ICB at most. */
    private static final int MAX_AEDS = 4096;

    private final UdfMedium medium;
    private final UdfPartitions partitions;
    /** AEDs left to read for the whole volume: files do not share AEDs, so at most one per sector. */
    private long aedBudget;

    UdfIcbs(UdfMedium medium, UdfPartitions partitions) {
        this.medium = medium;
        this.partitions = partitions;
        this.aedBudget = medium.sectorCount + MAX_AEDS;
    }

    /**
     * An ICB entry as read: the (E)FE, the address it was read from (after strategy 4096
     * indirections) and {@code id}, the address the ICB was named by ({@code ref << 32 | lbn}).
     */
    record Node(IcbEntry entry, int ref, long lbn, long sector, long id) {
    }

    /** One allocation descriptor, resolved to its partition. */
    record Ad(int type, long length, int ref, long lbn) {
    }

    /**
     * Content of an ICB: the bytes, and per 2048-byte block where it came from as {@code ref << 32 | lbn}
     * (-1: a hole); null block addresses for embedded content.
     */
    record Content(byte[] data, long[] blockLbns) {
    }

    /** Reads the (E)FE of the ICB at {@code lbn} of partition {@code ref}, following strategy 4096 indirections. */
    Node read(int ref, long lbn, String structure, long at) throws IOException {
        long id = (long) ref << 32 | lbn;
        Set<Long> seen = new HashSet<>();
        for (int hops = 0; ; hops++) {
            if (hops > MAX_INDIRECTIONS || !seen.add((long) ref << 32 | lbn)) {
                throw Malformed.at(structure, at,
                        "strategy 4096 indirect entries loop or nest deeper than " + MAX_INDIRECTIONS);
            }
            long sector = partitions.sector(ref, lbn, structure, at);
            ByteBuffer block = medium.block(sector, structure);
            DescriptorTag t = medium.check(block, -1, lbn, structure, sector);
            IcbEntry e;
            try {
                if (t.identifier() == DescriptorTag.ID_FE) {
                    e = FileEntry.decode(block, false);
                } else if (t.identifier() == DescriptorTag.ID_EFE) {
                    e = ExtendedFileEntry.decode(block, false);
                } else {
                    throw Malformed.at(structure, sector, "tag identifier " + t.identifier()
                            + " is neither a File Entry (261) nor an Extended File Entry (266)");
                }
            } catch (DiscImageException x) {
                throw x.getMessage().contains(" at LBA ") ? x : Malformed.wrap(structure, sector, 0, x);
            }
            int strategy = e.icbTag().strategyType();
            if (strategy == 4) {
                return new Node(e, ref, lbn, sector, id);
            }
            if (strategy != 4096) {
                throw new DiscImageException(org.discimage.error.ErrorCode.FILE_SYSTEM_FEATURE_NOT_SUPPORTED,
                        structure + " at LBA " + sector + ": ICB strategy " + strategy + " is not supported (only 4"
                                + " and 4096)");
            }
            LongAllocationDescriptor next = indirection(ref, lbn + 1, structure, sector);
            if (next == null) {
                return new Node(e, ref, lbn, sector, id);
            }
            ref = next.location().partitionReferenceNumber();
            lbn = next.logicalBlockNumber();
            at = sector;
        }
    }

    /** Strategy 4096 (ECMA-167 4/A.6): the block after the entry, if an Indirect Entry, points to newer entries. */
    private LongAllocationDescriptor indirection(int ref, long lbn, String structure, long at) throws IOException {
        long sector;
        try {
            sector = partitions.sector(ref, lbn, structure, at);
        } catch (DiscImageException e) {
            return null;  // the ICB ends at the partition's end: no indirect entry
        }
        ByteBuffer block = medium.blockOrNull(sector);
        if (block == null || !UdfMedium.looksLike(block, DescriptorTag.ID_IE)) {
            return null;
        }
        medium.check(block, DescriptorTag.ID_IE, lbn, "indirect entry of " + structure, sector);
        try {
            IndirectEntry ie = IndirectEntry.decode(block, false);
            return ie.indirectIcb().extentLength() == 0 ? null : ie.indirectIcb();
        } catch (DiscImageException e) {
            throw Malformed.wrap("indirect entry of " + structure, sector, 0, e);
        }
    }

    /** All allocation descriptors of an ICB, continuations resolved, up to the first of length 0. */
    List<Ad> allocationDescriptors(Node n, String structure) throws IOException {
        int adType = n.entry().icbTag().allocationDescriptorType();
        if (adType == IcbTag.AD_EMBEDDED) {
            return List.of();
        }
        if (adType > IcbTag.AD_EMBEDDED) {
            throw Malformed.at(structure, n.sector(), "allocation descriptor type " + adType + " is not 0 to 3");
        }
        List<Ad> out = new ArrayList<>();
        ByteBuffer ads = ByteBuffer.wrap(n.entry().allocationDescriptors());
        long at = n.sector();
        Set<Long> seen = new HashSet<>();
        int aeds = 0;
        while (ads.hasRemaining()) {
            int size = adType == IcbTag.AD_SHORT ? 8 : adType == IcbTag.AD_LONG ? 16 : 20;
            if (ads.remaining() < size) {
                throw Malformed.at(structure, at, ads.remaining() + " bytes left over after the allocation descriptors");
            }
            AllocationDescriptor ad = decode(ads, adType);
            if (ad.extentLength() == 0) {
                break;  // ECMA-167 4/12.1: an extent of length 0 ends the descriptors
            }
            int ref = ad.partitionReference(n.ref());
            if (ad.extentType() != AllocationDescriptor.CONTINUATION) {
                out.add(new Ad(ad.extentType(), ad.extentLength(), ref, ad.logicalBlockNumber()));
                continue;
            }
            if (++aeds > MAX_AEDS || --aedBudget < 0 || !seen.add((long) ref << 32 | ad.logicalBlockNumber())) {
                throw Malformed.at("allocation extent descriptor of " + structure, at,
                        "the chain of allocation extent descriptors loops, exceeds " + MAX_AEDS
                                + " or the volume has more of them than sectors");
            }
            long sector = partitions.sector(ref, ad.logicalBlockNumber(), structure, at);
            ByteBuffer block = medium.block(sector, "allocation extent descriptor of " + structure);
            medium.check(block, DescriptorTag.ID_AED, ad.logicalBlockNumber(),
                    "allocation extent descriptor of " + structure, sector);
            try {
                ads = ByteBuffer.wrap(AllocationExtentDescriptor.decode(block, false).allocationDescriptors());
            } catch (DiscImageException e) {
                throw Malformed.wrap("allocation extent descriptor of " + structure, sector, 0, e);
            }
            at = sector;
        }
        return out;
    }

    private static AllocationDescriptor decode(ByteBuffer b, int adType) throws DiscImageException {
        return switch (adType) {
            case IcbTag.AD_SHORT -> ShortAllocationDescriptor.decode(b);
            case IcbTag.AD_LONG -> LongAllocationDescriptor.decode(b);
            default -> ExtendedAllocationDescriptor.decode(b);
        };
    }

    /** The embedded data of an ICB of AD type 3 (ECMA-167 4/14.6.8), cut to the information length. */
    byte[] embedded(Node n, String structure) throws DiscImageException {
        byte[] ad = n.entry().allocationDescriptors();
        long len = n.entry().informationLength();
        if (len > ad.length) {
            throw Malformed.at(structure, n.sector(), "information length " + len + " exceeds the "
                    + ad.length + " bytes embedded in the ICB");
        }
        return ad.length == len ? ad : java.util.Arrays.copyOf(ad, (int) len);
    }

    /**
     * The whole content of an ICB (a directory, a symbolic link, a VAT), at most {@code limit} bytes.
     * The buffer grows only as sectors are actually read, so a recorded length the extents do not back
     * costs no memory; an unrecorded extent (a hole) in such content is MALFORMED_STRUCTURE.
     */
    Content content(Node n, long limit, String structure) throws IOException {
        long len = n.entry().informationLength();
        if (len > limit || len > Integer.MAX_VALUE - 16) {
            throw Malformed.at(structure, n.sector(), "information length " + len + " exceeds the limit of "
                    + Math.min(limit, Integer.MAX_VALUE - 16) + " bytes");
        }
        if (n.entry().icbTag().allocationDescriptorType() == IcbTag.AD_EMBEDDED) {
            return new Content(embedded(n, structure), null);
        }
        byte[] data = new byte[(int) Math.min(len, 1 << 16)];
        long[] lbns = new long[(int) Math.min((len + UdfMedium.BLOCK - 1) / UdfMedium.BLOCK, 32)];
        long offset = 0;
        for (Ad ad : allocationDescriptors(n, structure)) {
            if (offset >= len) {
                break;
            }
            if (offset % UdfMedium.BLOCK != 0) {
                throw Malformed.at(structure, n.sector(), "an extent other than the last is not a whole number"
                        + " of blocks");
            }
            if (ad.type() != AllocationDescriptor.RECORDED) {
                throw Malformed.at(structure, n.sector(), "an unrecorded extent (type " + ad.type() + ") in its content");
            }
            long part = Math.min(ad.length(), len - offset);
            partitions.checkExtent(ad.ref(), ad.lbn(), part, structure, n.sector());
            for (long i = 0; i * UdfMedium.BLOCK < part; i++) {
                int at = (int) (offset + i * UdfMedium.BLOCK);
                int count = (int) Math.min(UdfMedium.BLOCK, len - at);
                ByteBuffer block = medium.block(partitions.sector(ad.ref(), ad.lbn() + i, structure, n.sector()), structure);
                if (at + count > data.length) {
                    data = java.util.Arrays.copyOf(data, (int) Math.min(len, Math.max(at + count, 2L * data.length)));
                }
                int index = at / UdfMedium.BLOCK;
                if (index >= lbns.length) {
                    lbns = java.util.Arrays.copyOf(lbns, Math.max(index + 1, 2 * lbns.length));
                }
                lbns[index] = (long) ad.ref() << 32 | (ad.lbn() + i);
                block.get(data, at, count);
            }
            offset += part;
        }
        if (offset < len) {
            throw Malformed.at(structure, n.sector(), "allocation descriptors cover " + offset + " of the "
                    + len + " bytes of information length");
        }
        return new Content(data, lbns);
    }
}
