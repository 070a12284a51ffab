package org.discimage.importer;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;
import org.discimage.iso9660.DirectoryRecord;
import org.discimage.iso9660.RecordingDateTime;

/**
 * Decodes directory records in a sector, naming LBA and offset on failure.
 *
 * <p>Two paths. The fast one reads a well-formed record straight from the sector's array: the
 * numbers, the flags and the date into fields, the record's bytes copied once (no
 * {@link DirectoryRecord}, no {@code ByteBuffer} views, no date object). It is what a cold JVM
 * interprets 100,000 times while listing a large session, so its work per record is what a
 * whole-process {@code discimage ls} costs. Anything it does not accept (a LEN_DR below 34 or past
 * the sector, LEN_FI 0 or past LEN_DR, both-endian halves that disagree, a date field out of range)
 * goes to the slow path, {@link DirectoryRecord#decode(ByteBuffer, DecodeContext)}, which fails or,
 * lenient, reports the deviation: the two paths accept the same records with the same values.
 */
final class DirectoryRecords {
    /**
     * Whether the fast paths (here and in {@link SystemUseReader#read}) are taken; tests switch them
     * off to compare every tree with the one the checked path reads.
     */
    static boolean fastPaths = true;

    private DirectoryRecords() {
    }

    /** The record of {@code length} bytes at {@code offset} in {@code sector} (which is at {@code lba}). */
    static RecordRef decode(ByteBuffer sector, long lba, int offset, int length, DecodeContext ctx)
            throws DiscImageException {
        return decode(sector, offset, lba, offset, length, ctx);
    }

    /**
     * The record of {@code length} bytes at {@code at} in {@code bytes}, found at {@code offset} of
     * sector {@code lba} (a record read across a sector boundary is copied out first).
     */
    static RecordRef decode(ByteBuffer bytes, int at, long lba, int offset, int length, DecodeContext ctx)
            throws DiscImageException {
        return decode(bytes, at, lba, offset, length, ctx, null);
    }

    /**
     * As {@link #decode(ByteBuffer, int, long, int, int, DecodeContext)}, a record of the fast path
     * copied into {@code store} (unless null) rather than into an array of its own.
     */
    static RecordRef decode(ByteBuffer bytes, int at, long lba, int offset, int length, DecodeContext ctx,
                            RecordStore store) throws DiscImageException {
        if (fastPaths && bytes.hasArray() && at + length <= bytes.limit()) {
            RecordRef r = fast(bytes.array(), bytes.arrayOffset() + at, lba, offset, length, store);
            if (r != null) {
                return r;
            }
        }
        ByteBuffer b = bytes.duplicate().limit(at + length).position(at);
        try {
            return RecordRef.of(lba, offset, DirectoryRecord.decode(b, ctx.at(lba)));
        } catch (DiscImageException | RuntimeException e) {
            throw Malformed.wrap("directory record", lba, offset, e);
        }
    }

    /** The record at {@code p} of {@code a} when it passes every check of the slow path, else null. */
    private static RecordRef fast(byte[] a, int p, long lba, int offset, int length, RecordStore store) {
        if (length < DirectoryRecord.MIN_LENGTH || (a[p] & 0xFF) != length) {
            return null;
        }
        long extent = le32(a, p + 2);
        long size = le32(a, p + 10);
        // ECMA-119 7.3.3 / 7.2.3: both-byte orders must agree (the slow path names a disagreement)
        if (extent != be32(a, p + 6) || size != be32(a, p + 14)
                || a[p + 28] != a[p + 31] || a[p + 29] != a[p + 30]) {
            return null;
        }
        long recorded = epochSecond(a, p + 18);
        if (recorded == INVALID) {
            return null;
        }
        int lenFi = a[p + 32] & 0xFF;
        if (lenFi == 0 || DirectoryRecord.FIXED_LENGTH + lenFi + (~lenFi & 1) > length) {
            return null;
        }
        if (store == null) {
            return RecordRef.checked(lba, offset, extent, size, a[p + 25] & 0xFF, recorded,
                    Arrays.copyOfRange(a, p, p + length), 0, length);
        }
        int start = store.put(a, p, length);
        return RecordRef.checked(lba, offset, extent, size, a[p + 25] & 0xFF, recorded, store.array(), start, length);
    }

    /** Returned by {@link #epochSecond} for a date the slow path must look at. */
    static final long INVALID = Long.MAX_VALUE;

    /**
     * ECMA-119 9.1.5: the 7-byte date at {@code p} as epoch seconds (GMT offset in 15-minute units
     * applied), {@link RecordingDateTime#UNSPECIFIED_EPOCH_SECOND} for all zeros, {@link #INVALID}
     * for a field out of range. The same arithmetic as {@link RecordingDateTime#toEpochSecond()}
     * (an out-of-calendar day such as 31 February counts on from the first of the month).
     */
    static long epochSecond(byte[] a, int p) {
        int y = a[p] & 0xFF;
        int mo = a[p + 1] & 0xFF;
        int d = a[p + 2] & 0xFF;
        int h = a[p + 3] & 0xFF;
        int mi = a[p + 4] & 0xFF;
        int s = a[p + 5] & 0xFF;
        int off = a[p + 6];
        if ((y | mo | d | h | mi | s | off) == 0) {
            return RecordingDateTime.UNSPECIFIED_EPOCH_SECOND;
        }
        if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || off < -48 || off > 52) {
            return INVALID;
        }
        long days = MONTH_START[y * 12 + mo - 1] + d - 1;
        return days * 86_400L + h * 3600L + mi * 60L + s - off * 900L;
    }

    /**
     * Days from 1970-01-01 to the first of each month of the years ECMA-119 9.1.5 can record
     * (1900 + 0..255), index {@code (year - 1900) * 12 + month - 1}: a lookup per date rather than
     * the divisions of {@link #daysFromCivil}, for the 400,000 dates (records and Rock Ridge TF
     * stamps) of a 100,000-entry tree.
     */
    private static final int[] MONTH_START = new int[256 * 12];

    static {
        for (int y = 0; y < 256; y++) {
            for (int m = 1; m <= 12; m++) {
                MONTH_START[y * 12 + m - 1] = (int) daysFromCivil(1900 + y, m);
            }
        }
    }

    /** Days from 1970-01-01 to the first of {@code month} of {@code year} (proleptic Gregorian, year ≥ 1900). */
    private static long daysFromCivil(int year, int month) {
        // count March-based years so that the leap day is the last day of the year (int: years
        // 1900..2155 keep every term below 2^20)
        int y = month <= 2 ? year - 1 : year;
        int m = month <= 2 ? month + 9 : month - 3;    // 0 = March .. 11 = February
        int dayOfYear = (153 * m + 2) / 5;              // days from 1 March to the first of month m
        int days = 365 * y + y / 4 - y / 100 + y / 400 + dayOfYear;
        return days - 719_468L;                         // days of 0000-03-01 .. 1970-01-01
    }

    /** ECMA-119 7.3.1: 32-bit little endian at {@code p}. */
    private static long le32(byte[] a, int p) {
        return (a[p] & 0xFFL) | (a[p + 1] & 0xFFL) << 8 | (a[p + 2] & 0xFFL) << 16 | (a[p + 3] & 0xFFL) << 24;
    }

    /** ECMA-119 7.3.2: 32-bit big endian at {@code p}. */
    private static long be32(byte[] a, int p) {
        return (a[p] & 0xFFL) << 24 | (a[p + 1] & 0xFFL) << 16 | (a[p + 2] & 0xFFL) << 8 | (a[p + 3] & 0xFFL);
    }
}
