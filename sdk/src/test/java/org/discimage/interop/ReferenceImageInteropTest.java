package org.discimage.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness checked against images made by the reference tools themselves (genisoimage and
 * xorriso's mkisofs emulation): if these fail, the parsers or the expectations are wrong, not
 * discimage. The same matrix then runs over discimage's own images.
 */
class ReferenceImageInteropTest {

    @TempDir
    Path work;

    @TestFactory
    List<DynamicTest> genisoimageSampleTree() {
        ExternalTools.assumeTool("genisoimage");
        Path src = Fixtures.copySampleTree(work.resolve("src"));
        Path iso = work.resolve("genisoimage.iso");
        ExternalTools.runOk(null, "genisoimage", "-quiet", "-R", "-J", "-o", iso.toString(), src.toString());
        return InteropChecks.allReaders("genisoimage -R -J sample-tree",
                new InteropChecks.Image(iso, true, true, TreeAssert.IsoNames.level(1, true), true, 64, Map.of()),
                ReaderListing.ofHostTree(src), work);
    }

    @TestFactory
    List<DynamicTest> xorrisoSampleTree() {
        ExternalTools.assumeTool("xorriso");
        Path src = Fixtures.copySampleTree(work.resolve("src"));
        Path iso = work.resolve("xorriso.iso");
        ExternalTools.runOk(null, "xorriso", "-as", "mkisofs", "-quiet", "-R", "-J", "-o", iso.toString(),
                src.toString());
        // xorriso's mkisofs emulation does not relocate deep directories: no depth limit to check;
        // its Joliet names reach 65 characters
        return InteropChecks.allReaders("xorriso -as mkisofs -R -J sample-tree",
                new InteropChecks.Image(iso, true, true, TreeAssert.IsoNames.level(1, true).withoutDepthLimit(), false,
                        65, Map.of()),
                ReaderListing.ofHostTree(src), work);
    }

    @TestFactory
    List<DynamicTest> genisoimageVariedTree() {
        ExternalTools.assumeTool("genisoimage");
        Path src = Fixtures.variedTree(work.resolve("src"), true, true);
        List<DynamicTest> all = new ArrayList<>();
        Path iso = work.resolve("genisoimage-l3.iso");
        ExternalTools.runOk(null, "genisoimage", "-quiet", "-iso-level", "3", "-R", "-J", "-o", iso.toString(),
                src.toString());
        all.addAll(InteropChecks.allReaders("genisoimage -iso-level 3 -R -J varied",
                new InteropChecks.Image(iso, true, true, TreeAssert.IsoNames.level(3, true), true, 64,
                        // libarchive 3.6 joins a symlink target that genisoimage split over two SL
                        // entries without the '/' between them ("x/x/xx/x"); xorriso and pycdlib agree
                        Map.of("bsdtar", Set.of("/links/long-target"))),
                ReaderListing.ofHostTree(src), work));
        return all;
    }

    @TestFactory
    List<DynamicTest> genisoimagePlainIsoLevel1() {
        ExternalTools.assumeTool("genisoimage");
        Path src = Fixtures.variedTree(work.resolve("src"), false, false);
        Path iso = work.resolve("genisoimage-plain.iso");
        ExternalTools.runOk(null, "genisoimage", "-quiet", "-o", iso.toString(), src.toString());
        return InteropChecks.allReaders("genisoimage plain level 1",
                new InteropChecks.Image(iso, false, false, TreeAssert.IsoNames.level(1, true)),
                ReaderListing.ofHostTree(src), work);
    }

    @TestFactory
    List<DynamicTest> genisoimageIsoJolietLevel2() {
        ExternalTools.assumeTool("genisoimage");
        Path src = Fixtures.variedTree(work.resolve("src"), false, false);
        Path iso = work.resolve("genisoimage-j.iso");
        ExternalTools.runOk(null, "genisoimage", "-quiet", "-iso-level", "2", "-J", "-o", iso.toString(),
                src.toString());
        return InteropChecks.allReaders("genisoimage -iso-level 2 -J",
                new InteropChecks.Image(iso, false, true, TreeAssert.IsoNames.level(2, true)),
                ReaderListing.ofHostTree(src), work);
    }

    @TestFactory
    List<DynamicTest> genisoimageIsoRockRidgeLevel3() {
        ExternalTools.assumeTool("genisoimage");
        Path src = Fixtures.variedTree(work.resolve("src"), true, false);
        Path iso = work.resolve("genisoimage-r.iso");
        ExternalTools.runOk(null, "genisoimage", "-quiet", "-iso-level", "3", "-R", "-o", iso.toString(),
                src.toString());
        return InteropChecks.allReaders("genisoimage -iso-level 3 -R",
                new InteropChecks.Image(iso, true, false, TreeAssert.IsoNames.level(3, true)),
                ReaderListing.ofHostTree(src), work);
    }
}
