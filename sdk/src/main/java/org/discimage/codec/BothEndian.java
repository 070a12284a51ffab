package org.discimage.codec;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/** Numeric field codecs of ECMA-119 7.1-7.3 (relative get/put on a buffer). */
public final class BothEndian {
    private BothEndian() {
    }

    /** ECMA-119 7.3.3 ("733"): 32-bit little endian then the same big endian. */
    public static void putInt32(ByteBuffer b, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not a 32-bit unsigned value: " + v);
        }
        int i = (int) v;
        b.put((byte) i).put((byte) (i >>> 8)).put((byte) (i >>> 16)).put((byte) (i >>> 24));
        b.put((byte) (i >>> 24)).put((byte) (i >>> 16)).put((byte) (i >>> 8)).put((byte) i);
    }

    /** Reads a "733" number; both halves must agree. */
    public static long getInt32(ByteBuffer b, String field) throws DiscImageException {
        need(b, 8, field);
        long le = getUInt32LE(b);
        long be = getUInt32BE(b);
        if (le != be) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, field + ": both-endian halves differ ("
                    + le + " little endian, " + be + " big endian)");
        }
        return le;
    }

    /** ECMA-119 7.2.3 ("723"): 16-bit little endian then big endian. */
    public static void putInt16(ByteBuffer b, int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("not a 16-bit unsigned value: " + v);
        }
        b.put((byte) v).put((byte) (v >>> 8)).put((byte) (v >>> 8)).put((byte) v);
    }

    /** Reads a "723" number; both halves must agree. */
    public static int getInt16(ByteBuffer b, String field) throws DiscImageException {
        need(b, 4, field);
        int le = (b.get() & 0xFF) | (b.get() & 0xFF) << 8;
        int be = (b.get() & 0xFF) << 8 | (b.get() & 0xFF);
        if (le != be) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, field + ": both-endian halves differ ("
                    + le + " little endian, " + be + " big endian)");
        }
        return le;
    }

    /** ECMA-119 7.3.1 ("731"). */
    public static void putInt32LE(ByteBuffer b, long v) {
        int i = (int) v;
        b.put((byte) i).put((byte) (i >>> 8)).put((byte) (i >>> 16)).put((byte) (i >>> 24));
    }

    /** ECMA-119 7.3.2 ("732"). */
    public static void putInt32BE(ByteBuffer b, long v) {
        int i = (int) v;
        b.put((byte) (i >>> 24)).put((byte) (i >>> 16)).put((byte) (i >>> 8)).put((byte) i);
    }

    /** Reads a "731" number. */
    public static long getUInt32LE(ByteBuffer b) {
        return (b.get() & 0xFFL) | (b.get() & 0xFFL) << 8 | (b.get() & 0xFFL) << 16 | (b.get() & 0xFFL) << 24;
    }

    /** Reads a "732" number. */
    public static long getUInt32BE(ByteBuffer b) {
        return (b.get() & 0xFFL) << 24 | (b.get() & 0xFFL) << 16 | (b.get() & 0xFFL) << 8 | (b.get() & 0xFFL);
    }

    /** Fails with MALFORMED_STRUCTURE unless {@code n} bytes remain. */
    public static void need(ByteBuffer b, int n, String what) throws DiscImageException {
        if (b.remaining() < n) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, what + ": needs " + n
                    + " bytes but only " + b.remaining() + " remain");
        }
    }
}
