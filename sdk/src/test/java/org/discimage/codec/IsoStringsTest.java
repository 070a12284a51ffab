package org.discimage.codec;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class IsoStringsTest {
    @Test
    void asciiIsSpacePadded() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8);
        IsoStrings.putPadded(b, "AB", 5);
        assertArrayEquals(hex("41 42 20 20 20"), written(b));
        assertEquals("AB", IsoStrings.getTrimmed(b.flip(), 5));
    }

    @Test
    void asciiTooLongOrNonAscii() {
        ByteBuffer b = ByteBuffer.allocate(8);
        assertThrows(IllegalArgumentException.class, () -> IsoStrings.putPadded(b, "ABCDEF", 5));
        assertThrows(IllegalArgumentException.class, () -> IsoStrings.putPadded(b, "\u00e9", 5));
    }

    @Test
    void trimmedAlsoDropsNulPadding() throws Exception {
        assertEquals("A B", IsoStrings.getTrimmed(buf("41 20 42 20 00 00"), 6));
    }

    @Test
    void ucs2EvenFieldPaddedWith0020() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8);
        IsoStrings.putUcs2Padded(b, "\u00e9", 6);
        assertArrayEquals(hex("00 e9 00 20 00 20"), written(b));
        assertEquals("\u00e9", IsoStrings.getUcs2Trimmed(b.flip(), 6));
        assertEquals(6, b.position());
    }

    @Test
    void ucs2OddFieldEndsWithZeroByte() throws Exception {
        // as pycdlib pads the 37-byte file identifier fields of a Joliet SVD
        ByteBuffer b = ByteBuffer.allocate(8);
        IsoStrings.putUcs2Padded(b, "A", 5);
        assertArrayEquals(hex("00 41 00 20 00"), written(b));
        assertEquals("A", IsoStrings.getUcs2Trimmed(b.flip(), 5));
        assertEquals(5, b.position());
    }

    @Test
    void ucs2TooLong() {
        assertThrows(IllegalArgumentException.class,
                () -> IsoStrings.putUcs2Padded(ByteBuffer.allocate(8), "ABC", 5));
    }

    @Test
    void truncatedFields() {
        assertMalformed("truncated", () -> IsoStrings.getTrimmed(buf("41 42"), 3));
        assertMalformed("truncated", () -> IsoStrings.getUcs2Trimmed(buf("00 41"), 4));
    }
}
