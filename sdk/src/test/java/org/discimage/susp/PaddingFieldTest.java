package org.discimage.susp;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PaddingFieldTest {
    @Test
    void knownBytesAndRoundTrip() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8);
        new PaddingField(6).encode(b);
        assertArrayEquals(hex("50 44 06 01 00 00"), written(b));
        assertEquals(new PaddingField(6), PaddingField.decode(b.flip()));
        assertEquals(6, b.position());
    }

    @Test
    void lengthBelowFour() {
        assertMalformed("SUSP PD.length", () -> PaddingField.decode(buf("50 44 03 01")));
    }

    @Test
    void pastTheEnd() {
        assertMalformed("runs past the end", () -> PaddingField.decode(buf("50 44 09 01 00")));
    }

    @Test
    void callerErrors() {
        assertThrows(IllegalArgumentException.class, () -> new PaddingField(256));
        assertThrows(IllegalArgumentException.class, () -> new PaddingField(3));
    }
}
