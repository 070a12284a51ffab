package org.discimage.tree;

/** What {@link Directory#updateTree} did with one path of the tree. */
public enum UpdateDecision {
    /** New on the host: the item (and, for a directory, everything beneath it) was added. */
    ADDED,
    /**
     * Changed on the host: a file got the host file as its new content (the old extent is no longer
     * referenced), a symbolic link a new target, or the item changed type (file, directory, link)
     * and was removed and added again.
     */
    REPLACED,
    /** Gone on the host: the item (and everything beneath it) was removed. */
    REMOVED,
    /** The content is kept; mode, owner or times were taken from the host. */
    ATTRIBUTES_UPDATED,
    /** Content and attributes match the host. */
    UNCHANGED
}
