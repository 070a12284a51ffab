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
}
