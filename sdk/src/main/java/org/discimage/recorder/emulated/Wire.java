package org.discimage.recorder.emulated;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiStatus;

/** The emulated drive's reply plumbing: status, fixed-format sense (SPC) and big-endian fields (formats.md §6). */
final class Wire {
    static final int BLOCK = 2048;
    private static final Duration TOOK = Duration.ZERO;

    private Wire() {
    }

    /** Copies as much of {@code reply} as the buffer holds (the allocation length truncates, SPC). */
    static ScsiResult reply(ByteBuffer data, byte[] reply) {
        if (data == null) {
            return good(0);
        }
        int requested = data.remaining();
        int n = Math.min(requested, reply.length);
        data.put(reply, 0, n);
        return good(requested - n);
    }

    static ScsiResult good(int residual) {
        return new ScsiResult(ScsiStatus.GOOD, new byte[0], residual, TOOK);
    }

    /** CHECK CONDITION with 18 bytes of fixed-format current sense (SPC: 70h, [2] key, [7] 10, [12] ASC, [13] ASCQ). */
    static ScsiResult check(int key, int asc, int ascq, ByteBuffer data) {
        byte[] s = new byte[18];
        s[0] = 0x70;
        s[2] = (byte) key;
        s[7] = 10;
        s[12] = (byte) asc;
        s[13] = (byte) ascq;
        return new ScsiResult(ScsiStatus.CHECK_CONDITION, s, data == null ? 0 : data.remaining(), TOOK);
    }

    static long address(long lba, boolean msf) {
        return msf ? msf(lba) : lba;
    }

    /** LBA → 00 MM SS FF with the 150-frame offset of MMC's MSF addresses. */
    static long msf(long lba) {
        long f = lba + 150;
        return ((f / (60 * 75)) << 16) | (((f / 75) % 60) << 8) | (f % 75);
    }

    static void ascii(byte[] b, int off, int len, String s) {
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < len; i++) {
            b[off + i] = i < t.length ? t[i] : (byte) ' ';
        }
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static long u32(byte[] b, int off) {
        return ((long) u16(b, off) << 16) | u16(b, off + 2);
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put24(byte[] b, int off, long v) {
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
}
