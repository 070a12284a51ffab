package org.discimage.tree;

import java.time.Instant;
import java.util.Objects;

/**
 * A node of the one user tree: a {@link Directory}, a {@link FileItem} or a {@link SymlinkItem}.
 * The tree holds the names and attributes the user gave; the names each file system records
 * (ISO 9660 levels, Joliet, Rock Ridge) are derived from it when the image is planned.
 *
 * <p>Nodes are deliberately small (a million of them must fit comfortably): times are kept as
 * epoch seconds, the POSIX mode as an int. Not thread-safe.
 */
public abstract sealed class Item permits Directory, FileItem, SymlinkItem, DeviceItem {
    /** The default mode bits when none is given: rw-r--r-- for files, rwxr-xr-x for directories. */
    static final int DEFAULT_FILE_MODE = 0644;
    static final int DEFAULT_DIR_MODE = 0755;

    String name;
    Directory parent;
    private int mode;
    private int uid;
    private int gid;
    private long mtime;
    private long atime;
    private long ctime;
    private boolean hidden;

    Item(String name, int mode, long time) {
        this.name = name;
        this.mode = mode;
        this.mtime = time;
        this.atime = time;
        this.ctime = time;
    }

    /** The name of this item in its directory (the root's name is empty). */
    public String name() {
        return name;
    }

    /** The directory holding this item, or {@code null} for the root or a detached item. */
    public Directory parent() {
        return parent;
    }

    /** The absolute path in the image, e.g. {@code /docs/a.txt}; the root is {@code /}. */
    public String path() {
        if (parent == null) {
            return name.isEmpty() ? "/" : name;
        }
        StringBuilder sb = new StringBuilder();
        appendPath(sb);
        return sb.toString();
    }

    final void appendPath(StringBuilder sb) {
        if (parent != null) {
            parent.appendPath(sb);
            sb.append('/').append(name);
        }
    }

    /** The type of this item. */
    public abstract ItemType type();

    /** POSIX permission bits (07777), recorded by Rock Ridge PX. */
    public int mode() {
        return mode;
    }

    /** Sets the POSIX permission bits (07777). */
    public void setMode(int mode) {
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("mode has bits outside 07777: " + Integer.toOctalString(mode));
        }
        changing();
        this.mode = mode;
    }

    /** The owner's numeric user id (Rock Ridge PX). */
    public int uid() {
        return uid;
    }

    /** The owner's numeric group id (Rock Ridge PX). */
    public int gid() {
        return gid;
    }

    /** Sets the numeric owner and group ids. */
    public void setOwner(int uid, int gid) {
        changing();
        this.uid = uid;
        this.gid = gid;
    }

    /** Last modification time. */
    public Instant lastModified() {
        return Instant.ofEpochSecond(mtime);
    }

    /** Last access time. */
    public Instant lastAccessed() {
        return Instant.ofEpochSecond(atime);
    }

    /** Last attribute change time (POSIX ctime). */
    public Instant attributesChanged() {
        return Instant.ofEpochSecond(ctime);
    }

    /** Sets the modification, access and attribute-change times (second precision). */
    public void setTimes(Instant modified, Instant accessed, Instant attributesChanged) {
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(accessed, "accessed");
        Objects.requireNonNull(attributesChanged, "attributesChanged");
        changing();
        this.mtime = modified.getEpochSecond();
        this.atime = accessed.getEpochSecond();
        this.ctime = attributesChanged.getEpochSecond();
    }

    /** Sets all three times to {@code time}. */
    public void setTimes(Instant time) {
        setTimes(time, time, time);
    }

    /** Modification time in epoch seconds (for the planner, without allocation). */
    public long lastModifiedEpochSecond() {
        return mtime;
    }

    /** Access time in epoch seconds. */
    public long lastAccessedEpochSecond() {
        return atime;
    }

    /** Attribute change time in epoch seconds. */
    public long attributesChangedEpochSecond() {
        return ctime;
    }

    /** Whether the item is recorded as hidden (ISO 9660 existence bit; IMAPI2 IsHidden). */
    public boolean isHidden() {
        return hidden;
    }

    /** Marks the item hidden or visible. */
    public void setHidden(boolean hidden) {
        changing();
        this.hidden = hidden;
    }

    /** Copies mode, owner, times and the hidden flag from another item. */
    void copyAttributes(Item other) {
        changing();
        this.mode = other.mode;
        this.uid = other.uid;
        this.gid = other.gid;
        this.mtime = other.mtime;
        this.atime = other.atime;
        this.ctime = other.ctime;
        this.hidden = other.hidden;
    }

    /** Puts attributes back (a rollback; not itself an edit). */
    void restore(int mode, int uid, int gid, long mtime, long atime, long ctime, boolean hidden) {
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
        this.mtime = mtime;
        this.atime = atime;
        this.ctime = ctime;
        this.hidden = hidden;
    }

    /**
     * The change-point journal of the tree this item is attached to, or null when its topmost
     * ancestor is no root made by {@link Directory#newRoot} (a staged or detached subtree).
     * Walks up the parents: depth, not tree size, is the cost of every edit.
     */
    final TreeJournal journal() {
        Item cur = this;
        while (cur.parent != null) {
            cur = cur.parent;
        }
        return cur instanceof Directory d ? d.rootJournal() : null;
    }

    /** Counts (and journals, when a change point is held) an attribute edit about to happen. */
    private void changing() {
        TreeJournal j = journal();
        if (j != null) {
            j.attributesChanging(this);
        }
    }

    @Override
    public String toString() {
        return type() + " " + path();
    }
}
