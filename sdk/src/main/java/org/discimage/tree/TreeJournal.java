package org.discimage.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;

/**
 * The change points of one tree (IMAPI2 IFileSystemImage ChangePoint, RollbackToChangePoint,
 * LockInChangePoint) as an undo journal of primitive edits, never a copy of the tree.
 *
 * <p>The counter counts primitive edits of the tree: a child put into or taken out of a
 * directory's map, a change of an item's attributes, a file's new content source. One API call
 * may count several (an {@code addFile} that creates two parent directories counts three; an
 * {@code addTree} counts one per top-level name, since its staged subtree moves in whole). IMAPI2
 * documents the counter only as a "transaction id"; callers use the values {@link #changePoint()}
 * returns, never arithmetic on them.
 *
 * <p>Memory: entries are kept only from the first {@code changePoint()} after the tree was made or
 * last locked in, one small object per edit (about 50 bytes: a million {@code addFile} calls with
 * three attribute setters each, 4,001,110 edits, held 200 MB more heap than without a change
 * point, and rolled back in under a second); a program that never asks for a change point pays
 * nothing but the counter. {@link #lockIn()} drops them all.
 *
 * <p>Edits of items detached from the tree (a removed subtree the caller still holds) are not
 * counted or journaled: they are not part of the tree.
 */
final class TreeJournal {
    /** The number of edits so far (the current change point). */
    private long counter;
    /** The change point the first entry goes back to; -1 while nothing is journaled. */
    private long start = -1;
    private final List<Undo> entries = new ArrayList<>();
    private boolean undoing;

    /** One edit, undoable. */
    private interface Undo {
        void undo();
    }

    /** Before {@code dir}'s entry {@code name} changes; {@code old} is what it holds now (or null). */
    private record ChildUndo(Directory dir, String name, Item old) implements Undo {
        @Override
        public void undo() {
            Map<String, Item> map = dir.map();
            Item now = map.get(name);
            if (now != null && now.parent == dir) {
                now.parent = null;
            }
            if (old == null) {
                map.remove(name);
            } else {
                old.parent = dir;
                map.put(name, old);
            }
        }
    }

    /** The attributes before an edit, flat in one object (this is the commonest entry). */
    private record AttributesUndo(Item item, int mode, int uid, int gid, long mtime, long atime, long ctime,
                                  boolean hidden) implements Undo {
        AttributesUndo(Item item) {
            this(item, item.mode(), item.uid(), item.gid(), item.lastModifiedEpochSecond(),
                    item.lastAccessedEpochSecond(), item.attributesChangedEpochSecond(), item.isHidden());
        }

        @Override
        public void undo() {
            item.restore(mode, uid, gid, mtime, atime, ctime, hidden);
        }
    }

    private record SourceUndo(FileItem file, ContentSource old) implements Undo {
        @Override
        public void undo() {
            file.restoreSource(old);
        }
    }

    long changePoint() {
        if (start < 0) {
            start = counter;
        }
        return counter;
    }

    void rollbackTo(long point) throws DiscImageException {
        if (point == counter) {
            return;
        }
        if (point > counter || start < 0 || point < start) {
            throw new DiscImageException(ErrorCode.INVALID_PARAM, "cannot roll back to change point " + point
                    + ": the tree is at " + counter + (start < 0 ? " and no earlier change point was taken since"
                    + " the last lock-in" : " and can go back to " + start + " at the earliest"));
        }
        undoing = true;
        try {
            while (counter > point) {
                entries.remove(entries.size() - 1).undo();
                counter--;
            }
        } finally {
            undoing = false;
        }
    }

    void lockIn() {
        entries.clear();
        ((ArrayList<Undo>) entries).trimToSize();
        start = -1;
    }

    /** How many edits are held (for tests of the memory bound). */
    int journaled() {
        return entries.size();
    }

    void childChanging(Directory dir, String name, Item old) {
        if (record()) {
            entries.add(new ChildUndo(dir, name, old));
        }
    }

    void attributesChanging(Item item) {
        if (record()) {
            entries.add(new AttributesUndo(item));
        }
    }

    void sourceChanging(FileItem file, ContentSource old) {
        if (record()) {
            entries.add(new SourceUndo(file, old));
        }
    }

    /** Counts an edit; whether it is to be journaled. */
    private boolean record() {
        if (undoing) {
            throw new IllegalStateException("the tree changed while a rollback undid it");
        }
        counter++;
        return start >= 0;
    }
}
