package org.discimage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A host directory tree as comparable text, one entry per relative path (the root left out): type,
 * and as asked size and SHA-256 of files, permission bits, modification time to the second, link
 * target. Links are never followed.
 */
final class TreeSnapshot {
    private TreeSnapshot() {
    }

    /** What to compare besides names, types, content and link targets. */
    record Aspects(boolean modes, boolean fileTimes, boolean linkTimes) {
        static final Aspects ALL = new Aspects(true, true, true);
        static final Aspects NAMES_AND_CONTENT = new Aspects(false, false, false);
    }

    static Map<String, String> of(Path root, Aspects aspects) {
        Map<String, String> map = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root)).forEach(p -> map.put(root.relativize(p).toString().replace('\\', '/'),
                    describe(p, aspects)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }

    private static String describe(Path p, Aspects aspects) {
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            StringBuilder sb = new StringBuilder();
            if (a.isSymbolicLink()) {
                sb.append("link -> ").append(Files.readSymbolicLink(p));
            } else if (a.isDirectory()) {
                sb.append("dir");
            } else {
                sb.append("file ").append(a.size()).append(' ').append(sha256(p));
            }
            if (aspects.modes() && !a.isSymbolicLink()) {
                sb.append(' ').append(PosixFilePermissions.toString(a.permissions()));
            }
            if (a.isSymbolicLink() ? aspects.linkTimes() : aspects.fileTimes()) {
                sb.append(" mtime ").append(a.lastModifiedTime().toMillis() / 1000);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
