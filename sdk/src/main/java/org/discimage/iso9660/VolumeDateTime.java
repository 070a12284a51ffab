package org.discimage.iso9660;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.discimage.codec.BothEndian;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * The 17-byte date and time of a volume descriptor (ECMA-119 8.4.26.1): sixteen digits
 * YYYYMMDDHHMMSScc and an offset from GMT in 15-minute units.
 */
public record VolumeDateTime(int year, int month, int day, int hour, int minute, int second, int hundredths,
                             int gmtOffset) {
    /** Length in bytes. */
    public static final int LENGTH = 17;
    /** "Not specified": sixteen '0' digits and offset 0. */
    public static final VolumeDateTime NOT_SPECIFIED = new VolumeDateTime(0, 0, 0, 0, 0, 0, 0, 0);

    /** The UTC stamp of an instant. */
    public static VolumeDateTime of(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = Math.max(1, Math.min(9999, d.getYear()));
        return new VolumeDateTime(year, d.getMonthValue(), d.getDayOfMonth(), d.getHour(), d.getMinute(),
                d.getSecond(), t.getNano() / 10_000_000, 0);
    }

    /** Whether a date is given. */
    public boolean isSpecified() {
        return !equals(NOT_SPECIFIED);
    }

    /** The instant, or null when not specified. */
    public Instant toInstant() {
        if (!isSpecified()) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC)
                .minusSeconds(gmtOffset * 900L).plusMillis(hundredths * 10L);
    }

    /** Writes the 17 bytes. */
    public void encode(ByteBuffer b) {
        String digits = String.format("%04d%02d%02d%02d%02d%02d%02d", year, month, day, hour, minute, second, hundredths);
        b.put(digits.getBytes(StandardCharsets.US_ASCII)).put((byte) gmtOffset);
    }

    /** Reads 17 bytes; non-digits are MALFORMED_STRUCTURE. */
    public static VolumeDateTime decode(ByteBuffer b) throws DiscImageException {
        BothEndian.need(b, LENGTH, "volume date and time");
        int[] v = new int[7];
        int[] widths = {4, 2, 2, 2, 2, 2, 2};
        for (int f = 0; f < 7; f++) {
            for (int i = 0; i < widths[f]; i++) {
                int c = b.get();
                if (c == 0 || c == ' ') {
                    c = '0'; // some producers write NULs for "not specified"
                }
                if (c < '0' || c > '9') {
                    throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE,
                            "volume date and time: not a digit: 0x" + Integer.toHexString(c & 0xFF));
                }
                v[f] = v[f] * 10 + (c - '0');
            }
        }
        return new VolumeDateTime(v[0], v[1], v[2], v[3], v[4], v[5], v[6], b.get());
    }

    /** Length in bytes: 17. */
    public int length() {
        return LENGTH;
    }
}
