package org.discimage.susp;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExtensionReferenceTest {
    static ByteBuffer encoded(ExtensionReference er) {
        ByteBuffer b = ByteBuffer.allocate(255);
        er.encode(b);
        return b.flip();
    }

    @Test
    void rrip112LengthAndHeaderAsPycdlib() throws Exception {
        assertEquals(183, ExtensionReference.RRIP_1_12.length());
        ByteBuffer b = encoded(ExtensionReference.RRIP_1_12);
        assertEquals(183, b.limit());
        assertArrayEquals(hex("45 52 b7 01 0a 48 5d 01 49 45 45 45 5f 50 31 32 38 32"), Arrays.copyOf(b.array(), 18));
        assertEquals(ExtensionReference.RRIP_1_12, ExtensionReference.decode(b));
        assertEquals(183, b.position());
    }

    @Test
    void rrip1991aIs237Bytes() throws Exception {
        assertEquals(237, ExtensionReference.RRIP_1991A.length());
        assertEquals(ExtensionReference.RRIP_1991A, ExtensionReference.decode(encoded(ExtensionReference.RRIP_1991A)));
    }

    @Test
    void lengthsDoNotAddUp() {
        ByteBuffer b = encoded(ExtensionReference.RRIP_1_12);
        b.put(4, (byte) 11);
        assertMalformed("SUSP ER.LEN_ID at byte 4", () -> ExtensionReference.decode(b));
    }

    @Test
    void entryLengthBelowMinimum() {
        ByteBuffer b = encoded(ExtensionReference.RRIP_1_12);
        b.put(2, (byte) 7);
        assertMalformed("SUSP ER.length", () -> ExtensionReference.decode(b));
    }

    @Test
    void entryPastTheEnd() {
        assertMalformed("runs past the end", () -> ExtensionReference.decode(encoded(ExtensionReference.RRIP_1_12)
                .limit(182)));
    }

    @Test
    void tooLongIsCallerError() {
        assertThrows(IllegalArgumentException.class, () -> new ExtensionReference("X", "Y".repeat(200), "Z".repeat(50), 1));
    }
}
