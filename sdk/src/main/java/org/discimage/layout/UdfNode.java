package org.discimage.layout;

import org.discimage.tree.Item;

/**
 * The UDF plan of one item of the user tree: its unique ID, its File Entry's block and where its
 * data (FIDs of a directory, bytes of a file) lies. Addresses are logical blocks of the partition.
 */
final class UdfNode {
    final Item item;
    final UdfNode parent;
    /**
     * Bytes of the file identifier in the parent's FID (the name in OSTA compressed Unicode, UDF
     * 2.60 2.1.1); 0 for the root. The bytes themselves are encoded from the name when the FIDs are.
     */
    final int identifierLength;
    /** Whether the item is a directory (asked for every node as the FID blocks are emitted). */
    final boolean directory;
    /** ECMA-167 4/14.9.19, UDF 2.60 3.2.1.1: 0 for the root, 16 and up for the others in tree order. */
    final long uniqueId;
    private static final UdfNode[] NONE = new UdfNode[0];
    /** Children in user-tree order (directories only; one shared empty array for the others). */
    UdfNode[] children = NONE;
    /** Number of subdirectories (directories only). */
    int subdirectories;
    /** The logical block of the File Entry. */
    long icb;
    /** First logical block of the data: a directory's FIDs or a file's bytes. */
    long dataBlock;
    /** Bytes of the data: the FIDs of a directory, the size of a file, the path components of a link. */
    long dataLength;
    /** The first of the item's consecutive Allocation Extent Descriptor blocks (ECMA-167 4/14.5), if any. */
    long aedBlock;
    /** Bytes per data extent (whole blocks): {@link UdfAllocation#MAX_EXTENT} but in tests. */
    long maxExtent = UdfAllocation.MAX_EXTENT;
    /** The number of AED blocks: 0 when every allocation descriptor fits in the File Entry. */
    int aeds;
    /**
     * Whether the data (a small file's bytes, a small directory's FIDs) is recorded in the File Entry's
     * allocation descriptor area (ECMA-167 4/14.6.8 AD type 3) instead of in blocks of its own.
     */
    boolean embedded;
    /** A symbolic link's path components (ECMA-167 4/14.16), embedded in its File Entry. */
    byte[] linkData;
    /** Whether {@link #linkData} does not fit in the entry and lies in blocks of its own. */
    boolean linkInBlocks;
    /**
     * For the second and further names of a hard-linked file: its first name, whose File Entry this
     * name's FID points at; such a name has no entry or data of its own. Null otherwise.
     */
    UdfNode linkTarget;
    /** A file's names (FIDs naming its File Entry, ECMA-167 4/14.9.6); 0 means 1. */
    int links;

    UdfNode(Item item, UdfNode parent, int identifierLength, long uniqueId) {
        this.item = item;
        this.parent = parent;
        this.identifierLength = identifierLength;
        this.uniqueId = uniqueId;
        this.directory = item instanceof org.discimage.tree.Directory;
    }

    boolean isDirectory() {
        return directory;
    }
}
