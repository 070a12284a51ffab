package org.discimage.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.stream.Stream;

/** The trees the interop tests build images from. */
final class Fixtures {
    private Fixtures() {
    }

    /** testdata/sample-tree of the working copy (searched upwards from the current directory). */
    static Path sampleTree() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("testdata").resolve("sample-tree");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/sample-tree not found above " + dir);
    }

    /**
     * Copies testdata/sample-tree (links as links) and sets the modes git cannot carry: 0644 files,
     * 0755 directories, 0755 bin/hello.sh and 0600 secret/private.key.
     */
    static Path copySampleTree(Path dest) {
        Path src = sampleTree();
        copyTree(src, dest);
        try (Stream<Path> all = Files.walk(dest)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                setMode(p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "rwxr-xr-x" : "rw-r--r--");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        setMode(dest.resolve("bin/hello.sh"), "rwxr-xr-x");
        setMode(dest.resolve("secret/private.key"), "rw-------");
        return dest;
    }

    static void copyTree(Path src, Path dest) {
        try {
            Files.walkFileTree(src, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(dest.resolve(src.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path to = dest.resolve(src.relativize(file).toString());
                    if (attrs.isSymbolicLink()) {
                        Files.createSymbolicLink(to, Files.readSymbolicLink(file));
                    } else {
                        Files.copy(file, to);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void setMode(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 200-character name of the varied tree (Rock Ridge keeps it; Joliet cannot). */
    static final String NAME_200 = ("n".repeat(10) + "-two-hundred-characters-".repeat(9)).substring(0, 196) + ".txt";

    /**
     * A tree that exercises every naming and layout rule: empty, small, sector-sized and multi-MB
     * files; Unicode names (accents, CJK, an emoji outside the BMP); a 200-character name and a
     * 64-character one (the Joliet limit); names colliding under 8.3 and under 30 characters and by
     * case; 12 nested levels; relative, absolute and dangling symlinks; modes 0600 to 0755.
     *
     * @param withDeepTree include the 12-level branch (deeper than ISO 9660's 8)
     * @param withSymlinks include the symbolic links
     */
    static Path variedTree(Path root, boolean withDeepTree, boolean withSymlinks) {
        try {
            Files.createDirectories(root);
            write(root.resolve("empty"), new byte[0]);
            write(root.resolve("one-byte.txt"), "x".getBytes(StandardCharsets.US_ASCII));
            write(root.resolve("sector-2048.bin"), pattern(2048, 1));
            write(root.resolve("sector-plus-one.bin"), pattern(2049, 2));
            write(root.resolve("multi-MB-5.bin"), pattern(5 * 1024 * 1024 + 123, 3));
            write(root.resolve("UPPER.TXT"), text("already an ISO name"));
            write(root.resolve("Mixed.Case.Name.txt"), text("several dots"));
            write(root.resolve("no_extension"), text("no extension"));
            write(root.resolve(".dotfile"), text("dot file"));
            write(root.resolve("trailing.dot."), text("trailing dot"));
            write(root.resolve("weird chars !#$&'()+,=@[]^`{}~.txt"), text("punctuation that ISO maps to _"));

            Path uni = Files.createDirectories(root.resolve("unicode-ünïcödé"));
            write(uni.resolve("Ångström façade.txt"), text("Latin-1 accents"));
            write(uni.resolve("中文文件名.txt"), text("CJK"));
            write(uni.resolve("한국어.txt"), text("Hangul"));
            write(uni.resolve("rocket-🚀.txt"), text("emoji outside the BMP"));
            write(uni.resolve("Ωmega-Ж.dat"), text("Greek and Cyrillic"));

            Path longNames = Files.createDirectories(root.resolve("long-names"));
            write(longNames.resolve(NAME_200), text("200 characters"));
            write(longNames.resolve("j".repeat(60) + ".txt"), text("exactly 64 characters"));
            write(longNames.resolve("k".repeat(61) + ".txt"), text("65 characters"));
            Path longDir = Files.createDirectories(longNames.resolve("directory-name-" + "d".repeat(70)));
            write(longDir.resolve("inside-long-dir.txt"), text("below a 85-character directory"));

            Path collide = Files.createDirectories(root.resolve("collide"));
            for (String n : new String[] {"document-alpha.txt", "document-beta.txt", "document-gamma.txt",
                    "Document-Delta.TXT", "document.txt", "DOCUMENT.TXT.old", "document alpha.txt",
                    "same-thirty-one-characters-xx1.dat", "same-thirty-one-characters-xx2.dat",
                    "CaseOnly.txt", "caseonly.txt", "CASEONLY.TXT"}) {
                write(collide.resolve(n), text("collision candidate " + n));
            }
            for (int i = 0; i < 12; i++) {
                write(collide.resolve("many-similar-names-" + i + ".log"), text("similar " + i));
            }

            Path modes = Files.createDirectories(root.resolve("modes"));
            write(modes.resolve("private-0600"), text("0600"));
            setMode(modes.resolve("private-0600"), "rw-------");
            write(modes.resolve("group-0640"), text("0640"));
            setMode(modes.resolve("group-0640"), "rw-r-----");
            write(modes.resolve("default-0644"), text("0644"));
            setMode(modes.resolve("default-0644"), "rw-r--r--");
            write(modes.resolve("script-0700.sh"), text("#!/bin/sh\necho 0700"));
            setMode(modes.resolve("script-0700.sh"), "rwx------");
            write(modes.resolve("tool-0755"), text("#!/bin/sh\necho 0755"));
            setMode(modes.resolve("tool-0755"), "rwxr-xr-x");
            Path privDir = Files.createDirectories(modes.resolve("locked-dir-0700"));
            write(privDir.resolve("inside"), text("in a 0700 directory"));
            setMode(privDir, "rwx------");

            Files.createDirectories(root.resolve("empty-dir"));
            Files.createDirectories(root.resolve("a/b/c/d"));
            write(root.resolve("a/b/c/d/four-levels.txt"), text("four levels down"));

            if (withDeepTree) {
                Path deep = root;
                for (int i = 1; i <= 12; i++) {
                    deep = deep.resolve("deep" + i);
                    Files.createDirectories(deep);
                    write(deep.resolve("at-level-" + i + ".txt"), text("level " + i));
                }
            }
            if (withSymlinks) {
                Path links = Files.createDirectories(root.resolve("links"));
                Files.createSymbolicLink(links.resolve("relative-file"), Path.of("../one-byte.txt"));
                Files.createSymbolicLink(links.resolve("relative-dir"), Path.of("../a/b"));
                Files.createSymbolicLink(links.resolve("absolute"), Path.of("/etc/hostname"));
                Files.createSymbolicLink(links.resolve("dangling"), Path.of("no/such/target"));
                Files.createSymbolicLink(links.resolve("to-unicode-ü"), Path.of("../unicode-ünïcödé/中文文件名.txt"));
                Files.createSymbolicLink(links.resolve("long-target"), Path.of("x/".repeat(60) + "end"));
                if (withDeepTree) {
                    Files.createSymbolicLink(root.resolve("deep1/deep2/deep3/deep4/deep5/deep6/deep7/deep8/up"),
                            Path.of("../../../../../../../.."));
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] text(String s) {
        return (s + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static void write(Path p, byte[] data) throws IOException {
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write(data);
        }
        setMode(p, "rw-r--r--");
    }

    /** Deterministic pseudo-random bytes: SHA-256 of (seed, counter) blocks. */
    static byte[] pattern(int size, int seed) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] out = new byte[size];
            int pos = 0;
            for (long counter = 0; pos < size; counter++) {
                md.update(new byte[] {(byte) seed});
                for (int i = 0; i < 8; i++) {
                    md.update((byte) (counter >>> (8 * i)));
                }
                byte[] block = md.digest();
                int n = Math.min(block.length, size - pos);
                System.arraycopy(block, 0, out, pos, n);
                pos += n;
            }
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
