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
import org.discimage.udf.FileEntry;
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
}
