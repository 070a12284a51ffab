package org.discimage.importer;

import java.time.Instant;

/**
 * What the Rock Ridge entries of one directory record say (RRIP 1.12 4.1), gathered across its
 * continuation areas. Absent entries leave their defaults.
 */
final class RockRidgeAttributes {
    /** POSIX file type bits of st_mode (RRIP 4.1.1). */
    static final int S_IFMT = 0170000;
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;
    static final int S_IFBLK = 0060000;
    static final int S_IFCHR = 0020000;

    /** NM: the POSIX name, or null. */
    String name;
    /** PX: st_mode, or {@link ImportedEntry#NO_MODE}. */
    int mode = ImportedEntry.NO_MODE;
    long uid;
    long gid;
    /** TF: modification time, or null. */
    Instant modified;
    /** TF: access and attribute change times, or null. */
    Instant accessed;
    Instant attributesChanged;
    /** PX: st_nlink (1 when absent) and the file serial number (-1 when absent). */
    long links = 1;
    long serial = -1;
    /** PN: the device number as major &lt;&lt; 32 | minor, or -1. */
    long device = -1;
    /** ZF: the data is zisofs-compressed. */
    boolean zisofs;
    /** SL: the link target, or null. */
    String symlinkTarget;
    /** CL: the relocated directory's extent, or -1. */
    long childLink = -1;
    /** PL: the original parent's extent, or -1. */
    long parentLink = -1;
    /** RE: this is a relocated directory, hidden from Rock Ridge readers at this place. */
    boolean relocated;
    /** SP: LEN_SKP when the area holds an SP entry (the root's "." record), else -1. */
    int sharingProtocolSkip = -1;
    /** Whether an ER entry names Rock Ridge (RRIP_1991A, IEEE_P1282, IEEE_1282). */
    boolean rockRidgeExtension;
    /** Whether any RRIP entry (PX, NM, SL, TF, RR, CL, PL, RE) was seen. */
    boolean rockRidgeEntries;

    /** Back to the state of a new object (absent entries' defaults); returns this. */
    RockRidgeAttributes clear() {
        name = null;
        mode = ImportedEntry.NO_MODE;
        uid = 0;
        gid = 0;
        modified = null;
        accessed = null;
        attributesChanged = null;
        links = 1;
        serial = -1;
        device = -1;
        zisofs = false;
        symlinkTarget = null;
        childLink = -1;
        parentLink = -1;
        relocated = false;
        sharingProtocolSkip = -1;
        rockRidgeExtension = false;
        rockRidgeEntries = false;
        return this;
    }

    boolean isDevice() {
        int t = mode & S_IFMT;
        return mode != ImportedEntry.NO_MODE && (t == S_IFBLK || t == S_IFCHR);
    }

    boolean isSymlink() {
        return symlinkTarget != null || (mode != ImportedEntry.NO_MODE && (mode & S_IFMT) == S_IFLNK);
    }
}
