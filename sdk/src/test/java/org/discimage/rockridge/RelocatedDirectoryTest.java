package org.discimage.rockridge;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RelocatedDirectoryTest {
    @Test
    void knownBytesAndRoundTrip() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4);
        new RelocatedDirectory().encode(b);
        assertArrayEquals(hex("52 45 04 01"), written(b));
        assertEquals(new RelocatedDirectory(), RelocatedDirectory.decode(b.flip()));
    }

    @Test
    void wrongLength() {
        assertMalformed("RRIP RE.length", () -> RelocatedDirectory.decode(buf("52 45 05 01 00")));
    }

    @Test
    void wrongVersion() {
        assertMalformed("RRIP RE.version", () -> RelocatedDirectory.decode(buf("52 45 04 02")));
    }
}
