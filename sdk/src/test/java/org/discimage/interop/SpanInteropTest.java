package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.span.CatalogEntry;
import org.discimage.span.DiscPlan;
import org.discimage.span.DiscSet;
import org.discimage.span.MediaCapacity;
import org.discimage.span.SpanOptions;
import org.discimage.span.SpanPlanner;
import org.discimage.tree.Directory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disc spanning: a tree spread over discs of a tiny capacity, every disc written and read back by
 * xorriso (listing, extraction) and isoinfo (the catalog), never by our own reader.
 */
@Timeout(120)
class SpanInteropTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    /** 200 blocks, 400 KiB: a few dozen of the test files per disc. */
    private static final MediaCapacity TINY = MediaCapacity.ofBlocks(200);

    @TempDir
    Path tmp;

    @BeforeAll
    static void tools() {
        ExternalTools.assumeTool("xorriso", "isoinfo");
    }

    private static SpanOptions options(MediaCapacity capacity) {
        return SpanOptions.of(capacity, () -> {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
            return image;
        });
    }

    /** 12 directories (some nested) of 3 to 10 files of 1 to 24 KiB, and an empty directory. */
    private static Path smallTree(Path root) throws IOException {
        Random r = new Random(8);
        for (int d = 0; d < 12; d++) {
            Path dir = root.resolve(d % 3 == 0 ? "top" + d : "top" + (d - d % 3) + "/sub" + d);
            Files.createDirectories(dir);
            int files = 3 + r.nextInt(8);
            for (int f = 0; f < files; f++) {
                byte[] data = new byte[1024 + r.nextInt(23 * 1024)];
                r.nextBytes(data);
                Files.write(dir.resolve("file" + f + ".bin"), data);
            }
        }
        Files.createDirectories(root.resolve("empty"));
        return root;
    }

    private static Directory treeOf(Path host) throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        root.addTree(host, false);
        return root;
    }

    private List<Path> write(DiscSet set, String prefix) throws IOException {
        List<Path> images = new ArrayList<>();
        for (DiscPlan d : set.discs()) {
            Path img = tmp.resolve(String.format("%s-%02d.iso", prefix, d.number()));
            d.createResultImage().writeTo(img);
            images.add(img);
        }
        return images;
    }

    @Test
    void manySmallFilesSpreadOverDiscsAsTheCatalogSays() throws IOException {
        Path src = smallTree(Files.createDirectories(tmp.resolve("src")));
        DiscSet set = SpanPlanner.plan(treeOf(src), options(TINY));
        assertTrue(set.discs().size() >= 3, "expected several discs, got " + set.discs().size());
        List<Path> images = write(set, "disc");

        // every file of the source exactly once in the catalog, with its size
        Map<String, Long> expected = new TreeMap<>();
        try (var walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                expected.put("/" + src.relativize(p).toString().replace('\\', '/'), Files.size(p));
            }
        }
        Map<String, Long> catalogued = new TreeMap<>();
        Map<String, Integer> discOf = new HashMap<>();
        for (CatalogEntry e : set.catalog()) {
            assertEquals(null, catalogued.put(e.path(), e.size()), "twice in the catalog: " + e.path());
            discOf.put(e.path(), e.disc());
        }
        assertEquals(expected, catalogued);

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < images.size(); i++) {
            Path img = images.get(i);
            int disc = i + 1;
            long bytes = Files.size(img);
            assertTrue(bytes <= TINY.bytes(), img + " has " + bytes + " bytes, over the capacity " + TINY.bytes());
            assertEquals(set.discs().get(i).blocks() * 2048, bytes, "planned and written size of " + img);

            // isoinfo reads the same catalog on every disc
            String catalog = ExternalTools.runOk(null, "isoinfo", "-R", "-i", img.toString(), "-x",
                    "/CATALOG.TSV").out(); // with -R isoinfo matches the Rock Ridge name
            assertEquals(set.catalogText(), catalog, "catalog on disc " + disc);

            // xorriso lists exactly the files the catalog puts on this disc (plus the catalog)
            ReaderListing listing = Readers.xorrisoFind(img);
            Set<String> files = new TreeSet<>();
            for (Entry e : listing.ofType(Entry.Type.FILE)) {
                files.add(e.path());
            }
            Set<String> assigned = new TreeSet<>();
            for (CatalogEntry e : set.catalog()) {
                if (e.disc() == disc) {
                    assigned.add(e.path());
                }
            }
            assigned.add("/CATALOG.TSV");
            assertEquals(assigned, files, "files on disc " + disc + " (xorriso) against the catalog");
            seen.addAll(files);

            // and the bytes are the source's
            ReaderListing extracted = Readers.xorrisoExtract(img, tmp.resolve("x" + disc));
            for (Entry e : extracted.ofType(Entry.Type.FILE)) {
                if (!e.path().equals("/CATALOG.TSV")) {
                    assertEquals(ReaderListing.sha256(src.resolve(e.path().substring(1))), e.sha256(), e.path());
                }
            }
        }
        assertTrue(seen.containsAll(expected.keySet()));

        // every directory's files share a disc: each directory here fits a disc by itself
        Map<String, Set<Integer>> discsOfDir = new TreeMap<>();
        discOf.forEach((path, disc) -> discsOfDir.computeIfAbsent(path.substring(0, path.lastIndexOf('/')),
                k -> new TreeSet<>()).add(disc));
        discsOfDir.forEach((dir, discs) -> assertEquals(1, discs.size(), dir + " is spread over discs " + discs));

        // the empty directory is on some disc
        boolean emptyFound = false;
        for (Path img : images) {
            emptyFound |= Readers.xorrisoFind(img).get("/empty") != null;
        }
        assertTrue(emptyFound, "/empty is on no disc");

        // determinism: the same tree and options give the same images
        List<Path> again = write(SpanPlanner.plan(treeOf(src), options(TINY)), "again");
        assertEquals(images.size(), again.size());
        for (int i = 0; i < images.size(); i++) {
            assertEquals(-1L, Files.mismatch(images.get(i), again.get(i)), "disc " + (i + 1) + " differs");
        }
    }

    @Test
    void aFileLargerThanADiscIsRefusedWithoutSplitAndCutIntoPartsWithIt() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("big"));
        byte[] data = new byte[1_000_000];
        new Random(5).nextBytes(data);
        Files.write(src.resolve("movie.bin"), data);
        Files.write(src.resolve("small.txt"), "hello\n".getBytes(StandardCharsets.UTF_8));

        DiscImageException e = assertThrows(DiscImageException.class,
                () -> SpanPlanner.plan(treeOf(src), options(TINY)));
        assertEquals(ErrorCode.IMAGE_TOO_BIG, e.code());
        assertTrue(e.getMessage().contains("/movie.bin"), e.getMessage());

        DiscSet set = SpanPlanner.plan(treeOf(src), options(TINY).withSplit(true).withHash(true));
        List<Path> images = write(set, "split");
        List<CatalogEntry> parts = set.catalog().stream().filter(CatalogEntry::isPart).toList();
        assertTrue(parts.size() >= 3, "expected at least 3 parts of 1,000,000 bytes in 400 KiB discs: " + parts);

        Path joined = tmp.resolve("joined.bin");
        try (OutputStream out = Files.newOutputStream(joined)) {
            for (CatalogEntry p : parts) {
                assertEquals(String.format("/movie.bin.part%03d", p.part()), p.path());
                assertEquals(parts.size(), p.parts());
                Path img = images.get(p.disc() - 1);
                Path dir = tmp.resolve("part" + p.part());
                ReaderListing l = Readers.xorrisoExtract(img, dir);
                assertEquals(p.sha256(), l.get(p.path()).sha256(), "catalog hash of " + p.path());
                Files.copy(dir.resolve(p.path().substring(1)), out);
            }
        }
        // the same as: cat movie.bin.part001 movie.bin.part002 ... > movie.bin
        assertEquals(ReaderListing.sha256(data), ReaderListing.sha256(joined));
        for (Path img : images) {
            assertTrue(Files.size(img) <= TINY.bytes(), img + " over capacity");
        }
    }

    /**
     * The DVD defaults (the ISO/UDF 1.02 bridge, as {@code chooseImageDefaultsForMediaType(DVDPLUSR)}
     * gives) read through UDF: udfinfo accepts every disc and 7-Zip's UDF reader extracts exactly the
     * files the catalog assigns to it, with the catalog itself.
     */
    @Test
    void udfBridgeDiscsReadByUdfinfoAnd7zipHoldWhatTheCatalogSays() throws IOException {
        ExternalTools.assumeTool("udfinfo", "7z");
        Path src = smallTree(Files.createDirectories(tmp.resolve("src")));
        MediaCapacity cap = MediaCapacity.ofBlocks(700);
        SpanOptions dvd = SpanOptions.of(cap, () -> {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.chooseImageDefaultsForMediaType(org.discimage.PhysicalMediaType.DVDPLUSR);
            return image;
        });
        DiscSet set = SpanPlanner.plan(treeOf(src), dvd);
        assertTrue(set.discs().size() >= 2, "discs: " + set.discs().size());
        List<Path> images = write(set, "dvd");
        for (int i = 0; i < images.size(); i++) {
            Path img = images.get(i);
            int disc = i + 1;
            assertTrue(Files.size(img) <= cap.bytes(), img + " over capacity");
            ExternalTools.runOk(tmp, "udfinfo", img.toString());
            Path out = tmp.resolve("udf" + disc);
            ExternalTools.runOk(tmp, "7z", "x", "-y", "-bd", "-tudf", "-o" + out, img.toString());
            ReaderListing l = ReaderListing.ofHostTree("7z -tudf", out);
            assertEquals(set.catalogText(), Files.readString(out.resolve("CATALOG.TSV")), "catalog on disc " + disc);
            Set<String> files = new TreeSet<>();
            for (Entry e : l.ofType(Entry.Type.FILE)) {
                files.add(e.path());
            }
            Set<String> assigned = new TreeSet<>(List.of("/CATALOG.TSV"));
            set.catalog().stream().filter(c -> c.disc() == disc).forEach(c -> assigned.add(c.path()));
            assertEquals(assigned, files, "7z -tudf on disc " + disc);
        }
    }

    @Test
    void aCapacityTooSmallForTheFileSystemsIsRefused() {
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> SpanPlanner.plan(Directory.newRoot(CLOCK), options(MediaCapacity.ofBlocks(10))));
        assertEquals(ErrorCode.IMAGE_TOO_BIG, e.code());
    }
}
