package org.discimage.iso9660;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.lenient;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.discimage.error.Diagnostic;
import org.junit.jupiter.api.Test;

class RecordingDateTimeTest {
    @Test
    void civilFromDaysIn32BitsAgreesWithTheCalendarForEveryDayFrom1900To2155() {
        long first = RecordingDateTime.MIN_EPOCH_SECOND / 86_400L;
        long last = RecordingDateTime.MAX_EPOCH_SECOND / 86_400L;
        for (long day = first; day <= last; day++) {
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(day);
            int ymd = RecordingDateTime.civilFromDays((int) day);
            assertEquals(date.getYear(), ymd >> 9, "year of day " + day);
            assertEquals(date.getMonthValue(), (ymd >> 5) & 0xF, "month of day " + day);
            assertEquals(date.getDayOfMonth(), ymd & 0x1F, "day of month of day " + day);
            assertEquals(RecordingDateTime.civilFromDays(day), ymd, "day " + day);
        }
    }

    @Test
    void knownExample() throws Exception {
        // docs/formats.md 1.4: 7e 0b 17 05 1f 31 00 = 2026-11-23 05:31:49 UTC
        long s = LocalDateTime.of(2026, 11, 23, 5, 31, 49).toEpochSecond(ZoneOffset.UTC);
        RecordingDateTime d = RecordingDateTime.ofEpochSecond(s);
        assertEquals(new RecordingDateTime(126, 11, 23, 5, 31, 49, 0), d);
        ByteBuffer b = ByteBuffer.allocate(7);
        d.encode(b);
        assertArrayEquals(hex("7e 0b 17 05 1f 31 00"), written(b));
        assertEquals(d, RecordingDateTime.decode(b.flip()));
        assertEquals(s, d.toEpochSecond());
        assertEquals(7, d.length());
    }

    @Test
    void staticPutMatchesRecordAndJavaTime() {
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            long s = RecordingDateTime.MIN_EPOCH_SECOND
                    + Math.floorMod(r.nextLong(), RecordingDateTime.MAX_EPOCH_SECOND - RecordingDateTime.MIN_EPOCH_SECOND);
            RecordingDateTime d = RecordingDateTime.ofEpochSecond(s);
            LocalDateTime t = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
            assertEquals(new RecordingDateTime(t.getYear() - 1900, t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                    t.getMinute(), t.getSecond(), 0), d);
            assertEquals(s, d.toEpochSecond());
            ByteBuffer a = ByteBuffer.allocate(7);
            ByteBuffer b = ByteBuffer.allocate(7);
            d.encode(a);
            RecordingDateTime.put(b, s);
            assertArrayEquals(a.array(), b.array());
        }
    }

    @Test
    void gmtOffsetIsApplied() throws Exception {
        RecordingDateTime d = RecordingDateTime.decode(buf("7e 0b 17 05 1f 31 04")); // UTC+1
        assertEquals(LocalDateTime.of(2026, 11, 23, 4, 31, 49).toEpochSecond(ZoneOffset.UTC), d.toEpochSecond());
        d = RecordingDateTime.decode(buf("7e 0b 17 05 1f 31 f8")); // UTC-2
        assertEquals(-8, d.gmtOffset());
    }

    @Test
    void clampsToRepresentableYears() {
        assertEquals(new RecordingDateTime(0, 1, 1, 0, 0, 0, 0), RecordingDateTime.ofEpochSecond(-5_000_000_000L));
        assertEquals(new RecordingDateTime(255, 12, 31, 23, 59, 59, 0),
                RecordingDateTime.ofEpochSecond(10_000_000_000L));
    }

    @Test
    void notSpecified() throws Exception {
        RecordingDateTime d = RecordingDateTime.decode(buf("00 00 00 00 00 00 00"));
        assertEquals(RecordingDateTime.NOT_SPECIFIED, d);
        assertFalse(d.isSpecified());
        assertEquals(RecordingDateTime.UNSPECIFIED_EPOCH_SECOND, d.toEpochSecond());
        assertEquals(d, RecordingDateTime.ofEpochSecond(RecordingDateTime.UNSPECIFIED_EPOCH_SECOND));
    }

    @Test
    void monthOutOfRange() {
        assertMalformed("RecordingDateTime at byte 0", () -> RecordingDateTime.decode(buf("7e 0d 17 05 1f 31 00")));
    }

    @Test
    void dayZero() {
        assertMalformed("day", () -> RecordingDateTime.decode(buf("7e 0b 00 05 1f 31 00")));
    }

    @Test
    void hourOutOfRange() {
        assertMalformed("hour", () -> RecordingDateTime.decode(buf("7e 0b 17 18 1f 31 00")));
    }

    @Test
    void gmtOffsetOutOfRange() {
        assertMalformed("gmtOffset", () -> RecordingDateTime.decode(buf("7e 0b 17 05 1f 31 35")));
    }

    @Test
    void truncated() {
        assertMalformed("truncated", () -> RecordingDateTime.decode(buf("7e 0b 17 05 1f 31")));
    }

    @Test
    void constructorRejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new RecordingDateTime(126, 11, 23, 5, 60, 0, 0));
    }

    @Test
    void lenientReadsAnOutOfRangeDateAsNotSpecified() throws Exception {
        List<Diagnostic> reports = new ArrayList<>();
        ByteBuffer b = buf("7e 0d 17 05 1f 31 00");
        assertEquals(RecordingDateTime.NOT_SPECIFIED, RecordingDateTime.decode(b, lenient(reports)));
        assertEquals(7, b.position());
        assertEquals(1, reports.size());
        assertEquals("RecordingDateTime", reports.get(0).structure());
        assertEquals(7, reports.get(0).lba());
    }
}
