package org.discimage.tree;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.io.filefilter.TrueFileFilter;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;

/**
 * Brings a subtree of the user tree in line with a host directory, the way {@code xorriso -update_r}
 * does: what is new on the host is added, what changed is replaced, what is gone is removed, and
 * the attributes of what is kept are taken from the host.
 *
 * <p>What xorriso compares (found by experiment with xorriso 1.5.4 {@code -compare_r}, and its
 * manual): type, st_mode, uid, gid, size, mtime, ctime and, without {@code -disk_dev_ino}, the
 * content itself; a file whose content is equal but whose times or mode differ keeps its data and
 * gets the new attributes ({@code -update_r} after a {@code touch} left the file's LBA as it was).
 * With {@code -disk_dev_ino on} it assumes changed content when mtime, ctime, device or inode
 * number differ, numbers it keeps in xattrs we do not write. We do: type, size and mtime (the quick
 * check), or size and SHA-256 ({@link UpdateOptions#compareContent()}); mode, uid, gid, mtime,
 * atime and ctime are then copied from the host onto every kept item. Symbolic link targets and
 * device numbers are compared as values.
 *
 * <p>The walk is iterative (a stack of directory pairs), so depth costs no stack; per file it
 * makes only the small detached node {@link TreeWalker#node} reads the host attributes into.
 */
final class TreeUpdate {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final TreeWalker walker = new TreeWalker(TrueFileFilter.INSTANCE, TrueFileFilter.INSTANCE);
    private final UpdateOptions options;
    private final boolean reporting;
    private final Deque<Pending> todo = new ArrayDeque<>();
    /** One buffer for all content comparisons. */
    private ByteBuffer buffer;
    private MessageDigest digest;
    private long added;
    private long replaced;
    private long removed;
    private long attributesUpdated;
    private long unchanged;

    private record Pending(Path host, Directory dir) {
    }

    TreeUpdate(UpdateOptions options) {
        this.options = options;
        this.reporting = options.listener() != UpdateListener.NONE;
    }

    UpdateSummary run(Directory base, String relativePath, Path localDir) throws IOException {
        List<String> parts = Directory.split(relativePath);
        BasicFileAttributes local = attributesOrNull(localDir);
        if (parts.isEmpty()) {
            if (local == null || !local.isDirectory()) {
                throw new DiscImageException(ErrorCode.NOT_DIR, "cannot update " + base.path() + " from "
                        + localDir + ": " + (local == null ? "it does not exist" : "it is not a directory"));
            }
            Item fresh = walker.node(localDir, base.name(), local, base.clock());
            keepAttributes(base, fresh);
            todo.push(new Pending(localDir, base));
        } else {
            Directory parent = base;
            for (String part : parts.subList(0, parts.size() - 1)) {
                Item next = parent.child(part).orElse(null);
                if (next == null && local == null) {
                    return summary(); // neither on the host nor in the tree
                }
                if (next != null && !(next instanceof Directory)) {
                    throw new DiscImageException(ErrorCode.NOT_DIR, "cannot update " + relativePath + " under "
                            + base.path() + ": " + next.path() + " is a " + next.type().name().toLowerCase());
                }
                if (next == null) {
                    next = parent.subdirectory(part, relativePath);
                    added++;
                    report(next, UpdateDecision.ADDED);
                }
                parent = (Directory) next;
            }
            reconcile(parent, parts.get(parts.size() - 1), localDir, local);
        }
        while (!todo.isEmpty()) {
            Pending p = todo.pop();
            reconcileChildren(p.host, p.dir);
        }
        return summary();
    }

    private UpdateSummary summary() {
        return new UpdateSummary(added, replaced, removed, attributesUpdated, unchanged);
    }

    /** Compares one directory's entries with the host's; subdirectories present on both are queued. */
    private void reconcileChildren(Path host, Directory dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(host)) {
            for (Path p : stream) {
                entries.add(p);
            }
        } catch (IOException | RuntimeException e) {
            throw new DiscImageException(ErrorCode.DIRECTORY_READ_FAILURE,
                    "cannot list source directory " + host + ": " + e, e);
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        Set<String> names = new HashSet<>(entries.size() * 2);
        for (Path p : entries) {
            String name = p.getFileName().toString();
            names.add(name);
            reconcile(dir, name, p, attributesOrNull(p));
        }
        for (Item gone : dir.children()) {
            if (!names.contains(gone.name())) {
                remove(gone);
            }
        }
    }

    /** One name: {@code local} null means absent on the host (or vanished while we looked). */
    private void reconcile(Directory dir, String name, Path host, BasicFileAttributes local) throws IOException {
        Item existing = dir.child(name).orElse(null);
        // the tree's name, which need not be the host's (--update docs=/backup/docs-2026)
        Item fresh = local == null ? null : walker.node(host, name, local, dir.clock());
        if (fresh == null) {
            if (existing != null) {
                remove(existing);
            }
            return;
        }
        if (existing == null) {
            addNew(dir, host, fresh);
            report(fresh, UpdateDecision.ADDED);
            return;
        }
        if (existing.type() != fresh.type()) {
            removed += count(existing);
            addNew(dir, host, fresh);
            report(fresh, UpdateDecision.REPLACED);
            return;
        }
        if (existing instanceof Directory d) {
            keepAttributes(d, fresh);
            todo.push(new Pending(host, d));
        } else if (existing instanceof FileItem f) {
            reconcileFile(f, (FileItem) fresh, host);
        } else if (existing instanceof SymlinkItem s) {
            if (s.target().equals(((SymlinkItem) fresh).target())) {
                keepAttributes(s, fresh);
            } else {
                replaceNode(dir, fresh);
            }
        } else {
            DeviceItem d = (DeviceItem) existing;
            DeviceItem n = (DeviceItem) fresh;
            if (d.kind() == n.kind() && d.major() == n.major() && d.minor() == n.minor()) {
                keepAttributes(d, fresh);
            } else {
                replaceNode(dir, fresh);
            }
        }
    }

    private void reconcileFile(FileItem existing, FileItem fresh, Path host) throws IOException {
        boolean changed = existing.size() != fresh.size()
                || (options.compareContent() ? !sameContent(existing.source(), host)
                : existing.lastModifiedEpochSecond() != fresh.lastModifiedEpochSecond());
        if (changed) {
            existing.setSource(fresh.source());
            copyHostAttributes(existing, fresh);
            replaced++;
            report(existing, UpdateDecision.REPLACED);
        } else {
            keepAttributes(existing, fresh);
        }
    }

    /** A symbolic link or device whose target changed: the new node takes the old one's place. */
    private void replaceNode(Directory dir, Item fresh) {
        dir.put(fresh);
        replaced++;
        report(fresh, UpdateDecision.REPLACED);
    }

    /** Adds a node new to the tree; a directory is filled from the host first, as addTree would. */
    private void addNew(Directory dir, Path host, Item fresh) throws IOException {
        if (fresh instanceof Directory d) {
            walker.walk(host, d);
        }
        dir.put(fresh);
        added += count(fresh);
    }

    private void remove(Item gone) {
        String path = reporting ? gone.path() : null;
        removed += count(gone);
        Directory.detach(gone);
        if (reporting) {
            options.listener().decided(path, UpdateDecision.REMOVED);
        }
    }

    /** Takes the host's attributes onto a kept item. */
    private void keepAttributes(Item existing, Item fresh) {
        if (sameAttributes(existing, fresh)) {
            unchanged++;
            report(existing, UpdateDecision.UNCHANGED);
        } else {
            copyHostAttributes(existing, fresh);
            attributesUpdated++;
            report(existing, UpdateDecision.ATTRIBUTES_UPDATED);
        }
    }

    /** Mode, owner and times from the host; the hidden flag (no host attribute) stays. */
    private static void copyHostAttributes(Item existing, Item fresh) {
        boolean hidden = existing.isHidden();
        existing.copyAttributes(fresh);
        existing.setHidden(hidden);
    }

    /** The attributes the host has (the hidden flag is not a host attribute and is kept). */
    private static boolean sameAttributes(Item a, Item b) {
        return a.mode() == b.mode() && a.uid() == b.uid() && a.gid() == b.gid()
                && a.lastModifiedEpochSecond() == b.lastModifiedEpochSecond()
                && a.lastAccessedEpochSecond() == b.lastAccessedEpochSecond()
                && a.attributesChangedEpochSecond() == b.attributesChangedEpochSecond();
    }

    /** Items in a subtree, itself included; iterative. */
    private static long count(Item item) {
        long n = 0;
        Deque<Item> stack = new ArrayDeque<>();
        stack.push(item);
        while (!stack.isEmpty()) {
            Item i = stack.pop();
            n++;
            if (i instanceof Directory d) {
                for (Item c : Directory.childrenOf(d)) {
                    stack.push(c);
                }
            }
        }
        return n;
    }

    private void report(Item item, UpdateDecision decision) {
        if (reporting) {
            options.listener().decided(item.path(), decision);
        }
    }

    private static BasicFileAttributes attributesOrNull(Path p) throws DiscImageException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE, "cannot read " + p + ": " + e, e);
        }
    }

    /**
     * Whether the tree file's content (for an imported file: its extents on the medium) has the
     * SHA-256 of the host file. Both are streamed through one buffer; neither is held whole.
     */
    private boolean sameContent(ContentSource tree, Path host) throws IOException {
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(1 << 16);
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
        byte[] a;
        try (ReadableByteChannel ch = tree.openChannel()) {
            a = sha256(ch, tree.description());
        }
        try (FileChannel ch = FileChannel.open(host)) {
            return Arrays.equals(a, sha256(ch, host.toString()));
        } catch (NoSuchFileException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE, "cannot read " + host + ": " + e, e);
        }
    }

    private byte[] sha256(ReadableByteChannel ch, String what) throws DiscImageException {
        digest.reset();
        try {
            buffer.clear();
            while (ch.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        } catch (DiscImageException e) {
            throw e;
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_READ_FAILURE, "cannot read " + what + ": " + e, e);
        }
        return digest.digest();
    }
}
