package org.discimage.codec;

import java.nio.ByteBuffer;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * Helpers shared by the strict decoders of on-disc records: bounds checks done before reading (so no
 * {@link java.nio.BufferUnderflowException} ever escapes a decoder) and the one way to report a malformed
 * structure, {@link ErrorCode#MALFORMED_STRUCTURE} with a message naming structure, field and byte offset.
 */
public final class Decoding {
    private Decoding() {
    }

    /** A MALFORMED_STRUCTURE exception: "{@code structure.field at byte offset: detail}". */
    public static DiscImageException malformed(String structureAndField, int offset, String detail) {
        return new DiscImageException(ErrorCode.MALFORMED_STRUCTURE,
                structureAndField + (offset >= 0 ? " at byte " + offset : "") + ": " + detail);
    }

    /** Throws MALFORMED_STRUCTURE unless {@code b} has at least {@code n} bytes remaining. */
    public static void require(ByteBuffer b, int n, String structureAndField) throws DiscImageException {
        if (n < 0 || b.remaining() < n) {
            throw malformed(structureAndField, b.position(),
                    "truncated: needs " + n + " bytes, " + b.remaining() + " remain");
        }
    }

    /** Reads one unsigned byte (ECMA-119 7.1.1 "711") after a bounds check. */
    public static int getUInt8(ByteBuffer b, String structureAndField) throws DiscImageException {
        require(b, 1, structureAndField);
        return b.get() & 0xFF;
    }

    /** Writes one unsigned byte (711); IllegalArgumentException outside 0..255. */
    public static void putUInt8(ByteBuffer b, int v, String field) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(field + " out of range 0..255: " + v);
        }
        b.put((byte) v);
    }

    /** Writes one signed byte (712); IllegalArgumentException outside -128..127. */
    public static void putInt8(ByteBuffer b, int v, String field) {
        if (v < -128 || v > 127) {
            throw new IllegalArgumentException(field + " out of range -128..127: " + v);
        }
        b.put((byte) v);
    }

    /** Checks that {@code v} is an unsigned 32-bit value; IllegalArgumentException otherwise. */
    public static long checkUInt32(long v, String field) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + " out of range 0..4294967295: " + v);
        }
        return v;
    }

    /** Checks that {@code v} lies in {@code lo..hi}; IllegalArgumentException otherwise. */
    public static int checkRange(int v, int lo, int hi, String field) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(field + " out of range " + lo + ".." + hi + ": " + v);
        }
        return v;
    }

    /** Writes {@code n} zero bytes. */
    public static void putZeros(ByteBuffer b, int n) {
        for (int i = 0; i < n; i++) {
            b.put((byte) 0);
        }
    }
}
