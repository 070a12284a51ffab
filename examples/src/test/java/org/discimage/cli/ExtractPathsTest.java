package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImportedEntry;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extraction guard on its own, fed names no strict reader would return. */
class ExtractPathsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "/", "/etc", "a\\b", "..\\..\\x", "\\", "C:\\x", "a\u0000b", "\u0000"})
    void refusesHostileNames(String name) {
        assertTrue(ExtractPaths.problem(name) != null, name);
        assertThrows(DiscImageException.class, () -> ExtractPaths.checkName(name, "/" + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "...", "..a", "a..", ".hidden", "Mixed Case Name.text", "x:y", "\u00e4\u20ac", "a\tb"})
    void acceptsPlainNames(String name) {
        assertNull(ExtractPaths.problem(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/../x", "/a/../../x", "/a/./b", "/./x", "//x", "/a//b", "/a/", "x", "../x",
            "/a\\..\\..\\x", "/a/b\u0000/c", "/..\\x"})
    void resolveRefusesHostilePaths(String path) throws IOException {
        Path root = tmp.toRealPath();
        DiscImageException e = assertThrows(DiscImageException.class, () -> ExtractPaths.resolve(root, path));
        assertEquals(ErrorCode.INVALID_PATH, e.code());
    }

    @Test
    void resolveStaysBelowTheRoot() throws IOException {
        Path root = tmp.toRealPath();
        assertEquals(root, ExtractPaths.resolve(root, "/"));
        assertEquals(root.resolve("a").resolve("b c"), ExtractPaths.resolve(root, "/a/b c"));
        assertEquals(root.resolve("..."), ExtractPaths.resolve(root, "/..."));
    }

    @Test
    void checkParentsRefusesLinksAndFiles() throws IOException {
        Path root = tmp.toRealPath();
        Path outside = Files.createDirectories(root.resolve("outside"));
        Path dir = Files.createDirectories(root.resolve("dir"));
        Files.createSymbolicLink(dir.resolve("link"), outside);
        Files.writeString(dir.resolve("file"), "x");
        ExtractPaths.checkParents(root, dir.resolve("new"), "/dir/new");
        assertThrows(DiscImageException.class, () -> ExtractPaths.checkParents(root, dir.resolve("link/x"), "/dir/link/x"));
        assertThrows(DiscImageException.class,
                () -> ExtractPaths.checkParents(root, dir.resolve("link/deeper/x"), "/dir/link/deeper/x"));
        assertThrows(DiscImageException.class, () -> ExtractPaths.checkParents(root, dir.resolve("file/x"), "/dir/file/x"));
        assertThrows(DiscImageException.class, () -> ExtractPaths.checkParents(root, root, "/"));
        assertThrows(DiscImageException.class, () -> ExtractPaths.checkParents(root, tmp.getParent(), "/.."));
    }

    private static ImportedEntry entry(String path, ItemType type, String target) {
        return ImportedEntry.of(path, type, 0, ImportedEntry.NO_MODE, 0, 0, Instant.EPOCH, target, List.of(), false);
    }

    private static ImportedEntry dir(String path) {
        return entry(path, ItemType.DIRECTORY, null);
    }

    @Test
    void planRefusesEntriesBelowALinkOrAFileOrTwice() throws IOException {
        Path root = tmp.toRealPath();
        ImportedEntry link = entry("/link", ItemType.SYMLINK, "/tmp/somewhere");
        ImportedEntry file = entry("/file", ItemType.FILE, null);
        for (List<ImportedEntry> tree : List.of(
                List.of(dir("/"), link, dir("/link")),                                  // link, then a "directory" of the same name
                List.of(dir("/"), link, entry("/link/x", ItemType.FILE, null)),         // a file below a link
                List.of(dir("/"), file, entry("/file/x", ItemType.FILE, null)),         // below a file
                List.of(dir("/"), entry("/a/b", ItemType.FILE, null)),                  // a name holding '/' (no parent a)
                List.of(dir("/"), dir("/a"), dir("/a")),                                // twice
                List.of(dir("/"), dir("/a"), entry("/a/..", ItemType.FILE, null)),
                List.of(dir("/"), entry("/x\\..\\..\\y", ItemType.FILE, null)),
                List.of(entry("/", ItemType.FILE, null)),
                List.of(dir("/"), entry("/../evil", ItemType.FILE, null)))) {
            assertThrows(DiscImageException.class, () -> Extractor.plan(root, tree), tree::toString);
        }
        assertEquals(4, Extractor.plan(root, List.of(dir("/"), dir("/a"), entry("/a/f", ItemType.FILE, null), link)).size());
    }

    @Test
    void planRefusesBeforeWritingAnything() throws IOException {
        Path out = tmp.resolve("out");
        Extractor x = new Extractor(null, false, w -> { });
        List<ImportedEntry> tree = List.of(dir("/"), dir("/ok"), dir("/ok/deeper"), entry("/ok/..", ItemType.SYMLINK, "/"));
        assertThrows(DiscImageException.class, () -> x.extract(tree, out));
        try (var s = Files.list(out)) {
            assertEquals(0, s.count());
        }
    }
}
