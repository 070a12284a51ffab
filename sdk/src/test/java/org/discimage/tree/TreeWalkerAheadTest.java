package org.discimage.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.io.filefilter.IOFileFilter;
import org.apache.commons.io.filefilter.TrueFileFilter;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * addTree lists directories ahead on other threads: the tree must be the host tree, entry for entry,
 * whatever the walk's order (many directories, a directory longer than one listing ahead holds,
 * hard links), and a failure must still be the walk's own.
 */
class TreeWalkerAheadTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T22:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void theTreeIsTheHostTree() throws IOException {
        Path src = tmp.resolve("src");
        for (int d = 0; d < 40; d++) {
            Path dir = Files.createDirectories(src.resolve("d" + d).resolve("sub" + (d % 3)));
            for (int f = 0; f < 30; f++) {
                Files.write(dir.resolve("f" + f), new byte[d + f]);
            }
            Files.setPosixFilePermissions(dir.resolve("f0"), PosixFilePermissions.fromString("rw-r-----"));
        }
        Path big = Files.createDirectories(src.resolve("big"));
        for (int f = 0; f < 5000; f++) { // more than one listing ahead holds: the rest is read by the walk
            Files.write(big.resolve("n" + f), new byte[f % 7]);
        }
        Files.createLink(src.resolve("d1/hard"), src.resolve("d0/sub0/f5"));
        Files.createSymbolicLink(src.resolve("d2/link"), Path.of("../d0"));

        Directory root = Directory.newRoot(CLOCK);
        root.addTree(src, false);

        Map<String, String> host = new TreeMap<>();
        try (Stream<Path> all = Files.walk(src)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!p.equals(src)) {
                    host.put("/" + src.relativize(p), describe(p));
                }
            }
        }
        Map<String, String> tree = new TreeMap<>();
        Deque<Directory> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            for (Item item : todo.pop().children()) {
                tree.put(item.path(), describe(item));
                if (item instanceof Directory d) {
                    todo.push(d);
                }
            }
        }
        assertEquals(host, tree);
        FileItem a = (FileItem) root.item("d0/sub0/f5").orElseThrow();
        FileItem b = (FileItem) root.item("d1/hard").orElseThrow();
        assertSame(a.source(), b.source(), "hard links share one source");
    }

    private static String describe(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return "link " + Files.readSymbolicLink(p);
        }
        if (Files.isDirectory(p)) {
            return "dir";
        }
        return "file " + Files.size(p) + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static String describe(Item item) {
        if (item instanceof SymlinkItem s) {
            return "link " + s.target();
        }
        if (item instanceof Directory) {
            return "dir";
        }
        return "file " + ((FileItem) item).size() + " " + PosixFilePermissions.toString(
                java.util.EnumSet.copyOf(modeToPermissions(item.mode())));
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> modeToPermissions(int mode) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> s = java.util.EnumSet.noneOf(
                java.nio.file.attribute.PosixFilePermission.class);
        java.nio.file.attribute.PosixFilePermission[] order = java.nio.file.attribute.PosixFilePermission.values();
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }

    @Test
    void aFilterThatFailsStopsTheWalkAsBefore() throws IOException {
        Path src = tmp.resolve("src2");
        for (int d = 0; d < 30; d++) {
            Path dir = Files.createDirectories(src.resolve("d" + d));
            Files.write(dir.resolve("x"), new byte[1]);
        }
        Files.write(src.resolve("d17/boom"), new byte[1]);
        IOFileFilter failing = new IOFileFilter() {
            @Override
            public boolean accept(java.io.File file) {
                if (file.getName().equals("boom")) {
                    throw new IllegalStateException("filter failed on " + file);
                }
                return true;
            }

            @Override
            public boolean accept(java.io.File dir, String name) {
                return accept(new java.io.File(dir, name));
            }
        };
        Directory root = Directory.newRoot(CLOCK);
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> root.addTree(src, false, failing, TrueFileFilter.INSTANCE));
        assertEquals(ErrorCode.DIRECTORY_READ_FAILURE, e.code());
        assertTrue(e.getMessage().contains("d17"), e.getMessage());
    }
}
