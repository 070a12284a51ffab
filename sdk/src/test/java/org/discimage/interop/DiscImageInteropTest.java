package org.discimage.interop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.source.ContentSource;
import org.discimage.tree.Directory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * discimage's own images read back by every independent reader: each reader must see the tree the
 * image was built from (names, types, sizes, content hashes; modes and symlink targets where the
 * namespace has them). One dynamic test per (image, reader, namespace).
 */
class DiscImageInteropTest {

    @TempDir
    Path work;

    /** Items added through the API on top of the host tree, mirrored in the expected listing. */
    private static void addApiItems(FileSystemImage image, ReaderListing expected) throws IOException {
        Directory root = image.root();
        byte[] bytes = Fixtures.pattern(10_000, 7);
        root.addFile("api/bytes.bin", bytes);
        byte[] streamed = Fixtures.text("read once from a stream");
        root.addFile("api/streamed.txt", new ByteArrayInputStream(streamed), streamed.length);
        root.addFile("api/zeros-6149.bin", ContentSource.zeros(3 * 2048 + 5));
        root.addFile("api/private-0600.bin", Fixtures.text("mode set through the API")).setMode(0600);
        root.addFile("api/exec-0750", Fixtures.text("#!/bin/sh")).setMode(0750);
        root.addDirectory("api/empty-api-dir");
        root.addDirectory("api/restricted-0711").setMode(0711);
        root.addFile("api/restricted-0711/inside.txt", Fixtures.text("inside"));
        root.addSymlink("api/link-to-bytes", "bytes.bin");
        root.addSymlink("api/link-absolute", "/usr/share/doc");

        expected.add(Entry.dir("/api", 0755));
        expected.add(Entry.file("/api/bytes.bin", bytes.length, ReaderListing.sha256(bytes), 0644));
        expected.add(Entry.file("/api/streamed.txt", streamed.length, ReaderListing.sha256(streamed), 0644));
        expected.add(Entry.file("/api/zeros-6149.bin", 6149, ReaderListing.sha256(new byte[6149]), 0644));
        expected.add(Entry.file("/api/private-0600.bin", Fixtures.text("mode set through the API").length,
                ReaderListing.sha256(Fixtures.text("mode set through the API")), 0600));
        expected.add(Entry.file("/api/exec-0750", Fixtures.text("#!/bin/sh").length,
                ReaderListing.sha256(Fixtures.text("#!/bin/sh")), 0750));
        expected.add(Entry.dir("/api/empty-api-dir", 0755));
        expected.add(Entry.dir("/api/restricted-0711", 0711));
        expected.add(Entry.file("/api/restricted-0711/inside.txt", Fixtures.text("inside").length,
                ReaderListing.sha256(Fixtures.text("inside")), 0644));
        expected.add(Entry.symlink("/api/link-to-bytes", "bytes.bin", 0777));
        expected.add(Entry.symlink("/api/link-absolute", "/usr/share/doc", 0777));
    }

    private List<DynamicTest> matrix(String label, Path src, Set<FileSystem> fs, IsoLevel level, boolean apiItems)
            throws IOException {
        ExternalTools.requireUtf8FileNames();
        ReaderListing expected = ReaderListing.ofHostTree(src);
        Path iso = work.resolve(label.replaceAll("[^A-Za-z0-9]+", "-") + ".iso");
        SdkImages.build(src, iso, fs, level, apiItems ? image -> addApiItems(image, expected) : null);
        InteropChecks.Image img = new InteropChecks.Image(iso, fs.contains(FileSystem.ROCK_RIDGE),
                fs.contains(FileSystem.JOLIET), TreeAssert.IsoNames.level(level.number(), true));
        return InteropChecks.allReaders(label, img, expected, work);
    }

    @TestFactory
    List<DynamicTest> variedTreeAllFileSystems() throws IOException {
        return matrix("varied ISO+Joliet+RR L3", Fixtures.variedTree(work.resolve("src"), true, true), SdkImages.ALL,
                IsoLevel.LEVEL_3, true);
    }

    @TestFactory
    List<DynamicTest> sampleTreeAllFileSystems() throws IOException {
        return matrix("sample-tree ISO+Joliet+RR L3", Fixtures.copySampleTree(work.resolve("src")), SdkImages.ALL,
                IsoLevel.LEVEL_3, false);
    }

    @TestFactory
    List<DynamicTest> variedTreeLevel1() throws IOException {
        return matrix("varied ISO+Joliet+RR L1", Fixtures.variedTree(work.resolve("src"), true, true), SdkImages.ALL,
                IsoLevel.LEVEL_1, false);
    }

    @TestFactory
    List<DynamicTest> variedTreeLevel2() throws IOException {
        return matrix("varied ISO+Joliet+RR L2", Fixtures.variedTree(work.resolve("src"), true, true), SdkImages.ALL,
                IsoLevel.LEVEL_2, false);
    }

    @TestFactory
    List<DynamicTest> isoOnlyLevel1() throws IOException {
        // no Rock Ridge: no relocation, so no deep branch; symlinks are left out
        return matrix("ISO-only L1", Fixtures.variedTree(work.resolve("src"), false, true), SdkImages.ISO_ONLY,
                IsoLevel.LEVEL_1, false);
    }

    @TestFactory
    List<DynamicTest> isoOnlyLevel2() throws IOException {
        return matrix("ISO-only L2", Fixtures.variedTree(work.resolve("src"), false, false), SdkImages.ISO_ONLY,
                IsoLevel.LEVEL_2, false);
    }

    @TestFactory
    List<DynamicTest> isoOnlyLevel3() throws IOException {
        return matrix("ISO-only L3", Fixtures.variedTree(work.resolve("src"), false, false), SdkImages.ISO_ONLY,
                IsoLevel.LEVEL_3, false);
    }

    @TestFactory
    List<DynamicTest> isoPlusJoliet() throws IOException {
        return matrix("ISO+Joliet L3", Fixtures.variedTree(work.resolve("src"), false, true), SdkImages.ISO_JOLIET,
                IsoLevel.LEVEL_3, false);
    }

    @TestFactory
    List<DynamicTest> isoPlusRockRidge() throws IOException {
        return matrix("ISO+RR L3", Fixtures.variedTree(work.resolve("src"), true, true), SdkImages.ISO_RR,
                IsoLevel.LEVEL_3, true);
    }
}
