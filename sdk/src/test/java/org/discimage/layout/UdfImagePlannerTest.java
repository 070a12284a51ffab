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
import org.discimage.udf.ExtendedFileEntry;
import org.discimage.udf.FileIdentifierDescriptor;
import org.discimage.udf.FileSetDescriptor;
import org.discimage.udf.IcbTag;
import org.discimage.udf.LogicalVolumeDescriptor;
import org.discimage.udf.LogicalVolumeIntegrityDescriptor;
import org.discimage.udf.LongAllocationDescriptor;
import org.discimage.udf.MetadataPartitionMap;
import org.discimage.udf.Type1PartitionMap;
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

    /**
     * UDF 2.50: the metadata file's and mirror's EFEs at partition blocks 0 and 1, the metadata file's
     * data (32 blocks: one allocation unit) at 32, the mirror's copy at 64, file data at 96; the LVD
     * has the type-1 map and the metadata map; the LVID sizes both partitions.
     */
    @Test
    void metadataPartitionOf250() throws Exception {
        Directory root = Directory.newRoot(Clock.fixed(TIME, ZoneOffset.UTC));
        root.addFile("a.bin", new byte[5000]);
        root.addDirectory("d");
        Layout layout = plan(root, UdfRevision.R2_50);
        List<ByteBuffer> efes = sectors(at(layout, 257));
        assertEquals(2, efes.size());
        ExtendedFileEntry file = ExtendedFileEntry.decode(efes.get(0));
        ExtendedFileEntry mirror = ExtendedFileEntry.decode(efes.get(1));
        assertEquals(IcbTag.TYPE_METADATA, file.icbTag().fileType());
        assertEquals(IcbTag.TYPE_METADATA_MIRROR, mirror.icbTag().fileType());
        assertEquals(0, file.tag().location());
        assertEquals(1, mirror.tag().location());
        assertEquals(32 * 2048, file.informationLength());
        assertEquals(IcbTag.AD_SHORT, file.icbTag().flags() & 7);
        assertEquals(32, ShortAllocationDescriptor.decode(ByteBuffer.wrap(file.allocationDescriptors())).logicalBlockNumber());
        assertEquals(64, ShortAllocationDescriptor.decode(ByteBuffer.wrap(mirror.allocationDescriptors())).logicalBlockNumber());

        List<ByteBuffer> meta = sectors(at(layout, 257 + 32));
        List<ByteBuffer> copy = sectors(at(layout, 257 + 64));
        assertEquals(meta, copy, "the mirror is a duplicate");
        FileSetDescriptor fsd = FileSetDescriptor.decode(meta.get(0).duplicate());
        assertEquals(0, fsd.tag().location());
        assertEquals(1, fsd.rootDirectoryIcb().location().partitionReferenceNumber(), "root ICB in the metadata partition");
        // FSD, TD, then EFEs of /, a.bin, d (tree order: files first), then FIDs
        ExtendedFileEntry a = ExtendedFileEntry.decode(meta.get(3).duplicate());
        assertEquals(IcbTag.AD_LONG, a.icbTag().flags() & 7);
        LongAllocationDescriptor data = LongAllocationDescriptor.decode(ByteBuffer.wrap(a.allocationDescriptors()));
        assertEquals(0, data.location().partitionReferenceNumber(), "file data in the physical partition");
        assertEquals(96, data.location().logicalBlockNumber());
        PlannedExtent fileData = at(layout, 257 + 96);
        assertTrue(fileData instanceof FileDataExtent, fileData.toString());
        ExtendedFileEntry rootEntry = ExtendedFileEntry.decode(meta.get(2).duplicate());
        LongAllocationDescriptor fids = LongAllocationDescriptor.decode(ByteBuffer.wrap(rootEntry.allocationDescriptors()));
        assertEquals(1, fids.location().partitionReferenceNumber(), "directory data in the metadata partition");
        FileIdentifierDescriptor parent = FileIdentifierDescriptor.decode(
                meta.get((int) fids.location().logicalBlockNumber()).duplicate());
        assertEquals(1, parent.icb().location().partitionReferenceNumber());

        List<ByteBuffer> vds = sectors(at(layout, 32));
        LogicalVolumeDescriptor lvd = LogicalVolumeDescriptor.decode(vds.get(3));
        assertEquals(2, lvd.partitionMaps().size());
        assertTrue(lvd.partitionMaps().get(0) instanceof Type1PartitionMap);
        MetadataPartitionMap map = (MetadataPartitionMap) lvd.partitionMaps().get(1);
        assertEquals(0, map.metadataFileLocation());
        assertEquals(1, map.metadataMirrorFileLocation());
        assertEquals(0xFFFF_FFFFL, map.metadataBitmapFileLocation());
        assertEquals(32, map.allocationUnitSize());
        assertEquals(32, map.alignmentUnitSize());
        assertTrue(map.duplicated());
        assertEquals(0x0250, map.partitionTypeIdentifier().udfRevision());
        LogicalVolumeIntegrityDescriptor lvid = LogicalVolumeIntegrityDescriptor.decode(sectors(at(layout, 64)).get(0));
        assertEquals(List.of(96L + 3, 32L), lvid.sizeTable());
        assertEquals(List.of(0L, 0L), lvid.freeSpaceTable());
    }

    /** 1.02, 1.50 and 2.01 keep File Entries; 2.50 and 2.60 write Extended File Entries. */
    @Test
    void fileEntryKindPerRevision() throws Exception {
        Directory root = Directory.newRoot(Clock.fixed(TIME, ZoneOffset.UTC));
        root.addFile("a.bin", new byte[5000]);
        for (UdfRevision r : UdfRevision.values()) {
            Layout layout = plan(root, r);
            boolean metadata = r.code() >= 0x0250;
            ByteBuffer rootEntry = sectors(at(layout, metadata ? 257 + 32 : 257)).get(2);
            assertEquals(metadata ? DescriptorTag.ID_EFE : DescriptorTag.ID_FE,
                    DescriptorTag.decode(rootEntry.duplicate()).identifier(), r.toString());
            assertEquals(r.code() >= 0x0200 ? 3 : 2, DescriptorTag.decode(rootEntry.duplicate()).version(), r.toString());
        }
    }

    /**
     * ECMA-167 3/8.4.2.1: from {@link UdfImagePlanner#MIDDLE_ANCHOR_MIN_SECTORS} on, an anchor at
     * N - 256 right after the partition, 255 zero sectors, the anchor at N - 1; below, two anchors.
     */
    @Test
    void anchorAtNMinus256InLargeEnoughImages() throws Exception {
        for (UdfRevision r : List.of(UdfRevision.R1_02, UdfRevision.R2_60)) {
            Directory root = Directory.newRoot(Clock.fixed(TIME, ZoneOffset.UTC));
            root.addFile("big.bin", ContentSource.zeros(600 * 2048));
            Layout layout = plan(root, r);
            long n = layout.totalSectors();
            List<Long> anchors = new ArrayList<>();
            for (PlannedExtent e : layout.extents()) {
                if (e instanceof MetadataExtent && e.sectors() == 1
                        && DescriptorTag.decode(sectors(e).get(0)).identifier() == DescriptorTag.ID_AVDP) {
                    anchors.add(e.lba());
                    assertEquals(e.lba(), DescriptorTag.decode(sectors(e).get(0)).location());
                }
            }
            assertEquals(List.of(256L, n - 257, n - 1), anchors, r.toString());
            assertTrue(at(layout, n - 256) instanceof ZeroExtent);
            assertEquals(255, at(layout, n - 256).sectors());
            LogicalVolumeIntegrityDescriptor lvid = LogicalVolumeIntegrityDescriptor.decode(sectors(at(layout, 64)).get(0));
            assertEquals(n - 257 - 257, lvid.sizeTable().get(0), "the partition ends at the middle anchor");

            Directory small = Directory.newRoot(Clock.fixed(TIME, ZoneOffset.UTC));
            small.addFile("a", new byte[10]);
            Layout s = plan(small, r);
            // 1.02: padded to 300 sectors; 2.60: 257 + 96 metadata blocks + 1 data block + the anchor
            assertEquals(r == UdfRevision.R1_02 ? UdfImagePlanner.MIN_SECTORS : 355, s.totalSectors());
            assertEquals(List.of(256L, s.totalSectors() - 1), s.extents().stream()
                    .filter(e -> e.description().startsWith("UDF anchor")).map(PlannedExtent::lba).toList());
        }
    }

    /**
     * Without redundant metadata the mirror's EFE names the metadata file's own blocks, the flag is
     * clear and file data follows the metadata file directly.
     */
    @Test
    void mirrorWithoutACopyOfItsOwn() throws Exception {
        Directory root = Directory.newRoot(Clock.fixed(TIME, ZoneOffset.UTC));
        root.addFile("a.bin", new byte[5000]);
        Layout layout = UdfImagePlanner.plan(new PlanRequest(root, EnumSet.of(FileSystem.UDF), IsoLevel.LEVEL_3,
                NamePolicy.MANGLE, VolumeIdentifiers.defaults(), TIME, 0, UdfRevision.R2_60), false);
        List<ByteBuffer> efes = sectors(at(layout, 257));
        ExtendedFileEntry mirror = ExtendedFileEntry.decode(efes.get(1));
        assertEquals(32, ShortAllocationDescriptor.decode(ByteBuffer.wrap(mirror.allocationDescriptors())).logicalBlockNumber());
        assertTrue(at(layout, 257 + 64) instanceof FileDataExtent);
        MetadataPartitionMap map = (MetadataPartitionMap) LogicalVolumeDescriptor.decode(sectors(at(layout, 32)).get(3))
                .partitionMaps().get(1);
        assertEquals(0, map.flags());
    }
}
