package org.discimage.iso9660;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.discimage.codec.DecodeContext;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * The 17-byte date and time of volume descriptors, ECMA-119 8.4.26.1 (also the long form of the Rock
 * Ridge TF entry): sixteen ASCII digits {@code YYYYMMDDHHMMSScc} and a signed byte, the offset from GMT
 * in 15-minute units (-48..52). Sixteen '0' digits mean "not specified" ({@link #NOT_SPECIFIED}).
 */
public record VolumeDateTime(int year, int month, int day, int hour, int minute, int second, int hundredths,
                             int gmtOffset) {
    /** Encoded length in bytes. */
    public static final int LENGTH = 17;
    /** Sixteen '0' digits and offset 0. */
    public static final VolumeDateTime NOT_SPECIFIED = new VolumeDateTime(0, 0, 0, 0, 0, 0, 0, 0);

    /** Validates ranges (IllegalArgumentException); all-zero digits (not specified) skip the date checks. */
    public VolumeDateTime {
        Decoding.checkRange(gmtOffset, -48, 52, "gmtOffset");
        if (year != 0 || month != 0 || day != 0 || hour != 0 || minute != 0 || second != 0 || hundredths != 0) {
            Decoding.checkRange(year, 1, 9999, "year");
            Decoding.checkRange(month, 1, 12, "month");
            Decoding.checkRange(day, 1, 31, "day");
            Decoding.checkRange(hour, 0, 23, "hour");
            Decoding.checkRange(minute, 0, 59, "minute");
            Decoding.checkRange(second, 0, 59, "second");
            Decoding.checkRange(hundredths, 0, 99, "hundredths");
        }
    }

    /** The UTC date of an instant (offset 0); IllegalArgumentException outside years 1..9999. */
    public static VolumeDateTime of(Instant t) {
        long s = t.getEpochSecond();
        long days = Math.floorDiv(s, 86_400L);
        int secs = (int) Math.floorMod(s, 86_400L);
        long ymd = RecordingDateTime.civilFromDays(days);
        long y = ymd >> 9;
        if (y < 1 || y > 9999) {
            throw new IllegalArgumentException("instant outside years 1..9999: " + t);
        }
        return new VolumeDateTime((int) y, (int) (ymd >> 5) & 0xF, (int) ymd & 0x1F, secs / 3600, secs / 60 % 60,
                secs % 60, t.getNano() / 10_000_000, 0);
    }

    /** True unless the digits are all zero. */
    public boolean isSpecified() {
        return year != 0 || month != 0 || day != 0 || hour != 0 || minute != 0 || second != 0 || hundredths != 0;
    }

    /** The instant (GMT offset applied), or null when not specified. */
    public Instant toInstant() {
        if (!isSpecified()) {
            return null;
        }
        long days = RecordingDateTime.daysFromCivil(year, month, 1) + day - 1;
        long s = days * 86_400L + hour * 3600L + minute * 60L + second - gmtOffset * 900L;
        return Instant.ofEpochSecond(s, hundredths * 10_000_000L);
    }

    /** Reads 17 bytes; MALFORMED_STRUCTURE if truncated, a digit is not '0'..'9' or a field is out of range. */
    public static VolumeDateTime decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /**
     * Reads 17 bytes; MALFORMED_STRUCTURE if truncated. A non-digit (some producers fill unused
     * dates with NUL bytes instead of '0' digits) or a field out of range fails when strict;
     * lenient reads the date as {@link #NOT_SPECIFIED} and reports it.
     */
    public static VolumeDateTime decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        Decoding.require(b, LENGTH, "VolumeDateTime");
        int[] v = new int[7];
        int[] widths = {4, 2, 2, 2, 2, 2, 2};
        int bad = -1;
        for (int f = 0; f < 7; f++) {
            for (int i = 0; i < widths[f]; i++) {
                int c = b.get() & 0xFF;
                if ((c < '0' || c > '9') && bad < 0) {
                    bad = b.position() - 1;
                }
                v[f] = v[f] * 10 + (c - '0');
            }
        }
        int off = b.get();
        if (bad >= 0) {
            ctx.deviation("VolumeDateTime.digits", bad, String.format("not a digit: 0x%02X", b.get(bad) & 0xFF),
                    "read as not specified");
            return NOT_SPECIFIED;
        }
        try {
            return new VolumeDateTime(v[0], v[1], v[2], v[3], v[4], v[5], v[6], off);
        } catch (IllegalArgumentException e) {
            ctx.deviation("VolumeDateTime", at, e.getMessage(), "read as not specified");
            return NOT_SPECIFIED;
        }
    }

    /** Writes the 17 bytes. */
    public void encode(ByteBuffer b) {
        putDigits(b, year, 4);
        putDigits(b, month, 2);
        putDigits(b, day, 2);
        putDigits(b, hour, 2);
        putDigits(b, minute, 2);
        putDigits(b, second, 2);
        putDigits(b, hundredths, 2);
        b.put((byte) gmtOffset);
    }

    private static void putDigits(ByteBuffer b, int v, int width) {
        int div = width == 4 ? 1000 : 10;
        for (; div > 0; div /= 10) {
            b.put((byte) ('0' + v / div % 10));
        }
    }

    /** Always 17. */
    public int length() {
        return LENGTH;
    }
}
