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

class ContinuationAreaTest {
    /** pycdlib's CE of the root "." record: block 30, offset 0, 183 bytes (the ER). */
    static final String KNOWN = "43 45 1c 01 1e 00 00 00 00 00 00 1e 00 00 00 00 00 00 00 00 b7 00 00 00 00 00 00 b7";

    @Test
    void knownBytesAndRoundTrip() throws Exception {
        ContinuationArea ce = new ContinuationArea(30, 0, 183);
        ByteBuffer b = ByteBuffer.allocate(28);
        ce.encode(b);
        assertArrayEquals(hex(KNOWN), written(b));
        assertEquals(ce, ContinuationArea.decode(b.flip()));
        assertEquals(28, ce.length());
    }

    @Test
    void blockHalvesDisagree() {
        ByteBuffer b = buf(KNOWN);
        b.put(11, (byte) 0x1f);
        assertMalformed("SUSP CE.blockLocation at byte 4", () -> ContinuationArea.decode(b));
    }

    @Test
    void lengthHalvesDisagree() {
        ByteBuffer b = buf(KNOWN);
        b.put(20, (byte) 0xb8);
        assertMalformed("SUSP CE.lengthOfContinuationArea at byte 20", () -> ContinuationArea.decode(b));
    }

    @Test
    void wrongEntryLength() {
        ByteBuffer b = buf(KNOWN);
        b.put(2, (byte) 27);
        assertMalformed("SUSP CE.length", () -> ContinuationArea.decode(b));
    }

    @Test
    void truncated() {
        assertMalformed("runs past the end", () -> ContinuationArea.decode(buf(KNOWN).limit(27)));
    }

    @Test
    void outOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new ContinuationArea(-1, 0, 0));
    }
}
