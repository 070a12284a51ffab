package org.discimage.codec;

import java.nio.ByteBuffer;
import org.discimage.error.DiscImageException;

/**
 * Numeric field codecs of ECMA-119 7.2 and 7.3: 16-bit (721 LE, 722 BE, 723 both) and 32-bit (731 LE,
 * 732 BE, 733 both) unsigned numbers. All methods use relative get/put and so advance the buffer,
 * whatever its own byte order. Readers are strict: both halves of a both-endian number must agree.
 */
public final class BothEndian {
    private BothEndian() {
    }

    /** ECMA-119 7.3.3 ("733"): 4 bytes little endian, then the same value as 4 bytes big endian. */
    public static void putInt32(ByteBuffer b, long v) {
        Decoding.checkUInt32(v, "733 value");
        putInt32LE(b, v);
        putInt32BE(b, v);
    }

    /** Reads a 733 number; MALFORMED_STRUCTURE if truncated or if the two halves disagree. */
    public static long getInt32(ByteBuffer b, String field) throws DiscImageException {
        return getInt32(b, field, DecodeContext.STRICT);
    }

    /**
     * Reads a 733 number; MALFORMED_STRUCTURE if truncated. Halves that disagree fail when strict;
     * lenient takes the little-endian half, as Linux isofs ({@code isonum_733}) and most readers
     * do, and reports it (docs/formats.md 1.2).
     */
    public static long getInt32(ByteBuffer b, String field, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        Decoding.require(b, 8, field);
        long le = getUInt32LE(b, field);
        long be = getUInt32BE(b, field);
        if (le != be) {
            ctx.deviation(field, at, "both-endian halves disagree: LE " + le + " != BE " + be,
                    "using the little-endian " + le);
        }
        return le;
    }

    /** ECMA-119 7.2.3 ("723"): 2 bytes little endian, then the same value as 2 bytes big endian. */
    public static void putInt16(ByteBuffer b, int v) {
        Decoding.checkRange(v, 0, 0xFFFF, "723 value");
        putInt16LE(b, v);
        putInt16BE(b, v);
    }

    /** Reads a 723 number; MALFORMED_STRUCTURE if truncated or if the two halves disagree. */
    public static int getInt16(ByteBuffer b, String field) throws DiscImageException {
        return getInt16(b, field, DecodeContext.STRICT);
    }

    /** Reads a 723 number; disagreeing halves as {@link #getInt32(ByteBuffer, String, DecodeContext)}. */
    public static int getInt16(ByteBuffer b, String field, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        Decoding.require(b, 4, field);
        int le = getUInt16LE(b, field);
        int be = getUInt16BE(b, field);
        if (le != be) {
            ctx.deviation(field, at, "both-endian halves disagree: LE " + le + " != BE " + be,
                    "using the little-endian " + le);
        }
        return le;
    }

    /** ECMA-119 7.3.1 ("731"): 32-bit unsigned, little endian. */
    public static void putInt32LE(ByteBuffer b, long v) {
        Decoding.checkUInt32(v, "731 value");
        b.put((byte) v).put((byte) (v >>> 8)).put((byte) (v >>> 16)).put((byte) (v >>> 24));
    }

    /** ECMA-119 7.3.2 ("732"): 32-bit unsigned, big endian. */
    public static void putInt32BE(ByteBuffer b, long v) {
        Decoding.checkUInt32(v, "732 value");
        b.put((byte) (v >>> 24)).put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
    }

    /** Reads a 731 number (MALFORMED_STRUCTURE if truncated). */
    public static long getUInt32LE(ByteBuffer b, String field) throws DiscImageException {
        Decoding.require(b, 4, field);
        return (b.get() & 0xFFL) | (b.get() & 0xFFL) << 8 | (b.get() & 0xFFL) << 16 | (b.get() & 0xFFL) << 24;
    }

    /** Reads a 732 number (MALFORMED_STRUCTURE if truncated). */
    public static long getUInt32BE(ByteBuffer b, String field) throws DiscImageException {
        Decoding.require(b, 4, field);
        return (b.get() & 0xFFL) << 24 | (b.get() & 0xFFL) << 16 | (b.get() & 0xFFL) << 8 | (b.get() & 0xFFL);
    }

    /** ECMA-119 7.2.1 ("721"): 16-bit unsigned, little endian. */
    public static void putInt16LE(ByteBuffer b, int v) {
        Decoding.checkRange(v, 0, 0xFFFF, "721 value");
        b.put((byte) v).put((byte) (v >>> 8));
    }

    /** ECMA-119 7.2.2 ("722"): 16-bit unsigned, big endian. */
    public static void putInt16BE(ByteBuffer b, int v) {
        Decoding.checkRange(v, 0, 0xFFFF, "722 value");
        b.put((byte) (v >>> 8)).put((byte) v);
    }

    /** Reads a 721 number (MALFORMED_STRUCTURE if truncated). */
    public static int getUInt16LE(ByteBuffer b, String field) throws DiscImageException {
        Decoding.require(b, 2, field);
        return (b.get() & 0xFF) | (b.get() & 0xFF) << 8;
    }

    /** Reads a 722 number (MALFORMED_STRUCTURE if truncated). */
    public static int getUInt16BE(ByteBuffer b, String field) throws DiscImageException {
        Decoding.require(b, 2, field);
        return (b.get() & 0xFF) << 8 | (b.get() & 0xFF);
    }
}
