package org.discimage.tree;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import org.apache.commons.io.filefilter.IOFileFilter;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;

/**
 * Walks a host directory into a (staged) directory of the tree: iterative, so a deep host tree
 * cannot overflow the stack; symbolic links are recorded, never followed. Host names of one regular
 * file (same {@link BasicFileAttributes#fileKey() file key}, i.e. device and inode, link count above
 * 1) met in one walk get one {@link ContentSource} instance: hard links of one file in the tree
 * ({@link FileItem}). Only such files are remembered, so the map stays small.
 */
final class TreeWalker {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final String UNIX_ATTRS =
            "unix:mode,uid,gid,lastModifiedTime,lastAccessTime,creationTime,ctime,size,nlink,fileKey";

    private final IOFileFilter fileFilter;
    private final IOFileFilter dirFilter;
    /** Whether the unix attribute view works here (read by the listing threads too). */
    private volatile boolean unixView = true;
    /** The source of each multiply linked host file met so far, by file key (dev + inode). */
    private final Map<Object, ContentSource> linked = new HashMap<>();

    TreeWalker(IOFileFilter fileFilter, IOFileFilter dirFilter) {
        this.fileFilter = fileFilter;
        this.dirFilter = dirFilter;
    }

    /** A host directory still to walk, and its listing once started ahead. */
    private static final class Pending {
        final Path host;
        final Directory dir;
        ForkJoinTask<Listing> listing;

        Pending(Path host, Directory dir) {
            this.host = host;
            this.dir = dir;
        }
    }

    void walk(Path root, Directory into) throws IOException {
        BasicFileAttributes rootAttrs = read(root);
        if (!rootAttrs.isDirectory()) {
            throw new DiscImageException(ErrorCode.NOT_DIR, root + " is not a directory");
        }
        applyAttributes(into, root, rootAttrs);
        Deque<Pending> todo = new ArrayDeque<>();
        todo.push(new Pending(root, into));
        try {
            while (!todo.isEmpty()) {
                Pending p = todo.pop();
                Listing listing = p.listing != null ? p.listing.join() : list(p.host, 0);
                try {
                    if (listing.openFailure != null) {
                        throw listing.openFailure;
                    }
                    for (int i = 0; i < listing.children.size(); i++) {
                        Object a = listing.attributes.get(i);
                        if (a instanceof DiscImageException e) {
                            throw e; // as read(child) would have thrown it here
                        }
                        visit(listing.children.get(i), (BasicFileAttributes) a, p.host, p.dir, todo);
                    }
                    if (listing.failure != null) {
                        throw listing.failure;
                    }
                    if (listing.rest != null) {
                        while (listing.rest.hasNext()) {
                            Path child = listing.rest.next();
                            visit(child, read(child), p.host, p.dir, todo);
                        }
                    }
                    listing.close();
                } catch (DiscImageException e) {
                    listing.closeQuietly();
                    throw e;
                } catch (IOException | RuntimeException e) {
                    listing.closeQuietly();
                    throw listFailure(p.host, e);
                }
                listAhead(todo);
            }
        } finally {
            for (Pending p : todo) { // after a failure: the listings started ahead hold open streams
                if (p.listing != null) {
                    p.listing.join().closeQuietly();
                }
            }
        }
    }

    /** Directories listed ahead of the walk at most; each listing holds at most {@link #AHEAD_ENTRIES}. */
    private static final int AHEAD_DIRECTORIES = 16;
    private static final int AHEAD_ENTRIES = 4096;

    /**
     * Starts listing (and lstat-ing) the directories the walk pops next on the common pool: the
     * lstat per entry is most of a walk's time (a path lookup in the kernel, 3 µs each here) and
     * overlaps with the tree building, and with other listings. The walk takes each listing in its
     * own order, so the tree, the hard-link grouping and the first failure are those of a walk
     * without it.
     */
    private void listAhead(Deque<Pending> todo) {
        if (ForkJoinPool.getCommonPoolParallelism() < 1) {
            return;
        }
        int n = 0;
        for (Pending p : todo) { // from the top: the next to be popped first
            if (n++ == AHEAD_DIRECTORIES) {
                break;
            }
            if (p.listing == null) {
                Path host = p.host;
                p.listing = ForkJoinTask.adapt(() -> list(host, AHEAD_ENTRIES));
                ForkJoinPool.commonPool().execute(p.listing);
            }
        }
    }

    private static DiscImageException listFailure(Path dir, Exception e) {
        return new DiscImageException(ErrorCode.DIRECTORY_READ_FAILURE, "cannot list source directory " + dir + ": " + e, e);
    }

    /**
     * A directory's entries with their attributes (or the failure reading them), in the directory
     * stream's order; after {@code limit} entries (0: none) the rest is left to {@link Listing#rest}.
     */
    private Listing list(Path dir, int limit) {
        Listing l = new Listing();
        try {
            l.stream = Files.newDirectoryStream(dir);
        } catch (IOException | RuntimeException e) {
            l.openFailure = listFailure(dir, e);
            return l;
        }
        try {
            Iterator<Path> it = l.stream.iterator();
            while (it.hasNext()) {
                if (l.children.size() == limit) {
                    l.rest = it;
                    return l;
                }
                Path child = it.next();
                l.children.add(child);
                Object a;
                try {
                    a = read(child);
                } catch (DiscImageException e) {
                    a = e;
                }
                l.attributes.add(a);
            }
        } catch (RuntimeException e) { // DirectoryIteratorException (an IOException inside) is one
            l.failure = listFailure(dir, e);
        }
        return l;
    }

    /** One directory's entries read (ahead), and the open stream when more are left. */
    private static final class Listing {
        final List<Path> children = new ArrayList<>();
        /** Per child: its {@link BasicFileAttributes} or the DiscImageException reading them gave. */
        final List<Object> attributes = new ArrayList<>();
        DirectoryStream<Path> stream;
        Iterator<Path> rest;
        DiscImageException openFailure;
        DiscImageException failure;

        void close() throws IOException {
            if (stream != null) {
                DirectoryStream<Path> s = stream;
                stream = null;
                s.close();
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException e) {
                // the walk already failed with something more telling
            }
        }
    }

    private void visit(Path child, BasicFileAttributes attributes, Path hostDir, Directory parent, Deque<Pending> todo)
            throws IOException {
        Item node = node(child, hostDir, child.getFileName().toString(), attributes, parent.clock());
        if (node != null) {
            parent.put(node);
            if (node instanceof Directory d) {
                todo.push(new Pending(child, d));
            }
        }
    }

    /**
     * The detached node named {@code name} that {@code addTree} records for one host path, with its
     * attributes but without children; {@code null} when the filters reject it or it is not
     * recorded (sockets and fifos have no content to read).
     */
    Item node(Path child, String name, BasicFileAttributes a, Clock clock) throws IOException {
        return node(child, null, name, a, clock);
    }

    /**
     * As {@link #node(Path, String, BasicFileAttributes, Clock)}; a file's source is {@code name} in
     * {@code hostDir} (its parent, shared by the walk) when that is given, else {@code child}.
     */
    private Item node(Path child, Path hostDir, String name, BasicFileAttributes a, Clock clock) throws IOException {
        Item node = null;
        if (a.isDirectory()) {
            if (!dirFilter.accept(child, a).equals(java.nio.file.FileVisitResult.CONTINUE)) {
                return null;
            }
            node = new Directory(name, 0, clock);
        } else if (a.isSymbolicLink()) {
            if (!accepts(child, a)) {
                return null;
            }
            node = new SymlinkItem(name, Files.readSymbolicLink(child).toString(), 0);
        } else if (a.isRegularFile()) {
            if (!accepts(child, a)) {
                return null;
            }
            // access(2) is a path lookup per file (a tenth of the walk of 100,000 files): skipped when
            // the mode lets everyone read; an ACL that still denies it fails at the write, when the
            // file is opened, with the same error code
            if ((!(a instanceof UnixAttributes u) || (u.mode & 0004) == 0) && !Files.isReadable(child)) {
                throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE,
                        "source file " + child + " is not readable");
            }
            // the size of the attributes just read: no second stat(2)
            node = new FileItem(name, hostDir != null ? ContentSource.of(hostDir, name, a) : ContentSource.of(child, a), 0);
        } else if (a.isOther() && unixView) {
            node = device(child, name, a);
        }
        if (node != null) {
            int links = applyAttributes(node, child, a);
            if (node instanceof FileItem f && links > 1 && a.fileKey() != null) {
                ContentSource first = linked.putIfAbsent(a.fileKey(), f.source());
                if (first != null) {
                    f.restoreSource(first); // detached node: no journal entry
                }
            }
        }
        return node;
    }

    /** A block or character device: type from st_mode, numbers from st_rdev (Linux dev_t encoding). */
    private DeviceItem device(Path p, String name, BasicFileAttributes a) {
        Map<String, Object> m;
        try {
            m = Files.readAttributes(p, "unix:mode,rdev", NOFOLLOW);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        int type = ((Integer) m.get("mode")) & 0170000;
        DeviceItem.Kind kind = type == 0060000 ? DeviceItem.Kind.BLOCK : type == 0020000 ? DeviceItem.Kind.CHARACTER : null;
        if (kind == null || !fileFilter.accept(p, a).equals(java.nio.file.FileVisitResult.CONTINUE)) {
            return null;
        }
        long rdev = (Long) m.get("rdev");
        long major = ((rdev >>> 8) & 0xFFFL) | ((rdev >>> 32) & ~0xFFFL);
        long minor = (rdev & 0xFFL) | ((rdev >>> 12) & ~0xFFL);
        return new DeviceItem(name, kind, major & 0xFFFF_FFFFL, minor & 0xFFFF_FFFFL, 0);
    }

    private boolean accepts(Path p, BasicFileAttributes a) {
        return fileFilter.accept(p, a).equals(java.nio.file.FileVisitResult.CONTINUE);
    }

    /**
     * The attributes of one host entry with one lstat(2) (statx): the unix view holds everything the
     * walk needs (type, size, times, mode, owner, link count, file key), where reading the basic
     * attributes, then the unix ones, then the size for the source took three path lookups per entry.
     * Falls back to {@link #readBasic} where the platform has no unix view.
     */
    BasicFileAttributes read(Path p) throws DiscImageException {
        if (unixView) {
            try {
                return new UnixAttributes(Files.readAttributes(p, UNIX_ATTRS, NOFOLLOW));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                unixView = false;
            } catch (AccessDeniedException e) {
                throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE, "cannot read " + p + ": access denied", e);
            } catch (IOException e) {
                throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE, "cannot read " + p + ": " + e, e);
            }
        }
        return readBasic(p);
    }

    /**
     * One entry's attributes from the unix view's map (one lstat): the basic attributes the filters
     * see, and the mode, owner, change time and link count the walk records. The file type comes
     * from st_mode (S_IFMT), as the JDK's own basic attributes do.
     */
    private static final class UnixAttributes implements BasicFileAttributes {
        private static final int S_IFMT = 0170000;
        private static final int S_IFDIR = 0040000;
        private static final int S_IFREG = 0100000;
        private static final int S_IFLNK = 0120000;
        final int mode;
        final int uid;
        final int gid;
        final int links;
        final long size;
        final FileTime modified;
        final FileTime accessed;
        final FileTime created;
        final FileTime changed;
        final Object fileKey;

        UnixAttributes(Map<String, Object> m) {
            mode = (Integer) m.get("mode");
            uid = (Integer) m.get("uid");
            gid = (Integer) m.get("gid");
            links = (Integer) m.get("nlink");
            size = (Long) m.get("size");
            modified = (FileTime) m.get("lastModifiedTime");
            accessed = (FileTime) m.get("lastAccessTime");
            created = (FileTime) m.get("creationTime");
            changed = (FileTime) m.get("ctime");
            fileKey = m.get("fileKey");
        }

        @Override
        public FileTime lastModifiedTime() {
            return modified;
        }

        @Override
        public FileTime lastAccessTime() {
            return accessed;
        }

        @Override
        public FileTime creationTime() {
            return created;
        }

        @Override
        public boolean isRegularFile() {
            return (mode & S_IFMT) == S_IFREG;
        }

        @Override
        public boolean isDirectory() {
            return (mode & S_IFMT) == S_IFDIR;
        }

        @Override
        public boolean isSymbolicLink() {
            return (mode & S_IFMT) == S_IFLNK;
        }

        @Override
        public boolean isOther() {
            int type = mode & S_IFMT;
            return type != S_IFREG && type != S_IFDIR && type != S_IFLNK;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public Object fileKey() {
            return fileKey;
        }
    }

    static BasicFileAttributes readBasic(Path p) throws DiscImageException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        } catch (AccessDeniedException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE, "cannot read " + p + ": access denied", e);
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE, "cannot read " + p + ": " + e, e);
        }
    }

    /**
     * Copies mode, owner and times. The host's access time is not recorded: building the image
     * reads every source and so moves it (relatime updates it on the first read after a write),
     * and two builds of the same tree with the same clock would differ. The access time slots
     * (RRIP TF access, ECMA-167 4/14.9.12) get the modification time instead.
     *
     * @return the host's link count (st_nlink), or 1 where the unix view is missing
     */
    private int applyAttributes(Item item, Path p, BasicFileAttributes attrs) throws DiscImageException {
        if (attrs instanceof UnixAttributes u) {
            item.setMode(u.mode & 07777);
            item.setOwner(u.uid, u.gid);
            Instant modified = u.modified.toInstant();
            item.setTimes(modified, modified, u.changed.toInstant());
            return u.links;
        }
        try {
            if (unixView) {
                try {
                    Map<String, Object> m = Files.readAttributes(p, UNIX_ATTRS, NOFOLLOW);
                    item.setMode(((Integer) m.get("mode")) & 07777);
                    item.setOwner((Integer) m.get("uid"), (Integer) m.get("gid"));
                    Instant modified = time(m.get("lastModifiedTime"));
                    item.setTimes(modified, modified, time(m.get("ctime")));
                    return (Integer) m.get("nlink");
                } catch (UnsupportedOperationException e) {
                    unixView = false;
                }
            }
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
            Instant m = a.lastModifiedTime().toInstant();
            item.setTimes(m, m, m);
            return 1;
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE,
                    "cannot read the attributes of " + p + ": " + e, e);
        }
    }

    private static Instant time(Object o) {
        return ((FileTime) o).toInstant();
    }
}
