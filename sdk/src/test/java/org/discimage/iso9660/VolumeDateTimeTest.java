package org.discimage.iso9660;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.lenient;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.Diagnostic;
import org.junit.jupiter.api.Test;

class VolumeDateTimeTest {
    private static ByteBuffer bytes(String digits, int offset) {
        ByteBuffer b = ByteBuffer.allocate(17);
        b.put(digits.getBytes(StandardCharsets.US_ASCII)).put((byte) offset);
        return b.flip();
    }

    @Test
    void knownExampleFromPycdlib() throws Exception {
        VolumeDateTime d = VolumeDateTime.decode(bytes("2026112309255400", 0));
        assertEquals(new VolumeDateTime(2026, 11, 23, 9, 25, 54, 0, 0), d);
        assertEquals(Instant.parse("2026-11-23T09:25:54Z"), d.toInstant());
        ByteBuffer b = ByteBuffer.allocate(17);
        d.encode(b);
        assertArrayEquals(bytes("2026112309255400", 0).array(), b.array());
        assertEquals(17, d.length());
    }

    @Test
    void ofInstantRoundTrip() throws Exception {
        Instant t = Instant.parse("1999-12-31T23:59:58.47Z");
        VolumeDateTime d = VolumeDateTime.of(t);
        assertEquals(new VolumeDateTime(1999, 12, 31, 23, 59, 58, 47, 0), d);
        ByteBuffer b = ByteBuffer.allocate(17);
        d.encode(b);
        assertEquals(d, VolumeDateTime.decode(b.flip()));
        assertEquals(t, d.toInstant());
    }

    @Test
    void offsetApplied() throws Exception {
        VolumeDateTime d = VolumeDateTime.decode(bytes("2020010100000000", -8)); // UTC-2
        assertEquals(Instant.parse("2020-01-01T02:00:00Z"), d.toInstant());
    }

    @Test
    void notSpecified() throws Exception {
        VolumeDateTime d = VolumeDateTime.decode(bytes("0000000000000000", 0));
        assertEquals(VolumeDateTime.NOT_SPECIFIED, d);
        assertFalse(d.isSpecified());
        assertNull(d.toInstant());
        ByteBuffer b = ByteBuffer.allocate(17);
        VolumeDateTime.NOT_SPECIFIED.encode(b);
        assertArrayEquals(bytes("0000000000000000", 0).array(), b.array());
    }

    @Test
    void nonDigit() {
        assertMalformed("VolumeDateTime.digits at byte 4", () -> VolumeDateTime.decode(bytes("2026x12309255400", 0)));
    }

    @Test
    void allZeroBytesAreNotDigits() {
        assertMalformed("not a digit", () -> VolumeDateTime.decode(ByteBuffer.allocate(17)));
    }

    @Test
    void monthOutOfRange() {
        assertMalformed("month", () -> VolumeDateTime.decode(bytes("2026132309255400", 0)));
    }

    @Test
    void gmtOffsetOutOfRange() {
        assertMalformed("gmtOffset", () -> VolumeDateTime.decode(bytes("2026112309255400", 53)));
    }

    @Test
    void truncated() {
        assertMalformed("truncated", () -> VolumeDateTime.decode(ByteBuffer.allocate(16)));
    }

    @Test
    void instantOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> VolumeDateTime.of(Instant.parse("+10000-01-01T00:00:00Z")));
    }

    @Test
    void lenientReadsNulFilledAndOutOfRangeDatesAsNotSpecified() throws Exception {
        List<Diagnostic> reports = new ArrayList<>();
        ByteBuffer nul = ByteBuffer.allocate(18);
        assertEquals(VolumeDateTime.NOT_SPECIFIED, VolumeDateTime.decode(nul, lenient(reports)));
        assertEquals(17, nul.position());
        assertEquals(VolumeDateTime.NOT_SPECIFIED, VolumeDateTime.decode(bytes("2026132309255400", 0),
                lenient(reports)));
        assertEquals(2, reports.size());
        assertEquals("VolumeDateTime.digits", reports.get(0).structure());
        assertEquals("at byte 0: not a digit: 0x00; read as not specified", reports.get(0).message());
        assertEquals("VolumeDateTime", reports.get(1).structure());
    }
}
