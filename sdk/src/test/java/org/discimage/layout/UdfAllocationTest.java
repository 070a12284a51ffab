package org.discimage.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.discimage.UdfRevision;
import org.discimage.source.ContentSource;
import org.discimage.tree.Directory;
import org.discimage.udf.AllocationDescriptor;
import org.discimage.udf.AllocationExtentDescriptor;
import org.discimage.udf.ExtendedFileEntry;
import org.discimage.udf.FileEntry;
import org.discimage.udf.LongAllocationDescriptor;
import org.discimage.udf.ShortAllocationDescriptor;
import org.junit.jupiter.api.Test;

/**
 * How a file's short_ads are split between its File Entry and AEDs, with the real extent limit:
 * a File Entry holds 234 short_ads ((2048 - 176) / 8), an AED 253 ((2048 - 24) / 8). Plans only;
 * the 300 GiB of zeros are never read.
 */
class UdfAllocationTest {
    static final long MAX = UdfAllocation.MAX_EXTENT;

    @Test
    void countsOfAeds() {
        int fe = UdfImagePlanner.FE_AD_BYTES;
        assertEquals(234, fe / 8);
        assertEquals(253, UdfAllocation.ADS_PER_AED);
        assertEquals(0, new UdfAllocation(0, 234 * MAX, MAX, fe).aeds());
        assertEquals(1, new UdfAllocation(0, 234 * MAX + 1, MAX, fe).aeds());
        // 233 in the FE, 253 in one AED
        assertEquals(1, new UdfAllocation(0, (233 + 253) * MAX, MAX, fe).aeds());
        assertEquals(2, new UdfAllocation(0, (233 + 253) * MAX + 1, MAX, fe).aeds());
        assertEquals(0, new UdfAllocation(0, 0, MAX, fe).aeds());
        assertThrows(IllegalArgumentException.class, () -> new UdfAllocation(0, 1, 1000, fe));
        assertThrows(IllegalArgumentException.class, () -> new UdfAllocation(0, 1, MAX + 2048, fe));
    }

    @Test
    void a300GiBFileContinuesInOneAed() throws Exception {
        Directory root = Directory.newRoot(Clock.fixed(UdfImagePlannerTest.TIME, ZoneOffset.UTC));
        long size = 300L << 30;
        root.addFile("huge", ContentSource.zeros(size));
        Layout layout = UdfImagePlannerTest.plan(root, UdfRevision.R2_01);
        List<ByteBuffer> meta = UdfImagePlannerTest.sectors(UdfImagePlannerTest.at(layout, 257));
        // FSD, TD, root FE, huge's FE, the root's FIDs, huge's AED
        assertEquals(6, meta.size());
        FileEntry fe = FileEntry.decode(meta.get(3));
        assertEquals(size, fe.informationLength());
        List<ShortAllocationDescriptor> icb = ads(fe.allocationDescriptors());
        assertEquals(234, icb.size());
        ShortAllocationDescriptor next = icb.get(233);
        assertEquals(AllocationDescriptor.CONTINUATION, next.extentType());
        assertEquals(5, next.logicalBlockNumber());
        assertEquals(2048, next.extentLength());
        AllocationExtentDescriptor aed = AllocationExtentDescriptor.decode(meta.get(5));
        assertEquals(5, aed.tag().location());
        assertEquals(0, aed.previousAllocationExtentLocation());
        List<ShortAllocationDescriptor> all = new ArrayList<>(icb.subList(0, 233));
        all.addAll(ads(aed.allocationDescriptors()));
        assertEquals((size + MAX - 1) / MAX, all.size());
        long block = all.get(0).logicalBlockNumber();
        long total = 0;
        for (ShortAllocationDescriptor ad : all) {
            assertEquals(AllocationDescriptor.RECORDED, ad.extentType());
            assertEquals(block + total / 2048, ad.logicalBlockNumber());
            total += ad.extentLength();
        }
        assertEquals(size, total);
        assertEquals(fe.logicalBlocksRecorded(), (size + 2047) / 2048);
    }

    private static List<ShortAllocationDescriptor> ads(byte[] bytes) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        List<ShortAllocationDescriptor> l = new ArrayList<>();
        while (b.hasRemaining()) {
            l.add(ShortAllocationDescriptor.decode(b));
        }
        return l;
    }

    /**
     * UDF 2.50: EFEs in the metadata partition hold long_ads ((2048 - 216) / 16 = 114 slots), AEDs
     * 126 ((2048 - 24) / 16); data ADs name the physical partition (0), the continuations the
     * metadata partition (1) where the AEDs lie. 301 extents: 113 in the EFE, 125 + 63 in two AEDs.
     */
    @Test
    void a300GiBFileInA250VolumeUsesLongAdsAndTwoAeds() throws Exception {
        Directory root = Directory.newRoot(Clock.fixed(UdfImagePlannerTest.TIME, ZoneOffset.UTC));
        long size = 300L << 30;
        root.addFile("huge", ContentSource.zeros(size));
        Layout layout = UdfImagePlannerTest.plan(root, UdfRevision.R2_50);
        // the metadata file's data: FSD, TD, root EFE, huge's EFE, the root's FIDs, huge's 2 AEDs
        List<ByteBuffer> meta = UdfImagePlannerTest.sectors(UdfImagePlannerTest.at(layout, 257 + 32));
        ExtendedFileEntry efe = ExtendedFileEntry.decode(meta.get(3).duplicate());
        List<LongAllocationDescriptor> icb = longAds(efe.allocationDescriptors());
        assertEquals(114, icb.size());
        LongAllocationDescriptor next = icb.get(113);
        assertEquals(AllocationDescriptor.CONTINUATION, next.extentType());
        assertEquals(1, next.location().partitionReferenceNumber());
        assertEquals(5, next.location().logicalBlockNumber());
        AllocationExtentDescriptor first = AllocationExtentDescriptor.decode(meta.get(5).duplicate());
        List<LongAllocationDescriptor> a1 = longAds(first.allocationDescriptors());
        assertEquals(126, a1.size());
        assertEquals(6, a1.get(125).location().logicalBlockNumber());
        assertEquals(1, a1.get(125).location().partitionReferenceNumber());
        List<LongAllocationDescriptor> a2 = longAds(AllocationExtentDescriptor.decode(meta.get(6).duplicate())
                .allocationDescriptors());
        List<LongAllocationDescriptor> all = new ArrayList<>(icb.subList(0, 113));
        all.addAll(a1.subList(0, 125));
        all.addAll(a2);
        assertEquals(301, all.size());
        long total = 0;
        for (LongAllocationDescriptor ad : all) {
            assertEquals(AllocationDescriptor.RECORDED, ad.extentType());
            assertEquals(0, ad.location().partitionReferenceNumber());
            assertEquals(96 + total / 2048, ad.location().logicalBlockNumber());
            total += ad.extentLength();
        }
        assertEquals(size, total);
    }

    private static List<LongAllocationDescriptor> longAds(byte[] bytes) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        List<LongAllocationDescriptor> l = new ArrayList<>();
        while (b.hasRemaining()) {
            l.add(LongAllocationDescriptor.decode(b));
        }
        return l;
    }
}
