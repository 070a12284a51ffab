package org.discimage.importer;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * A decoded directory record (ECMA-119 9.1) with where it was found, reduced to what the tree walk
 * uses. Built from {@code org.discimage.iso9660.DirectoryRecord}; it parses nothing itself.
 *
 * @param lba        the sector holding the record
 * @param offset     its byte offset in that sector
 * @param extent     extent location (9.1.3)
 * @param dataLength data length (9.1.4)
 * @param flags      file flags (9.1.6)
 * @param identifier file identifier bytes (9.1.11)
 * @param recorded   recording date and time (9.1.5)
 * @param systemUse  the system use area (9.1.13), read-only
 */
record RecordRef(long lba, int offset, long extent, long dataLength, int flags, byte[] identifier, Instant recorded,
                 ByteBuffer systemUse) {
    static final int FLAG_HIDDEN = 0x01;
    static final int FLAG_DIRECTORY = 0x02;
    static final int FLAG_ASSOCIATED = 0x04;
    static final int FLAG_MULTI_EXTENT = 0x80;

    boolean isDirectory() {
        return (flags & FLAG_DIRECTORY) != 0;
    }

    boolean continues() {
        return (flags & FLAG_MULTI_EXTENT) != 0;
    }

    /** An associated file (ECMA-119 9.1.6 bit 2: e.g. a Macintosh resource fork), not part of the tree. */
    boolean isAssociated() {
        return (flags & FLAG_ASSOCIATED) != 0;
    }

    boolean isHidden() {
        return (flags & FLAG_HIDDEN) != 0;
    }

    /** The "." (0x00) or ".." (0x01) record of a directory. */
    boolean isSelfOrParent() {
        return identifier.length == 1 && (identifier[0] == 0 || identifier[0] == 1);
    }

    /** Whether both records carry the same identifier (the sections of one multi-extent file). */
    boolean sameIdentifier(RecordRef other) {
        return java.util.Arrays.equals(identifier, other.identifier);
    }

    String where() {
        return "LBA " + lba + ", offset " + offset;
    }
}
