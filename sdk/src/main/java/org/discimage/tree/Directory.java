package org.discimage.tree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.io.filefilter.IOFileFilter;
import org.apache.commons.io.filefilter.TrueFileFilter;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;

/**
 * A directory of the user tree (IMAPI2 IFsiDirectoryItem). Paths given to its methods are relative
 * to it, with {@code /} as separator; missing intermediate directories are created by the add
 * methods. Names may hold any character but {@code /} and NUL; the names each file system records
 * are derived when the image is planned.
 */
public final class Directory extends Item {
    private Map<String, Item> children;
    private final Clock clock;
    /** The change-point journal; only a root made by {@link #newRoot} has one. */
    private TreeJournal journal;

    Directory(String name, long time, Clock clock) {
        super(name, DEFAULT_DIR_MODE, time);
        this.clock = clock;
    }

    /** A new, empty root directory whose new items are stamped with {@code clock}'s time. */
    public static Directory newRoot(Clock clock) {
        Directory root = new Directory("", clock.instant().getEpochSecond(), clock);
        root.journal = new TreeJournal();
        return root;
    }

    TreeJournal rootJournal() {
        return journal;
    }

    /**
     * The current change point of the whole tree this directory belongs to (IMAPI2 ChangePoint):
     * a counter of the edits made to it. Asking for it starts the undo journal, so that the tree
     * can be {@link #rollbackToChangePoint rolled back} to this point until the next
     * {@link #lockInChangePoint() lock-in}. See {@link FileItem}, {@link Item} setters and the
     * add/remove methods for what counts as an edit: every change of a name's item, of an
     * item's attributes and of a file's content source.
     *
     * @throws IllegalStateException if this directory is not (under) a root made by {@link #newRoot}
     */
    public long changePoint() {
        return requireJournal().changePoint();
    }

    /**
     * Undoes every edit of the tree made after {@code changePoint} (IMAPI2 RollbackToChangePoint):
     * names, attributes and content sources are as they were then, and the same items (the same
     * objects) are back in place. Change points later than {@code changePoint} are void afterwards.
     * Edits made to an item while it was removed from the tree (through a reference the caller
     * kept) are not part of the tree and are not undone when the rollback puts it back.
     *
     * @throws DiscImageException {@code INVALID_PARAM} if {@code changePoint} is ahead of the tree
     *                            or older than the first change point taken since the last lock-in
     */
    public void rollbackToChangePoint(long changePoint) throws DiscImageException {
        requireJournal().rollbackTo(changePoint);
    }

    /**
     * Commits the tree as it is (IMAPI2 LockInChangePoint): earlier change points can no longer be
     * rolled back to, and the journal's memory is released. The counter is unchanged.
     */
    public void lockInChangePoint() {
        requireJournal().lockIn();
    }

    private TreeJournal requireJournal() {
        TreeJournal j = journal();
        if (j == null) {
            throw new IllegalStateException(path() + " is not part of a tree made by Directory.newRoot");
        }
        return j;
    }

    /** Counts (and journals) a change of this directory's entry {@code name}, which holds {@code old}. */
    private void childChanging(String name, Item old) {
        TreeJournal j = journal();
        if (j != null) {
            j.childChanging(this, name, old);
        }
    }

    @Override
    public ItemType type() {
        return ItemType.DIRECTORY;
    }

    /** The number of direct children (IMAPI2 Count). */
    public int count() {
        return children == null ? 0 : children.size();
    }

    /** The direct children, sorted by name (UTF-16 code unit order), as an unmodifiable list. */
    public List<Item> children() {
        if (children == null) {
            return List.of();
        }
        Item[] sorted = children.values().toArray(new Item[0]);
        sortByName(sorted, 0, sorted.length, null);
        return Collections.unmodifiableList(Arrays.asList(sorted));
    }

    /**
     * Sorts {@code a[from, to)} by name (names are unique: no stability needed). A merge sort calling
     * String.compareTo directly, not through a Comparator: planners ask every directory for its
     * children, and without C2 (the CLI's launcher) the generic sort's interface calls cost twice as
     * much as the comparisons.
     */
    private static void sortByName(Item[] a, int from, int to, Item[] aux) {
        int n = to - from;
        if (n <= 12) {
            for (int i = from + 1; i < to; i++) {
                Item x = a[i];
                int j = i - 1;
                while (j >= from && a[j].name.compareTo(x.name) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        if (aux == null) {
            aux = new Item[a.length];
        }
        int mid = (from + to) >>> 1;
        sortByName(a, from, mid, aux);
        sortByName(a, mid, to, aux);
        if (a[mid - 1].name.compareTo(a[mid].name) <= 0) {
            return; // already in order (a tree added in name order)
        }
        System.arraycopy(a, from, aux, from, n);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && aux[i].name.compareTo(aux[j].name) <= 0)) {
                a[k] = aux[i++];
            } else {
                a[k] = aux[j++];
            }
        }
    }

    /** The direct child of that name, if any. */
    public Optional<Item> child(String name) {
        return Optional.ofNullable(children == null ? null : children.get(name));
    }

    /** Looks an item up by relative path (IMAPI2 Item). */
    public Optional<Item> item(String relativePath) {
        Item cur = this;
        for (String part : split(relativePath)) {
            if (!(cur instanceof Directory d) || d.children == null) {
                return Optional.empty();
            }
            cur = d.children.get(part);
            if (cur == null) {
                return Optional.empty();
            }
        }
        return Optional.of(cur);
    }

    /** What the relative path names (IMAPI2 Exists). */
    public ItemType exists(String relativePath) {
        return item(relativePath).map(Item::type).orElse(ItemType.NOT_FOUND);
    }

    /** Creates a directory (and missing parents); an existing directory is returned as is. */
    public Directory addDirectory(String relativePath) throws DiscImageException {
        if (isOneName(relativePath)) {
            return subdirectory(checkName(relativePath, relativePath), relativePath);
        }
        Directory cur = this;
        for (String part : split(relativePath)) {
            cur = cur.subdirectory(part, relativePath);
        }
        return cur;
    }

    /** Adds a host file; its size is read now and its content when the image is written. */
    public FileItem addFile(String relativePath, Path source) throws IOException {
        return addFile(relativePath, ContentSource.of(source));
    }

    /** Adds a file holding the given bytes (the array is not copied). */
    public FileItem addFile(String relativePath, byte[] content) throws DiscImageException {
        return addFile(relativePath, ContentSource.of(content));
    }

    /** Adds a file read once from a stream of known length when the image is written. */
    public FileItem addFile(String relativePath, InputStream content, long length) throws DiscImageException {
        return addFile(relativePath, ContentSource.of(content, length));
    }

    /** Adds a file whose content comes from any {@link ContentSource}. */
    public FileItem addFile(String relativePath, ContentSource source) throws DiscImageException {
        if (isOneName(relativePath)) {  // no Placement: the importer adds 100,000 files this way
            FileItem f = new FileItem(checkName(relativePath, relativePath), source, now());
            attach(f, relativePath);
            return f;
        }
        Placement p = place(relativePath);
        FileItem f = new FileItem(p.name, source, now());
        p.dir.attach(f, relativePath);
        return f;
    }

    /**
     * Adds a hard link: a new name for {@code target}'s file, sharing its {@link ContentSource}
     * instance (see {@link FileItem}), with the target's mode, owner and times. The image records
     * the data once; both names count in the link count.
     *
     * @throws DiscImageException {@code DUP_NAME} when the name exists, {@code NOT_DIR} when a parent
     *                            on the path is not a directory (as {@link #addFile})
     */
    public FileItem addHardLink(String relativePath, FileItem target) throws DiscImageException {
        java.util.Objects.requireNonNull(target, "target");
        Placement p = place(relativePath);
        FileItem f = new FileItem(p.name, target.source(), now());
        f.setMode(target.mode());
        f.setOwner(target.uid(), target.gid());
        f.setTimes(target.lastModified(), target.lastAccessed(), target.attributesChanged());
        p.dir.attach(f, relativePath);
        return f;
    }

    /** Adds a symbolic link with the given target. */
    public SymlinkItem addSymlink(String relativePath, String target) throws DiscImageException {
        Placement p = place(relativePath);
        SymlinkItem s = new SymlinkItem(p.name, target, now());
        p.dir.attach(s, relativePath);
        return s;
    }

    /** Adds a block or character device node (recorded by Rock Ridge only). */
    public DeviceItem addDevice(String relativePath, DeviceItem.Kind kind, long major, long minor)
            throws DiscImageException {
        Placement p = place(relativePath);
        DeviceItem d = new DeviceItem(p.name, kind, major, minor, now());
        p.dir.attach(d, relativePath);
        return d;
    }

    /**
     * Mirrors a host directory tree (IMAPI2 AddTree) with every file and directory.
     *
     * @param includeBaseDirectory whether {@code sourceDir} itself becomes a directory here, or
     *                             only its contents are added
     */
    public void addTree(Path sourceDir, boolean includeBaseDirectory) throws IOException {
        addTree(sourceDir, includeBaseDirectory, TrueFileFilter.INSTANCE, TrueFileFilter.INSTANCE);
    }

    /**
     * Mirrors a host directory tree, adding only the files and symbolic links {@code fileFilter}
     * accepts (all directories are walked).
     */
    public void addTree(Path sourceDir, boolean includeBaseDirectory, IOFileFilter fileFilter) throws IOException {
        addTree(sourceDir, includeBaseDirectory, fileFilter, TrueFileFilter.INSTANCE);
    }

    /**
     * Mirrors a host directory tree (IMAPI2 AddTree) with include/exclude filters; Commons IO's
     * file filters fit ({@code FileFilterUtils.suffixFileFilter(".txt")},
     * {@code new WildcardFileFilter(...)}, {@code notFileFilter(...)}). Symbolic links are recorded
     * as links, never followed; host names of one regular file (same device and inode) met in one
     * call become hard links sharing one source ({@link FileItem}). On a clash with an existing item
     * the source wins (a directory is merged). The walk completes before the tree is touched, so a
     * failure leaves it unchanged.
     *
     * @param fileFilter accepts the files and symbolic links to add
     * @param dirFilter  accepts the directories to descend into (rejected ones are left out whole)
     * @throws DiscImageException {@code DIRECTORY_READ_FAILURE} naming a directory that cannot be
     *                            listed, {@code DATA_STREAM_CREATE_FAILURE} naming an unreadable file
     */
    public void addTree(Path sourceDir, boolean includeBaseDirectory, IOFileFilter fileFilter,
                        IOFileFilter dirFilter) throws IOException {
        Directory staged = new Directory("", now(), clock);
        Directory base = staged;
        String baseName = sourceDir.getFileName() == null ? "" : sourceDir.getFileName().toString();
        if (includeBaseDirectory && !baseName.isEmpty()) {
            base = staged.subdirectory(baseName, baseName);
        }
        new TreeWalker(fileFilter, dirFilter).walk(sourceDir, base);
        mergeFrom(staged);
    }

    /** Moves every child of {@code other} into this directory; on a clash the incoming item wins. */
    void mergeFrom(Directory other) {
        if (other.children == null) {
            return;
        }
        for (Item incoming : other.children().toArray(new Item[0])) {
            Item existing = children == null ? null : children.get(incoming.name);
            if (existing instanceof Directory ed && incoming instanceof Directory id) {
                ed.copyAttributes(id);
                ed.mergeFrom(id);
            } else {
                childChanging(incoming.name, existing);
                if (existing != null) {
                    existing.parent = null;
                }
                incoming.parent = this;
                map().put(incoming.name, incoming);
            }
        }
        other.children = null;
    }

    /** Removes one item; a directory must be empty (IMAPI2 Remove). */
    public void remove(String relativePath) throws DiscImageException {
        Item item = require(relativePath);
        if (item instanceof Directory d && d.count() > 0) {
            throw new DiscImageException(ErrorCode.DIR_NOT_EMPTY,
                    "cannot remove " + item.path() + ": the directory holds " + d.count() + " items");
        }
        detach(item);
    }

    /** Removes an item and, for a directory, everything beneath it (IMAPI2 RemoveTree). */
    public void removeTree(String relativePath) throws DiscImageException {
        detach(require(relativePath));
    }

    /**
     * Brings the item at {@code relativePath} in line with the host directory {@code localDir}, like
     * {@code xorriso -update_r localDir path}: items new on the host are added, files whose size or
     * modification time differ (or, with {@link UpdateOptions#compareContent()}, whose size or
     * SHA-256 differ) get the host file as their new content — an imported file then no longer
     * refers to its old extent —, items gone on the host are removed, an item that changed type
     * (file, directory, symbolic link) is replaced, and every kept item takes the host's mode,
     * owner and times. If {@code relativePath} does not exist it is created from {@code localDir}
     * (as {@link #addTree} would); if {@code localDir} does not exist, the item is removed. Symbolic
     * links are compared and recorded as links, never followed; sockets and fifos count as absent.
     *
     * <p>The host tree is walked iteratively, one directory at a time; a failure part way leaves
     * the updates made so far in the tree (take a change point first to be able to roll them
     * back).
     *
     * @param relativePath the subtree to update, relative to this directory ("" for this directory)
     * @return the counts of what was done
     * @throws DiscImageException {@code NOT_DIR} if a parent on the path is not a directory or
     *                            {@code relativePath} is "" and {@code localDir} no directory,
     *                            {@code DIRECTORY_READ_FAILURE} naming a host directory that cannot
     *                            be listed, {@code DATA_STREAM_CREATE_FAILURE} or
     *                            {@code DATA_STREAM_READ_FAILURE} naming an unreadable file
     */
    public UpdateSummary updateTree(String relativePath, Path localDir, UpdateOptions options) throws IOException {
        return new TreeUpdate(options).run(this, relativePath, localDir);
    }

    private Item require(String relativePath) throws DiscImageException {
        if (split(relativePath).isEmpty()) {
            throw new IllegalArgumentException("cannot remove the directory itself: \"" + relativePath + "\"");
        }
        return item(relativePath).orElseThrow(() -> new DiscImageException(ErrorCode.ITEM_NOT_FOUND,
                "no item " + relativePath + " under " + path()));
    }

    static void detach(Item item) {
        item.parent.childChanging(item.name, item);
        item.parent.children.remove(item.name);
        item.parent = null;
    }

    /**
     * The clock's time in epoch seconds: from {@link Clock#millis()}, which the system clock answers
     * without making an {@link java.time.Instant} (one per item added, 100,000 in an import); a
     * clock whose instant is too far out for milliseconds falls back to its instant.
     */
    private long now() {
        try {
            return Math.floorDiv(clock.millis(), 1000L);
        } catch (ArithmeticException e) {
            return clock.instant().getEpochSecond();
        }
    }

    Clock clock() {
        return clock;
    }

    Map<String, Item> map() {
        if (children == null) {
            children = new HashMap<>(4);
        }
        return children;
    }

    Directory subdirectory(String name, String forPath) throws DiscImageException {
        Item existing = children == null ? null : children.get(name);
        if (existing == null) {
            Directory d = new Directory(name, now(), clock);
            childChanging(name, null);
            d.parent = this;
            map().put(name, d);
            return d;
        }
        if (existing instanceof Directory d) {
            return d;
        }
        throw new DiscImageException(ErrorCode.NOT_DIR, "cannot create " + forPath + " under " + path()
                + ": " + existing.path() + " is a " + existing.type().name().toLowerCase());
    }

    void attach(Item item, String forPath) throws DiscImageException {
        Map<String, Item> m = map();
        if (m.containsKey(item.name)) {
            throw new DiscImageException(ErrorCode.DUP_NAME,
                    "cannot add " + forPath + " under " + path() + ": the name exists already");
        }
        childChanging(item.name, null);
        item.parent = this;
        m.put(item.name, item);
    }

    /** Puts an item under this directory, replacing what is there (used by the tree walker). */
    void put(Item item) {
        childChanging(item.name, map().get(item.name));
        Item old = map().put(item.name, item);
        if (old != null) {
            old.parent = null;
        }
        item.parent = this;
    }

    private record Placement(Directory dir, String name) {
    }

    private Placement place(String relativePath) throws DiscImageException {
        if (isOneName(relativePath)) {
            return new Placement(this, checkName(relativePath, relativePath));
        }
        List<String> parts = split(relativePath);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        Directory dir = this;
        for (int i = 0; i < parts.size() - 1; i++) {
            dir = dir.subdirectory(parts.get(i), relativePath);
        }
        return new Placement(dir, parts.get(parts.size() - 1));
    }

    /**
     * Whether {@code path} is a single name (not empty, no '/'): what {@link #split} would return
     * as its only part, taken as is. The importer adds 100,000 entries this way; splitting each
     * into a list cost it a list, a scan and a copy per entry.
     */
    private static boolean isOneName(String path) {
        return !path.isEmpty() && path.indexOf('/') < 0;
    }

    /** Splits a relative path into validated names. */
    static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int n = path.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                if (i > start) {
                    parts.add(checkName(path.substring(start, i), path));
                }
                start = i + 1;
            }
        }
        return parts;
    }

    /** Checks that a name can be recorded: not empty, not "." or "..", no NUL. */
    static String checkName(String name, String path) {
        if (name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid name \"" + name.replace("\0", "\\0") + "\" in path " + path);
        }
        return name;
    }

    static Collection<Item> childrenOf(Directory d) {
        return d.children == null ? List.of() : d.children.values();
    }
}
