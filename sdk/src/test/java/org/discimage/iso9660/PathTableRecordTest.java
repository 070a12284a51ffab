package org.discimage.iso9660;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class PathTableRecordTest {
    @Test
    void rootInBothOrders() throws Exception {
        PathTableRecord r = new PathTableRecord(0, 28, 1, new byte[] {0});
        assertEquals(10, r.length());
        ByteBuffer l = ByteBuffer.allocate(16);
        r.encode(l, ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(hex("01 00 1c 00 00 00 01 00 00 00"), written(l));
        ByteBuffer m = ByteBuffer.allocate(16);
        r.encode(m, ByteOrder.BIG_ENDIAN);
        assertArrayEquals(hex("01 00 00 00 00 1c 00 01 00 00"), written(m));
        assertEquals(r, PathTableRecord.decode(l.flip(), ByteOrder.LITTLE_ENDIAN));
        assertEquals(r, PathTableRecord.decode(m.flip(), ByteOrder.BIG_ENDIAN));
        assertEquals(10, m.position());
    }

    @Test
    void evenIdentifierHasNoPadding() throws Exception {
        PathTableRecord r = new PathTableRecord(0, 0x01020304L, 7, "AB".getBytes());
        assertEquals(10, r.length());
        assertEquals(10, PathTableRecord.length(2));
        assertEquals(12, PathTableRecord.length(3));
        ByteBuffer b = ByteBuffer.allocate(16);
        r.encode(b, ByteOrder.BIG_ENDIAN);
        assertEquals(10, b.position());
        assertEquals(r, PathTableRecord.decode(b.flip(), ByteOrder.BIG_ENDIAN));
    }

    @Test
    void staticEncodeMatchesRecord() {
        ByteBuffer a = ByteBuffer.allocate(16);
        ByteBuffer b = ByteBuffer.allocate(16);
        PathTableRecord.encode(a, ByteOrder.LITTLE_ENDIAN, 99, 3, "DIR".getBytes());
        new PathTableRecord(0, 99, 3, "DIR".getBytes()).encode(b, ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(written(b), written(a));
        assertEquals(12, a.position());
    }

    @Test
    void extendedAttributeLengthRoundTrips() throws Exception {
        PathTableRecord r = new PathTableRecord(4, 1, 1, new byte[] {0});
        ByteBuffer b = ByteBuffer.allocate(16);
        r.encode(b, ByteOrder.BIG_ENDIAN);
        assertEquals(r, PathTableRecord.decode(b.flip(), ByteOrder.BIG_ENDIAN));
    }

    @Test
    void lenDiZero() {
        assertMalformed("LEN_DI at byte 0", () -> PathTableRecord.decode(buf("00 00 1c 00 00 00 01 00 00 00"),
                ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void truncatedIdentifier() {
        assertMalformed("truncated", () -> PathTableRecord.decode(buf("04 00 1c 00 00 00 01 00 41 42"),
                ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void missingPaddingByte() {
        assertMalformed("truncated", () -> PathTableRecord.decode(buf("01 00 1c 00 00 00 01 00 00"),
                ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void parentZero() {
        assertMalformed("parentDirectoryNumber at byte 6",
                () -> PathTableRecord.decode(buf("01 00 1c 00 00 00 00 00 00 00"), ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void emptyBuffer() {
        assertMalformed("truncated", () -> PathTableRecord.decode(ByteBuffer.allocate(0), ByteOrder.BIG_ENDIAN));
    }

    @Test
    void badValuesAreCallerErrors() {
        assertThrows(IllegalArgumentException.class, () -> new PathTableRecord(0, 1, 0, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new PathTableRecord(0, 1, 1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new PathTableRecord(0, 1L << 32, 1, new byte[1]));
    }
}
