package org.discimage.udf;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * Little-endian field access at absolute offsets of a descriptor slice (ECMA-167 1/7.1: every
 * multi-byte number of ECMA-167 is little endian), and the slicing that keeps decoders inside
 * their bounds.
 */
final class Le {
    private static final byte[] ZEROS = new byte[2048];

    private Le() {
    }

    /** The next {@code length} bytes of {@code b} as a slice from index 0, after a bounds check; b is not moved. */
    static ByteBuffer slice(ByteBuffer b, int length, String structure) throws DiscImageException {
        Decoding.require(b, length, structure);
        return b.slice(b.position(), length);
    }

    /** A writable slice of the next {@code length} bytes; BufferOverflowException if b has less room. */
    static ByteBuffer out(ByteBuffer b, int length) {
        if (b.remaining() < length) {
            throw new BufferOverflowException();
        }
        ByteBuffer s = b.slice(b.position(), length);
        // one bulk copy, not a put per byte (descriptors of a sector or more, one per file in UDF)
        for (int i = 0; i < length; i += ZEROS.length) {
            s.put(i, ZEROS, 0, Math.min(ZEROS.length, length - i));
        }
        return s;
    }

    static int u8(ByteBuffer d, int off) {
        return d.get(off) & 0xFF;
    }

    static int u16(ByteBuffer d, int off) {
        return (d.get(off) & 0xFF) | (d.get(off + 1) & 0xFF) << 8;
    }

    static long u32(ByteBuffer d, int off) {
        return (long) u16(d, off) | (long) u16(d, off + 2) << 16;
    }

    /** A 64-bit number as a signed long (callers check the sign where it sizes something). */
    static long u64(ByteBuffer d, int off) {
        return u32(d, off) | u32(d, off + 4) << 32;
    }

    static byte[] bytes(ByteBuffer d, int off, int len) {
        byte[] a = new byte[len];
        d.get(off, a);
        return a;
    }

    static void put8(ByteBuffer d, int off, int v) {
        d.put(off, (byte) v);
    }

    static void put16(ByteBuffer d, int off, int v) {
        d.put(off, (byte) v).put(off + 1, (byte) (v >>> 8));
    }

    static void put32(ByteBuffer d, int off, long v) {
        put16(d, off, (int) v & 0xFFFF);
        put16(d, off + 2, (int) (v >>> 16) & 0xFFFF);
    }

    static void put64(ByteBuffer d, int off, long v) {
        put32(d, off, v & 0xFFFF_FFFFL);
        put32(d, off + 4, v >>> 32);
    }

    /** Writes the low 16 bits of {@code v} at {@code a[off]}, little endian (the array twin of put16). */
    static void put16(byte[] a, int off, int v) {
        a[off] = (byte) v;
        a[off + 1] = (byte) (v >>> 8);
    }

    /** Writes the low 32 bits of {@code v} at {@code a[off]}, little endian. */
    static void put32(byte[] a, int off, long v) {
        a[off] = (byte) v;
        a[off + 1] = (byte) (v >>> 8);
        a[off + 2] = (byte) (v >>> 16);
        a[off + 3] = (byte) (v >>> 24);
    }

    /** Writes {@code v} at {@code a[off]}, little endian. */
    static void put64(byte[] a, int off, long v) {
        put32(a, off, v);
        put32(a, off + 4, v >>> 32);
    }

    static void putBytes(ByteBuffer d, int off, byte[] a) {
        d.put(off, a);
    }

    /** Checks an array has exactly {@code n} bytes; IllegalArgumentException otherwise. Returns a copy. */
    static byte[] fixed(byte[] a, int n, String field) {
        if (a == null) {
            return new byte[n];
        }
        if (a.length != n) {
            throw new IllegalArgumentException(field + " must be " + n + " bytes, not " + a.length);
        }
        return a.clone();
    }

    /** IllegalArgumentException unless 0 <= v <= 0xFFFF. */
    static int u16Arg(int v, String field) {
        return Decoding.checkRange(v, 0, 0xFFFF, field);
    }

    /** IllegalArgumentException unless v is an unsigned 32-bit number. */
    static long u32Arg(long v, String field) {
        return Decoding.checkUInt32(v, field);
    }
}
