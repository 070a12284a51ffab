package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.discimage.FileSystem;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.ImportedSource;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed golden images of {@code testdata/golden} (made by xorriso, genisoimage and pycdlib
 * with {@code make-golden.sh}) read by discimage's importer and compared with what xorriso listed and
 * extracted from them when they were made: names, types, sizes, modes, link targets, SHA-256.
 * Needs no external tool at test time, so it also guards machines without the readers.
 */
class GoldenImageTest {
    static final Path GOLDEN = Fixtures.sampleTree().getParent().resolve("golden");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"xorriso-rr-joliet", "genisoimage-rr-joliet", "xorriso-zisofs", "pycdlib-rr109"})
    void importerMatchesXorrisosListing(String name) throws IOException {
        Path iso = tmp.resolve(name + ".iso");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(GOLDEN.resolve(name + ".iso.gz")))) {
            Files.copy(in, iso);
        }
        ReaderListing expected = Readers.parseXorrisoLsdl(Files.readString(GOLDEN.resolve(name + ".lsdl.txt")));
        for (String moved : ReaderListing.RELOCATION_DIRS) {
            expected.removeTree(moved);  // genisoimage's rr_moved: the importer leaves an empty one out
        }
        Map<String, String> sums = new TreeMap<>();
        for (String line : Files.readAllLines(GOLDEN.resolve(name + ".sha256.txt"))) {
            sums.put(line.substring(line.indexOf("  ./") + 3), line.substring(0, 64));
        }
        List<String> diffs = new ArrayList<>();
        int zisofs = 0;
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            SessionReader session = SessionReader.open(sectors, 0);
            assertEquals(FileSystem.ROCK_RIDGE, session.defaultFileSystem());
            List<ImportedEntry> tree = session.readTree(FileSystem.ROCK_RIDGE);
            assertEquals(expected.size(), tree.size() - 1, "entries besides the root: " + tree);
            for (ImportedEntry e : tree) {
                if (e.path().equals("/")) {
                    continue;
                }
                Entry x = expected.get(e.path());
                if (x == null) {
                    diffs.add(e.path() + ": not in xorriso's listing");
                    continue;
                }
                if (x.mode() != null && x.mode() != (e.mode() & 07777)) {
                    diffs.add(e.path() + ": mode " + Integer.toOctalString(e.mode()) + ", xorriso "
                            + Integer.toOctalString(x.mode()));
                }
                switch (x.type()) {
                    case DIR -> check(diffs, e, ItemType.DIRECTORY);
                    case SYMLINK -> {
                        check(diffs, e, ItemType.SYMLINK);
                        if (!x.target().equals(e.symlinkTarget())) {
                            diffs.add(e.path() + ": target " + e.symlinkTarget() + ", xorriso " + x.target());
                        }
                    }
                    case FILE -> {
                        check(diffs, e, ItemType.FILE);
                        if (e.flags().contains(ImportedEntry.Flag.ZISOFS)) {
                            zisofs++;  // recorded compressed: xorriso lists and extracts it inflated
                            continue;
                        }
                        if (x.size() != e.size()) {
                            diffs.add(e.path() + ": size " + e.size() + ", xorriso " + x.size());
                        }
                        String sum = ReaderListing.sha256(Channels.newInputStream(
                                ImportedSource.of(sectors, e).openChannel()));
                        if (!sum.equals(sums.get(e.path()))) {
                            diffs.add(e.path() + ": SHA-256 " + sum + ", xorriso " + sums.get(e.path()));
                        }
                    }
                    default -> diffs.add(e.path() + ": unexpected type " + x.type());
                }
            }
        }
        assertEquals(List.of(), diffs);
        if (name.contains("zisofs")) {
            assertTrue(zisofs > 0, "xorriso -zisofs compressed at least the compressible file");
        } else {
            assertEquals(0, zisofs);
        }
        assertFalse(sums.isEmpty());
    }

    private static void check(List<String> diffs, ImportedEntry e, ItemType type) {
        if (e.type() != type) {
            diffs.add(e.path() + ": " + e.type() + ", xorriso " + type);
        }
    }
}
