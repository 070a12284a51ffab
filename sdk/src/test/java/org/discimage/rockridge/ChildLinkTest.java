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

class ChildLinkTest {
    static final String KNOWN = "43 4c 0c 01 2a 00 00 00 00 00 00 2a";

    @Test
    void knownBytesAndRoundTrip() throws Exception {
        ChildLink e = new ChildLink(42);
        ByteBuffer b = ByteBuffer.allocate(12);
        e.encode(b);
        assertArrayEquals(hex(KNOWN), written(b));
        assertEquals(e, ChildLink.decode(b.flip()));
        assertEquals(12, e.length());
    }

    @Test
    void halvesDisagree() {
        ByteBuffer b = buf(KNOWN);
        b.put(11, (byte) 0x2b);
        assertMalformed("RRIP CL.childDirectoryLocation at byte 4", () -> ChildLink.decode(b));
    }

    @Test
    void wrongLength() {
        ByteBuffer b = buf(KNOWN);
        b.put(2, (byte) 4);
        assertMalformed("RRIP CL.length", () -> ChildLink.decode(b));
    }

    @Test
    void pastTheEnd() {
        assertMalformed("runs past the end", () -> ChildLink.decode(buf(KNOWN).limit(11)));
        assertThrows(IllegalArgumentException.class, () -> new ChildLink(1L << 32));
    }
}
