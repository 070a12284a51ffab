package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class Cs0Test {
    @Test
    void eightBitWhenEveryCharFitsAByte() throws Exception {
        assertArrayEquals(hex("08 61 fc"), Cs0.encode("aü"));
        assertEquals("aü", Cs0.decode(hex("08 61 fc"), "t"));
    }

    @Test
    void sixteenBitOtherwise() throws Exception {
        assertArrayEquals(hex("10 00 61 26 03"), Cs0.encode("a☃"));
        assertEquals("a☃", Cs0.decode(hex("10 00 61 26 03"), "t"));
    }

    @Test
    void deletedNameIds254And255() throws Exception {
        assertEquals("a", Cs0.decode(hex("fe 61"), "t"));
        assertEquals("a", Cs0.decode(hex("ff 00 61"), "t"));
    }

    @Test
    void emptyIsEmpty() throws Exception {
        assertArrayEquals(new byte[0], Cs0.encode(""));
        assertEquals("", Cs0.decode(new byte[0], "t"));
    }

    @Test
    void dstringRoundTrip() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(32);
        Cs0.putDString(b, 0, 32, "CDROM");
        assertArrayEquals(hex("08 43 44 52 4f 4d" + " 00".repeat(25) + " 06"), b.array());
        assertEquals("CDROM", Cs0.getDString(b, 0, 32, "t"));
        assertEquals("", Cs0.decodeDString(new byte[32], "t"));
    }

    @Test
    void dstringTooLong() {
        assertThrows(IllegalArgumentException.class, () -> Cs0.putDString(ByteBuffer.allocate(8), 0, 8, "12345678"));
    }

    @Test
    void unknownCompressionId() {
        assertMalformed("compression ID 7", () -> Cs0.decode(hex("07 41"), "t"));
    }

    @Test
    void oddSixteenBitLength() {
        assertMalformed("odd length", () -> Cs0.decode(hex("10 00 41 42"), "t"));
    }

    @Test
    void dstringLengthBeyondTheField() {
        byte[] f = new byte[8];
        f[0] = 8;
        f[7] = 8;
        assertMalformed("exceeds the field", () -> Cs0.decodeDString(f, "t"));
    }
}
