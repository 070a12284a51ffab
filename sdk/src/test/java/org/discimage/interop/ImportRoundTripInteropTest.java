package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.error.Diagnostic;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.tree.FileItem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import into the user tree, checked by independent readers: an image made by xorriso, genisoimage
 * or pycdlib is imported (its files keep their extents), a file is added, a new image is written,
 * and every reader must see the producer's tree plus the new file, with the same content.
 */
class ImportRoundTripInteropTest {
    @TempDir
    Path work;

    @TestFactory
    List<DynamicTest> xorrisoImageImportedAndRebuilt() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path src = Fixtures.variedTree(work.resolve("src"), true, true);
        Path iso = work.resolve("xorriso.iso");
        ExternalTools.runOk(null, "xorriso", "-as", "mkisofs", "-quiet", "-R", "-J", "-o", iso.toString(),
                src.toString());
        return rebuildAndCheck("xorriso -R -J, imported and rebuilt", iso, src);
    }

    @TestFactory
    List<DynamicTest> genisoimageImageImportedAndRebuilt() throws IOException {
        ExternalTools.assumeTool("genisoimage");
        Path src = Fixtures.copySampleTree(work.resolve("src"));
        Path iso = work.resolve("genisoimage.iso");
        ExternalTools.runOk(null, "genisoimage", "-quiet", "-R", "-J", "-o", iso.toString(), src.toString());
        return rebuildAndCheck("genisoimage -R -J, imported and rebuilt", iso, src);
    }

    @TestFactory
    List<DynamicTest> discimageImageImportedAndRebuilt() throws IOException {
        Path src = Fixtures.variedTree(work.resolve("src"), true, true);
        Path iso = SdkImages.build(src, work.resolve("first.iso"), SdkImages.ALL, org.discimage.IsoLevel.LEVEL_3,
                null);
        return rebuildAndCheck("discimage, imported and rebuilt", iso, src);
    }

    /**
     * Imports {@code iso} into a new image, adds {@code added/new.txt} there and in {@code src}, writes
     * the new image and runs every reader over it against {@code src}.
     */
    private List<DynamicTest> rebuildAndCheck(String label, Path iso, Path src) throws IOException {
        ExternalTools.requireUtf8FileNames();
        Path out = work.resolve("rebuilt.iso");
        List<Diagnostic> diagnostics = new ArrayList<>();
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            FileSystemImage image = new FileSystemImage(SdkImages.CLOCK);
            FileSystem used = image.importFileSystem(sectors, 0, ImportOptions.strict(diagnostics::add));
            assertEquals(FileSystem.ROCK_RIDGE, used);
            byte[] added = Fixtures.text("added after the import\n");
            image.root().addFile("added/new.txt", added);
            Fixtures.write(Files.createDirectories(src.resolve("added")).resolve("new.txt"), added);
            Fixtures.setMode(src.resolve("added/new.txt"), "rw-r--r--");
            Fixtures.setMode(src.resolve("added"), "rwxr-xr-x");
            image.root().item("added").orElseThrow().setMode(0755);
            ImageResult result = image.createResultImage();
            result.writeTo(out);
        }
        assertEquals(List.of(), diagnostics, "a strict import of a clean image reports nothing");
        InteropChecks.Image img = new InteropChecks.Image(out, true, true, TreeAssert.IsoNames.level(3, true));
        List<DynamicTest> tests = new ArrayList<>(InteropChecks.allReaders(label, img, ReaderListing.ofHostTree(src),
                work));
        tests.add(DynamicTest.dynamicTest(label + ": modification times kept", () -> assertTimesKept(iso, out)));
        return tests;
    }

    /** Every file and directory of the rebuilt image has the modification time the producer recorded. */
    private void assertTimesKept(Path before, Path after) throws IOException {
        Map<String, Instant> expected = times(before, work.resolve("times-before"));
        Map<String, Instant> actual = times(after, work.resolve("times-after"));
        actual.remove("/added");
        actual.remove("/added/new.txt");
        // the relocation directory of deep trees is each producer's own (rr_moved, .rr_moved)
        expected.keySet().removeAll(ReaderListing.RELOCATION_DIRS);
        actual.keySet().removeAll(ReaderListing.RELOCATION_DIRS);
        assertEquals(expected, actual);
    }

    /** Times as xorriso extracts them (it restores modification times of files and directories). */
    private static Map<String, Instant> times(Path iso, Path dir) throws IOException {
        Readers.xorrisoExtract(iso, dir);
        Map<String, Instant> times = new java.util.TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!p.equals(dir) && !Files.isSymbolicLink(p)) {
                    times.put("/" + dir.relativize(p).toString().replace('\\', '/'),
                            Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant());
                }
            }
        }
        assertFalse(times.isEmpty());
        return times;
    }

    @Test
    void zisofsFilesAreFlaggedAndReported() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path src = Files.createDirectories(work.resolve("zsrc"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append('\n');
        }
        Files.writeString(src.resolve("big.txt"), text);
        Files.writeString(src.resolve("small.txt"), "hi\n");
        Path iso = work.resolve("zisofs.iso");
        ExternalTools.runOk(null, "xorriso", "-outdev", iso.toString(), "-zisofs", "level=6", "-map", src.toString(),
                "/", "-set_filter_r", "--zisofs", "/", "--", "-commit");
        List<Diagnostic> diagnostics = new ArrayList<>();
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            Map<String, ImportedEntry> byPath = SessionReader.open(sectors, 0).readTree(FileSystem.ROCK_RIDGE)
                    .stream().collect(Collectors.toMap(ImportedEntry::path, e -> e));
            ImportedEntry big = byPath.get("/big.txt");
            assertTrue(big.flags().contains(ImportedEntry.Flag.ZISOFS), big.toString());
            assertTrue(big.size() < text.length(), "recorded size is the compressed size: " + big.size());
            assertFalse(byPath.get("/small.txt").flags().contains(ImportedEntry.Flag.ZISOFS));
            FileSystemImage image = new FileSystemImage(SdkImages.CLOCK);
            image.importFileSystem(sectors, 0, ImportOptions.strict(diagnostics::add));
            assertEquals(big.size(), ((FileItem) image.root().item("big.txt").orElseThrow()).size());
        }
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        assertTrue(diagnostics.get(0).toString().contains("/big.txt"), diagnostics.toString());
        assertTrue(diagnostics.get(0).message().contains("zisofs"), diagnostics.toString());
    }

    @Test
    void pycdlibRockRidge109ImageImports() throws IOException {
        ExternalTools.assumeTool("pycdlib", "xorriso");
        Path iso = work.resolve("pycdlib.iso");
        Path script = work.resolve("make.py");
        Files.writeString(script, String.join("\n",
                "import io, sys, pycdlib",
                "iso = pycdlib.PyCdlib()",
                "iso.new(interchange_level=3, rock_ridge='1.09', joliet=3, vol_ident='PYCDLIB')",
                "data = b'pycdlib data\\n' * 300",
                "iso.add_directory('/DIR1', rr_name='dir one', joliet_path='/dir one')",
                "iso.add_fp(io.BytesIO(data), len(data), '/DIR1/FILE.TXT;1', rr_name='file.txt',"
                        + " joliet_path='/dir one/file.txt')",
                "iso.add_fp(io.BytesIO(b'x'), 1, '/TOP.BIN;1', rr_name='Top.bin', joliet_path='/Top.bin')",
                "iso.add_symlink('/LINK.;1', 'link', 'dir one/file.txt', joliet_path='/link')",
                "iso.write(sys.argv[1])",
                "iso.close()", ""));
        ExternalTools.runOk(null, ExternalTools.PYTHON, script.toString(), iso.toString());
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            FileSystemImage image = new FileSystemImage(SdkImages.CLOCK);
            assertEquals(java.util.EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE),
                    image.identifyFileSystems(sectors, 0));
            assertEquals(FileSystem.ROCK_RIDGE, image.importFileSystem(sectors, 0));
            assertEquals("PYCDLIB", image.importedVolumeName());
            assertEquals(300 * 13L, ((FileItem) image.root().item("dir one/file.txt").orElseThrow()).size());
            assertEquals("dir one/file.txt", ((org.discimage.tree.SymlinkItem) image.root().item("link")
                    .orElseThrow()).target());
            Path out = work.resolve("pycdlib-rebuilt.iso");
            image.createResultImage().writeTo(out);
            Path x = work.resolve("x");
            ReaderListing l = Readers.xorrisoExtract(out, x);
            assertEquals(ReaderListing.sha256(("pycdlib data\n".repeat(300)).getBytes()),
                    l.get("/dir one/file.txt").sha256());
            assertTrue(Files.isSymbolicLink(x.resolve("link")));
            assertEquals("dir one/file.txt", Files.readSymbolicLink(x.resolve("link")).toString());
            assertTrue(Files.exists(x.resolve("Top.bin"), LinkOption.NOFOLLOW_LINKS));
        }
    }
}
