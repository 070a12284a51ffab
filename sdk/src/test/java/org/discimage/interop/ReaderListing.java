package org.discimage.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one reader sees in one namespace of an image: path → {@link Entry}, the root excluded.
 * Also the "expected" side: {@link #ofHostTree(Path)} lists a source tree the same way.
 */
final class ReaderListing {
    private final String reader;
    private final SortedMap<String, Entry> entries = new TreeMap<>();

    ReaderListing(String reader) {
        this.reader = reader;
    }

    /** Who produced this listing (for failure messages), e.g. "bsdtar -x". */
    String reader() {
        return reader;
    }

    /** Adds an entry; a second, different entry for the same path is a reader error. */
    void add(Entry e) {
        if (e.path().equals("/") || e.path().isEmpty()) {
            return;
        }
        Entry old = entries.putIfAbsent(e.path(), e);
        if (old != null && !old.equals(e)) {
            throw new AssertionError(reader + " lists " + e.path() + " twice: " + old + " and " + e);
        }
    }

    void replace(Entry e) {
        entries.put(e.path(), e);
    }

    Entry get(String path) {
        return entries.get(path);
    }

    void remove(String path) {
        entries.remove(path);
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    SortedMap<String, Entry> asMap() {
        return entries;
    }

    int size() {
        return entries.size();
    }

    List<Entry> ofType(Entry.Type type) {
        List<Entry> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.type() == type) {
                list.add(e);
            }
        }
        return list;
    }

    /** A copy under another reader name. */
    ReaderListing copy(String readerName) {
        ReaderListing c = new ReaderListing(readerName);
        c.entries.putAll(entries);
        return c;
    }

    /** Removes one top-level directory and everything under it (e.g. the relocation directory). */
    void removeTree(String topPath) {
        entries.keySet().removeIf(p -> p.equals(topPath) || p.startsWith(topPath + "/"));
    }

    /** The names a Rock Ridge writer may give its relocation directory. */
    static final Set<String> RELOCATION_DIRS = Set.of("/rr_moved", "/.rr_moved", "/RR_MOVED");

    /** The relocation directory this listing holds, or null. */
    String relocationDir() {
        for (String p : RELOCATION_DIRS) {
            Entry e = entries.get(p);
            if (e != null && e.type() == Entry.Type.DIR) {
                return p;
            }
        }
        return null;
    }

    /**
     * For readers that do not follow Rock Ridge CL/PL/RE (isoinfo -R, pycdlib 1.12): moves every
     * directory found under the relocation directory back to the empty placeholder directory of the
     * same name elsewhere in the tree, which is what a reader following CL would show. A
     * placeholder that cannot be identified unambiguously fails the test.
     */
    void graftRelocatedDirectories() {
        String moved = relocationDir();
        if (moved == null) {
            return;
        }
        List<Entry> relocated = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.parent().equals(moved) && e.type() == Entry.Type.DIR) {
                relocated.add(e);
            }
        }
        for (Entry r : relocated) {
            List<String> candidates = new ArrayList<>();
            for (Entry e : entries.values()) {
                if (!e.path().startsWith(moved + "/") && e.name().equals(r.name()) && e.type() == Entry.Type.DIR
                        && !hasChildren(e.path())) {
                    candidates.add(e.path());
                }
            }
            if (candidates.size() != 1) {
                throw new AssertionError(reader + ": relocated directory " + r.path()
                        + " has " + candidates.size() + " empty placeholder directories of the same name: "
                        + candidates);
            }
            String to = candidates.get(0);
            Map<String, Entry> moving = new TreeMap<>(entries.subMap(r.path() + "/", r.path() + "/\uffff"));
            entries.remove(r.path());
            Entry placeholder = entries.get(to);
            entries.put(to, r.withPath(to).withMode(r.mode() != null ? r.mode() : placeholder.mode()));
            for (Entry e : moving.values()) {
                entries.remove(e.path());
                entries.put(to + e.path().substring(r.path().length()), e.withPath(to + e.path().substring(r.path().length())));
            }
        }
    }

    private boolean hasChildren(String dir) {
        String prefix = dir + "/";
        String next = entries.isEmpty() ? null : entries.tailMap(prefix).isEmpty() ? null : entries.tailMap(prefix).firstKey();
        return next != null && next.startsWith(prefix);
    }

    /** Lists a host directory tree: types, sizes, SHA-256, permission bits, link targets (links not followed). */
    static ReaderListing ofHostTree(Path root) {
        return ofHostTree("host " + root, root);
    }

    /** Lists an extracted or source tree the way {@link #ofHostTree(Path)} does, under a reader name. */
    static ReaderListing ofHostTree(String readerName, Path root) {
        ReaderListing l = new ReaderListing(readerName);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root)) {
                        l.add(Entry.dir(imagePath(root, dir), mode(dir)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String p = imagePath(root, file);
                    if (attrs.isSymbolicLink()) {
                        l.add(Entry.symlink(p, Files.readSymbolicLink(file).toString(), mode(file)));
                    } else if (attrs.isRegularFile()) {
                        l.add(Entry.file(p, attrs.size(), sha256(file), mode(file)));
                    } else {
                        throw new AssertionError("unexpected file type at " + file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return l;
    }

    static String imagePath(Path root, Path p) {
        StringBuilder sb = new StringBuilder();
        for (Path part : root.relativize(p)) {
            sb.append('/').append(part);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    static int mode(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        int m = 0;
        for (PosixFilePermission perm : perms) {
            m |= switch (perm) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return m;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(reader).append(" (").append(entries.size()).append(" entries)\n");
        int n = 0;
        for (Entry e : entries.values()) {
            if (++n > 150) {
                sb.append("  ... ").append(entries.size() - 150).append(" more\n");
                break;
            }
            sb.append("  ").append(e.path()).append("  ").append(e).append('\n');
        }
        return sb.toString();
    }
}
