package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/** Big-endian field helpers for CDBs and replies (MMC: every multi-byte field is big endian). */
final class Bytes {
    private Bytes() {
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put24(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 16);
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) v;
    }

    static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static int u8(ByteBuffer b, int off) {
        return b.get(b.position() + off) & 0xFF;
    }

    static int u16(ByteBuffer b, int off) {
        return (u8(b, off) << 8) | u8(b, off + 1);
    }

    static int u24(ByteBuffer b, int off) {
        return (u8(b, off) << 16) | u16(b, off + 1);
    }

    static long u32(ByteBuffer b, int off) {
        return ((long) u16(b, off) << 16) | u16(b, off + 2);
    }

    /** A signed 32-bit LBA (blank CDs report NWA and lead-in addresses as negative numbers). */
    static int s32(ByteBuffer b, int off) {
        return (int) u32(b, off);
    }

    static boolean bit(ByteBuffer b, int off, int bit) {
        return (u8(b, off) & (1 << bit)) != 0;
    }

    static String ascii(ByteBuffer b, int off, int len) {
        StringBuilder s = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            int c = u8(b, off + i);
            s.append(c >= 0x20 && c < 0x7F ? (char) c : ' ');
        }
        return s.toString().strip();
    }

    static byte[] copy(ByteBuffer b, int off, int len) {
        byte[] out = new byte[len];
        b.duplicate().position(b.position() + off).get(out);
        return out;
    }

    /** The malformed-reply error: names the command, the byte offset and what is wrong. */
    static DiscImageException malformed(String command, int offset, String what) {
        return new DiscImageException(ErrorCode.RECORDER_INVALID_RESPONSE_FROM_DEVICE,
                command + " reply malformed at byte " + offset + ": " + what);
    }

    /** Requires {@code needed} bytes of reply from the buffer's position. */
    static void need(String command, ByteBuffer b, int needed) throws DiscImageException {
        if (b.remaining() < needed) {
            throw malformed(command, b.remaining(), "reply is " + b.remaining() + " bytes, at least " + needed
                    + " needed");
        }
    }

    static void checkRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " " + value + " outside " + min + ".." + max);
        }
    }
}
