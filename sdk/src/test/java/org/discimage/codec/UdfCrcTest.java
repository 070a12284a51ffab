package org.discimage.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class UdfCrcTest {
    @Test
    void udftoolsVector() {
        assertEquals(0x3299, UdfCrc.crc(new byte[] {0x70, 0x6A, 0x77}));
    }

    @Test
    void checkVector() {
        assertEquals(0x31C3, UdfCrc.crc("123456789".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void emptyIsZero() {
        assertEquals(0, UdfCrc.crc(new byte[0]));
    }

    @Test
    void crcOfARangeLeavesTheBufferAlone() {
        ByteBuffer b = ByteBuffer.wrap("xx123456789yy".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0x31C3, UdfCrc.crc(b, 2, 9));
        assertEquals(0, b.position());
    }

    @Test
    void checksumSkipsByteFour() {
        byte[] tag = new byte[16];
        for (int i = 0; i < 16; i++) {
            tag[i] = (byte) (i + 1);
        }
        // 1..16 without 5 = 136 - 5 = 131
        assertEquals(131, UdfCrc.checksum(ByteBuffer.wrap(tag), 0));
        tag[4] = 99;
        assertEquals(131, UdfCrc.checksum(ByteBuffer.wrap(tag), 0));
    }

    @Test
    void checksumIsModulo256() {
        byte[] tag = new byte[16];
        java.util.Arrays.fill(tag, (byte) 0xFF);
        assertEquals(15 * 255 & 0xFF, UdfCrc.checksum(ByteBuffer.wrap(tag), 0));
    }

    /** The bytewise definition (ECMA-167 1/7.2.6: x^16 + x^12 + x^5 + 1, MSB first, initial 0). */
    private static int bitwise(byte[] a, int from, int length) {
        int c = 0;
        for (int i = from; i < from + length; i++) {
            c ^= (a[i] & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            c &= 0xFFFF;
        }
        return c;
    }

    @Test
    void slicingByEightAgreesWithTheBitwiseDefinitionAtEveryLengthAndOffset() {
        byte[] a = new byte[300];
        new java.util.Random(7).nextBytes(a);
        for (int from = 0; from < 9; from++) {
            for (int length = 0; from + length <= a.length; length++) {
                assertEquals(bitwise(a, from, length), UdfCrc.crc(a, from, length), from + "+" + length);
                assertEquals(bitwise(a, from, length), UdfCrc.crc(java.nio.ByteBuffer.wrap(a).asReadOnlyBuffer(),
                        from, length), "no array: " + from + "+" + length);
            }
        }
    }
}
