package org.discimage.codec;

import java.nio.ByteBuffer;

/**
 * The two integrity fields of an ECMA-167 descriptor tag (ECMA-167 3/7.2): the descriptor CRC, a
 * CRC-16/ITU-T (CCITT: polynomial x^16 + x^12 + x^5 + 1, initial value 0, MSB first, no reflection,
 * no final XOR; ECMA-167 1/7.2.6), and the tag checksum, the sum modulo 256 of tag bytes 0-3 and 5-15
 * (ECMA-167 3/7.2.3). Test vectors: {@code 70 6A 77} gives 0x3299, ASCII {@code 123456789} gives 0x31C3.
 */
public final class UdfCrc {
    private static final int[] TABLE = new int[256];
    /**
     * Slicing by 8: {@code T[k][v]} is the register after byte v followed by k zero bytes, from 0.
     * The CRC is linear over GF(2) with initial value 0, so 8 bytes advance the register by the XOR
     * of 8 independent lookups (the 16-bit register meets the first two) instead of a chain of 8
     * dependent ones: every File Entry and FID of a UDF image is sealed with this CRC.
     */
    private static final int[] T1 = TABLE;
    private static final int[] T2 = new int[256];
    private static final int[] T3 = new int[256];
    private static final int[] T4 = new int[256];
    private static final int[] T5 = new int[256];
    private static final int[] T6 = new int[256];
    private static final int[] T7 = new int[256];
    private static final int[] T8 = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            TABLE[i] = c & 0xFFFF;
        }
        int[][] t = {T1, T2, T3, T4, T5, T6, T7, T8};
        for (int k = 1; k < t.length; k++) {
            for (int i = 0; i < 256; i++) {
                int c = t[k - 1][i];
                t[k][i] = ((c << 8) ^ TABLE[c >>> 8]) & 0xFFFF;  // one more zero byte
            }
        }
    }

    private UdfCrc() {
    }

    /** The CRC of {@code length} bytes of {@code b} from absolute index {@code offset}; b is not moved. */
    public static int crc(ByteBuffer b, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, b.limit());
        if (b.hasArray()) {
            // straight over the array: a cold JVM (C1, the CLI launcher) pays a call per ByteBuffer.get,
            // and every File Entry of a UDF image is sealed with this CRC
            return crc(b.array(), b.arrayOffset() + offset, length);
        }
        int c = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            c = ((c << 8) & 0xFFFF) ^ TABLE[((c >>> 8) ^ b.get(i)) & 0xFF];
        }
        return c;
    }

    /**
     * The CRC of {@code length} bytes of {@code a} from index {@code from}: for encoders that seal a
     * descriptor in place, without a ByteBuffer view or a copy.
     */
    public static int crc(byte[] a, int from, int length) {
        int c = 0;
        int i = from;
        int end = from + length;
        for (int end8 = end - 7; i < end8; i += 8) {
            int x = c ^ ((a[i] & 0xFF) << 8 | (a[i + 1] & 0xFF));
            c = T8[x >>> 8] ^ T7[x & 0xFF] ^ T6[a[i + 2] & 0xFF] ^ T5[a[i + 3] & 0xFF] ^ T4[a[i + 4] & 0xFF]
                    ^ T3[a[i + 5] & 0xFF] ^ T2[a[i + 6] & 0xFF] ^ T1[a[i + 7] & 0xFF];
        }
        for (; i < end; i++) {
            c = ((c << 8) & 0xFFFF) ^ TABLE[((c >>> 8) ^ a[i]) & 0xFF];
        }
        return c;
    }

    /** The CRC of a whole array. */
    public static int crc(byte[] bytes) {
        return crc(bytes, 0, bytes.length);
    }

    /**
     * The tag checksum of the 16-byte tag starting at absolute index {@code offset} of {@code b}:
     * bytes 0-3 and 5-15 summed modulo 256 (byte 4 holds the checksum itself).
     */
    public static int checksum(ByteBuffer b, int offset) {
        int sum = 0;
        for (int i = 0; i < 16; i++) {
            if (i != 4) {
                sum += b.get(offset + i) & 0xFF;
            }
        }
        return sum & 0xFF;
    }
}
