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

class PosixDeviceNumberTest {
    static final String KNOWN = "50 4e 14 01 00 00 00 00 00 00 00 00 01 08 00 00 00 00 08 01";

    @Test
    void knownBytesAndRoundTrip() throws Exception {
        PosixDeviceNumber pn = new PosixDeviceNumber(0, 0x801);
        ByteBuffer b = ByteBuffer.allocate(20);
        pn.encode(b);
        assertArrayEquals(hex(KNOWN), written(b));
        assertEquals(pn, PosixDeviceNumber.decode(b.flip()));
    }

    @Test
    void lowHalvesDisagree() {
        ByteBuffer b = buf(KNOWN);
        b.put(19, (byte) 2);
        assertMalformed("RRIP PN.low at byte 12", () -> PosixDeviceNumber.decode(b));
    }

    @Test
    void wrongLength() {
        ByteBuffer b = buf(KNOWN);
        b.put(2, (byte) 12);
        assertMalformed("RRIP PN.length", () -> PosixDeviceNumber.decode(b));
    }

    @Test
    void pastTheEnd() {
        assertMalformed("runs past the end", () -> PosixDeviceNumber.decode(buf(KNOWN).limit(19)));
        assertThrows(IllegalArgumentException.class, () -> new PosixDeviceNumber(0, -1));
    }
}
