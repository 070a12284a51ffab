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

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            TABLE[i] = c & 0xFFFF;
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
        for (int i = from, end = from + length; i < end; i++) {
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
