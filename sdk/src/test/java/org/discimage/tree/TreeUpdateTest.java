package org.discimage.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions of {@link Directory#updateTree}: each kind of host change against a tree made by addTree. */
class TreeUpdateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T05:31:49Z"), ZoneOffset.UTC);
    private static final FileTime T1 = FileTime.from(Instant.parse("2024-01-02T03:04:05Z"));
    private static final FileTime T2 = FileTime.from(Instant.parse("2025-06-07T08:09:10Z"));

    @TempDir
    Path host;

    private Directory root;
    private final Map<String, UpdateDecision> decisions = new LinkedHashMap<>();

    @BeforeEach
    void folder() throws IOException {
        write("a.txt", "alpha");
        write("same.txt", "same");
        write("d/b.txt", "bravo");
        write("d/e/c.txt", "charlie");
        Files.createSymbolicLink(host.resolve("link"), Path.of("a.txt"));
        root = Directory.newRoot(CLOCK);
        root.addTree(host, false);
        // addTree(host, false) adds the folder's contents but keeps the root's own attributes;
        // updating the root from the folder takes them over, and only that
        UpdateSummary first = root.updateTree("", host, UpdateOptions.defaults().withListener(decisions::put));
        assertEquals(new UpdateSummary(0, 0, 0, 1, 7), first);
        assertEquals(UpdateDecision.ATTRIBUTES_UPDATED, decisions.get("/"));
    }

    private void write(String rel, String content) throws IOException {
        Path p = host.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, T1);
    }

    private UpdateSummary update(UpdateOptions options) throws IOException {
        decisions.clear();
        return root.updateTree("", host, options.withListener(decisions::put));
    }

    private UpdateSummary update() throws IOException {
        return update(UpdateOptions.defaults());
    }

    @Test
    void sameFolderChangesNothing() throws IOException {
        UpdateSummary s = update();
        assertTrue(s.isEmpty(), s.toString());
        assertEquals(new UpdateSummary(0, 0, 0, 0, 8), s); // root, a, same, d, b, e, c, link
        assertTrue(decisions.values().stream().allMatch(d -> d == UpdateDecision.UNCHANGED), decisions.toString());
    }

    @Test
    void changedSizeIsReplaced() throws IOException {
        Files.writeString(host.resolve("a.txt"), "alpha, longer");
        Files.setLastModifiedTime(host.resolve("a.txt"), T1);
        UpdateSummary s = update();
        assertEquals(1, s.replaced());
        assertEquals(UpdateDecision.REPLACED, decisions.get("/a.txt"));
        assertEquals(13, ((FileItem) root.item("a.txt").orElseThrow()).size());
    }

    @Test
    void changedMtimeIsReplacedByTheQuickCheck() throws IOException {
        Files.setLastModifiedTime(host.resolve("same.txt"), T2);
        UpdateSummary s = update();
        assertEquals(1, s.replaced(), s.toString());
        assertEquals(UpdateDecision.REPLACED, decisions.get("/same.txt"));
        assertEquals(T2.toInstant(), root.item("same.txt").orElseThrow().lastModified());
    }

    @Test
    void changedMtimeWithSameContentKeepsTheContentWhenComparingContent() throws IOException {
        FileItem f = (FileItem) root.item("same.txt").orElseThrow();
        ContentSource before = f.source();
        Files.setLastModifiedTime(host.resolve("same.txt"), T2);
        UpdateSummary s = update(UpdateOptions.defaults().withContentComparison());
        assertEquals(0, s.replaced(), s.toString());
        assertEquals(UpdateDecision.ATTRIBUTES_UPDATED, decisions.get("/same.txt"));
        assertTrue(before == f.source(), "the content source is kept");
        assertEquals(T2.toInstant(), f.lastModified());
    }

    @Test
    void sameSizeAndMtimeButOtherContentIsFoundOnlyByTheContentComparison() throws IOException {
        // the tree holds other bytes of the same length under the host's mtime (as an imported file may)
        FileItem f = (FileItem) root.item("a.txt").orElseThrow();
        f.setSource(ContentSource.of("ALPHA".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(update().isEmpty(), "the quick check cannot see it");
        UpdateSummary s = update(UpdateOptions.defaults().withContentComparison());
        assertEquals(1, s.replaced(), s.toString());
        assertEquals(UpdateDecision.REPLACED, decisions.get("/a.txt"));
        assertTrue(f.source().description().contains("a.txt"), f.source().description());
    }

    @Test
    void newFilesAndDirectoriesAreAdded() throws IOException {
        write("new.txt", "new");
        write("nd/x/y.txt", "y");
        UpdateSummary s = update();
        assertEquals(4, s.added(), s.toString()); // new.txt, nd, nd/x, nd/x/y.txt
        assertEquals(UpdateDecision.ADDED, decisions.get("/new.txt"));
        assertEquals(UpdateDecision.ADDED, decisions.get("/nd"));
        assertEquals(ItemType.FILE, root.exists("nd/x/y.txt"));
    }

    @Test
    void goneFilesAndTreesAreRemoved() throws IOException {
        Files.delete(host.resolve("a.txt"));
        Files.delete(host.resolve("d/e/c.txt"));
        Files.delete(host.resolve("d/e"));
        UpdateSummary s = update();
        assertEquals(3, s.removed(), s.toString()); // a.txt, d/e, d/e/c.txt
        assertEquals(UpdateDecision.REMOVED, decisions.get("/a.txt"));
        assertEquals(UpdateDecision.REMOVED, decisions.get("/d/e"));
        assertEquals(ItemType.NOT_FOUND, root.exists("d/e"));
        assertEquals(ItemType.FILE, root.exists("d/b.txt"));
    }

    @Test
    void aDirectoryThatBecameAFileAndTheReverse() throws IOException {
        Files.delete(host.resolve("d/e/c.txt"));
        Files.delete(host.resolve("d/e"));
        write("d/e", "now a file");
        Files.delete(host.resolve("same.txt"));
        write("same.txt/inner.txt", "now a directory");
        UpdateSummary s = update();
        assertEquals(3, s.removed(), s.toString()); // d/e + c.txt, same.txt
        assertEquals(3, s.added(), s.toString());   // d/e, same.txt + inner.txt
        assertEquals(UpdateDecision.REPLACED, decisions.get("/d/e"));
        assertEquals(UpdateDecision.REPLACED, decisions.get("/same.txt"));
        assertEquals(ItemType.FILE, root.exists("d/e"));
        assertEquals(ItemType.FILE, root.exists("same.txt/inner.txt"));
    }

    @Test
    void symbolicLinksAreComparedByTarget() throws IOException {
        Files.delete(host.resolve("link"));
        Files.createSymbolicLink(host.resolve("link"), Path.of("d/b.txt"));
        Files.delete(host.resolve("a.txt"));
        Files.createSymbolicLink(host.resolve("a.txt"), Path.of("same.txt"));
        UpdateSummary s = update();
        assertEquals(1, s.replaced(), s.toString());
        assertEquals(1, s.removed(), s.toString());
        assertEquals(1, s.added(), s.toString());
        assertEquals("d/b.txt", ((SymlinkItem) root.item("link").orElseThrow()).target());
        assertInstanceOf(SymlinkItem.class, root.item("a.txt").orElseThrow());
    }

    @Test
    void modeChangeUpdatesAttributesOnly() throws IOException {
        FileItem f = (FileItem) root.item("d/b.txt").orElseThrow();
        ContentSource before = f.source();
        Files.setPosixFilePermissions(host.resolve("d/b.txt"), PosixFilePermissions.fromString("rw-------"));
        UpdateSummary s = update();
        assertEquals(1, s.attributesUpdated(), s.toString());
        assertEquals(UpdateDecision.ATTRIBUTES_UPDATED, decisions.get("/d/b.txt"));
        assertEquals(0600, f.mode());
        assertTrue(before == f.source());
    }

    @Test
    void aSubtreeIsCreatedWhenMissingAndRemovedWhenTheHostFolderIsGone() throws IOException {
        UpdateSummary s = root.updateTree("backup/d", host.resolve("d"), UpdateOptions.defaults());
        assertEquals(5, s.added(), s.toString()); // backup, d, b.txt, e, c.txt
        assertEquals(ItemType.FILE, root.exists("backup/d/e/c.txt"));
        UpdateSummary gone = root.updateTree("backup/d", host.resolve("nothing"), UpdateOptions.defaults());
        assertEquals(4, gone.removed(), gone.toString());
        assertEquals(ItemType.DIRECTORY, root.exists("backup"));
        assertEquals(ItemType.NOT_FOUND, root.exists("backup/d"));
    }

    @Test
    void theTreeNameNeedNotBeTheHostName() throws IOException {
        UpdateSummary s = root.updateTree("backup/d-copy", host.resolve("d"), UpdateOptions.defaults());
        assertEquals(5, s.added(), s.toString());
        assertEquals(ItemType.FILE, root.exists("backup/d-copy/e/c.txt"));
        assertEquals(ItemType.NOT_FOUND, root.exists("backup/d"));
        assertEquals(new UpdateSummary(0, 0, 0, 0, 4), root.updateTree("backup/d-copy", host.resolve("d"),
                UpdateOptions.defaults()));
        Files.delete(host.resolve("d/b.txt"));
        Files.createDirectories(host.resolve("d/b.txt"));
        UpdateSummary typeChange = root.updateTree("backup/d-copy", host.resolve("d"), UpdateOptions.defaults());
        assertEquals(1, typeChange.added(), typeChange.toString());
        assertEquals(ItemType.DIRECTORY, root.exists("backup/d-copy/b.txt"));
    }

    @Test
    void aFileOnThePathIsRefused() throws IOException {
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> root.updateTree("a.txt/x", host.resolve("d"), UpdateOptions.defaults()));
        assertEquals(ErrorCode.NOT_DIR, e.code());
        DiscImageException e2 = assertThrows(DiscImageException.class,
                () -> root.updateTree("", host.resolve("a.txt"), UpdateOptions.defaults()));
        assertEquals(ErrorCode.NOT_DIR, e2.code());
    }
}
