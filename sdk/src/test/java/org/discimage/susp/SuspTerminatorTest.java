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

class SuspTerminatorTest {
    @Test
    void knownBytesAndRoundTrip() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4);
        new SuspTerminator().encode(b);
        assertArrayEquals(hex("53 54 04 01"), written(b));
        assertEquals(new SuspTerminator(), SuspTerminator.decode(b.flip()));
        assertEquals(4, new SuspTerminator().length());
    }

    @Test
    void wrongLength() {
        assertMalformed("SUSP ST.length", () -> SuspTerminator.decode(buf("53 54 05 01 00")));
    }

    @Test
    void truncated() {
        assertMalformed("truncated", () -> SuspTerminator.decode(buf("53 54 04")));
        assertThrows(IllegalArgumentException.class, () -> SuspHeader.put(ByteBuffer.allocate(4), "STX", 4, 1));
    }
}
