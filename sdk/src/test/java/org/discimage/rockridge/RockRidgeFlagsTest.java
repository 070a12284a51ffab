package org.discimage.rockridge;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RockRidgeFlagsTest {
    @Test
    void knownBytesAndRoundTrip() throws Exception {
        // genisoimage's RR on a directory: PX, NM, TF
        RockRidgeFlags rr = new RockRidgeFlags(RockRidgeFlags.PX | RockRidgeFlags.NM | RockRidgeFlags.TF);
        ByteBuffer b = ByteBuffer.allocate(5);
        rr.encode(b);
        assertArrayEquals(hex("52 52 05 01 89"), written(b));
        assertEquals(rr, RockRidgeFlags.decode(b.flip()));
    }

    @Test
    void wrongLength() {
        assertMalformed("RRIP RR.length", () -> RockRidgeFlags.decode(buf("52 52 04 01")));
    }

    @Test
    void pastTheEnd() {
        assertMalformed("runs past the end", () -> RockRidgeFlags.decode(buf("52 52 05 01")));
        assertThrows(IllegalArgumentException.class, () -> new RockRidgeFlags(-1));
    }
}
