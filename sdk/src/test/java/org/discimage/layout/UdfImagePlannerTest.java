package org.discimage.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.UdfRevision;
import org.discimage.VolumeIdentifiers;
import org.discimage.source.ContentSource;
import org.discimage.tree.Directory;
import org.discimage.udf.AllocationDescriptor;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.FileEntry;
import org.discimage.udf.ShortAllocationDescriptor;
import org.junit.jupiter.api.Test;

/** The plan of UDF-only images: where each structure goes, extents of large files, the API's refusals. */
class UdfImagePlannerTest {
    static final Instant TIME = Instant.parse("2024-05-06T07:08:09Z");

    static Layout plan(Directory root, UdfRevision revision) throws Exception {
        return UdfImagePlanner.plan(new PlanRequest(root, EnumSet.of(FileSystem.UDF), IsoLevel.LEVEL_3,
                NamePolicy.MANGLE, VolumeIdentifiers.defaults(), TIME, 0, revision));
    }

    static PlannedExtent at(Layout layout, long lba) {
        return layout.extents().stream().filter(e -> e.lba() == lba).findFirst().orElseThrow();
    }

    /** The sectors of a metadata extent, produced. */
    static List<ByteBuffer> sectors(PlannedExtent e) throws Exception {
        SectorProducer p = ((MetadataExtent) e).producer().get();
        List<ByteBuffer> list = new ArrayList<>();
        for (long i = 0; i < e.sectors(); i++) {
            ByteBuffer b = ByteBuffer.allocate(2048);
            p.next(b);
            assertEquals(2048, b.position());
            list.add(b.flip());
        }
        return list;
    }

    @Test
    void structuresSitWhereTheLayoutSays() throws Exception {
        Directory root = Directory.newRoot(Clock.fixed(TIME, ZoneOffset.UTC));
        root.addFile("a.bin", new byte[5000]);
        Layout layout = plan(root, UdfRevision.R2_01);
        assertEquals(3, at(layout, 16).sectors());
        assertEquals(6, at(layout, 32).sectors());
        assertEquals(6, at(layout, 48).sectors());
        assertEquals(2, at(layout, 64).sectors());
        assertEquals(1, at(layout, 256).sectors());
        assertTrue(at(layout, 257) instanceof MetadataExtent);
        // FSD, TD, 2 File Entries, the root's FIDs: then the data of a.bin
        PlannedExtent data = at(layout, 257 + 5);
        assertTrue(data instanceof FileDataExtent, data.toString());
        assertEquals(3, data.sectors());
        assertEquals(UdfImagePlanner.MIN_SECTORS, layout.totalSectors(), "small images are padded for udfclient");
        PlannedExtent last = layout.extents().get(layout.extents().size() - 1);
        assertEquals(layout.totalSectors() - 1, last.lba());
        ByteBuffer anchor = sectors(last).get(0);
        DescriptorTag tag = DescriptorTag.decode(anchor);
        assertEquals(DescriptorTag.ID_AVDP, tag.identifier());
        assertEquals(layout.totalSectors() - 1, tag.location());
        assertEquals(3, tag.version());
    }

    @Test
    void aLargeFileIsSplitInExtentsOfWholeBlocks() throws Exception {
        Directory root = Directory.newRoot(Clock.fixed(TIME, ZoneOffset.UTC));
        long size = 3L * UdfImagePlanner.MAX_EXTENT + 10;
        root.addFile("big", ContentSource.zeros(size));
        Layout layout = plan(root, UdfRevision.R1_02);
        List<ByteBuffer> meta = sectors(at(layout, 257));
        FileEntry fe = FileEntry.decode(meta.get(3));  // FSD, TD, root FE, big's FE
        assertEquals(2, fe.tag().version());
        assertEquals(size, fe.informationLength());
        ByteBuffer ads = ByteBuffer.wrap(fe.allocationDescriptors());
        List<ShortAllocationDescriptor> list = new ArrayList<>();
        while (ads.hasRemaining()) {
            list.add(ShortAllocationDescriptor.decode(ads));
        }
        assertEquals(4, list.size());
        long block = list.get(0).logicalBlockNumber();
        for (int i = 0; i < 3; i++) {
            assertEquals(UdfImagePlanner.MAX_EXTENT, list.get(i).extentLength());
            assertEquals(block + i * (UdfImagePlanner.MAX_EXTENT / 2048), list.get(i).logicalBlockNumber());
            assertEquals(AllocationDescriptor.RECORDED, list.get(i).extentType());
        }
        assertEquals(10, list.get(3).extentLength());
        assertEquals(257 + block, at(layout, 257 + block).lba());
    }

    @Test
    void permissionsFollowUdf() {
        assertEquals(0x1CA5, UdfPartitionProducer.permissions(0755));
        assertEquals(0x1884, UdfPartitionProducer.permissions(0644));
        assertEquals(0x1800, UdfPartitionProducer.permissions(0600));
    }

    @Test
    void fileSystemImageWritesUdfAloneOrBridgedWithIso() {
        FileSystemImage image = new FileSystemImage(Clock.fixed(TIME, ZoneOffset.UTC));
        assertEquals(UdfRevision.R2_01, image.udfRevision());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> image.setFileSystems(FileSystem.UDF, FileSystem.JOLIET));
        assertTrue(e.getMessage().contains("the ISO/UDF bridge needs ISO 9660"), e.getMessage());
        image.setFileSystems(FileSystem.UDF, FileSystem.ISO9660);
        assertEquals(EnumSet.of(FileSystem.UDF, FileSystem.ISO9660), image.fileSystems());
        image.setFileSystems(FileSystem.UDF);
        assertEquals(EnumSet.of(FileSystem.UDF), image.fileSystems());
        for (UdfRevision r : UdfRevision.values()) {
            image.setUdfRevision(r);
            assertEquals(r, image.udfRevision());
        }
        image.setUdfRevision(UdfRevision.R1_02);
        assertEquals(UdfRevision.R1_02, image.udfRevision());
    }
}
