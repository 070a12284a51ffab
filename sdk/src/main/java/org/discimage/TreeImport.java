package org.discimage;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.discimage.error.DiscImageException;
import org.discimage.error.Diagnostic;
import org.discimage.error.Diagnostics;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.ImportedSource;
import org.discimage.importer.SectorReader;
import org.discimage.tree.DeviceItem;
import org.discimage.tree.Directory;
import org.discimage.tree.Item;
import org.discimage.tree.ItemType;

/**
 * Merges the entries of an imported tree into the user tree, as IMAPI2 ImportFileSystem does: an
 * item already in the tree wins over the imported one of the same name and kind, directories are
 * merged, and a file meeting a directory of the same name (or the reverse) is an error.
 * Imported files keep their extents on the medium ({@link ImportedSource}); nothing is read here.
 */
final class TreeImport {
    private static final int S_IFMT = 0170000;
    private static final int S_IFBLK = 0060000;

    private final SectorReader sectors;
    private final Diagnostics diagnostics;
    private final boolean lenient;
    /**
     * The items this import added to directories that were in the tree before (a second entry of
     * the same name is a malformed directory). A directory this import created holds only items of
     * this import, so the items added to it need not be remembered: there any name met twice is a
     * second entry.
     */
    private final Set<Item> added = Collections.newSetFromMap(new IdentityHashMap<>());

    private TreeImport(SectorReader sectors, ImportOptions options) {
        this.sectors = sectors;
        this.diagnostics = options.diagnostics();
        this.lenient = options.lenient();
    }

    /**
     * Merges {@code entries} (pre-order, root first) into {@code root}; a type collision is found
     * before anything is added, so a failed merge leaves the tree as it was.
     */
    static void merge(Directory root, SectorReader sectors, List<ImportedEntry> entries, ImportOptions options)
            throws IOException {
        checkCollisions(root, entries);
        new TreeImport(sectors, options).run(root, entries);
    }

    /**
     * The directories above the entry at hand, as the pre-order walk meets them: the directory of
     * an entry is always on this stack (the readers list a directory's entries right after it and
     * its subtrees), so it is found by the identity of {@link ImportedEntry#parent()} among a few
     * frames instead of by a path key. Each frame holds the tree directory the imported one landed
     * in (null: a skipped subtree) and whether this import created it.
     */
    private static final class Ancestors {
        private ImportedEntry[] entries = new ImportedEntry[16];
        private Directory[] dirs = new Directory[16];
        private boolean[] fresh = new boolean[16];
        private int depth;

        void push(ImportedEntry e, Directory dir, boolean created) {
            if (depth == entries.length) {
                entries = Arrays.copyOf(entries, depth * 2);
                dirs = Arrays.copyOf(dirs, depth * 2);
                fresh = Arrays.copyOf(fresh, depth * 2);
            }
            entries[depth] = e;
            dirs[depth] = dir;
            fresh[depth] = created;
            depth++;
        }

        /**
         * Pops the frames above the directory of {@code e} and returns that frame's index, or -1 (the
         * stack unchanged) when it is not there. An entry made without a link to its directory (a
         * list not from the readers) is matched by its path instead.
         */
        int parentOf(ImportedEntry e) {
            ImportedEntry p = e.parent();
            if (p != null) {
                for (int i = depth - 1; i >= 0; i--) {
                    if (entries[i] == p) {
                        depth = i + 1;
                        return i;
                    }
                }
                return -1;
            }
            String path = e.path();
            int slash = path.lastIndexOf('/');
            String parentPath = slash <= 0 ? "/" : path.substring(0, slash);
            for (int i = depth - 1; i >= 0; i--) {
                if (entries[i].path().equals(parentPath)) {
                    depth = i + 1;
                    return i;
                }
            }
            return -1;
        }
    }

    /** The root entry: the first, unlinked and named "/". */
    private static boolean isRoot(ImportedEntry e) {
        return e.parent() == null && e.path().equals("/");
    }

    /** Walks the entries against the tree as it is, without changing it. */
    private static void checkCollisions(Directory root, List<ImportedEntry> entries) throws DiscImageException {
        if (root.count() == 0) {
            return;  // nothing to collide with: the common case of importing into a new image
        }
        Ancestors existing = new Ancestors();
        for (ImportedEntry e : entries) {
            if (isRoot(e)) {
                existing.push(e, root, false);
                continue;
            }
            int at = existing.parentOf(e);
            Directory parent = at < 0 ? null : existing.dirs[at];
            Item item = parent == null ? null : parent.child(e.name()).orElse(null);
            if (item != null) {
                collision(item, e);
            }
            if (e.type() == ItemType.DIRECTORY) {
                existing.push(e, item instanceof Directory d ? d : null, false);
            }
        }
    }

    private void run(Directory root, List<ImportedEntry> entries) throws IOException {
        Ancestors stack = new Ancestors();
        for (ImportedEntry e : entries) {
            if (isRoot(e)) {
                // the root merges like any directory, and keeps the attributes the medium recorded
                // for it (as xorriso keeps them across sessions): without this every appended
                // session would reset them to the clock's time and 0755
                copyAttributes(e, root);
                stack.push(e, root, false);
                continue;
            }
            int at = stack.parentOf(e);
            Directory parent = at < 0 ? null : stack.dirs[at];
            if (parent == null) {
                if (e.type() == ItemType.DIRECTORY) {
                    stack.push(e, null, false);  // its subtree is skipped too
                }
                continue;
            }
            add(stack, parent, stack.fresh[at], e);
        }
    }

    /**
     * Adds {@code e} to {@code parent} ({@code fresh}: a directory this import created), and for a
     * directory pushes the tree directory its entries go to.
     */
    private void add(Ancestors stack, Directory parent, boolean fresh, ImportedEntry e) throws IOException {
        String name = e.name();
        Item existing = parent.child(name).orElse(null);
        if (existing != null) {
            boolean second = fresh || added.contains(existing);
            if (second) {
                duplicate(e);
            } else {
                collision(existing, e);
                // Same kind: the item in the tree wins and the imported one is dropped (IMAPI2).
            }
            if (e.type() == ItemType.DIRECTORY) {
                // directories merge: a second directory of one name adds to the first one's items
                stack.push(e, existing instanceof Directory d ? d : null, second);
            }
            return;
        }
        Item item = switch (e.type()) {
            case DIRECTORY -> {
                Directory d = parent.addDirectory(name);
                stack.push(e, d, true);
                yield d;
            }
            case FILE -> {
                if (e.flags().contains(ImportedEntry.Flag.ZISOFS)) {
                    diagnostics.report(new Diagnostic("Rock Ridge ZF entry of " + e.path(),
                            e.extentCount() == 0 ? -1 : e.extentLba(0),
                            "zisofs-compressed file imported as its " + e.size()
                                    + " compressed bytes; a new session records them without ZF"));
                }
                yield parent.addFile(name, ImportedSource.of(sectors, e));
            }
            case SYMLINK -> parent.addSymlink(name, e.symlinkTarget());
            case DEVICE -> device(parent, e);
            default -> throw new IllegalStateException("entry type " + e.type());
        };
        copyAttributes(e, item);
        if (!fresh) {
            added.add(item);
        }
    }

    /** Two entries of one name in one directory of the medium: malformed (lenient: the first wins). */
    private void duplicate(ImportedEntry e) throws DiscImageException {
        long lba = e.extentCount() == 0 ? -1 : e.extentLba(0);
        String what = "directory entry " + e.path();
        if (!lenient) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, what + ": a second entry of the same name"
                    + " in one directory");
        }
        diagnostics.report(new Diagnostic(what, lba, "a second entry of the same name; the first one is kept"));
    }

    /** A file meeting a directory of the same name, or the reverse (IMAPI2's two collision codes). */
    private static void collision(Item existing, ImportedEntry e) throws DiscImageException {
        boolean importedDir = e.type() == ItemType.DIRECTORY;
        boolean existingDir = existing instanceof Directory;
        if (importedDir && !existingDir) {
            throw new DiscImageException(ErrorCode.IMPORT_TYPE_COLLISION_DIRECTORY_EXISTS_AS_FILE,
                    "imported directory " + e.path() + " is a " + existing.type() + " in the tree");
        } else if (!importedDir && existingDir) {
            throw new DiscImageException(ErrorCode.IMPORT_TYPE_COLLISION_FILE_EXISTS_AS_DIRECTORY,
                    "imported " + e.type() + " " + e.path() + " is a directory in the tree");
        }
    }

    /** A device: {@link ImportedEntry#device()} is {@code major << 32 | minor} (0,0 when unknown). */
    private static Item device(Directory parent, ImportedEntry e) throws DiscImageException {
        long dev = Math.max(0, e.device());
        DeviceItem.Kind kind = (e.mode() & S_IFMT) == S_IFBLK ? DeviceItem.Kind.BLOCK : DeviceItem.Kind.CHARACTER;
        return parent.addDevice(e.name(), kind, dev >>> 32, dev & 0xFFFF_FFFFL);
    }

    private static void copyAttributes(ImportedEntry e, Item item) {
        if (e.hasMode()) {
            item.setMode(e.mode() & 07777);
        }
        item.setOwner((int) e.uid(), (int) e.gid());
        Instant m = e.modified();
        item.setTimes(m, e.accessed() != null ? e.accessed() : m,
                e.attributesChanged() != null ? e.attributesChanged() : m);
        item.setHidden(e.hidden());
    }
}
