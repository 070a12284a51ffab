package org.discimage.layout;

import org.discimage.tree.Item;

/**
 * The plan of one item of the user tree: its identifiers in each namespace, its data address and
 * its inode. Kept small: a million of these must fit comfortably.
 */
final class PlanNode {
    final Item item;
    /** The plan of the directory, when {@link #item} is one. */
    PlanDir dir;
    /** ISO 9660 identifier as recorded (files with ";1"). */
    byte[] isoId;
    /** Joliet identifier as recorded (UCS-2 BE). */
    byte[] jolietId;
    /** First LBA of the file data (files), or of the shared empty block (empty files, symlinks). */
    long dataLba;
    /** Rock Ridge PX serial number (file serial / inode); hard links share one. */
    long inode;
    /** Rock Ridge PX link count of a file with several names (hard links); 0 means 1. */
    int links;
    /**
     * For the second and further names of a hard-linked file: its first name in tree order, whose
     * data extent this name's directory records point at (ECMA-119 lets several records share one
     * extent); null otherwise.
     */
    PlanNode linkTarget;
    /**
     * Offsets of this record's Rock Ridge continuation areas inside the continuation region, or
     * null when its System Use fits in the record. For a relocated directory this is for its
     * record in RR_MOVED; {@link #stubContinuation} is for the CL stub left in the original parent.
     */
    long[] continuation;
    long[] stubContinuation;
    /**
     * The System Use length of its Rock Ridge record when plain ({@link RockRidgeEntries#plainChildLength}
     * of kind NORMAL), -1 when not, 0 until asked (computed once, when the planner names the node, for
     * planning and emission; fills the object's padding). Only a NORMAL record may use it.
     */
    int plainSystemUse;

    PlanNode(Item item, long inode) {
        this.item = item;
        this.inode = inode;
    }
}
