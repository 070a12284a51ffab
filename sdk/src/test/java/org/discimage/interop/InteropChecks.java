package org.discimage.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * The reader matrix: for an image and the tree it was built from, one dynamic test per reader and
 * namespace, each comparing what that reader shows with the expected tree.
 */
final class InteropChecks {
    private InteropChecks() {
    }

    /**
     * What the image holds and how readers should see it.
     *
     * @param rockRidge            the image has Rock Ridge
     * @param joliet               the image has Joliet
     * @param isoNames             the rules plain ISO 9660 names must follow
     * @param symlinksAsJolietFiles genisoimage writes symlinks into Joliet as empty files (discimage
     *                             leaves them out)
     */
    record Image(Path file, boolean rockRidge, boolean joliet, TreeAssert.IsoNames isoNames,
                 boolean symlinksAsJolietFiles, int maxJolietName, Map<String, Set<String>> knownReaderIssues) {

        /** An image as discimage makes it: no symlinks in Joliet, Joliet names up to 64 characters. */
        Image(Path file, boolean rockRidge, boolean joliet, TreeAssert.IsoNames isoNames) {
            this(file, rockRidge, joliet, isoNames, false, 64, Map.of());
        }

        /** Paths left out of one reader's comparison because of a documented bug of that reader. */
        ReaderListing expectedFor(String reader, ReaderListing expected) {
            Set<String> skip = knownReaderIssues.getOrDefault(reader, Set.of());
            if (skip.isEmpty()) {
                return expected;
            }
            ReaderListing l = expected.copy(expected.reader());
            skip.forEach(l::remove);
            return l;
        }

        ReaderListing actualFor(String reader, ReaderListing actual) {
            knownReaderIssues.getOrDefault(reader, Set.of()).forEach(actual::remove);
            return actual;
        }
    }

    /** One dynamic test per (reader, namespace) the image supports. */
    static List<DynamicTest> allReaders(String label, Image img, ReaderListing expected, Path work) {
        List<DynamicTest> tests = new ArrayList<>();
        Path iso = img.file();
        TreeAssert.Checks rr = TreeAssert.Checks.rockRidge();
        if (img.rockRidge()) {
            tests.add(test(label, "isoinfo -R -l -x", "isoinfo", () ->
                    TreeAssert.assertRockRidgeView(expected, Readers.isoinfo(iso, Readers.Namespace.ROCK_RIDGE), rr)));
            tests.add(test(label, "xorriso -find -exec lsdl", "xorriso", () ->
                    TreeAssert.assertRockRidgeView(expected, Readers.xorrisoFind(iso), rr.withoutHashes())));
            tests.add(test(label, "xorriso -osirrox on -extract", "xorriso", () ->
                    TreeAssert.assertRockRidgeView(expected, Readers.xorrisoExtract(iso, dir(work, "xorriso-x")), rr)));
            tests.add(test(label, "bsdtar -x", "bsdtar", () ->
                    TreeAssert.assertRockRidgeView(img.expectedFor("bsdtar", expected),
                            img.actualFor("bsdtar", Readers.bsdtar(iso, dir(work, "bsdtar-x"))), rr)));
            tests.add(test(label, "pycdlib rr_path", "pycdlib", () ->
                    TreeAssert.assertRockRidgeView(expected, Readers.pycdlib(iso, Readers.Namespace.ROCK_RIDGE, work), rr)));
        }
        if (img.joliet()) {
            boolean links = img.symlinksAsJolietFiles();
            int max = img.maxJolietName();
            tests.add(test(label, "isoinfo -J -l -x", "isoinfo", () ->
                    TreeAssert.assertJolietView(expected, Readers.isoinfo(iso, Readers.Namespace.JOLIET),
                            TreeAssert.LATIN1.withMaxNameLen(max), links)));
            tests.add(test(label, "7z x", "7z", () ->
                    TreeAssert.assertJolietView(expected, Readers.sevenZip(iso, dir(work, "7z-x")),
                            TreeAssert.SEVEN_ZIP.withMaxNameLen(max), links)));
            if (!img.rockRidge()) {
                // without Rock Ridge, libarchive reads the Joliet tree
                tests.add(test(label, "bsdtar -x (Joliet)", "bsdtar", () ->
                        TreeAssert.assertJolietView(expected, Readers.bsdtar(iso, dir(work, "bsdtar-x")),
                                TreeAssert.ANY.withMaxNameLen(max), links)));
            }
            tests.add(test(label, "pycdlib joliet_path", "pycdlib", () ->
                    TreeAssert.assertJolietView(expected, Readers.pycdlib(iso, Readers.Namespace.JOLIET, work),
                            TreeAssert.ANY.withMaxNameLen(max), links)));
        }
        if (!img.rockRidge() && !img.joliet()) {
            // only plain ISO 9660: the archivers fall back to it
            tests.add(test(label, "7z x (ISO 9660)", "7z", () ->
                    TreeAssert.assertIsoView(expected, Readers.sevenZip(iso, dir(work, "7z-x")),
                            relaxedVersion(img.isoNames()), false)));
            tests.add(test(label, "bsdtar -x (ISO 9660)", "bsdtar", () ->
                    TreeAssert.assertIsoView(expected, Readers.bsdtar(iso, dir(work, "bsdtar-x")),
                            relaxedVersion(img.isoNames()), false)));
        }
        tests.add(test(label, "isoinfo -l -x (ISO 9660)", "isoinfo", () ->
                TreeAssert.assertIsoView(expected, Readers.isoinfo(iso, Readers.Namespace.ISO9660), img.isoNames(),
                        img.rockRidge())));
        tests.add(test(label, "pycdlib iso_path", "pycdlib", () ->
                TreeAssert.assertIsoView(expected, Readers.pycdlib(iso, Readers.Namespace.ISO9660, work), img.isoNames(),
                        img.rockRidge())));
        return tests;
    }

    /** Archivers strip the ";1" version and may lower-case; only check lengths on what they keep. */
    private static TreeAssert.IsoNames relaxedVersion(TreeAssert.IsoNames n) {
        return new TreeAssert.IsoNames(n.maxFileName(), n.maxExtension(), n.maxNameAndExtension(), n.maxDirName(),
                n.maxDepth(), false);
    }

    private static DynamicTest test(String label, String reader, String tool, Executable body) {
        return DynamicTest.dynamicTest(label + ": " + reader, () -> {
            ExternalTools.assumeTool(tool);
            body.execute();
        });
    }

    /** A fresh, empty directory under {@code work}. */
    static Path dir(Path work, String name) {
        try {
            Path d = work.resolve(name);
            for (int i = 2; Files.exists(d); i++) {
                d = work.resolve(name + "-" + i);
            }
            return Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
