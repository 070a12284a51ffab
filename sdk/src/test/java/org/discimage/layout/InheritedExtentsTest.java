package org.discimage.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.VolumeIdentifiers;
import org.discimage.importer.FileExtent;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.ImportedSource;
import org.discimage.importer.SectorReader;
import org.discimage.tree.Directory;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;

/**
 * Which imported files an appended session inherits (no data placed) and which it copies. The
 * data is never read when inherited, so the medium here holds only zeros.
 */
class InheritedExtentsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T05:31:49Z"), ZoneOffset.UTC);
    private static final long START = 10_000;

    private static final SectorReader MEDIUM = new Zeros();
    private static final SectorReader OTHER = new Zeros();

    private static final class Zeros implements SectorReader {
        @Override
        public int read(long lba, ByteBuffer dst) {
            int n = dst.remaining() / SECTOR_SIZE;
            dst.position(dst.position() + n * SECTOR_SIZE);
            return n;
        }

        @Override
        public long sectorCount() {
            return 1L << 32;
        }

        @Override
        public void close() {
        }
    }

    private static ImportedSource source(SectorReader medium, long size, FileExtent... extents) {
        return ImportedSource.of(medium, ImportedEntry.of("/f", ItemType.FILE, size, 0644, 0, 0, CLOCK.instant(), null,
                List.of(extents), false));
    }

    /** The file data extents the planner places for the tree holding only {@code source} as /f. */
    private static List<String> placed(ImportedSource source) throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        root.addFile("f", source);
        Layout layout = IsoImagePlanner.planAppended(new PlanRequest(root,
                EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE), IsoLevel.LEVEL_3,
                NamePolicy.MANGLE, VolumeIdentifiers.defaults(), CLOCK.instant(), START), MEDIUM);
        assertEquals(START, layout.startLba());
        return layout.extents().stream().filter(e -> e instanceof FileDataExtent).map(PlannedExtent::description)
                .toList();
    }

    @Test
    void aFileOnTheMediumBeforeTheSessionIsInherited() throws IOException {
        assertEquals(List.of(), placed(source(MEDIUM, 5000, new FileExtent(100, 5000))));
        // sections in consecutive sectors (a multi-extent file as recorded) are inherited too
        assertEquals(List.of(), placed(source(MEDIUM, 6000, new FileExtent(100, 4096), new FileExtent(102, 1904))));
    }

    @Test
    void whatTheDirectoryRecordsCannotDescribeIsCopied() throws IOException {
        // fragmented: the planner's records describe consecutive sectors only
        assertEquals(List.of("/f"), placed(source(MEDIUM, 6000, new FileExtent(100, 4096), new FileExtent(500, 1904))));
        // a section that does not end on a sector boundary before the next one
        assertEquals(List.of("/f"), placed(source(MEDIUM, 6000, new FileExtent(100, 4000), new FileExtent(102, 2000))));
        // an unrecorded tail of zeros (UDF) is not on the medium
        assertEquals(List.of("/f"), placed(source(MEDIUM, 9000, new FileExtent(100, 5000))));
    }

    @Test
    void dataAtOrAfterTheSessionStartOrOnAnotherMediumIsCopied() throws IOException {
        assertEquals(List.of("/f"), placed(source(MEDIUM, 5000, new FileExtent(START - 2, 5000))));
        assertEquals(List.of("/f"), placed(source(OTHER, 5000, new FileExtent(100, 5000))));
    }

    @Test
    void aFreshImageCopiesEverything() throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        root.addFile("f", source(MEDIUM, 5000, new FileExtent(100, 5000)));
        Layout layout = IsoImagePlanner.plan(new PlanRequest(root, EnumSet.of(FileSystem.ISO9660), IsoLevel.LEVEL_3,
                NamePolicy.MANGLE, VolumeIdentifiers.defaults(), CLOCK.instant(), START));
        assertEquals(1, layout.extents().stream().filter(e -> e instanceof FileDataExtent).count());
    }
}
