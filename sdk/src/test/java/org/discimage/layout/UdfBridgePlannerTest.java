package org.discimage.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.discimage.FileSystem;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.UdfRevision;
import org.discimage.VolumeIdentifiers;
import org.discimage.source.ContentSource;
import org.discimage.tree.Directory;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.ExtendedFileEntry;
import org.discimage.udf.FileEntry;
import org.discimage.udf.IcbTag;
import org.discimage.udf.LongAllocationDescriptor;
import org.discimage.udf.ShortAllocationDescriptor;
import org.junit.jupiter.api.Test;

/** The plan of ISO/UDF bridge images: the VRS after the ISO terminator, one data extent per file shared by both. */
class UdfBridgePlannerTest {
    static final Instant TIME = Instant.parse("2024-05-06T07:08:09Z");

    static Layout plan(Directory root, Set<FileSystem> fs, UdfRevision revision) throws Exception {
        return UdfBridgePlanner.plan(new PlanRequest(root, fs, IsoLevel.LEVEL_3, NamePolicy.MANGLE,
                VolumeIdentifiers.defaults(), TIME, 0, revision));
    }

    private static String vsd(Layout layout, long lba) throws Exception {
        PlannedExtent e = layout.extents().stream().filter(x -> x.lba() <= lba && lba < x.lba() + x.sectors())
                .findFirst().orElseThrow();
        List<ByteBuffer> s = UdfImagePlannerTest.sectors(e);
        ByteBuffer b = s.get((int) (lba - e.lba()));
        byte[] id = new byte[5];
        b.get(1, id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    @Test
    void recognitionSequenceFollowsTheIsoTerminator() throws Exception {
        Directory root = Directory.newRoot(Clock.fixed(TIME, ZoneOffset.UTC));
        root.addFile("a.bin", new byte[5000]);
        Layout iso = plan(root, EnumSet.of(FileSystem.ISO9660, FileSystem.UDF), UdfRevision.R1_02);
        assertEquals(List.of("CD001", "CD001", "BEA01", "NSR02", "TEA01"),
                List.of(vsd(iso, 16), vsd(iso, 17), vsd(iso, 18), vsd(iso, 19), vsd(iso, 20)));
        Layout all = plan(root, EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE,
                FileSystem.UDF), UdfRevision.R2_01);
        assertEquals(List.of("CD001", "CD001", "CD001", "BEA01", "NSR03", "TEA01"), List.of(vsd(all, 16),
                vsd(all, 17), vsd(all, 18), vsd(all, 19), vsd(all, 20), vsd(all, 21)));
    }

    @Test
    void fileDataIsPlacedOnceAndSharedByIsoAndUdf() throws Exception {
        Directory root = Directory.newRoot(Clock.fixed(TIME, ZoneOffset.UTC));
        root.addFile("a.bin", new byte[5000]);
        root.addFile("b/c.bin", ContentSource.zeros(3 * 2048 + 1));
        root.addFile("empty", new byte[0]);
        Layout layout = plan(root, EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE,
                FileSystem.UDF), UdfRevision.R2_01);
        List<PlannedExtent> data = layout.extents().stream().filter(e -> e instanceof FileDataExtent).toList();
        assertEquals(List.of("/a.bin", "/b/c.bin"), data.stream().map(PlannedExtent::description).toList());
        PlannedExtent avdp = UdfImagePlannerTest.at(layout, 256);
        assertEquals(DescriptorTag.ID_AVDP, DescriptorTag.decode(UdfImagePlannerTest.sectors(avdp).get(0)).identifier());
        // UDF: FSD, TD, then File Entries in tree order: /, a.bin, empty, b, c.bin
        List<ByteBuffer> meta = UdfImagePlannerTest.sectors(UdfImagePlannerTest.at(layout, 257));
        FileEntry a = FileEntry.decode(meta.get(3));
        assertEquals(5000, a.informationLength());
        long block = ShortAllocationDescriptor.decode(ByteBuffer.wrap(a.allocationDescriptors())).logicalBlockNumber();
        assertEquals(data.get(0).lba(), 257 + block, "a.bin's short_ad points at its one data extent");
        FileEntry c = FileEntry.decode(meta.get(6));
        assertEquals(3 * 2048 + 1, c.informationLength());
        block = ShortAllocationDescriptor.decode(ByteBuffer.wrap(c.allocationDescriptors())).logicalBlockNumber();
        assertEquals(data.get(1).lba(), 257 + block);
        // the ISO volume space is the whole image, ending with the UDF anchor
        ByteBuffer pvd = UdfImagePlannerTest.sectors(UdfImagePlannerTest.at(layout, 16)).get(0)
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(layout.totalSectors(), pvd.getInt(80));
        assertEquals(UdfImagePlanner.MIN_SECTORS, layout.totalSectors());
        PlannedExtent last = layout.extents().get(layout.extents().size() - 1);
        assertEquals(layout.totalSectors() - 1, last.lba());
        assertEquals(DescriptorTag.ID_AVDP, DescriptorTag.decode(UdfImagePlannerTest.sectors(last).get(0)).identifier());
        assertTrue(layout.extents().stream().noneMatch(e -> e instanceof FileDataExtent && e.lba() < 257));
    }

    /**
     * A 2.60 bridge: the metadata file's and mirror's EFEs at partition blocks 0 and 1, the metadata
     * file's data at 32, the mirror's at 64, the ISO structures and the shared file data after them;
     * the EFEs' long_ads point at the ISO file's extent in the physical partition; with more than 512
     * sectors the anchors are at 256, N - 256 and N - 1, the ISO volume space being the whole image.
     */
    @Test
    void metadataPartitionAndThirdAnchorInA260Bridge() throws Exception {
        Directory root = Directory.newRoot(Clock.fixed(TIME, ZoneOffset.UTC));
        root.addFile("a.bin", ContentSource.zeros(700 * 2048 + 5));
        Layout layout = plan(root, EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE,
                FileSystem.UDF), UdfRevision.R2_60);
        List<ByteBuffer> efes = UdfImagePlannerTest.sectors(UdfImagePlannerTest.at(layout, 257));
        assertEquals(IcbTag.TYPE_METADATA, ExtendedFileEntry.decode(efes.get(0)).icbTag().fileType());
        assertEquals(IcbTag.TYPE_METADATA_MIRROR, ExtendedFileEntry.decode(efes.get(1)).icbTag().fileType());
        List<ByteBuffer> meta = UdfImagePlannerTest.sectors(UdfImagePlannerTest.at(layout, 257 + 32));
        assertEquals(meta, UdfImagePlannerTest.sectors(UdfImagePlannerTest.at(layout, 257 + 64)));
        PlannedExtent data = layout.extents().stream().filter(e -> e instanceof FileDataExtent).findFirst().orElseThrow();
        assertTrue(data.lba() >= 257 + 96, "ISO structures and data after the metadata and its mirror");
        ExtendedFileEntry a = ExtendedFileEntry.decode(meta.get(3));
        assertEquals(700 * 2048 + 5, a.informationLength());
        LongAllocationDescriptor ad = LongAllocationDescriptor.decode(ByteBuffer.wrap(a.allocationDescriptors()));
        assertEquals(0, ad.location().partitionReferenceNumber());
        assertEquals(data.lba(), 257 + ad.location().logicalBlockNumber(), "one copy of the data, shared with ISO");
        long n = layout.totalSectors();
        List<Long> anchors = layout.extents().stream().filter(e -> e.description().startsWith("UDF anchor"))
                .map(PlannedExtent::lba).toList();
        assertEquals(List.of(256L, n - 257, n - 1), anchors);
        assertEquals(data.lba() + data.sectors(), n - 257, "the partition ends at the middle anchor");
        ByteBuffer pvd = UdfImagePlannerTest.sectors(UdfImagePlannerTest.at(layout, 16)).get(0)
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(n, pvd.getInt(80));
    }
}
