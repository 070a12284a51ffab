package org.discimage.span;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.discimage.tree.Directory;
import org.junit.jupiter.api.Test;

/** Planner rules that need no external reader (those that do are in interop.SpanInteropTest). */
class SpanPlannerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static SpanOptions options(long blocks) {
        return SpanOptions.of(MediaCapacity.ofBlocks(blocks), () -> {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
            return image;
        });
    }

    @Test
    void aDirectoryLargerThanADiscIsSpilledInPathOrderAndEveryDiscIsMeasured() throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        for (int i = 0; i < 40; i++) {
            root.addFile(String.format("huge/f%02d", i), ContentSource.zeros(20_000));
        }
        root.addFile("small/a", ContentSource.zeros(5_000));
        DiscSet set = SpanPlanner.plan(root, options(200));
        assertTrue(set.discs().size() >= 3, "discs: " + set.discs().size());
        List<String> seen = new ArrayList<>();
        for (DiscPlan d : set.discs()) {
            assertTrue(d.blocks() <= 200, "disc " + d.number() + " planned at " + d.blocks());
            // the plan's size is the image's size
            assertEquals(d.blocks(), d.createResultImage().totalSectors());
            d.entries().forEach(e -> seen.add(e.path()));
        }
        seen.sort(null);
        assertEquals(41, seen.size());
        assertEquals(41, set.catalog().size());
        // spilled in path order: each disc holds a run of consecutive huge/ files
        int last = -1;
        for (DiscPlan d : set.discs()) {
            for (CatalogEntry e : d.entries()) {
                if (e.path().startsWith("/huge/")) {
                    int n = Integer.parseInt(e.path().substring(7));
                    assertTrue(n > last, e.path() + " after f" + last);
                    last = n;
                }
            }
        }
    }

    @Test
    void theCatalogNameMustBeFree() throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        root.addFile("CATALOG.TSV", new byte[1]);
        DiscImageException e = assertThrows(DiscImageException.class, () -> SpanPlanner.plan(root, options(300)));
        assertEquals(ErrorCode.DUP_NAME, e.code());
        assertEquals(1, SpanPlanner.plan(root, options(300).withCatalogName("INDEX.TSV")).discs().size());
    }

    @Test
    void anEmptyTreeGivesOneDiscWithTheCatalog() throws IOException {
        DiscSet set = SpanPlanner.plan(Directory.newRoot(CLOCK), options(300));
        assertEquals(1, set.discs().size());
        assertTrue(set.catalogText().startsWith("# discimage disc set catalog"));
        assertTrue(set.discs().get(0).createImage().root().child("CATALOG.TSV").isPresent());
    }
}
