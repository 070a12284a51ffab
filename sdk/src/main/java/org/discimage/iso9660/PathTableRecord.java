package org.discimage.iso9660;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import org.discimage.codec.BothEndian;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * A path table record, ECMA-119 9.4: LEN_DI (711), extended attribute record length (711), extent
 * location (731 in the type L table, 732 in the type M table), parent directory number (721 / 722,
 * 1-based), directory identifier (LEN_DI bytes) and a 0x00 padding byte iff LEN_DI is odd. The root's
 * record has identifier 0x00 and parent 1.
 */
public record PathTableRecord(int extendedAttributeRecordLength, long extentLocation, int parentDirectoryNumber,
                              byte[] directoryIdentifier) {
    private static final String S = "PathTableRecord";

    /** Copies the identifier; IllegalArgumentException for out-of-range fields. */
    public PathTableRecord {
        Objects.requireNonNull(directoryIdentifier, "directoryIdentifier");
        directoryIdentifier = directoryIdentifier.clone();
        Decoding.checkRange(extendedAttributeRecordLength, 0, 255, "extendedAttributeRecordLength");
        Decoding.checkUInt32(extentLocation, "extentLocation");
        Decoding.checkRange(parentDirectoryNumber, 1, 0xFFFF, "parentDirectoryNumber");
        Decoding.checkRange(directoryIdentifier.length, 1, 255, "LEN_DI");
    }

    /** The directory identifier (a copy). */
    @Override
    public byte[] directoryIdentifier() {
        return directoryIdentifier.clone();
    }

    /** Record length for an identifier of the given length: 8 + LEN_DI + (LEN_DI odd ? 1 : 0). */
    public static int length(int identifierLength) {
        return 8 + identifierLength + (identifierLength & 1);
    }

    /** This record's length. */
    public int length() {
        return length(directoryIdentifier.length);
    }

    /** Writes the record with numbers in {@code order} (LITTLE_ENDIAN: L table, BIG_ENDIAN: M table). */
    public void encode(ByteBuffer b, ByteOrder order) {
        if (extendedAttributeRecordLength == 0) {
            encode(b, order, extentLocation, parentDirectoryNumber, directoryIdentifier);
            return;
        }
        int start = b.position();
        encode(b, order, extentLocation, parentDirectoryNumber, directoryIdentifier);
        b.put(start + 1, (byte) extendedAttributeRecordLength);
    }

    /**
     * Writes a record without building one (extended attribute record length 0); IllegalArgumentException
     * for an empty identifier, a parent number outside 1..65535 or an extent outside 32 bits.
     */
    public static void encode(ByteBuffer b, ByteOrder order, long extentLocation, int parentDirectoryNumber,
                              byte[] directoryIdentifier) {
        Decoding.checkRange(directoryIdentifier.length, 1, 255, "LEN_DI");
        Decoding.checkRange(parentDirectoryNumber, 1, 0xFFFF, "parentDirectoryNumber");
        b.put((byte) directoryIdentifier.length).put((byte) 0);
        if (order == ByteOrder.LITTLE_ENDIAN) {
            BothEndian.putInt32LE(b, extentLocation);
            BothEndian.putInt16LE(b, parentDirectoryNumber);
        } else {
            BothEndian.putInt32BE(b, extentLocation);
            BothEndian.putInt16BE(b, parentDirectoryNumber);
        }
        b.put(directoryIdentifier);
        if ((directoryIdentifier.length & 1) != 0) {
            b.put((byte) 0);
        }
    }

    /**
     * Reads one record in {@code order}; MALFORMED_STRUCTURE if LEN_DI is 0, the record (with padding) is
     * truncated or the parent directory number is 0.
     */
    public static PathTableRecord decode(ByteBuffer b, ByteOrder order) throws DiscImageException {
        int at = b.position();
        int lenDi = Decoding.getUInt8(b, S + ".LEN_DI");
        if (lenDi == 0) {
            throw Decoding.malformed(S + ".LEN_DI", at, "identifier length 0");
        }
        if (b.remaining() < length(lenDi) - 1) {
            throw Decoding.malformed(S + ".LEN_DI", at, "record of " + length(lenDi) + " bytes is truncated: only "
                    + (b.remaining() + 1) + " bytes remain");
        }
        int xar = b.get() & 0xFF;
        boolean le = order == ByteOrder.LITTLE_ENDIAN;
        long extent = le ? BothEndian.getUInt32LE(b, S + ".extentLocation")
                : BothEndian.getUInt32BE(b, S + ".extentLocation");
        int parent = le ? BothEndian.getUInt16LE(b, S + ".parentDirectoryNumber")
                : BothEndian.getUInt16BE(b, S + ".parentDirectoryNumber");
        if (parent == 0) {
            throw Decoding.malformed(S + ".parentDirectoryNumber", at + 6, "parent directory number 0");
        }
        byte[] id = new byte[lenDi];
        b.get(id);
        if ((lenDi & 1) != 0) {
            b.get();
        }
        return new PathTableRecord(xar, extent, parent, id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTableRecord r && extendedAttributeRecordLength == r.extendedAttributeRecordLength
                && extentLocation == r.extentLocation && parentDirectoryNumber == r.parentDirectoryNumber
                && Arrays.equals(directoryIdentifier, r.directoryIdentifier);
    }

    @Override
    public int hashCode() {
        return Objects.hash(extendedAttributeRecordLength, extentLocation, parentDirectoryNumber) * 31
                + Arrays.hashCode(directoryIdentifier);
    }

    @Override
    public String toString() {
        return "PathTableRecord[extent=" + extentLocation + ", parent=" + parentDirectoryNumber + ", xar="
                + extendedAttributeRecordLength + ", id=" + Arrays.toString(directoryIdentifier) + "]";
    }
}
