package org.discimage.layout;

import org.discimage.tree.Directory;

/** The plan of one directory: its children in each namespace's order and its extents. */
final class PlanDir {
    /** The user directory; null for the synthetic RR_MOVED directory. */
    final Directory dir;
    /** This directory's own node (its record in the parent); for the root, a node of its own. */
    final PlanNode node;
    /** Parent in the user tree (null for the root). */
    final PlanDir parent;
    /** Depth in the user tree, root = 1. */
    final int depth;
    /** All children in user-tree order (by name). */
    PlanNode[] children = new PlanNode[0];

    // ISO 9660 namespace
    /** Parent in the ISO 9660 tree: RR_MOVED for a relocated directory. */
    PlanDir isoParent;
    int isoLevel;
    /** Records of the ISO directory in ECMA-119 9.3 order (relocated children appear as CL stubs). */
    PlanNode[] isoOrder;
    /** Path table directory number (1 = root). */
    int isoNumber;
    long isoLba;
    long isoSectors;
    /**
     * Blocks of Rock Ridge continuation areas right after the directory's extent: libarchive reads
     * the image front to back and resolves a CE only when it lies just behind its directory, as
     * xorriso and genisoimage place them (seen with bsdtar 3.6).
     */
    long continuationSectors;
    /** Slots of this directory whose records continue in those blocks, in allocation order. */
    int[] continuationSlots;
    boolean relocated;
    /** The identifier of a relocated directory's record inside RR_MOVED. */
    byte[] movedIsoId;
    /** Continuation offsets of the "." record (the root's carries SP, CE → ER). */
    long[] dotContinuation;

    // Joliet namespace
    PlanNode[] jolietOrder;
    int jolietNumber;
    long jolietLba;
    long jolietSectors;

    /** Number of subdirectories in the user tree (for PX links = 2 + that). */
    int subdirectories;

    PlanDir(Directory dir, PlanNode node, PlanDir parent) {
        this.dir = dir;
        this.node = node;
        this.parent = parent;
        this.depth = parent == null ? 1 : parent.depth + 1;
    }
}
