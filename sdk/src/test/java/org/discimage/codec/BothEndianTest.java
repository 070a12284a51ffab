package org.discimage.codec;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.lenient;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.Diagnostic;
import org.junit.jupiter.api.Test;

class BothEndianTest {
    @Test
    void int32OfOneIsLeThenBe() {
        ByteBuffer b = ByteBuffer.allocate(8);
        BothEndian.putInt32(b, 1);
        assertArrayEquals(hex("01 00 00 00 00 00 00 01"), written(b));
    }

    @Test
    void int32RoundTripsExtremes() throws Exception {
        for (long v : new long[] {0, 1, 0x12345678L, 0xFFFF_FFFFL}) {
            ByteBuffer b = ByteBuffer.allocate(8);
            BothEndian.putInt32(b, v);
            assertEquals(v, BothEndian.getInt32(b.flip(), "f"));
            assertEquals(8, b.position());
        }
    }

    @Test
    void int16IsLeThenBe() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(4);
        BothEndian.putInt16(b, 2048);
        assertArrayEquals(hex("00 08 08 00"), written(b));
        assertEquals(2048, BothEndian.getInt16(b.flip(), "f"));
    }

    @Test
    void singleEndianHelpers() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(12);
        BothEndian.putInt32LE(b, 0x01020304L);
        BothEndian.putInt32BE(b, 0x01020304L);
        BothEndian.putInt16LE(b, 0x0506);
        BothEndian.putInt16BE(b, 0x0506);
        assertArrayEquals(hex("04 03 02 01 01 02 03 04 06 05 05 06"), written(b));
        b.flip();
        assertEquals(0x01020304L, BothEndian.getUInt32LE(b, "f"));
        assertEquals(0x01020304L, BothEndian.getUInt32BE(b, "f"));
        assertEquals(0x0506, BothEndian.getUInt16LE(b, "f"));
        assertEquals(0x0506, BothEndian.getUInt16BE(b, "f"));
    }

    @Test
    void int32HalvesDisagree() {
        assertMalformed("X.size at byte 0", () -> BothEndian.getInt32(buf("01 00 00 00 00 00 00 02"), "X.size"));
    }

    @Test
    void int16HalvesDisagree() {
        assertMalformed("halves disagree", () -> BothEndian.getInt16(buf("01 00 00 02"), "X.n"));
    }

    @Test
    void truncatedNumbers() {
        assertMalformed("truncated", () -> BothEndian.getInt32(buf("01 00 00 00 00 00 00"), "X.a"));
        assertMalformed("truncated", () -> BothEndian.getInt16(buf("01 00 00"), "X.b"));
        assertMalformed("truncated", () -> BothEndian.getUInt32LE(buf("01 00 00"), "X.c"));
        assertMalformed("truncated", () -> BothEndian.getUInt16BE(buf("01"), "X.d"));
    }

    @Test
    void outOfRangeValuesAreCallerErrors() {
        ByteBuffer b = ByteBuffer.allocate(8);
        assertThrows(IllegalArgumentException.class, () -> BothEndian.putInt32(b, -1));
        assertThrows(IllegalArgumentException.class, () -> BothEndian.putInt32(b, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> BothEndian.putInt16(b, 65536));
        assertEquals(0, b.position());
    }

    @Test
    void lenientTakesTheLittleEndianHalfAndReportsOnce() throws Exception {
        List<Diagnostic> reports = new ArrayList<>();
        assertEquals(1, BothEndian.getInt32(buf("01 00 00 00 00 00 00 02"), "f", lenient(reports)));
        assertEquals(1, reports.size());
        assertEquals("f", reports.get(0).structure());
        assertEquals(7, reports.get(0).lba());
        assertEquals("at byte 0: both-endian halves disagree: LE 1 != BE 2; using the little-endian 1",
                reports.get(0).message());
        assertEquals(3, BothEndian.getInt16(buf("03 00 00 04"), "g", lenient(reports)));
        assertEquals(2, reports.size());
        assertMalformed("g at byte 0: both-endian halves disagree", () -> BothEndian.getInt16(buf("03 00 00 04"), "g",
                DecodeContext.STRICT));
    }

    @Test
    void lenientStillFailsOnTruncation() {
        assertMalformed("truncated", () -> BothEndian.getInt32(buf("01 00 00 00 00 00 00"), "f",
                lenient(new ArrayList<>())));
    }
}
