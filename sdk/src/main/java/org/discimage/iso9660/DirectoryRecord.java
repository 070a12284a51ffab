package org.discimage.iso9660;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.discimage.codec.BothEndian;
import org.discimage.codec.Decoding;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;

/**
 * A directory record, ECMA-119 9.1:
 * <pre>
 *  0  LEN_DR            711     1  extended attribute record length 711
 *  2  extent location   733    10  data length                      733
 * 18  recording date    9.1.5  25  file flags                       8 bits
 * 26  file unit size    711    27  interleave gap size              711
 * 28  volume seq. no.   723    32  LEN_FI                           711
 * 33  file identifier   LEN_FI     padding 0x00 iff LEN_FI is even, then the System Use field (9.1.13)
 * </pre>
 * LEN_DR = 33 + LEN_FI + pad + system use length, at most 255. A LEN_DR byte of 0 is not a record:
 * ECMA-119 6.8.1.1 keeps records inside one sector and the rest of a sector is zero-filled, so a reader
 * that meets 0 skips to the next sector itself; {@link #decode} rejects it like any LEN_DR below 34.
 * The file identifier is raw bytes (d-characters, or UCS-2BE in a Joliet tree); {@code 0x00} is ".",
 * {@code 0x01} is "..".
 */
public record DirectoryRecord(int extendedAttributeRecordLength, long extentLocation, long dataLength,
                              RecordingDateTime recordingDateTime, int fileFlags, int fileUnitSize,
                              int interleaveGapSize, int volumeSequenceNumber, byte[] fileIdentifier,
                              byte[] systemUse) {
    /** File flags bit 0: existence (hide the file). */
    public static final int FLAG_HIDDEN = 1;
    /** File flags bit 1: directory. */
    public static final int FLAG_DIRECTORY = 2;
    /** File flags bit 2: associated file. */
    public static final int FLAG_ASSOCIATED = 4;
    /** File flags bit 3: record format given in the extended attribute record. */
    public static final int FLAG_RECORD = 8;
    /** File flags bit 4: protection given in the extended attribute record. */
    public static final int FLAG_PROTECTION = 16;
    /** File flags bit 7: not the final directory record of the file (multi-extent). */
    public static final int FLAG_MULTI_EXTENT = 0x80;
    /** Bytes before the file identifier. */
    public static final int FIXED_LENGTH = 33;
    /** Smallest LEN_DR: one identifier byte, no padding, no system use. */
    public static final int MIN_LENGTH = 34;
    /** Largest LEN_DR. */
    public static final int MAX_LENGTH = 255;

    private static final String S = "DirectoryRecord";

    /** Copies the arrays; null systemUse means none; IllegalArgumentException for out-of-range fields. */
    public DirectoryRecord {
        Objects.requireNonNull(recordingDateTime, "recordingDateTime");
        Objects.requireNonNull(fileIdentifier, "fileIdentifier");
        fileIdentifier = fileIdentifier.clone();
        systemUse = systemUse == null ? new byte[0] : systemUse.clone();
        Decoding.checkRange(extendedAttributeRecordLength, 0, 255, "extendedAttributeRecordLength");
        Decoding.checkUInt32(extentLocation, "extentLocation");
        Decoding.checkUInt32(dataLength, "dataLength");
        Decoding.checkRange(fileFlags, 0, 255, "fileFlags");
        Decoding.checkRange(fileUnitSize, 0, 255, "fileUnitSize");
        Decoding.checkRange(interleaveGapSize, 0, 255, "interleaveGapSize");
        Decoding.checkRange(volumeSequenceNumber, 0, 0xFFFF, "volumeSequenceNumber");
        if (fileIdentifier.length == 0) {
            throw new IllegalArgumentException("file identifier must not be empty");
        }
        length(fileIdentifier.length, systemUse.length);
    }

    /** The file identifier (a copy). */
    @Override
    public byte[] fileIdentifier() {
        return fileIdentifier.clone();
    }

    /** The System Use field (a copy; empty if none). */
    @Override
    public byte[] systemUse() {
        return systemUse.clone();
    }

    /** The System Use area as a read-only view (no copy: the importer reads one per record). */
    public java.nio.ByteBuffer systemUseView() {
        return java.nio.ByteBuffer.wrap(systemUse).asReadOnlyBuffer();
    }

    /** The file identifier decoded with {@code charset} (no intermediate copy). */
    public String fileIdentifier(java.nio.charset.Charset charset) {
        return new String(fileIdentifier, charset);
    }

    /** LEN_FI: the length of the file identifier in bytes. */
    public int fileIdentifierLength() {
        return fileIdentifier.length;
    }

    /** Whether both records carry the same file identifier bytes. */
    public boolean sameFileIdentifier(DirectoryRecord other) {
        return java.util.Arrays.equals(fileIdentifier, other.fileIdentifier);
    }

    /** LEN_DR for the given identifier and system use lengths; IllegalArgumentException above 255. */
    public static int length(int fileIdentifierLength, int systemUseLength) {
        if (fileIdentifierLength < 1 || systemUseLength < 0) {
            throw new IllegalArgumentException("bad lengths: LEN_FI " + fileIdentifierLength + ", system use "
                    + systemUseLength);
        }
        int n = FIXED_LENGTH + fileIdentifierLength + ((fileIdentifierLength & 1) == 0 ? 1 : 0) + systemUseLength;
        if (n > MAX_LENGTH) {
            throw new IllegalArgumentException("directory record would be " + n + " bytes, more than 255 (LEN_FI "
                    + fileIdentifierLength + ", system use " + systemUseLength + ")");
        }
        return n;
    }

    /** LEN_DR. */
    public int length() {
        return length(fileIdentifier.length, systemUse.length);
    }

    /** Directory flag set. */
    public boolean isDirectory() {
        return (fileFlags & FLAG_DIRECTORY) != 0;
    }

    /** Multi-extent flag set (another record of the same file follows). */
    public boolean isMultiExtent() {
        return (fileFlags & FLAG_MULTI_EXTENT) != 0;
    }

    /** The identifier is the single byte 0x00 ("."). */
    public boolean isDot() {
        return fileIdentifier.length == 1 && fileIdentifier[0] == 0;
    }

    /** The identifier is the single byte 0x01 (".."). */
    public boolean isDotDot() {
        return fileIdentifier.length == 1 && fileIdentifier[0] == 1;
    }

    /** Writes the record at b's position. */
    public void encode(ByteBuffer b) {
        int len = length();
        if (b.remaining() < len) {
            throw new BufferOverflowException();
        }
        b.put((byte) len).put((byte) extendedAttributeRecordLength);
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

    /**
     * Writes a record without building one: extended attribute length 0, file unit size 0, gap 0, volume
     * sequence number 1, recording date from {@code epochSecond} (UTC, see
     * {@link RecordingDateTime#put(ByteBuffer, long)}). {@code systemUse} may be null; otherwise its bytes
     * from position to limit are copied and its position is left unchanged.
     */
    public static void encode(ByteBuffer b, long extentLocation, long dataLength, long epochSecond, int fileFlags,
                              byte[] fileIdentifier, ByteBuffer systemUse) {
        int su = systemUse == null ? 0 : systemUse.remaining();
        putHeader(b, extentLocation, dataLength, epochSecond, fileFlags, fileIdentifier, su);
        if (su > 0) {
            b.put(b.position(), systemUse, systemUse.position(), su);
            b.position(b.position() + su);
        }
    }

    /**
     * Writes a record as {@link #encode(ByteBuffer, long, long, long, int, byte[], ByteBuffer)} up to its
     * System Use field, with LEN_DR counting {@code systemUseLength} bytes the caller writes next (so a
     * writer can put its System Use entries straight into {@code b}, without a buffer of their own).
     */
    public static void putHeader(ByteBuffer b, long extentLocation, long dataLength, long epochSecond, int fileFlags,
                                 byte[] fileIdentifier, int systemUseLength) {
        int len = length(fileIdentifier.length, systemUseLength);
        Decoding.checkUInt32(extentLocation, "extentLocation");
        Decoding.checkUInt32(dataLength, "dataLength");
        Decoding.checkRange(fileFlags, 0, 255, "fileFlags");
        if (b.remaining() < len) {
            throw new BufferOverflowException();
        }
        b.put((byte) len).put((byte) 0);
        BothEndian.putInt32(b, extentLocation);
        BothEndian.putInt32(b, dataLength);
        RecordingDateTime.put(b, epochSecond);
        b.put((byte) fileFlags).put((byte) 0).put((byte) 0);
        b.put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 1);
        b.put((byte) fileIdentifier.length).put(fileIdentifier);
        if ((fileIdentifier.length & 1) == 0) {
            b.put((byte) 0);
        }
    }

    /**
     * Reads one record at b's position and advances past LEN_DR bytes. MALFORMED_STRUCTURE if LEN_DR is
     * below 34 (including 0, which the caller must treat as sector padding before calling), the buffer
     * holds fewer than LEN_DR bytes, LEN_FI is 0 or the identifier (and its padding byte) runs past LEN_DR,
     * a both-endian number's halves disagree or the recording date is out of range.
     */
    public static DirectoryRecord decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /** As {@link #decode(ByteBuffer)}, strict or lenient as {@code ctx} says (known deviations only). */
    public static DirectoryRecord decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        int len = Decoding.getUInt8(b, S + ".LEN_DR");
        if (len < MIN_LENGTH) {
            throw Decoding.malformed(S + ".LEN_DR", at, "length " + len + " is below " + MIN_LENGTH);
        }
        if (b.remaining() < len - 1) {
            throw Decoding.malformed(S + ".LEN_DR", at, "record of " + len + " bytes is truncated: only "
                    + (b.remaining() + 1) + " bytes remain");
        }
        int xar = b.get() & 0xFF;
        long extent = BothEndian.getInt32(b, S + ".extentLocation", ctx);
        long size = BothEndian.getInt32(b, S + ".dataLength", ctx);
        RecordingDateTime date = RecordingDateTime.decode(b, ctx);
        int flags = b.get() & 0xFF;
        int unit = b.get() & 0xFF;
        int gap = b.get() & 0xFF;
        int seq = BothEndian.getInt16(b, S + ".volumeSequenceNumber", ctx);
        int lenFi = b.get() & 0xFF;
        if (lenFi == 0) {
            throw Decoding.malformed(S + ".LEN_FI", at + 32, "identifier length 0");
        }
        int pad = (lenFi & 1) == 0 ? 1 : 0;
        if (FIXED_LENGTH + lenFi + pad > len) {
            throw Decoding.malformed(S + ".LEN_FI", at + 32, "identifier of " + lenFi + " bytes"
                    + (pad == 1 ? " plus padding byte" : "") + " runs past LEN_DR " + len);
        }
        byte[] id = new byte[lenFi];
        b.get(id);
        if (pad == 1) {
            b.get();
        }
        byte[] su = new byte[len - FIXED_LENGTH - lenFi - pad];
        b.get(su);
        return new DirectoryRecord(xar, extent, size, date, flags, unit, gap, seq, id, su);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectoryRecord r && extendedAttributeRecordLength == r.extendedAttributeRecordLength
                && extentLocation == r.extentLocation && dataLength == r.dataLength
                && recordingDateTime.equals(r.recordingDateTime) && fileFlags == r.fileFlags
                && fileUnitSize == r.fileUnitSize && interleaveGapSize == r.interleaveGapSize
                && volumeSequenceNumber == r.volumeSequenceNumber && Arrays.equals(fileIdentifier, r.fileIdentifier)
                && Arrays.equals(systemUse, r.systemUse);
    }

    @Override
    public int hashCode() {
        return Objects.hash(extendedAttributeRecordLength, extentLocation, dataLength, recordingDateTime, fileFlags,
                fileUnitSize, interleaveGapSize, volumeSequenceNumber) * 31 * 31
                + Arrays.hashCode(fileIdentifier) * 31 + Arrays.hashCode(systemUse);
    }

    @Override
    public String toString() {
        return "DirectoryRecord[extent=" + extentLocation + ", dataLength=" + dataLength + ", date="
                + recordingDateTime + ", flags=0x" + Integer.toHexString(fileFlags) + ", xar="
                + extendedAttributeRecordLength + ", unit=" + fileUnitSize + ", gap=" + interleaveGapSize
                + ", volSeq=" + volumeSequenceNumber + ", id=" + Arrays.toString(fileIdentifier) + ", systemUse="
                + Arrays.toString(systemUse) + "]";
    }
}
