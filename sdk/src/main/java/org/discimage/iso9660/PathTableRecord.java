package org.discimage.iso9660;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.discimage.codec.BothEndian;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/** A path table record (ECMA-119 9.4); numbers little endian in type L tables, big endian in type M. */
public record PathTableRecord(int extendedAttributeRecordLength, long extentLocation, int parentDirectoryNumber,
                              byte[] directoryIdentifier) {

    /** The length of a record with an identifier of that length (9.4.6: pad after an odd LEN_DI). */
    public static int length(int identifierLength) {
        return 8 + identifierLength + (identifierLength & 1);
    }

    /** The length of this record. */
    public int length() {
        return length(directoryIdentifier.length);
    }

    /** Writes the record in the given byte order. */
    public void encode(ByteBuffer b, ByteOrder order) {
        b.put((byte) directoryIdentifier.length).put((byte) extendedAttributeRecordLength);
        if (order == ByteOrder.LITTLE_ENDIAN) {
            BothEndian.putInt32LE(b, extentLocation);
            b.put((byte) parentDirectoryNumber).put((byte) (parentDirectoryNumber >>> 8));
        } else {
            BothEndian.putInt32BE(b, extentLocation);
            b.put((byte) (parentDirectoryNumber >>> 8)).put((byte) parentDirectoryNumber);
        }
        b.put(directoryIdentifier);
        if ((directoryIdentifier.length & 1) != 0) {
            b.put((byte) 0);
        }
    }

    /** Reads a record in the given byte order. */
    public static PathTableRecord decode(ByteBuffer b, ByteOrder order) throws DiscImageException {
        BothEndian.need(b, 8, "path table record");
        int len = b.get() & 0xFF;
        if (len == 0) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, "path table record with identifier length 0");
        }
        int xa = b.get() & 0xFF;
        long extent = order == ByteOrder.LITTLE_ENDIAN ? BothEndian.getUInt32LE(b) : BothEndian.getUInt32BE(b);
        int lo = b.get() & 0xFF;
        int hi = b.get() & 0xFF;
        int parent = order == ByteOrder.LITTLE_ENDIAN ? lo | hi << 8 : lo << 8 | hi;
        BothEndian.need(b, len + (len & 1), "path table record identifier");
        byte[] id = new byte[len];
        b.get(id);
        if ((len & 1) != 0) {
            b.get();
        }
        return new PathTableRecord(xa, extent, parent, id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTableRecord r && r.extendedAttributeRecordLength == extendedAttributeRecordLength
                && r.extentLocation == extentLocation && r.parentDirectoryNumber == parentDirectoryNumber
                && Arrays.equals(r.directoryIdentifier, directoryIdentifier);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(extentLocation) * 31 + Arrays.hashCode(directoryIdentifier);
    }

    @Override
    public String toString() {
        return "PathTableRecord[extent=" + extentLocation + ", parent=" + parentDirectoryNumber + ", id="
                + Arrays.toString(directoryIdentifier) + "]";
    }
}
