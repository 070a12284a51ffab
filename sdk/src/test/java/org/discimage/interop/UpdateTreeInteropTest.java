package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.discimage.media.SessionInfo;
import org.discimage.tree.UpdateOptions;
import org.discimage.tree.UpdateSummary;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup the {@code xorriso -update_r} way: session 1 from a folder, the folder changed, session 2
 * made by {@code Directory.updateTree} against the imported tree. Independent readers see exactly
 * the folder's new state, and files left alone still point at session 1's extents.
 */
class UpdateTreeInteropTest {
    private static final FileTime T1 = FileTime.from(Instant.parse("2024-01-02T03:04:05Z"));
    /** isoinfo -l: "[ LBA 00]  name" (the extent, then the file flags). */
    private static final Pattern ISOINFO_LBA = Pattern.compile("\\[\\s*(\\d+) \\d\\d\\]\\s+(\\S+)\\s*$");

    @TempDir
    Path work;

    private record Grown(Path image, Path folder, SessionInfo first, SessionInfo second, UpdateSummary summary) {
    }

    private Grown grow(boolean compareContent) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        write(src, "keep.txt", "kept from session 1\n");
        write(src, "change.txt", "first version\n");
        write(src, "touched.txt", "same bytes, new mtime\n");
        write(src, "gone.txt", "deleted before session 2\n");
        write(src, "dir2file/inner.txt", "in a directory that becomes a file\n");
        write(src, "file2dir", "a file that becomes a directory\n");
        write(src, "sub/deep/deep.txt", "deep and unchanged\n");
        byte[] big = new byte[200_000];
        new Random(11).nextBytes(big);
        Files.write(src.resolve("sub/big.bin"), big);
        Files.setLastModifiedTime(src.resolve("sub/big.bin"), T1);
        Files.createSymbolicLink(src.resolve("link"), Path.of("keep.txt"));
        Path img = work.resolve("backup.iso");
        SessionInfo first = MultisessionInteropTest.session(img, "S1", image -> image.root().addTree(src, false));

        write(src, "change.txt", "second version, longer\n");
        Files.setLastModifiedTime(src.resolve("touched.txt"), FileTime.from(Instant.parse("2025-05-05T05:05:05Z")));
        Files.delete(src.resolve("gone.txt"));
        Files.delete(src.resolve("dir2file/inner.txt"));
        Files.delete(src.resolve("dir2file"));
        write(src, "dir2file", "now a file\n");
        Files.delete(src.resolve("file2dir"));
        write(src, "file2dir/now.txt", "now in a directory\n");
        write(src, "new/added.txt", "added in session 2\n");
        Files.delete(src.resolve("link"));
        Files.createSymbolicLink(src.resolve("link"), Path.of("sub/deep/deep.txt"));
        UpdateSummary[] summary = new UpdateSummary[1];
        SessionInfo second = MultisessionInteropTest.session(img, "S2", image -> summary[0] = image.root().updateTree("", src,
                compareContent ? UpdateOptions.defaults().withContentComparison() : UpdateOptions.defaults()));
        return new Grown(img, src, first, second, summary[0]);
    }

    private static void write(Path root, String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, T1);
    }

    /** File name → extent LBA, from isoinfo's Rock Ridge listing of the newest tree. */
    private static Map<String, Long> isoinfoLbas(Path img) {
        String listing = ExternalTools.runOk(null, "isoinfo", "-R", "-l", "-i", img.toString()).out();
        Map<String, Long> lbas = new HashMap<>();
        String dir = "";
        for (String line : listing.split("\n")) {
            if (line.startsWith("Directory listing of ")) {
                dir = line.substring("Directory listing of ".length()).trim();
                continue;
            }
            Matcher m = ISOINFO_LBA.matcher(line);
            if (m.find() && !m.group(2).equals(".") && !m.group(2).equals("..")) {
                lbas.put(dir + m.group(2), Long.parseLong(m.group(1)));
            }
        }
        return lbas;
    }

    @Test
    void theQuickCheckReplacesChangedFilesAndKeepsTheExtentsOfTheOthers() throws IOException {
        ExternalTools.assumeTool("isoinfo", "xorriso");
        Grown g = grow(false);
        // added: new, new/added.txt, file2dir (dir), file2dir/now.txt, dir2file (file);
        // removed: gone.txt, dir2file (dir), dir2file/inner.txt, file2dir (file);
        // replaced: change.txt, touched.txt (mtime), link (target)
        assertEquals(5, g.summary().added(), g.summary().toString());
        assertEquals(4, g.summary().removed(), g.summary().toString());
        assertEquals(3, g.summary().replaced(), g.summary().toString());
        Map<String, Long> lbas = isoinfoLbas(g.image());
        long start2 = g.second().startLba();
        for (String kept : List.of("/keep.txt", "/sub/big.bin", "/sub/deep/deep.txt")) {
            assertTrue(lbas.get(kept) < start2, kept + " still at session 1's extent: " + lbas + ", session 2 at "
                    + start2);
        }
        for (String written : List.of("/change.txt", "/touched.txt", "/dir2file", "/file2dir/now.txt",
                "/new/added.txt")) {
            assertTrue(lbas.get(written) >= start2, written + " written in session 2: " + lbas);
        }
        assertTrue(g.second().sectors() < 200_000 / 2048, "session 2 (" + g.second().sectors()
                + " blocks) holds no copy of the 98-block big.bin");
        // xorriso's own comparison of the folder with the newest tree: type, mode, owner, size,
        // mtime, ctime and content
        ExternalTools.Result cmp = ExternalTools.run(ExternalTools.DEFAULT_TIMEOUT, null, List.of("xorriso",
                "-indev", g.image().toString(), "-compare_r", g.folder().toString(), "/"));
        assertTrue(cmp.out().contains("Both file objects match as far as expectable.")
                        && !cmp.out().contains("Differences detected"),
                "xorriso -compare_r finds differences:\n" + cmp.out() + cmp.err());
        // a third update of the unchanged folder finds nothing to do: every attribute, the root's
        // included, came back from the medium as it was written
        UpdateSummary[] third = new UpdateSummary[1];
        MultisessionInteropTest.session(g.image(), "S3", image -> third[0] = image.root().updateTree("",
                g.folder(), UpdateOptions.defaults()));
        assertTrue(third[0].isEmpty(), third[0].toString());
    }

    @Test
    void theContentComparisonKeepsATouchedFileWhoseBytesAreTheSame() throws IOException {
        ExternalTools.assumeTool("isoinfo");
        Grown g = grow(true);
        assertEquals(2, g.summary().replaced(), g.summary().toString()); // change.txt, link
        Map<String, Long> lbas = isoinfoLbas(g.image());
        assertTrue(lbas.get("/touched.txt") < g.second().startLba(), "touched.txt keeps its extent: " + lbas);
        assertTrue(lbas.get("/change.txt") >= g.second().startLba(), lbas.toString());
        String lsdl = ExternalTools.runOk(null, "xorriso", "-indev", g.image().toString(), "-find", "/touched.txt",
                "-exec", "lsdl").out();
        assertTrue(lsdl.contains("2025"), "the new mtime is recorded: " + lsdl);
    }

    @TestFactory
    Stream<DynamicTest> everyReaderSeesTheFolderAsItIsNow() throws IOException {
        Grown g = grow(false);
        ReaderListing expected = ReaderListing.ofHostTree(g.folder());
        InteropChecks.Image image = new InteropChecks.Image(g.image(), true, true, TreeAssert.IsoNames.level(3, true));
        return InteropChecks.allReaders("updated session", image, expected, work).stream();
    }
}
