package org.discimage.importer;

import java.time.Instant;

import org.discimage.iso9660.DirectoryRecord;
import org.discimage.iso9660.RecordingDateTime;

/**
 * A decoded directory record (ECMA-119 9.1) and where it was found, with the shorthands the tree
 * walk uses.
 *
 * @param lba    the sector holding the record
 * @param offset its byte offset in that sector
 * @param record the record
 */
record RecordRef(long lba, int offset, DirectoryRecord record) {

    long extent() {
        return record.extentLocation();
    }

    long dataLength() {
        return record.dataLength();
    }

    boolean isDirectory() {
        return record.isDirectory();
    }

    /** More sections of the same file follow (ECMA-119 9.1.6 bit 7). */
    boolean continues() {
        return record.isMultiExtent();
    }

    /** An associated file (ECMA-119 9.1.6 bit 2: e.g. a Macintosh resource fork), not part of the tree. */
    boolean isAssociated() {
        return (record.fileFlags() & DirectoryRecord.FLAG_ASSOCIATED) != 0;
    }

    boolean isHidden() {
        return (record.fileFlags() & DirectoryRecord.FLAG_HIDDEN) != 0;
    }

    /** The "." (0x00) or ".." (0x01) record of a directory. */
    boolean isSelfOrParent() {
        return record.isDot() || record.isDotDot();
    }

    /** Whether both records carry the same identifier (the sections of one multi-extent file). */
    boolean sameIdentifier(RecordRef other) {
        return record.sameFileIdentifier(other.record);
    }

    /** The recording date (ECMA-119 9.1.5); the epoch when "not specified". */
    Instant recorded() {
        long s = record.recordingDateTime().toEpochSecond();
        return s == RecordingDateTime.UNSPECIFIED_EPOCH_SECOND ? Instant.EPOCH : Instant.ofEpochSecond(s);
    }
}
