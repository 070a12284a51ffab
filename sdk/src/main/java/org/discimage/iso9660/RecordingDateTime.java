package org.discimage.iso9660;

import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.discimage.codec.BothEndian;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * The 7-byte recording date and time of a directory record (ECMA-119 9.1.5), also the short form
 * of Rock Ridge TF stamps.
 *
 * @param gmtOffset offset from GMT in 15-minute units, -48..52
 */
public record RecordingDateTime(int yearsSince1900, int month, int day, int hour, int minute, int second,
                                int gmtOffset) {
    /** Length in bytes. */
    public static final int LENGTH = 7;

    /** The UTC stamp of an epoch second, years clamped to 1900..2155. */
    public static RecordingDateTime ofEpochSecond(long s) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
        if (t.getYear() < 1900) {
            return new RecordingDateTime(0, 1, 1, 0, 0, 0, 0);
        }
        if (t.getYear() > 2155) {
            return new RecordingDateTime(255, 12, 31, 23, 59, 59, 0);
        }
        return new RecordingDateTime(t.getYear() - 1900, t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute(), t.getSecond(), 0);
    }

    /** Writes the 7 bytes of an epoch second in UTC without building a record. */
    public static void encode(ByteBuffer b, long epochSecond) {
        ofEpochSecond(epochSecond).encode(b);
    }

    /** The instant as epoch seconds (offset applied). */
    public long toEpochSecond() {
        if (month == 0 && day == 0) {
            return 0; // "not specified" (all zero) stamps seen in the wild
        }
        return LocalDateTime.of(1900 + yearsSince1900, month, day, hour, minute, second)
                .toEpochSecond(ZoneOffset.UTC) - gmtOffset * 900L;
    }

    /** Writes the 7 bytes. */
    public void encode(ByteBuffer b) {
        b.put((byte) yearsSince1900).put((byte) month).put((byte) day).put((byte) hour).put((byte) minute)
                .put((byte) second).put((byte) gmtOffset);
    }

    /** Reads 7 bytes; fields out of range are MALFORMED_STRUCTURE. */
    public static RecordingDateTime decode(ByteBuffer b) throws DiscImageException {
        BothEndian.need(b, LENGTH, "recording date and time");
        RecordingDateTime t = new RecordingDateTime(b.get() & 0xFF, b.get(), b.get(), b.get(), b.get(), b.get(), b.get());
        boolean zero = t.month == 0 && t.day == 0 && t.hour == 0 && t.minute == 0 && t.second == 0;
        if (!zero && (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour < 0 || t.hour > 23
                || t.minute < 0 || t.minute > 59 || t.second < 0 || t.second > 59 || t.gmtOffset < -48 || t.gmtOffset > 52)) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, "recording date and time out of range: " + t);
        }
        return t;
    }

    /** Length in bytes: 7. */
    public int length() {
        return LENGTH;
    }
}
