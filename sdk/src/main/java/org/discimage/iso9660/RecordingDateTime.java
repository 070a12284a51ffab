package org.discimage.iso9660;

import java.nio.ByteBuffer;
import org.discimage.codec.DecodeContext;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * The 7-byte recording date and time of a directory record, ECMA-119 9.1.5 (also the short form of the
 * Rock Ridge TF entry, RRIP 1.12 4.1.6): years since 1900, month, day, hour, minute, second (711 each)
 * and the offset from GMT in 15-minute units (712, -48..52). All seven zero means "not specified"
 * ({@link #NOT_SPECIFIED}); its epoch second is the sentinel {@link #UNSPECIFIED_EPOCH_SECOND}.
 */
public record RecordingDateTime(int yearsSince1900, int month, int day, int hour, int minute, int second,
                                int gmtOffset) {
    /** Encoded length in bytes. */
    public static final int LENGTH = 7;
    /** All seven fields zero: date and time not specified (ECMA-119 9.1.5). */
    public static final RecordingDateTime NOT_SPECIFIED = new RecordingDateTime(0, 0, 0, 0, 0, 0, 0);
    /** The epoch second standing for "not specified" in {@link #toEpochSecond()} / {@link #ofEpochSecond}. */
    public static final long UNSPECIFIED_EPOCH_SECOND = Long.MIN_VALUE;
    /** 1900-01-01T00:00:00Z, the earliest representable instant. */
    public static final long MIN_EPOCH_SECOND = daysFromCivil(1900, 1, 1) * 86_400L;
    /** 2155-12-31T23:59:59Z, the latest representable instant. */
    public static final long MAX_EPOCH_SECOND = daysFromCivil(2156, 1, 1) * 86_400L - 1;

    /** Validates ranges (IllegalArgumentException), unless all fields are zero. */
    public RecordingDateTime {
        if (yearsSince1900 != 0 || month != 0 || day != 0 || hour != 0 || minute != 0 || second != 0
                || gmtOffset != 0) {
            Decoding.checkRange(yearsSince1900, 0, 255, "yearsSince1900");
            Decoding.checkRange(month, 1, 12, "month");
            Decoding.checkRange(day, 1, 31, "day");
            Decoding.checkRange(hour, 0, 23, "hour");
            Decoding.checkRange(minute, 0, 59, "minute");
            Decoding.checkRange(second, 0, 59, "second");
            Decoding.checkRange(gmtOffset, -48, 52, "gmtOffset");
        }
    }

    /** The UTC date of an epoch second (offset 0), clamped to 1900..2155; the sentinel gives NOT_SPECIFIED. */
    public static RecordingDateTime ofEpochSecond(long s) {
        if (s == UNSPECIFIED_EPOCH_SECOND) {
            return NOT_SPECIFIED;
        }
        long t = Math.max(MIN_EPOCH_SECOND, Math.min(MAX_EPOCH_SECOND, s));
        long days = Math.floorDiv(t, 86_400L);
        int secs = (int) Math.floorMod(t, 86_400L);
        long ymd = civilFromDays(days);
        return new RecordingDateTime((int) (ymd >> 9) - 1900, (int) (ymd >> 5) & 0xF, (int) ymd & 0x1F,
                secs / 3600, secs / 60 % 60, secs % 60, 0);
    }

    /**
     * Writes the 7 bytes for an epoch second (UTC, offset 0, clamped to 1900..2155) without allocating;
     * {@link #UNSPECIFIED_EPOCH_SECOND} writes seven zeros.
     */
    public static void put(ByteBuffer b, long epochSecond) {
        if (epochSecond == UNSPECIFIED_EPOCH_SECOND) {
            Decoding.putZeros(b, LENGTH);
            return;
        }
        long t = Math.max(MIN_EPOCH_SECOND, Math.min(MAX_EPOCH_SECOND, epochSecond));
        long days = Math.floorDiv(t, 86_400L);
        int secs = (int) (t - days * 86_400L); // one 64-bit division per date, not two
        int ymd = civilFromDays((int) days); // clamped to 1900..2155: 32-bit arithmetic (cheaper without C2)
        b.put((byte) ((ymd >> 9) - 1900)).put((byte) ((ymd >> 5) & 0xF)).put((byte) (ymd & 0x1F))
                .put((byte) (secs / 3600)).put((byte) (secs / 60 % 60)).put((byte) (secs % 60)).put((byte) 0);
    }

    /** True unless all fields are zero. */
    public boolean isSpecified() {
        return (yearsSince1900 | month | day | hour | minute | second | gmtOffset) != 0;
    }

    /** Seconds since 1970-01-01T00:00:00Z (GMT offset applied); {@link #UNSPECIFIED_EPOCH_SECOND} if not specified. */
    public long toEpochSecond() {
        if (!isSpecified()) {
            return UNSPECIFIED_EPOCH_SECOND;
        }
        // day - 1 added to the first of the month: out-of-calendar days (Feb 31) normalise instead of failing
        long days = daysFromCivil(1900 + yearsSince1900, month, 1) + day - 1;
        return days * 86_400L + hour * 3600L + minute * 60L + second - gmtOffset * 900L;
    }

    /** Reads 7 bytes; MALFORMED_STRUCTURE if truncated or a field is out of range. */
    public static RecordingDateTime decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /**
     * Reads 7 bytes; MALFORMED_STRUCTURE if truncated. A field out of range fails when strict;
     * lenient reads the date as {@link #NOT_SPECIFIED} (the importer then shows the epoch, or the
     * directory record's date for a Rock Ridge stamp) and reports it.
     */
    public static RecordingDateTime decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        Decoding.require(b, LENGTH, "RecordingDateTime");
        int y = b.get() & 0xFF;
        int mo = b.get() & 0xFF;
        int d = b.get() & 0xFF;
        int h = b.get() & 0xFF;
        int mi = b.get() & 0xFF;
        int s = b.get() & 0xFF;
        int off = b.get();
        try {
            return new RecordingDateTime(y, mo, d, h, mi, s, off);
        } catch (IllegalArgumentException e) {
            ctx.deviation("RecordingDateTime", at, e.getMessage(), "read as not specified");
            return NOT_SPECIFIED;
        }
    }

    /**
     * As {@link #decode(ByteBuffer, DecodeContext)} followed by {@link #toEpochSecond()}, without
     * building the record: the importer reads three of these per Rock Ridge TF entry.
     */
    public static long decodeEpochSecond(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        Decoding.require(b, LENGTH, "RecordingDateTime");
        int y = b.get(at) & 0xFF;
        int mo = b.get(at + 1) & 0xFF;
        int d = b.get(at + 2) & 0xFF;
        int h = b.get(at + 3) & 0xFF;
        int mi = b.get(at + 4) & 0xFF;
        int s = b.get(at + 5) & 0xFF;
        int off = b.get(at + 6);
        if ((y | mo | d | h | mi | s | off) == 0) {
            b.position(at + LENGTH);
            return UNSPECIFIED_EPOCH_SECOND;
        }
        if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || off < -48 || off > 52) {
            return decode(b, ctx).toEpochSecond();  // the slow path names the field, or reads "not specified"
        }
        b.position(at + LENGTH);
        long days = daysFromCivil(1900 + y, mo, 1) + d - 1;
        return days * 86_400L + h * 3600L + mi * 60L + s - off * 900L;
    }

    /** Writes the 7 bytes. */
    public void encode(ByteBuffer b) {
        b.put((byte) yearsSince1900).put((byte) month).put((byte) day).put((byte) hour).put((byte) minute)
                .put((byte) second).put((byte) gmtOffset);
    }

    /** Always 7. */
    public int length() {
        return LENGTH;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
    static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** The date of a day number, packed as {@code year << 9 | month << 5 | day}. */
    /** {@link #civilFromDays(long)} for days from 1900 to 2155, in 32-bit arithmetic (the same results). */
    static int civilFromDays(int days) {
        int doe = days + 719_468; // positive from year 0 on; the era is then a plain quotient
        int era = doe / 146_097;
        doe -= era * 146_097;
        int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int d = doy - (153 * mp + 2) / 5 + 1;
        int m = mp < 10 ? mp + 3 : mp - 9;
        int y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return y << 9 | m << 5 | d;
    }

    static long civilFromDays(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return y << 9 | m << 5 | d;
    }
}
