package org.discimage.susp;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SharingProtocolIndicatorTest {
    @Test
    void knownBytesAndRoundTrip() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(16);
        new SharingProtocolIndicator(0).encode(b);
        assertArrayEquals(hex("53 50 07 01 be ef 00"), written(b));
        assertEquals(new SharingProtocolIndicator(0), SharingProtocolIndicator.decode(b.flip()));
        assertEquals(7, b.position());
        assertEquals(7, new SharingProtocolIndicator(3).length());
    }

    @Test
    void badCheckBytes() {
        assertMalformed("SUSP SP.checkBytes at byte 4", () -> SharingProtocolIndicator.decode(buf("53 50 07 01 be ee 00")));
    }

    @Test
    void wrongLength() {
        assertMalformed("SUSP SP.length at byte 2", () -> SharingProtocolIndicator.decode(buf("53 50 08 01 be ef 00 00")));
    }

    @Test
    void wrongVersion() {
        assertMalformed("SUSP SP.version at byte 3", () -> SharingProtocolIndicator.decode(buf("53 50 07 02 be ef 00")));
    }

    @Test
    void wrongSignature() {
        assertMalformed("SUSP SP.signature", () -> SharingProtocolIndicator.decode(buf("53 51 07 01 be ef 00")));
    }

    @Test
    void truncated() {
        assertMalformed("runs past the end", () -> SharingProtocolIndicator.decode(buf("53 50 07 01 be ef")));
        assertMalformed("truncated", () -> SharingProtocolIndicator.decode(buf("53 50 07")));
    }
}
