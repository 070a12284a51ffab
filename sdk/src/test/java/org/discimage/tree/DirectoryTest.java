package org.discimage.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.commons.io.filefilter.FileFilterUtils;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T05:31:49Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void addCreatesParentsAndLooksUp() throws Exception {
        Directory root = Directory.newRoot(CLOCK);
        FileItem f = root.addFile("a/b/c.txt", new byte[] {1, 2, 3});
        assertEquals("/a/b/c.txt", f.path());
        assertEquals(3, f.size());
        assertEquals(ItemType.DIRECTORY, root.exists("a/b"));
        assertEquals(ItemType.FILE, root.exists("/a/b/c.txt"));
        assertEquals(ItemType.NOT_FOUND, root.exists("a/x"));
        assertEquals(CLOCK.instant(), f.lastModified());
        assertEquals(0644, f.mode());
        assertEquals(0755, root.item("a").orElseThrow().mode());
    }

    @Test
    void duplicateNameIsRefused() throws Exception {
        Directory root = Directory.newRoot(CLOCK);
        root.addFile("x", new byte[0]);
        DiscImageException e = assertThrows(DiscImageException.class, () -> root.addFile("x", new byte[1]));
        assertEquals(ErrorCode.DUP_NAME, e.code());
        DiscImageException e2 = assertThrows(DiscImageException.class, () -> root.addDirectory("x/y"));
        assertEquals(ErrorCode.NOT_DIR, e2.code());
    }

    @Test
    void hardLinkSharesTheSourceAndCopiesTheAttributes() throws Exception {
        Directory root = Directory.newRoot(CLOCK);
        FileItem a = root.addFile("a.txt", new byte[] {1, 2});
        a.setMode(0600);
        a.setOwner(7, 8);
        FileItem b = root.addHardLink("d/b.txt", a);
        assertTrue(a.source() == b.source(), "one ContentSource instance: a hard link");
        assertEquals("/d/b.txt", b.path());
        assertEquals(0600, b.mode());
        assertEquals(7, b.uid());
        assertEquals(8, b.gid());
        assertEquals(a.lastModified(), b.lastModified());
        assertEquals(ErrorCode.DUP_NAME, assertThrows(DiscImageException.class, () -> root.addHardLink("a.txt", b)).code());
        assertEquals(ErrorCode.NOT_DIR, assertThrows(DiscImageException.class, () -> root.addHardLink("a.txt/c", b)).code());
        // a fresh source unlinks the name
        b.setSource(org.discimage.source.ContentSource.of(new byte[] {1, 2}));
        assertFalse(a.source() == b.source());
    }

    @Test
    void addTreeLinksOnlyTheNamesOfOneInode() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/sub"));
        Files.writeString(src.resolveSibling("a"), "x");
        Files.createLink(src.resolve("b"), src.resolveSibling("a"));
        Files.writeString(src.resolveSibling("c"), "x");
        Directory root = Directory.newRoot(CLOCK);
        root.addTree(src.getParent(), false);
        FileItem a = (FileItem) root.item("a").orElseThrow();
        assertTrue(a.source() == ((FileItem) root.item("sub/b").orElseThrow()).source());
        assertFalse(a.source() == ((FileItem) root.item("c").orElseThrow()).source(), "same content, other inode");
        // a second walk is a walk of its own: its names are not links of the first walk's
        root.addTree(src.getParent(), true);
        assertFalse(a.source() == ((FileItem) root.item("src/a").orElseThrow()).source());
        assertTrue(((FileItem) root.item("src/a").orElseThrow()).source()
                == ((FileItem) root.item("src/sub/b").orElseThrow()).source());
    }

    @Test
    void invalidNamesAreCallerMistakes() {
        Directory root = Directory.newRoot(CLOCK);
        assertThrows(IllegalArgumentException.class, () -> root.addFile("a/../b", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> root.addFile("nul\0name", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> root.addFile("/", new byte[0]));
    }

    @Test
    void removeNeedsAnEmptyDirectoryAndRemoveTreeDoesNot() throws Exception {
        Directory root = Directory.newRoot(CLOCK);
        root.addFile("d/e/f", new byte[0]);
        DiscImageException e = assertThrows(DiscImageException.class, () -> root.remove("d"));
        assertEquals(ErrorCode.DIR_NOT_EMPTY, e.code());
        root.remove("d/e/f");
        assertEquals(ItemType.NOT_FOUND, root.exists("d/e/f"));
        root.addFile("d/e/g", new byte[0]);
        root.removeTree("d");
        assertEquals(0, root.count());
        DiscImageException missing = assertThrows(DiscImageException.class, () -> root.remove("nothing"));
        assertEquals(ErrorCode.ITEM_NOT_FOUND, missing.code());
    }

    @Test
    void childrenAreSortedByName() throws Exception {
        Directory root = Directory.newRoot(CLOCK);
        for (String n : new String[] {"b", "a", "C", "ä"}) {
            root.addFile(n, new byte[0]);
        }
        assertEquals(List.of("C", "a", "b", "ä"), root.children().stream().map(Item::name).toList());
    }

    @Test
    void addTreeMirrorsHostTreeWithFiltersAndLinks() throws IOException {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("sub/deeper"));
        Files.writeString(src.resolve("a.txt"), "hello");
        Files.writeString(src.resolve("b.log"), "skip me");
        Files.writeString(src.resolve("sub/deeper/c.txt"), "deep");
        Files.createSymbolicLink(src.resolve("link"), Path.of("a.txt"));

        Directory root = Directory.newRoot(CLOCK);
        root.addTree(src, false, FileFilterUtils.notFileFilter(FileFilterUtils.suffixFileFilter(".log")));
        assertEquals(ItemType.FILE, root.exists("a.txt"));
        assertEquals(ItemType.NOT_FOUND, root.exists("b.log"));
        assertEquals(ItemType.FILE, root.exists("sub/deeper/c.txt"));
        assertEquals(ItemType.SYMLINK, root.exists("link"));
        assertEquals("a.txt", ((SymlinkItem) root.item("link").orElseThrow()).target());

        Directory withBase = Directory.newRoot(CLOCK);
        withBase.addTree(src, true);
        assertEquals(ItemType.FILE, withBase.exists("src/b.log"));
    }

    @Test
    void addTreeSourceWinsOnClashAndFailureLeavesTreeUnchanged() throws Exception {
        Path src = tmp.resolve("s");
        Files.createDirectories(src);
        Files.writeString(src.resolve("x"), "new content");
        Directory root = Directory.newRoot(CLOCK);
        root.addFile("x", new byte[1]);
        root.addFile("keep", new byte[2]);
        root.addTree(src, false);
        assertEquals(11, ((FileItem) root.item("x").orElseThrow()).size());
        assertTrue(root.item("keep").isPresent());

        DiscImageException e = assertThrows(DiscImageException.class,
                () -> root.addTree(tmp.resolve("missing"), false));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertEquals(2, root.count());
    }

    @Test
    void modeMustFitPermissionBits() {
        Directory root = Directory.newRoot(CLOCK);
        assertThrows(IllegalArgumentException.class, () -> root.setMode(0100644));
        root.setMode(0700);
        assertEquals(0700, root.mode());
        assertFalse(root.isHidden());
    }

    @Test
    void addTreeRecordsDeviceNodes() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("devs"));
        Process mknod = new ProcessBuilder("mknod", src.resolve("sda").toString(), "b", "8", "1")
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mknod.waitFor() == 0, "mknod needs root");
        new ProcessBuilder("mknod", src.resolve("tty").toString(), "c", "300", "70000").start().waitFor();
        Directory root = Directory.newRoot(CLOCK);
        root.addTree(src, false);
        DeviceItem sda = (DeviceItem) root.item("sda").orElseThrow();
        assertEquals(DeviceItem.Kind.BLOCK, sda.kind());
        assertEquals(8, sda.major());
        assertEquals(1, sda.minor());
        DeviceItem tty = (DeviceItem) root.item("tty").orElseThrow();
        assertEquals(DeviceItem.Kind.CHARACTER, tty.kind());
        assertEquals(300, tty.major());
        assertEquals(70000, tty.minor());
    }
}
