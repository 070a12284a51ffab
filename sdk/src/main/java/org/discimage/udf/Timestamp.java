package org.discimage.udf;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.discimage.error.DiscImageException;

/**
 * A timestamp, ECMA-167 1/7.3:
 * <pre>
 * 0 type and time zone (2: bits 15-12 type, 1 = local time; bits 11-0 signed minutes from UTC,
 *   -1440..1440, or -2047 for "not specified")
 * 2 year (2, signed)  4 month  5 day  6 hour  7 minute  8 second  9 centiseconds
 * 10 hundreds of microseconds  11 microseconds
 * </pre>
 * Decoding accepts any bytes (a timestamp sizes nothing); {@link #toInstant()} tells whether they
 * make a valid time.
 *
 * @param type           bits 15-12 of the first field (1 = local time)
 * @param offsetMinutes  minutes east of UTC, or {@link #NO_TIME_ZONE}
 * @param year           1..9999
 * @param month          1..12
 * @param day            1..31
 * @param hour           0..23
 * @param minute         0..59
 * @param second         0..59
 * @param centiseconds   0..99
 * @param hundredsOfMicroseconds 0..99
 * @param microseconds   0..99
 */
public record Timestamp(int type, int offsetMinutes, int year, int month, int day, int hour, int minute, int second,
                        int centiseconds, int hundredsOfMicroseconds, int microseconds) {
    /** Bytes in a timestamp. */
    public static final int LENGTH = 12;
    /** The time zone value "not specified". */
    public static final int NO_TIME_ZONE = -2047;

    /** Checks the field ranges of the encoding. */
    public Timestamp {
        org.discimage.codec.Decoding.checkRange(type, 0, 15, "type");
        org.discimage.codec.Decoding.checkRange(offsetMinutes, -2048, 2047, "offsetMinutes");
        org.discimage.codec.Decoding.checkRange(year, -32768, 32767, "year");
        for (int v : new int[] {month, day, hour, minute, second, centiseconds, hundredsOfMicroseconds, microseconds}) {
            org.discimage.codec.Decoding.checkRange(v, 0, 255, "timestamp field");
        }
    }

    /** A UTC local-time timestamp of {@code instant} (type 1, offset 0), microsecond precision. */
    public static Timestamp of(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        int micros = t.getNano() / 1000;
        return new Timestamp(1, 0, t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond(), micros / 10000, micros / 100 % 100, micros % 100);
    }

    /**
     * Writes the 12 bytes of {@code of(Instant.ofEpochSecond(epochSecond))} at {@code a[off]} without
     * the objects (LocalDateTime, ZoneRules, the record) that a File Entry's three or four times
     * would otherwise cost per file: the proleptic Gregorian date of the day number, as
     * java.time counts (ISO 8601), UTC (type 1, offset 0), no fraction. A year outside -32768..32767
     * goes the way of {@link #of} and fails as it does.
     */
    public static void put(byte[] a, int off, long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        // day 0 of a 400-year era (146,097 days) is 0000-03-01, so that leap days end the era's years
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long dayOfEra = z - era * 146_097L;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);  // from March 1
        int m = (int) ((5 * dayOfYear + 2) / 153);
        int day = (int) (dayOfYear - (153L * m + 2) / 5 + 1);
        int month = m < 10 ? m + 3 : m - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < -32768 || year > 32767) {
            of(Instant.ofEpochSecond(epochSecond)).encode(ByteBuffer.wrap(a, off, LENGTH));
            return;
        }
        Le.put16(a, off, 1 << 12);  // type 1 (local time), offset 0
        Le.put16(a, off + 2, (int) year & 0xFFFF);
        a[off + 4] = (byte) month;
        a[off + 5] = (byte) day;
        a[off + 6] = (byte) (secondOfDay / 3600);
        a[off + 7] = (byte) (secondOfDay / 60 % 60);
        a[off + 8] = (byte) (secondOfDay % 60);
        a[off + 9] = 0;
        a[off + 10] = 0;
        a[off + 11] = 0;
    }

    /** The instant, or null when the fields do not make a valid date and time. */
    public Instant toInstant() {
        if (type > 1 || year < 1 || centiseconds > 99 || hundredsOfMicroseconds > 99 || microseconds > 99) {
            return null;
        }
        int offset = offsetMinutes == NO_TIME_ZONE ? 0 : offsetMinutes;
        if (offset < -1440 || offset > 1440) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second,
                    (centiseconds * 10000 + hundredsOfMicroseconds * 100 + microseconds) * 1000);
            return t.toInstant(ZoneOffset.UTC).minusSeconds(offset * 60L);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Always 12. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 12 bytes. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put16(d, 0, type << 12 | offsetMinutes & 0xFFF);
        Le.put16(d, 2, year & 0xFFFF);
        int[] rest = {month, day, hour, minute, second, centiseconds, hundredsOfMicroseconds, microseconds};
        for (int i = 0; i < rest.length; i++) {
            Le.put8(d, 4 + i, rest[i]);
        }
        b.position(b.position() + LENGTH);
    }

    /** Reads 12 bytes; MALFORMED_STRUCTURE only if fewer remain. */
    public static Timestamp decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, "Timestamp");
        b.position(b.position() + LENGTH);
        int tz = Le.u16(d, 0);
        int offset = (tz & 0xFFF) << 20 >> 20;  // sign-extend the 12-bit field
        return new Timestamp(tz >>> 12, offset, (short) Le.u16(d, 2), Le.u8(d, 4), Le.u8(d, 5), Le.u8(d, 6),
                Le.u8(d, 7), Le.u8(d, 8), Le.u8(d, 9), Le.u8(d, 10), Le.u8(d, 11));
    }
}
