package org.discimage.importer;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Arrays;

import org.discimage.iso9660.DirectoryRecord;
import org.discimage.iso9660.RecordingDateTime;

/**
 * A decoded directory record (ECMA-119 9.1) and where it was found, with the shorthands the tree
 * walk uses. Compact on purpose (the importer holds one per record of a directory while it reads
 * it): the numbers as fields, the file identifier and the System Use field as ranges of a byte
 * array (its own, or the walker's {@link RecordStore}), no {@link DirectoryRecord} kept.
 */
final class RecordRef {
    private final long lba;
    private final int offset;
    private final long extent;
    private final long dataLength;
    private final int flags;
    /** ECMA-119 9.1.5 date as epoch seconds, or {@link RecordingDateTime#UNSPECIFIED_EPOCH_SECOND}. */
    private final long recordedSecond;
    /** Holds the identifier at {@link #idStart} and the System Use field from {@link #suStart} to its end. */
    private final byte[] bytes;
    private final int idStart;
    private final int idLength;
    private final int suStart;
    private final int suEnd;

    private RecordRef(long lba, int offset, long extent, long dataLength, int flags, long recordedSecond, byte[] bytes,
                      int idStart, int idLength, int suStart, int suEnd) {
        this.lba = lba;
        this.offset = offset;
        this.extent = extent;
        this.dataLength = dataLength;
        this.flags = flags;
        this.recordedSecond = recordedSecond;
        this.bytes = bytes;
        this.idStart = idStart;
        this.idLength = idLength;
        this.suStart = suStart;
        this.suEnd = suEnd;
    }

    /** The record at {@code offset} of sector {@code lba}, from a decoded {@link DirectoryRecord}. */
    static RecordRef of(long lba, int offset, DirectoryRecord r) {
        int idLength = r.fileIdentifierLength();
        byte[] su = r.systemUse();
        byte[] bytes = Arrays.copyOf(r.fileIdentifier(), idLength + su.length);
        System.arraycopy(su, 0, bytes, idLength, su.length);
        return new RecordRef(lba, offset, r.extentLocation(), r.dataLength(), r.fileFlags(),
                r.recordingDateTime().toEpochSecond(), bytes, 0, idLength, idLength, bytes.length);
    }

    /**
     * A record already checked by the caller: {@code bytes} holds its LEN_DR bytes from
     * {@code start} (they are kept, not copied), the identifier at 33, the System Use field after
     * the identifier and its padding byte (ECMA-119 9.1.12). The walker passes the array of its
     * {@link RecordStore}, which it overwrites with the next directory's records: such a record is
     * read while its directory is walked, and only its numbers after that.
     */
    static RecordRef checked(long lba, int offset, long extent, long dataLength, int flags, long recordedSecond,
                             byte[] bytes, int start, int length) {
        int idLength = bytes[start + 32] & 0xFF;
        int idStart = start + DirectoryRecord.FIXED_LENGTH;
        return new RecordRef(lba, offset, extent, dataLength, flags, recordedSecond, bytes, idStart, idLength,
                idStart + idLength + (~idLength & 1), start + length);
    }

    /** The sector holding the record. */
    long lba() {
        return lba;
    }

    /** The record's byte offset in that sector. */
    int offset() {
        return offset;
    }

    long extent() {
        return extent;
    }

    long dataLength() {
        return dataLength;
    }

    /** File flags (ECMA-119 9.1.6). */
    int fileFlags() {
        return flags;
    }

    boolean isDirectory() {
        return (flags & DirectoryRecord.FLAG_DIRECTORY) != 0;
    }

    /** More sections of the same file follow (ECMA-119 9.1.6 bit 7). */
    boolean continues() {
        return (flags & DirectoryRecord.FLAG_MULTI_EXTENT) != 0;
    }

    /** An associated file (ECMA-119 9.1.6 bit 2: e.g. a Macintosh resource fork), not part of the tree. */
    boolean isAssociated() {
        return (flags & DirectoryRecord.FLAG_ASSOCIATED) != 0;
    }

    boolean isHidden() {
        return (flags & DirectoryRecord.FLAG_HIDDEN) != 0;
    }

    /** The "." record: identifier the single byte 0x00 (ECMA-119 6.8.2.2). */
    boolean isDot() {
        return idLength == 1 && bytes[idStart] == 0;
    }

    /** The "." (0x00) or ".." (0x01) record of a directory. */
    boolean isSelfOrParent() {
        return idLength == 1 && (bytes[idStart] == 0 || bytes[idStart] == 1);
    }

    /** Whether both records carry the same identifier (the sections of one multi-extent file). */
    boolean sameIdentifier(RecordRef other) {
        return Arrays.equals(bytes, idStart, idStart + idLength, other.bytes, other.idStart,
                other.idStart + other.idLength);
    }

    /** LEN_FI: the length of the file identifier in bytes. */
    int identifierLength() {
        return idLength;
    }

    /** The file identifier decoded with {@code charset}. */
    String identifier(Charset charset) {
        return new String(bytes, idStart, idLength, charset);
    }

    /**
     * The Joliet identifier (UCS-2 big endian, read as UTF-16BE) without a ";version" suffix of
     * digits, as {@code DirectoryWalker.stripVersion(identifier(UTF_16BE))} gives it, but decoding
     * only the part kept: one string per entry, not two. The ';' is the pair 00 3B at an even offset
     * (no surrogate holds it, so cutting there cuts between characters; but see the high surrogate).
     */
    String jolietIdentifierWithoutVersion() {
        int end = idStart + idLength;
        for (int semi = end - 2; semi >= idStart; semi -= 2) {
            if (bytes[semi] == 0 && bytes[semi + 1] == ';') {
                if (semi > idStart && (bytes[semi - 2] & 0xFC) == 0xD8) {
                    // a high surrogate before the ';': the JDK's decoder replaces the two units
                    // together (FastPathTest found it), so decode the whole as the checked path does
                    return DirectoryWalker.stripVersion(identifier(java.nio.charset.StandardCharsets.UTF_16BE));
                }
                for (int d = semi + 2; d < end; d += 2) {
                    if (bytes[d] != 0 || bytes[d + 1] < '0' || bytes[d + 1] > '9') {
                        return identifier(java.nio.charset.StandardCharsets.UTF_16BE);  // not a version
                    }
                }
                return new String(bytes, idStart, semi - idStart, java.nio.charset.StandardCharsets.UTF_16BE);
            }
        }
        return identifier(java.nio.charset.StandardCharsets.UTF_16BE);
    }

    /** The array holding the System Use field at {@link #systemUseStart()} (not a copy: read only). */
    byte[] bytes() {
        return bytes;
    }

    /** Where the System Use field starts in {@link #bytes()}. */
    int systemUseStart() {
        return suStart;
    }

    /** The System Use field's length. */
    int systemUseLength() {
        return suEnd - suStart;
    }

    /** The System Use field as a read-only view. */
    ByteBuffer systemUseView() {
        return ByteBuffer.wrap(bytes, suStart, suEnd - suStart).slice().asReadOnlyBuffer();
    }

    /** The recording date (ECMA-119 9.1.5) in epoch seconds, or {@link RecordingDateTime#UNSPECIFIED_EPOCH_SECOND}. */
    long recordedSecond() {
        return recordedSecond;
    }

    /** The recording date (ECMA-119 9.1.5); the epoch when "not specified". */
    Instant recorded() {
        return recordedSecond == RecordingDateTime.UNSPECIFIED_EPOCH_SECOND ? Instant.EPOCH
                : Instant.ofEpochSecond(recordedSecond);
    }

    @Override
    public String toString() {
        return "RecordRef[lba=" + lba + ", offset=" + offset + ", extent=" + extent + ", dataLength=" + dataLength
                + ", flags=0x" + Integer.toHexString(flags) + "]";
    }
}
