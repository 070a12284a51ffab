package org.discimage.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.ProgressListener;
import org.discimage.VolumeIdentifiers;
import org.discimage.iso9660.DirectoryRecord;
import org.discimage.iso9660.PrimaryVolumeDescriptor;
import org.discimage.pipeline.Cancellation;
import org.discimage.pipeline.ImageWriter;
import org.discimage.tree.Directory;
import org.junit.jupiter.api.Test;

/** The plan as a value: what lies where, before a byte is written. */
class IsoImagePlannerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T05:31:49Z"), ZoneOffset.UTC);

    private static Layout plan(Directory root, long start) throws IOException {
        return IsoImagePlanner.plan(new PlanRequest(root, EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE), IsoLevel.LEVEL_3,
                NamePolicy.MANGLE, VolumeIdentifiers.defaults().withVolumeId("TEST"), CLOCK.instant(), start));
    }

    private static byte[] bytes(Layout layout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ImageWriter(layout, ProgressListener.NONE, new Cancellation()).writeTo(Channels.newChannel(out));
        return out.toByteArray();
    }

    @Test
    void areasComeInTheDocumentedOrderAndFilesOnce() throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        root.addFile("b.txt", new byte[3000]);
        root.addFile("a/x.bin", new byte[5000]);
        root.addFile("empty", new byte[0]);
        Layout layout = plan(root, 0);
        List<String> names = layout.extents().stream().map(PlannedExtent::description).toList();
        assertEquals(List.of("system area", "volume descriptors", "ISO 9660 path table (L)", "ISO 9660 path table (M)",
                "Joliet path table (L)", "Joliet path table (M)", "ISO 9660 directories", "Joliet directories",
                "empty files", "/b.txt", "/a/x.bin"), names); // directory by directory, pre-order
        assertEquals(16, layout.extents().get(1).lba());
        assertEquals(3, layout.extents().get(1).sectors()); // PVD, Joliet SVD, terminator
        PlannedExtent last = layout.extents().get(layout.extents().size() - 1);
        assertEquals(3, last.sectors());
        assertEquals(layout.totalSectors(), last.lba() + last.sectors());
    }

    @Test
    void sessionStartShiftsEveryAddress() throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        root.addFile("f", new byte[10]);
        Layout at0 = plan(root, 0);
        Layout at1000 = plan(root, 1000);
        assertEquals(at0.totalSectors(), at1000.totalSectors());
        assertEquals(1016, at1000.extents().get(1).lba());
        byte[] image = bytes(at1000);
        PrimaryVolumeDescriptor pvd = PrimaryVolumeDescriptor.decode(ByteBuffer.wrap(image, 16 * 2048, 2048));
        assertTrue(pvd.rootDirectoryRecord().extentLocation() > 1016, "root at an absolute LBA");
        // ECMA-119 8.4.8 / formats.md 3.5: a session's PVD gives the size of the session
        assertEquals(at1000.totalSectors(), pvd.volumeSpaceSize());
    }

    @Test
    void directoryRecordsNeverSpanASector() throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        for (int i = 0; i < 300; i++) {
            root.addFile("a rather long file name to fill sectors quickly " + i + ".txt", new byte[1]);
        }
        Layout layout = plan(root, 0);
        byte[] image = bytes(layout);
        PrimaryVolumeDescriptor pvd = PrimaryVolumeDescriptor.decode(ByteBuffer.wrap(image, 16 * 2048, 2048));
        long lba = pvd.rootDirectoryRecord().extentLocation();
        long length = pvd.rootDirectoryRecord().dataLength();
        assertTrue(length > 2048 * 5, "the root needs several sectors: " + length);
        int records = 0;
        for (long s = 0; s < length / 2048; s++) {
            ByteBuffer sector = ByteBuffer.wrap(image, (int) ((lba + s) * 2048), 2048).slice();
            while (sector.hasRemaining() && sector.get(sector.position()) != 0) {
                int start = sector.position();
                DirectoryRecord r = DirectoryRecord.decode(sector);
                assertTrue(start + r.length() <= 2048);
                assertEquals(0, r.length() & 1, "records have even length");
                records++;
            }
        }
        assertEquals(302, records); // ".", "..", 300 files
    }
}
