package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.discimage.error.DiscImageException;
import org.discimage.udf.AnchorVolumeDescriptorPointer;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.ExtentAd;
import org.discimage.udf.LogicalVolumeDescriptor;
import org.discimage.udf.LogicalVolumeIntegrityDescriptor;
import org.discimage.udf.PartitionDescriptor;
import org.discimage.udf.UdfPrimaryVolumeDescriptor;
import org.discimage.udf.VolumeDescriptorPointer;
import org.discimage.udf.VolumeStructureDescriptor;

/**
 * The volume structures of a UDF session: the Volume Recognition Sequence (ECMA-167 2/8.3), the
 * anchor (3/8.4.2), the prevailing descriptors of the Volume Descriptor Sequence (3/8.4.3) and the
 * newest Logical Volume Integrity Descriptor (3/8.8.2).
 */
final class UdfVolumeDescriptors {
    /** Volume structure descriptors scanned at most (ISO 9660 descriptors of a bridge come first). */
    private static final int MAX_VSDS = 64;
    /** Volume Descriptor Pointers followed at most. */
    private static final int MAX_VDPS = 16;
    /** Descriptors read from one VDS or integrity sequence at most. */
    private static final int MAX_SEQUENCE = 4096;

    UdfPrimaryVolumeDescriptor pvd;
    LogicalVolumeDescriptor lvd;
    final Map<Integer, PartitionDescriptor> partitions = new HashMap<>();
    LogicalVolumeIntegrityDescriptor lvid;

    private final UdfMedium medium;

    private UdfVolumeDescriptors(UdfMedium medium) {
        this.medium = medium;
    }

    /**
     * Whether the VRS at {@code sessionStart + 16} holds NSR02 or NSR03 (ECMA-167 2/9.1; UDF 2.60
     * 2.1.7): the scan passes CD001, BEA01, BOOT2 and CDW02 descriptors and stops at TEA01 or any other
     * identifier, as Linux does.
     */
    static boolean hasNsr(UdfMedium medium, long sessionStart) throws IOException {
        for (int i = 0; i < MAX_VSDS; i++) {
            ByteBuffer b = medium.blockOrNull(sessionStart + 16 + i);
            if (b == null) {
                return false;
            }
            VolumeStructureDescriptor v = VolumeStructureDescriptor.decode(b);
            String id = v.standardIdentifier();
            if (v.isNsr()) {
                return true;
            }
            if (!id.equals(VolumeStructureDescriptor.CD001) && !id.equals(VolumeStructureDescriptor.BEA01)
                    && !id.equals("BOOT2") && !id.equals("CDW02")) {
                return false;
            }
        }
        return false;
    }

    /** Finds the anchor and reads the VDS (main, else reserve) and the LVID. */
    static UdfVolumeDescriptors read(UdfMedium medium, long sessionStart) throws IOException {
        AnchorVolumeDescriptorPointer avdp = anchor(medium, sessionStart);
        UdfVolumeDescriptors v = new UdfVolumeDescriptors(medium);
        try {
            v.readSequence(avdp.mainVds(), "main");
        } catch (DiscImageException e) {
            if (e.code() != org.discimage.error.ErrorCode.MALFORMED_STRUCTURE) {
                throw e;
            }
            v = new UdfVolumeDescriptors(medium);
            try {
                v.readSequence(avdp.reserveVds(), "reserve");
            } catch (DiscImageException r) {
                e.addSuppressed(r);
                throw e;
            }
            medium.report("main Volume Descriptor Sequence", avdp.mainVds().extentLocation(),
                    "unreadable (" + e.getMessage() + "); the reserve sequence is used");
        }
        v.readIntegrity();
        return v;
    }

    /**
     * The AVDP at session start + 256, else at the last sector, else at last - 256 (ECMA-167 3/8.4.2.1;
     * the last sector is not the anchor on an open VAT disc, so the first candidate comes first).
     */
    private static AnchorVolumeDescriptorPointer anchor(UdfMedium medium, long sessionStart) throws IOException {
        long last = medium.sectorCount - 1;
        long[] candidates = {sessionStart + 256, last, last - 256};
        DiscImageException first = null;
        for (long lba : candidates) {
            ByteBuffer b = medium.blockOrNull(lba);
            if (b == null || !UdfMedium.looksLike(b, DescriptorTag.ID_AVDP)) {
                continue;
            }
            try {
                medium.check(b, DescriptorTag.ID_AVDP, lba, "anchor volume descriptor pointer", lba);
                return AnchorVolumeDescriptorPointer.decode(b, false);
            } catch (DiscImageException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        throw Malformed.at("anchor volume descriptor pointer", sessionStart + 256,
                "none at session start + 256, at the last sector " + last + " or at " + (last - 256));
    }

    private void readSequence(ExtentAd extent, String which) throws IOException {
        String s = which + " Volume Descriptor Sequence";
        long lba = extent.extentLocation();
        long end = lba + extent.extentLength() / UdfMedium.BLOCK;
        int vdps = 0;
        for (int n = 0; n < MAX_SEQUENCE; n++) {
            if (lba >= end) {
                break;  // the extent ends without a TD: ECMA-167 3/8.4.2 allows that
            }
            ByteBuffer b = medium.block(lba, s);
            DescriptorTag t = medium.check(b, -1, lba, s + " descriptor", lba);
            try {
                switch (t.identifier()) {
                    case DescriptorTag.ID_PVD -> {
                        UdfPrimaryVolumeDescriptor p = UdfPrimaryVolumeDescriptor.decode(b, false);
                        pvd = pvd == null || p.vdsNumber() >= pvd.vdsNumber() ? p : pvd;
                    }
                    case DescriptorTag.ID_LVD -> {
                        LogicalVolumeDescriptor l = LogicalVolumeDescriptor.decode(b, false);
                        lvd = lvd == null || l.vdsNumber() >= lvd.vdsNumber() ? l : lvd;
                    }
                    case DescriptorTag.ID_PD -> {
                        PartitionDescriptor p = PartitionDescriptor.decode(b, false);
                        partitions.merge(p.partitionNumber(), p, (a, c) -> c.vdsNumber() >= a.vdsNumber() ? c : a);
                    }
                    case DescriptorTag.ID_VDP -> {
                        if (++vdps > MAX_VDPS) {
                            throw Malformed.at(s, lba, "more than " + MAX_VDPS + " volume descriptor pointers");
                        }
                        ExtentAd next = VolumeDescriptorPointer.decode(b, false).nextVds();
                        lba = next.extentLocation();
                        end = lba + next.extentLength() / UdfMedium.BLOCK;
                        continue;
                    }
                    case DescriptorTag.ID_TD -> n = MAX_SEQUENCE;
                    case DescriptorTag.ID_IUVD, DescriptorTag.ID_USD -> {
                        // not needed to read the tree (the tag, CRC and location are checked above)
                    }
                    default -> throw Malformed.at(s, lba, "tag identifier " + t.identifier()
                            + " does not belong in a volume descriptor sequence");
                }
            } catch (DiscImageException e) {
                throw e.getMessage().contains(" at LBA ") ? e : Malformed.wrap(s, lba, 0, e);
            }
            lba++;
        }
        if (pvd == null || lvd == null || partitions.isEmpty()) {
            throw Malformed.at(s, extent.extentLocation(), "no " + (pvd == null ? "primary volume"
                    : lvd == null ? "logical volume" : "partition") + " descriptor");
        }
    }

    /** The last LVID of the integrity sequence (ECMA-167 3/10.10), following next-extent links (bounded). */
    private void readIntegrity() throws IOException {
        ExtentAd extent = lvd.integritySequenceExtent();
        String s = "logical volume integrity descriptor";
        List<Long> seen = new ArrayList<>();
        long lba = extent.extentLocation();
        long end = lba + extent.extentLength() / UdfMedium.BLOCK;
        for (int n = 0; n < MAX_SEQUENCE && lba < end; n++, lba++) {
            ByteBuffer b = medium.blockOrNull(lba);
            if (b == null || isZero(b)) {
                break;  // an unrecorded block ends the sequence (ECMA-167 3/8.4.2)
            }
            DescriptorTag t = medium.check(b, -1, lba, s, lba);
            if (t.identifier() == DescriptorTag.ID_TD) {
                break;
            }
            try {
                t.expect(DescriptorTag.ID_LVID, s);
                lvid = LogicalVolumeIntegrityDescriptor.decode(b, false);
            } catch (DiscImageException e) {
                throw Malformed.wrap(s, lba, 0, e);
            }
            ExtentAd next = lvid.nextIntegrityExtent();
            if (next.extentLength() > 0) {
                if (seen.size() >= MAX_VDPS || seen.contains(next.extentLocation())) {
                    throw Malformed.at(s, lba, "the next integrity extents loop or exceed " + MAX_VDPS);
                }
                seen.add(next.extentLocation());
                lba = next.extentLocation() - 1;
                end = next.extentLocation() + next.extentLength() / UdfMedium.BLOCK;
            }
        }
    }

    private static boolean isZero(ByteBuffer b) {
        for (int i = 0; i < b.limit(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
