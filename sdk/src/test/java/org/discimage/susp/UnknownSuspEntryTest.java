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

class UnknownSuspEntryTest {
    @Test
    void keptVerbatim() throws Exception {
        UnknownSuspEntry e = UnknownSuspEntry.decode(buf("5a 46 08 02 70 7a 04 0f"));
        assertEquals(new UnknownSuspEntry("ZF", 2, hex("70 7a 04 0f")), e);
        assertEquals(8, e.length());
        assertEquals(2, e.version());
        ByteBuffer b = ByteBuffer.allocate(8);
        e.encode(b);
        assertArrayEquals(hex("5a 46 08 02 70 7a 04 0f"), written(b));
    }

    @Test
    void lengthBelowFour() {
        assertMalformed("SUSP ZF.length at byte 2", () -> UnknownSuspEntry.decode(buf("5a 46 03 01")));
    }

    @Test
    void pastTheEnd() {
        assertMalformed("runs past the end", () -> UnknownSuspEntry.decode(buf("5a 46 09 01 00")));
    }

    @Test
    void callerErrors() {
        assertThrows(IllegalArgumentException.class, () -> new UnknownSuspEntry("ZF", 1, new byte[252]));
        assertThrows(IllegalArgumentException.class, () -> new UnknownSuspEntry("Z", 1, null));
    }
}
