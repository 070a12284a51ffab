package org.discimage.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IMAPI2's change points on the tree: rollback restores listing, attributes, sources and items. */
class ChangePointTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T05:31:49Z"), ZoneOffset.UTC);

    @TempDir
    Path host;

    private Directory root;
    private FileItem a;

    @BeforeEach
    void tree() throws IOException {
        root = Directory.newRoot(CLOCK);
        a = root.addFile("docs/a.txt", new byte[] {1, 2, 3});
        root.addFile("docs/sub/b.txt", new byte[] {4});
        root.addSymlink("link", "docs/a.txt");
        root.addDevice("null", DeviceItem.Kind.CHARACTER, 1, 3);
        root.item("docs").orElseThrow().setMode(0700);
    }

    /** Every item with every attribute, its content source (by identity) and its parent link. */
    static List<String> listing(Directory root) {
        List<String> lines = new ArrayList<>();
        Deque<Item> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Item i = todo.pop();
            String extra = i instanceof FileItem f ? f.size() + " " + System.identityHashCode(f.source())
                    : i instanceof SymlinkItem s ? s.target()
                    : i instanceof DeviceItem d ? d.kind() + " " + d.major() + "," + d.minor() : "";
            lines.add(i.path() + " " + i.type() + " " + Integer.toOctalString(i.mode()) + " " + i.uid() + ":" + i.gid()
                    + " " + i.lastModifiedEpochSecond() + "/" + i.lastAccessedEpochSecond() + "/"
                    + i.attributesChangedEpochSecond() + " " + i.isHidden() + " " + extra);
            if (i instanceof Directory d) {
                for (Item c : d.children()) {
                    if (c.parent() != d) {
                        throw new AssertionError(c + " has parent " + c.parent());
                    }
                    todo.push(c);
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private void editEverything() throws IOException {
        root.addFile("new/deep/n.txt", new byte[10]);
        root.remove("link");
        root.removeTree("docs/sub");
        root.remove("docs/a.txt");
        root.addFile("docs/a.txt", new byte[] {9, 9}); // replace: another item of the same name
        root.addDirectory("null2");
        Files.createDirectories(host.resolve("t/u"));
        Files.writeString(host.resolve("t/u/h.txt"), "host");
        Files.writeString(host.resolve("null"), "clash: a host file replaces the device");
        root.addTree(host, false);
        Item docs = root.item("docs").orElseThrow();
        docs.setMode(0755);
        docs.setOwner(1000, 100);
        docs.setTimes(Instant.EPOCH);
        docs.setHidden(true);
        ((FileItem) root.item("docs/a.txt").orElseThrow()).setSource(ContentSource.zeros(5));
    }

    @Test
    void rollbackRestoresTheTreeAsItWasAtTheChangePoint() throws IOException {
        List<String> before = listing(root);
        long point = root.changePoint();
        editEverything();
        assertNotEquals(before, listing(root));
        assertNotEquals(point, root.changePoint());
        root.rollbackToChangePoint(point);
        assertEquals(before, listing(root));
        assertSame(a, root.item("docs/a.txt").orElseThrow(), "the same item is back in place");
        assertEquals(point, root.changePoint());
    }

    @Test
    void updateTreeIsRolledBackToo() throws IOException {
        Files.createDirectories(host.resolve("docs"));
        Files.writeString(host.resolve("docs/a.txt"), "other");
        List<String> before = listing(root);
        long point = root.changePoint();
        UpdateSummary s = root.updateTree("", host, UpdateOptions.defaults());
        assertEquals(4, s.removed(), s.toString()); // docs/sub, docs/sub/b.txt, link, null
        root.rollbackToChangePoint(point);
        assertEquals(before, listing(root));
    }

    @Test
    void intermediateChangePointsCanBeReturnedToInTurn() throws IOException {
        List<String> first = listing(root);
        long p1 = root.changePoint();
        root.addFile("x.txt", new byte[1]);
        root.item("link").orElseThrow().setMode(0700);
        List<String> second = listing(root);
        long p2 = root.changePoint();
        editEverything();
        root.rollbackToChangePoint(p2);
        assertEquals(second, listing(root));
        root.rollbackToChangePoint(p1);
        assertEquals(first, listing(root));
        // after going back to p1, p2 lies ahead of the tree: void
        DiscImageException e = assertThrows(DiscImageException.class, () -> root.rollbackToChangePoint(p2));
        assertEquals(ErrorCode.INVALID_PARAM, e.code());
    }

    @Test
    void lockInForbidsEarlierPointsAndFreesTheJournal() throws IOException {
        long p1 = root.changePoint();
        editEverything();
        long locked = root.changePoint();
        root.lockInChangePoint();
        assertEquals(locked, root.changePoint(), "lock-in leaves the counter");
        assertEquals(0, root.rootJournal().journaled());
        DiscImageException e = assertThrows(DiscImageException.class, () -> root.rollbackToChangePoint(p1));
        assertEquals(ErrorCode.INVALID_PARAM, e.code());
        assertEquals(true, e.getMessage().contains(Long.toString(p1)), e.getMessage());
        List<String> atLock = listing(root);
        root.addFile("after.txt", new byte[2]);
        root.rollbackToChangePoint(locked);
        assertEquals(atLock, listing(root));
    }

    @Test
    void nothingIsJournaledBeforeAChangePointIsTaken() throws IOException {
        editEverything();
        assertEquals(0, root.rootJournal().journaled());
        long now = root.changePoint();
        root.rollbackToChangePoint(now); // the current point is always fine
        DiscImageException e = assertThrows(DiscImageException.class, () -> root.rollbackToChangePoint(now - 1));
        assertEquals(ErrorCode.INVALID_PARAM, e.code());
        DiscImageException ahead = assertThrows(DiscImageException.class, () -> root.rollbackToChangePoint(now + 1));
        assertEquals(ErrorCode.INVALID_PARAM, ahead.code());
    }

    @Test
    void anAddTreeOfManyFilesIsOneEntryPerTopLevelName() throws IOException {
        for (int i = 0; i < 200; i++) {
            Files.createDirectories(host.resolve("many/d" + (i % 10)));
            Files.writeString(host.resolve("many/d" + (i % 10) + "/f" + i), "x");
        }
        long p = root.changePoint();
        root.addTree(host.resolve("many"), true);
        assertEquals(1, root.rootJournal().journaled(), "the staged subtree moves in whole");
        root.rollbackToChangePoint(p);
        assertEquals(ItemType.NOT_FOUND, root.exists("many"));
    }

    @Test
    void editsOfADetachedSubtreeAreNotTheTree() throws IOException {
        Item sub = root.item("docs/sub").orElseThrow();
        root.removeTree("docs/sub");
        long p = root.changePoint();
        sub.setMode(0);
        ((Directory) sub).addFile("c.txt", new byte[1]);
        assertEquals(p, root.changePoint());
        Directory staged = new Directory("", 0, CLOCK);
        assertThrows(IllegalStateException.class, staged::changePoint);
    }
}
