package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimestampTest {
    @Test
    void roundTripOfAnInstant() throws Exception {
        Instant t = Instant.parse("2024-05-06T07:08:09.123456Z");
        ByteBuffer b = ByteBuffer.allocate(12);
        Timestamp.of(t).encode(b);
        assertArrayEquals(hex("00 10 e8 07 05 06 07 08 09 0c 22 38"), b.array());
        assertEquals(t, Timestamp.decode(b.flip()).toInstant());
    }

    @Test
    void timeZoneOffsetIsSubtracted() throws Exception {
        // type 1, +60 minutes: 0x103C; 2000-01-01 01:00 local is 00:00 UTC
        Timestamp t = Timestamp.decode(ByteBuffer.wrap(hex("3c 10 d0 07 01 01 01 00 00 00 00 00")));
        assertEquals(60, t.offsetMinutes());
        assertEquals(Instant.parse("2000-01-01T00:00:00Z"), t.toInstant());
    }

    @Test
    void negativeOffsetIsSignExtended() throws Exception {
        Timestamp t = Timestamp.decode(ByteBuffer.wrap(hex("c4 1f d0 07 01 01 00 00 00 00 00 00")));
        assertEquals(-60, t.offsetMinutes());
        assertEquals(Instant.parse("2000-01-01T01:00:00Z"), t.toInstant());
    }

    @Test
    void unspecifiedTimeZoneIsUtc() throws Exception {
        Timestamp t = Timestamp.decode(ByteBuffer.wrap(hex("01 18 d0 07 01 01 00 00 00 00 00 00")));
        assertEquals(Timestamp.NO_TIME_ZONE, t.offsetMinutes());
        assertEquals(Instant.parse("2000-01-01T00:00:00Z"), t.toInstant());
    }

    @Test
    void invalidFieldsHaveNoInstant() throws Exception {
        assertNull(Timestamp.decode(ByteBuffer.wrap(new byte[12])).toInstant());
        assertNull(Timestamp.decode(ByteBuffer.wrap(hex("00 10 d0 07 0d 01 00 00 00 00 00 00"))).toInstant());
    }

    @Test
    void truncated() {
        assertMalformed("truncated", () -> Timestamp.decode(ByteBuffer.allocate(11)));
    }
}
