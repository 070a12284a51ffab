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

class PosixFileAttributesTest {
    /** pycdlib's PX (RRIP 1.12) of a directory: mode 040555, 2 links, uid 0, gid 0, serial 0. */
    static final String KNOWN = "50 58 2c 01 6d 41 00 00 00 00 41 6d 02 00 00 00 00 00 00 02"
            + " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00";

    @Test
    void knownBytesAndRoundTrip() throws Exception {
        PosixFileAttributes px = new PosixFileAttributes(040555, 2, 0, 0, 0);
        ByteBuffer b = ByteBuffer.allocate(64);
        px.encode(b);
        assertArrayEquals(hex(KNOWN), written(b));
        assertEquals(px, PosixFileAttributes.decode(b.flip()));
        assertEquals(44, b.position());
    }

    @Test
    void rrip109FormWithoutSerialNumber() throws Exception {
        PosixFileAttributes px = new PosixFileAttributes(0100644, 1, 1000, 100, -1);
        assertEquals(36, px.length());
        ByteBuffer b = ByteBuffer.allocate(64);
        px.encode(b);
        assertEquals(36, b.position());
        assertEquals(36, b.get(2));
        assertEquals(px, PosixFileAttributes.decode(b.flip()));
    }

    @Test
    void modeHalvesDisagree() {
        ByteBuffer b = buf(KNOWN);
        b.put(4, (byte) 0x6e);
        assertMalformed("RRIP PX.mode at byte 4", () -> PosixFileAttributes.decode(b));
    }

    @Test
    void serialHalvesDisagree() {
        ByteBuffer b = buf(KNOWN);
        b.put(36, (byte) 1);
        assertMalformed("RRIP PX.serialNumber at byte 36", () -> PosixFileAttributes.decode(b));
    }

    @Test
    void lengthNeither36Nor44() {
        ByteBuffer b = buf(KNOWN);
        b.put(2, (byte) 40);
        assertMalformed("RRIP PX.length", () -> PosixFileAttributes.decode(b));
    }

    @Test
    void pastTheEnd() {
        assertMalformed("runs past the end", () -> PosixFileAttributes.decode(buf(KNOWN).limit(43)));
    }

    @Test
    void callerErrors() {
        assertThrows(IllegalArgumentException.class, () -> new PosixFileAttributes(-1, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PosixFileAttributes(0, 1, 1L << 32, 0, 0));
    }
}
