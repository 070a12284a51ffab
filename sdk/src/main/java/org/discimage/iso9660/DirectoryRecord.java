package org.discimage.iso9660;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.discimage.codec.BothEndian;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * A directory record (ECMA-119 9.1). A LEN_DR of 0 is not a record but the unused rest of a sector
 * (6.8.1.1); callers skip to the next sector before calling {@link #decode}.
 */
public record DirectoryRecord(int extendedAttributeRecordLength, long extentLocation, long dataLength,
                              RecordingDateTime recordingDateTime, int fileFlags, int fileUnitSize,
                              int interleaveGapSize, int volumeSequenceNumber, byte[] fileIdentifier,
                              byte[] systemUse) {
    /** File flag bits (ECMA-119 9.1.6). */
    public static final int FLAG_HIDDEN = 1;
    public static final int FLAG_DIRECTORY = 2;
    public static final int FLAG_ASSOCIATED = 4;
    public static final int FLAG_RECORD = 8;
    public static final int FLAG_PROTECTION = 16;
    public static final int FLAG_MULTI_EXTENT = 0x80;
    /** The fixed part before the file identifier. */
    public static final int FIXED_LENGTH = 33;

    /** LEN_DR for an identifier and System Use of the given lengths (9.1.12: pad after an even LEN_FI). */
    public static int length(int fileIdentifierLength, int systemUseLength) {
        return FIXED_LENGTH + fileIdentifierLength + ((fileIdentifierLength & 1) == 0 ? 1 : 0) + systemUseLength;
    }

    /** LEN_DR of this record. */
    public int length() {
        return length(fileIdentifier.length, systemUse.length);
    }

    /** Writes a record without building one; {@code systemUse} (may be null) is written position to limit. */
    public static void encode(ByteBuffer b, long extentLocation, long dataLength, long epochSecond, int fileFlags,
                              byte[] fileIdentifier, ByteBuffer systemUse) {
        int su = systemUse == null ? 0 : systemUse.remaining();
        int len = length(fileIdentifier.length, su);
        if (len > 255 || fileIdentifier.length == 0) {
            throw new IllegalArgumentException("directory record of " + len + " bytes (identifier "
                    + fileIdentifier.length + ", system use " + su + ")");
        }
        b.put((byte) len).put((byte) 0);
        BothEndian.putInt32(b, extentLocation);
        BothEndian.putInt32(b, dataLength);
        RecordingDateTime.encode(b, epochSecond);
        b.put((byte) fileFlags).put((byte) 0).put((byte) 0);
        BothEndian.putInt16(b, 1);
        b.put((byte) fileIdentifier.length).put(fileIdentifier);
        if ((fileIdentifier.length & 1) == 0) {
            b.put((byte) 0);
        }
        if (systemUse != null) {
            b.put(systemUse);
        }
    }

    /** Writes this record. */
    public void encode(ByteBuffer b) {
        if (length() > 255) {
            throw new IllegalArgumentException("directory record longer than 255 bytes: " + length());
        }
        b.put((byte) length()).put((byte) extendedAttributeRecordLength);
        BothEndian.putInt32(b, extentLocation);
        BothEndian.putInt32(b, dataLength);
        recordingDateTime.encode(b);
        b.put((byte) fileFlags).put((byte) fileUnitSize).put((byte) interleaveGapSize);
        BothEndian.putInt16(b, volumeSequenceNumber);
        b.put((byte) fileIdentifier.length).put(fileIdentifier);
        if ((fileIdentifier.length & 1) == 0) {
            b.put((byte) 0);
        }
        b.put(systemUse);
    }

    /** Reads the record at the position (LEN_DR must be at least 34 and fit in the buffer). */
    public static DirectoryRecord decode(ByteBuffer b) throws DiscImageException {
        BothEndian.need(b, 1, "directory record");
        int start = b.position();
        int len = b.get(start) & 0xFF;
        if (len < FIXED_LENGTH + 1) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, "directory record at byte " + start
                    + ": length " + len + " is below the minimum of 34");
        }
        BothEndian.need(b, len, "directory record at byte " + start);
        b.get();
        int xa = b.get() & 0xFF;
        long extent = BothEndian.getInt32(b, "directory record extent location");
        long size = BothEndian.getInt32(b, "directory record data length");
        RecordingDateTime t = RecordingDateTime.decode(b);
        int flags = b.get() & 0xFF;
        int unit = b.get() & 0xFF;
        int gap = b.get() & 0xFF;
        int seq = BothEndian.getInt16(b, "directory record volume sequence number");
        int lenFi = b.get() & 0xFF;
        int suStart = FIXED_LENGTH + lenFi + ((lenFi & 1) == 0 ? 1 : 0);
        if (lenFi == 0 || suStart > len) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, "directory record at byte " + start
                    + ": identifier length " + lenFi + " does not fit its length " + len);
        }
        byte[] id = new byte[lenFi];
        b.get(id);
        b.position(start + suStart);
        byte[] su = new byte[len - suStart];
        b.get(su);
        return new DirectoryRecord(xa, extent, size, t, flags, unit, gap, seq, id, su);
    }

    /** Whether the directory flag is set. */
    public boolean isDirectory() {
        return (fileFlags & FLAG_DIRECTORY) != 0;
    }

    /** Whether another record of the same file follows (9.1.6 bit 7). */
    public boolean isMultiExtent() {
        return (fileFlags & FLAG_MULTI_EXTENT) != 0;
    }

    /** Whether this is the "." record (identifier 0x00). */
    public boolean isDot() {
        return fileIdentifier.length == 1 && fileIdentifier[0] == 0;
    }

    /** Whether this is the ".." record (identifier 0x01). */
    public boolean isDotDot() {
        return fileIdentifier.length == 1 && fileIdentifier[0] == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectoryRecord r && r.extendedAttributeRecordLength == extendedAttributeRecordLength
                && r.extentLocation == extentLocation && r.dataLength == dataLength
                && r.recordingDateTime.equals(recordingDateTime) && r.fileFlags == fileFlags
                && r.fileUnitSize == fileUnitSize && r.interleaveGapSize == interleaveGapSize
                && r.volumeSequenceNumber == volumeSequenceNumber && Arrays.equals(r.fileIdentifier, fileIdentifier)
                && Arrays.equals(r.systemUse, systemUse);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(extentLocation) * 31 + Arrays.hashCode(fileIdentifier);
    }

    @Override
    public String toString() {
        return "DirectoryRecord[extent=" + extentLocation + ", length=" + dataLength + ", flags=" + fileFlags
                + ", id=" + Arrays.toString(fileIdentifier) + ", systemUse=" + systemUse.length + " bytes]";
    }
}
