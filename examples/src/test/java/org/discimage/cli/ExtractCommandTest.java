package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code discimage extract} through the CLI entry point: the extracted tree against the source tree
 * and against xorriso's own extraction, over images made by discimage, xorriso and genisoimage;
 * refusing to overwrite; and never writing outside the target directory.
 */
class ExtractCommandTest {
    private static final Instant BASE = Instant.parse("2021-03-04T05:06:07Z");

    @TempDir
    Path tmp;

    Path src;

    @BeforeEach
    void makeTree() throws IOException {
        src = sourceTree(tmp.resolve("src"));
    }

    /** Files, modes, times and links that every reader of the matrix can carry. */
    static Path sourceTree(Path src) throws IOException {
        List<Path> made = new ArrayList<>();
        made.add(Files.createDirectories(src.resolve("docs/deep")));
        made.add(src.resolve("docs"));
        made.add(Files.createDirectories(src.resolve("bin")));
        made.add(Files.writeString(src.resolve("readme.txt"), "hello\n"));
        byte[] big = new byte[3 * 1024 * 1024 + 123];
        new SplittableRandom(7).nextBytes(big);
        made.add(Files.write(src.resolve("docs/deep/data.bin"), big));
        made.add(Files.writeString(src.resolve("docs/Mixed Case Name.text"), "x"));
        made.add(Files.writeString(src.resolve("bin/run.sh"), "#!/bin/sh\necho hi\n"));
        made.add(Files.write(src.resolve("empty"), new byte[0]));
        made.add(Files.writeString(src.resolve("read-only.txt"), "do not touch\n"));
        made.add(Files.createDirectories(src.resolve("locked")));
        made.add(Files.writeString(src.resolve("locked/inside.txt"), "inside\n"));
        Path link = Files.createSymbolicLink(src.resolve("link"), Path.of("readme.txt"));
        Path abs = Files.createSymbolicLink(src.resolve("abs-link"), Path.of("/nonexistent/target"));
        Path dirLink = Files.createSymbolicLink(src.resolve("docs-link"), Path.of("docs"));
        Files.setPosixFilePermissions(src.resolve("docs/deep/data.bin"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(src.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(src.resolve("read-only.txt"), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(src.resolve("docs"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(src.resolve("locked"), PosixFilePermissions.fromString("r-xr-xr-x"));
        int i = 0;
        for (Path p : made) {   // children before their directories: a directory's time is its last change
            Files.setLastModifiedTime(p, FileTime.from(BASE.plusSeconds(3600L * i++)));
        }
        for (Path l : List.of(link, abs, dirLink)) {
            Files.getFileAttributeView(l, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(FileTime.from(BASE.plusSeconds(86400L + i++)), null, null);
        }
        return src;
    }

    private Path buildWithDiscimage() {
        Path iso = tmp.resolve("discimage.iso");
        CliRun build = CliRun.run("build", "-o", iso.toString(), src.toString());
        assertEquals(0, build.exitCode(), build::toString);
        return iso;
    }

    private Path extract(Path iso, String... more) {
        Path out = tmp.resolve("out-" + iso.getFileName() + "-" + String.join("", more).replace("-", ""));
        List<String> args = new ArrayList<>(List.of("extract", iso.toString(), out.toString()));
        args.addAll(List.of(more));
        CliRun r = CliRun.run(args.toArray(new String[0]));
        assertEquals(0, r.exitCode(), r::toString);
        return out;
    }

    @Test
    void extractsADiscimageImageAsTheSourceTree() throws Exception {
        Path iso = buildWithDiscimage();
        Path out = extract(iso);
        assertEquals(TreeSnapshot.of(src, TreeSnapshot.Aspects.ALL), TreeSnapshot.of(out, TreeSnapshot.Aspects.ALL));
        sameAsXorrisoExtraction(iso, out);
    }

    @Test
    void extractsAnXorrisoImageAsTheSourceTree() throws Exception {
        checkReferenceImage("xorriso");
    }

    @Test
    void extractsAGenisoimageImageAsTheSourceTree() throws Exception {
        checkReferenceImage("genisoimage");
    }

    private void checkReferenceImage(String tool) throws Exception {
        Path iso = ExternalTool.mkisofs(tool, src, tmp.resolve(tool + ".iso"));
        Path out = extract(iso);
        TreeSnapshot.Aspects noLinkTimes = new TreeSnapshot.Aspects(true, true, false);
        assertEquals(TreeSnapshot.of(src, noLinkTimes), TreeSnapshot.of(out, noLinkTimes));
        sameAsXorrisoExtraction(iso, out);

        // Joliet: the same names and content, no modes, no links (xorriso leaves them out, genisoimage
        // records them as empty files)
        Path joliet = extract(iso, "--fs", "joliet");
        Map<String, String> expected = TreeSnapshot.of(src, TreeSnapshot.Aspects.NAMES_AND_CONTENT);
        if (tool.equals("genisoimage")) {
            expected.replaceAll((k, v) -> v.startsWith("link") ? TreeSnapshot.of(joliet,
                    TreeSnapshot.Aspects.NAMES_AND_CONTENT).get("empty") : v);
        } else {
            expected.values().removeIf(v -> v.startsWith("link"));
        }
        assertEquals(expected, TreeSnapshot.of(joliet, TreeSnapshot.Aspects.NAMES_AND_CONTENT));
    }

    /** {@code xorriso -osirrox on -indev IMG -extract / DIR2} gives the same tree (xorriso does not time links). */
    private void sameAsXorrisoExtraction(Path iso, Path out) throws Exception {
        Path theirs = tmp.resolve("xorriso-extract-" + iso.getFileName());
        ExternalTool.run("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/", theirs.toString());
        TreeSnapshot.Aspects aspects = new TreeSnapshot.Aspects(true, true, false);
        assertEquals(TreeSnapshot.of(theirs, aspects), TreeSnapshot.of(out, aspects));
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws IOException {
        Path iso = buildWithDiscimage();
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("readme.txt"), "mine\n");
        CliRun r = CliRun.run("extract", iso.toString(), out.toString());
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.err().contains("readme.txt exists") && r.err().contains("--overwrite"), r::toString);
        assertEquals("mine\n", Files.readString(out.resolve("readme.txt")));

        CliRun again = CliRun.run("extract", "--overwrite", iso.toString(), out.toString());
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals("hello\n", Files.readString(out.resolve("readme.txt")));
        CliRun third = CliRun.run("extract", "--overwrite", iso.toString(), out.toString());
        assertEquals(0, third.exitCode(), third::toString);
        assertEquals(TreeSnapshot.of(src, TreeSnapshot.Aspects.ALL), TreeSnapshot.of(out, TreeSnapshot.Aspects.ALL));
    }

    @Test
    void neverWritesThroughALinkAlreadyInTheTargetDirectory() throws IOException {
        Path iso = buildWithDiscimage();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("docs"), outside);                 // a planted parent link
        Files.createSymbolicLink(out.resolve("readme.txt"), outside.resolve("readme.txt")); // a dangling file link
        CliRun refused = CliRun.run("extract", iso.toString(), out.toString());
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().startsWith("discimage: ") && refused.err().contains("symbolic link"), refused::toString);
        assertEmpty(outside);
        assertTrue(Files.isSymbolicLink(out.resolve("docs")));

        // --overwrite replaces the links themselves: a real directory and a real file, nothing outside
        CliRun replaced = CliRun.run("extract", "--overwrite", iso.toString(), out.toString());
        assertEquals(0, replaced.exitCode(), replaced::toString);
        assertEmpty(outside);
        assertFalse(Files.isSymbolicLink(out.resolve("docs")));
        assertEquals(TreeSnapshot.of(src, TreeSnapshot.Aspects.ALL), TreeSnapshot.of(out, TreeSnapshot.Aspects.ALL));
    }

    @Test
    void aCraftedImageCannotEscape() throws IOException {
        // a link to outside and a directory whose Rock Ridge name is patched to the link's: the
        // directory's file would land in the link's target
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path tree = Files.createDirectories(tmp.resolve("crafted"));
        Files.createSymbolicLink(tree.resolve("aaaa"), outside);
        Files.createDirectories(tree.resolve("aaab"));
        Files.writeString(tree.resolve("aaab/payload.txt"), "payload\n");
        Files.createDirectories(tree.resolve("zz"));
        Files.writeString(tree.resolve("zz/escape.txt"), "escape\n");
        Path iso = tmp.resolve("crafted.iso");
        assertEquals(0, CliRun.run("build", "-o", iso.toString(), tree.toString()).exitCode());
        byte[] image = Files.readAllBytes(iso);
        assertEquals(1, patchName(image, "aaab", "aaaa"));
        Path linkIso = Files.write(tmp.resolve("link.iso"), image);
        image = Files.readAllBytes(iso);
        assertEquals(1, patchName(image, "zz", ".."));
        Path dotDotIso = Files.write(tmp.resolve("dotdot.iso"), image);

        Path parent = Files.createDirectories(tmp.resolve("p"));
        Path out = parent.resolve("out");
        for (Path crafted : List.of(linkIso, dotDotIso)) {
            for (String[] flags : List.of(new String[0], new String[] {"--lenient"}, new String[] {"--overwrite"})) {
                List<String> args = new ArrayList<>(List.of("extract", crafted.toString(), out.toString()));
                args.addAll(List.of(flags));
                CliRun r = CliRun.run(args.toArray(new String[0]));
                boolean lenient = flags.length == 1 && flags[0].equals("--lenient");
                if (crafted == linkIso && lenient) {
                    // lenient reading keeps the first of two entries named "aaaa" (the link) and reports it
                    assertEquals(0, r.exitCode(), r::toString);
                    assertTrue(r.err().contains("warning: ") && r.err().contains("aaaa"), r::toString);
                    assertTrue(Files.isSymbolicLink(out.resolve("aaaa")), r::toString);
                    assertFalse(Files.exists(out.resolve("aaab"), LinkOption.NOFOLLOW_LINKS), r::toString);
                } else {
                    assertEquals(1, r.exitCode(), r::toString);
                    assertTrue(r.err().contains("discimage: "), r::toString);
                    assertFalse(r.err().contains("internal error"), r::toString);
                    if (crafted == linkIso) {   // the strict reader refuses the duplicate name
                        assertTrue(r.err().contains("a second entry named \"aaaa\"")
                                && r.err().contains("0xC0AAB153"), r::toString);
                    }
                }
                assertEmpty(outside);
                try (Stream<Path> s = Files.list(parent)) {
                    assertEquals(List.of(), s.filter(p -> !p.equals(out)).toList(), "nothing beside DIR");
                }
                if (Files.exists(out)) {
                    if (crafted == linkIso && flags.length == 1 && flags[0].equals("--lenient")) {
                        deleteTree(out);
                    } else {
                        assertEmpty(out);   // refused before anything was written
                    }
                }
            }
        }
    }

    /** Replaces the Rock Ridge NM entry holding {@code from} by one holding {@code to} (same length). */
    static int patchName(byte[] image, String from, String to) {
        byte[] nm = ("NM" + (char) (5 + from.length()) + "\u0001\u0000" + from).getBytes(StandardCharsets.ISO_8859_1);
        byte[] replacement = to.getBytes(StandardCharsets.ISO_8859_1);
        int count = 0;
        outer:
        for (int i = 0; i + nm.length <= image.length; i++) {
            for (int j = 0; j < nm.length; j++) {
                if (image[i + j] != nm[j]) {
                    continue outer;
                }
            }
            System.arraycopy(replacement, 0, image, i + 5, replacement.length);
            count++;
        }
        return count;
    }

    /** Removes a tree without following links. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void assertEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), () -> dir + " must stay empty");
        }
    }

    @Test
    void usageAndMissingFileSystem() throws IOException {
        Path iso = buildWithDiscimage();
        CliRun noDir = CliRun.run("extract", iso.toString());
        assertEquals(2, noDir.exitCode(), noDir::toString);
        CliRun udf = CliRun.run("extract", "--fs", "udf", iso.toString(), tmp.resolve("u").toString());
        assertEquals(1, udf.exitCode(), udf::toString);
        assertTrue(udf.err().contains("no udf tree") && udf.err().contains("0xC0AAB152"), udf::toString);
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliRun notDir = CliRun.run("extract", iso.toString(), file.toString());
        assertEquals(1, notDir.exitCode(), notDir::toString);
    }
}
