package org.discimage.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.UdfRevision;
import org.discimage.VolumeIdentifiers;
import org.discimage.media.ImageFileMedium;
import org.discimage.udf.AnchorVolumeDescriptorPointer;
import org.discimage.udf.ExtendedFileEntry;
import org.discimage.udf.FileEntry;
import org.discimage.udf.FileSetDescriptor;
import org.discimage.udf.LogicalVolumeDescriptor;
import org.discimage.udf.LongAllocationDescriptor;
import org.discimage.udf.MetadataPartitionMap;
import org.discimage.udf.PartitionDescriptor;
import org.discimage.udf.ShortAllocationDescriptor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plan of a bridge session appended to a bridge ({@link UdfBridgePlanner#planAppended}): anchors
 * at the session start + 256 and in the last sector (absolute tag locations), the VDS in the
 * session, one partition from the imported one's start to the session's end, the file set in the
 * session, and an unchanged file's short_ad = its old absolute LBA - the partition start.
 */
class UdfAppendedPlannerTest {
    private static final Instant TIME = Instant.parse("2024-05-06T07:08:09Z");
    private static final Clock CLOCK = Clock.fixed(TIME, ZoneOffset.UTC);
    private static final EnumSet<FileSystem> BRIDGE = EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET,
            FileSystem.ROCK_RIDGE, FileSystem.UDF);

    @TempDir
    Path work;

    private static ByteBuffer sector(Layout layout, long lba) throws Exception {
        PlannedExtent e = layout.extents().stream().filter(x -> x.lba() <= lba && lba < x.lba() + x.sectors())
                .findFirst().orElseThrow();
        return UdfImagePlannerTest.sectors(e).get((int) (lba - e.lba()));
    }

    @ParameterizedTest
    @EnumSource(value = UdfRevision.class, names = {"R1_02", "R2_01", "R2_50"})
    void theAppendedPartitionReachesBackToTheImportedOne(UdfRevision rev) throws Exception {
        Path img = work.resolve("bridge.iso");
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            medium.prepare(image);
            image.setFileSystems(BRIDGE);
            image.setUdfRevision(rev);
            image.root().addFile("keep.bin", new byte[5000]);
            medium.append(image.createResultImage());
        }
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            medium.prepare(image);
            long s = medium.nextWritableAddress();
            image.root().addFile("new.bin", new byte[7000]);
            PlanRequest request = new PlanRequest(image.root(), BRIDGE, IsoLevel.LEVEL_3, NamePolicy.MANGLE,
                    VolumeIdentifiers.defaults(), TIME, s, rev);
            long p = 32 + 257;
            Layout layout = UdfBridgePlanner.planAppended(request, true, medium.sectors(), p);
            long n = s + layout.totalSectors();
            assertEquals(0, n % 32, "the session ends on a 32-sector unit, its last sector an anchor");

            List<Long> anchors = layout.extents().stream().filter(e -> e.description().startsWith("UDF anchor"))
                    .map(PlannedExtent::lba).toList();
            assertEquals(s + 256, anchors.get(0));
            assertEquals(n - 1, anchors.get(anchors.size() - 1));
            for (long a : anchors) {
                AnchorVolumeDescriptorPointer avdp = AnchorVolumeDescriptorPointer.decode(sector(layout, a));
                assertEquals(a, avdp.tag().location(), "absolute tag location (ECMA-167 3/7.2.8)");
                assertEquals(s + 32, avdp.mainVds().extentLocation());
                assertEquals(s + 48, avdp.reserveVds().extentLocation());
            }
            PartitionDescriptor pd = PartitionDescriptor.decode(sector(layout, s + 32 + 2));
            assertEquals(s + 34, pd.tag().location());
            assertEquals(p, pd.partitionStartingLocation(), "the partition starts where session 1's does");
            long lastAnchor = anchors.get(anchors.size() - 1);
            long partitionEnd = anchors.size() == 3 ? anchors.get(1) : lastAnchor;
            assertEquals(partitionEnd - p, pd.partitionLength());

            LogicalVolumeDescriptor lvd = LogicalVolumeDescriptor.decode(sector(layout, s + 32 + 3));
            LongAllocationDescriptor fsdAt = lvd.fileSetDescriptorLocation();
            long origin = s + 257 - p;
            long keepLba;
            long newLba;
            List<PlannedExtent> data = layout.extents().stream().filter(e -> e instanceof FileDataExtent).toList();
            assertEquals(List.of("/new.bin"), data.stream().map(PlannedExtent::description).toList(),
                    "only the new file is written");
            newLba = data.get(0).lba();
            if (rev.code() < 0x0250) {
                assertEquals(origin, fsdAt.location().logicalBlockNumber(), "the FSD is in the new session");
                FileSetDescriptor fsd = FileSetDescriptor.decode(sector(layout, s + 257));
                assertEquals(origin, fsd.tag().location(), "file structure tag locations are partition blocks");
                long rootIcb = fsd.rootDirectoryIcb().location().logicalBlockNumber();
                assertEquals(origin + 2, rootIcb);
                // File Entries: / then keep.bin, new.bin (tree order)
                FileEntry keep = FileEntry.decode(sector(layout, p + rootIcb + 1));
                assertEquals(origin + 3, keep.tag().location());
                long keepBlock = ShortAllocationDescriptor.decode(ByteBuffer.wrap(keep.allocationDescriptors()))
                        .logicalBlockNumber();
                assertTrue(p + keepBlock < s, "keep.bin keeps its extent before the session");
                FileEntry nw = FileEntry.decode(sector(layout, p + rootIcb + 2));
                assertEquals(newLba - p, ShortAllocationDescriptor.decode(ByteBuffer.wrap(nw.allocationDescriptors()))
                        .logicalBlockNumber(), "a new file's data: absolute LBA - partition start");
                keepLba = p + keepBlock;
            } else {
                assertEquals(0, fsdAt.location().logicalBlockNumber(), "the FSD opens the metadata partition");
                MetadataPartitionMap map = (MetadataPartitionMap) lvd.partitionMaps().get(1);
                assertEquals(origin, map.metadataFileLocation(), "the metadata file's EFE in the new session");
                assertEquals(origin + 1, map.metadataMirrorFileLocation());
                ExtendedFileEntry metadataFile = ExtendedFileEntry.decode(sector(layout, s + 257));
                assertEquals(origin, metadataFile.tag().location());
                long dataBlock = ShortAllocationDescriptor.decode(ByteBuffer.wrap(metadataFile.allocationDescriptors()))
                        .logicalBlockNumber();
                assertEquals(origin + UdfMetadataPartition.FILE_DATA, dataBlock);
                // metadata partition blocks: FSD, TD, /, keep.bin, new.bin
                ExtendedFileEntry keep = ExtendedFileEntry.decode(sector(layout, p + dataBlock + 3));
                long keepBlock = ShortAllocationDescriptor.decode(ByteBuffer.wrap(keep.allocationDescriptors()))
                        .logicalBlockNumber();
                assertTrue(p + keepBlock < s, "keep.bin keeps its extent before the session");
                keepLba = p + keepBlock;
                ExtendedFileEntry nw = ExtendedFileEntry.decode(sector(layout, p + dataBlock + 4));
                assertEquals(newLba - p, ShortAllocationDescriptor.decode(ByteBuffer.wrap(nw.allocationDescriptors()))
                        .logicalBlockNumber());
            }
            // the ISO record of keep.bin names the same sector (one extent, shared)
            org.discimage.importer.SessionReader r = org.discimage.importer.SessionReader.open(medium.sectors(), 32);
            long isoLba = r.readTree(FileSystem.ISO9660).stream().filter(e -> e.path().startsWith("/KEEP"))
                    .findFirst().orElseThrow().extents().get(0).lba();
            assertEquals(isoLba, keepLba);
        }
    }
}
