package org.discimage;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
    /** The items this import added (a second entry of the same name is a malformed directory). */
    private final Set<Item> added = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Imported directory path → the tree directory it landed in (absent: skipped subtree). */
    private final Map<String, Directory> directories = new HashMap<>();

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

    /** Walks the entries against the tree as it is, without changing it. */
    private static void checkCollisions(Directory root, List<ImportedEntry> entries) throws DiscImageException {
        Map<String, Directory> existing = new HashMap<>();
        existing.put("/", root);
        for (ImportedEntry e : entries) {
            if (e.path().equals("/")) {
                continue;
            }
            int slash = e.path().lastIndexOf('/');
            Directory parent = existing.get(slash == 0 ? "/" : e.path().substring(0, slash));
            Item item = parent == null ? null : parent.child(e.name()).orElse(null);
            if (item != null) {
                collision(item, e);
                if (item instanceof Directory d) {
                    existing.put(e.path(), d);
                }
            }
        }
    }

    private void run(Directory root, List<ImportedEntry> entries) throws IOException {
        for (ImportedEntry e : entries) {
            if (e.path().equals("/")) {
                // the root merges like any directory, and keeps the attributes the medium recorded
                // for it (as xorriso keeps them across sessions): without this every appended
                // session would reset them to the clock's time and 0755
                copyAttributes(e, root);
                directories.put("/", root);
                continue;
            }
            int slash = e.path().lastIndexOf('/');
            Directory parent = directories.get(slash == 0 ? "/" : e.path().substring(0, slash));
            if (parent != null) {
                add(parent, e);
            }
        }
    }

    private void add(Directory parent, ImportedEntry e) throws IOException {
        String name = e.name();
        Item existing = parent.child(name).orElse(null);
        if (existing != null) {
            if (added.contains(existing)) {
                duplicate(e);
            } else {
                collide(existing, e);
            }
            return;
        }
        Item item = switch (e.type()) {
            case DIRECTORY -> {
                Directory d = parent.addDirectory(name);
                directories.put(e.path(), d);
                yield d;
            }
            case FILE -> {
                if (e.flags().contains(ImportedEntry.Flag.ZISOFS)) {
                    diagnostics.report(new Diagnostic("Rock Ridge ZF entry of " + e.path(),
                            e.extents().isEmpty() ? -1 : e.extents().get(0).lba(),
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
        added.add(item);
    }

    /** Two entries of one name in one directory of the medium: malformed (lenient: the first wins). */
    private void duplicate(ImportedEntry e) throws DiscImageException {
        long lba = e.extents().isEmpty() ? -1 : e.extents().get(0).lba();
        String what = "directory entry " + e.path();
        if (!lenient) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, what + ": a second entry of the same name"
                    + " in one directory");
        }
        diagnostics.report(new Diagnostic(what, lba, "a second entry of the same name; the first one is kept"));
    }

    /** The tree already has the name: the tree wins, directories merge. */
    private void collide(Item existing, ImportedEntry e) throws DiscImageException {
        collision(existing, e);
        if (existing instanceof Directory d) {
            directories.put(e.path(), d);
        }
        // Same kind: the item in the tree wins and the imported one is dropped (IMAPI2).
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
