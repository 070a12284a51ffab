package org.discimage.tree;

/** What a path names in the tree (IMAPI2 FsiItemType, plus symbolic links). */
public enum ItemType {
    /** Nothing at that path. */
    NOT_FOUND,
    /** A directory. */
    DIRECTORY,
    /** A regular file. */
    FILE,
    /** A symbolic link (recorded with Rock Ridge SL). */
    SYMLINK,
    /** A block or character device (recorded with Rock Ridge PX and PN). */
    DEVICE
}
