package org.discimage.rockridge;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.discimage.codec.Decoding;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;
import org.discimage.iso9660.RecordingDateTime;
import org.discimage.iso9660.VolumeDateTime;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspHeader;

/**
 * "TF" entry, RRIP 1.12 4.1.6: a flags byte saying which time stamps follow, then the stamps in bit
 * order, each 7 bytes ({@link RecordingDateTime}, ECMA-119 9.1.5) or, with {@link #LONG_FORM}, 17 bytes
 * ({@link VolumeDateTime}, ECMA-119 8.4.26.1). Length 5 + count * 7 (or 17). Stamps are epoch seconds
 * (UTC); {@link RecordingDateTime#UNSPECIFIED_EPOCH_SECOND} stands for an all-zero ("not specified")
 * stamp. Short-form stamps are clamped to 1900..2155; long-form ones lose sub-second digits when read.
 */
public record TimeStamps(int flags, long[] epochSeconds) implements SuspEntry {
    /** Signature. */
    public static final String SIGNATURE = "TF";
    /** Bit 0: creation time. */
    public static final int CREATION = 1;
    /** Bit 1: modification time (st_mtime). */
    public static final int MODIFY = 2;
    /** Bit 2: access time (st_atime). */
    public static final int ACCESS = 4;
    /** Bit 3: attribute change time (st_ctime). */
    public static final int ATTRIBUTES = 8;
    /** Bit 4: backup time. */
    public static final int BACKUP = 16;
    /** Bit 5: expiration time. */
    public static final int EXPIRATION = 32;
    /** Bit 6: effective time. */
    public static final int EFFECTIVE = 64;
    /** Bit 7: stamps are in the 17-byte long form. */
    public static final int LONG_FORM = 128;
    private static final String S = "RRIP TF";

    /** Length of an entry of three short-form stamps ({@link #putShortForm}). */
    public static final int SHORT_FORM_3_LENGTH = 5 + 3 * RecordingDateTime.LENGTH;

    /** Copies the stamps; IllegalArgumentException unless their count matches the flags' stamp bits. */
    public TimeStamps {
        Decoding.checkRange(flags, 0, 255, "flags");
        epochSeconds = epochSeconds.clone();
        if (epochSeconds.length != Integer.bitCount(flags & 0x7F)) {
            throw new IllegalArgumentException("flags 0x" + Integer.toHexString(flags) + " announce "
                    + Integer.bitCount(flags & 0x7F) + " stamps, " + epochSeconds.length + " given");
        }
    }

    /** Modify, access and attribute-change times in short form (flags 0x0E, what xorriso writes). */
    public static TimeStamps of(long modify, long access, long attributes) {
        return new TimeStamps(MODIFY | ACCESS | ATTRIBUTES, new long[] {modify, access, attributes});
    }

    /** The stamps (a copy). */
    @Override
    public long[] epochSeconds() {
        return epochSeconds.clone();
    }

    /** The stamp of one flag bit (e.g. {@link #MODIFY}), or UNSPECIFIED_EPOCH_SECOND if absent. */
    public long get(int bit) {
        if (Integer.bitCount(bit) != 1 || bit > EFFECTIVE || (flags & bit) == 0) {
            return RecordingDateTime.UNSPECIFIED_EPOCH_SECOND;
        }
        return epochSeconds[Integer.bitCount(flags & (bit - 1) & 0x7F)];
    }

    private int stampLength() {
        return (flags & LONG_FORM) != 0 ? VolumeDateTime.LENGTH : RecordingDateTime.LENGTH;
    }

    @Override
    public String signature() {
        return SIGNATURE;
    }

    @Override
    public int length() {
        return 5 + epochSeconds.length * stampLength();
    }

    /**
     * Writes the short-form entry of three stamps in the order of their flag bits (RRIP 1.12 4.1.6),
     * as {@link #encode(ByteBuffer)} of {@code new TimeStamps(flags, new long[] {first, second, third})}
     * would, without the objects.
     *
     * @throws IllegalArgumentException if {@code flags} is long form or does not select exactly three stamps
     */
    public static void putShortForm(ByteBuffer b, int flags, long first, long second, long third) {
        if ((flags & LONG_FORM) != 0 || Integer.bitCount(flags & 0x7F) != 3) {
            throw new IllegalArgumentException("flags 0x" + Integer.toHexString(flags)
                    + ": three short-form stamps expected");
        }
        SuspHeader.put(b, SIGNATURE, SHORT_FORM_3_LENGTH, 1);
        b.put((byte) flags);
        int at = b.position();
        RecordingDateTime.put(b, first);
        putStamp(b, second, second == first, at);
        putStamp(b, third, third == second, at + RecordingDateTime.LENGTH);
    }

    /** A stamp equal to the one before is a copy of its bytes (often: the access time is the modification time). */
    private static void putStamp(ByteBuffer b, long epochSecond, boolean sameAsBefore, int before) {
        if (sameAsBefore) {
            b.put(b.position(), b, before, RecordingDateTime.LENGTH);
            b.position(b.position() + RecordingDateTime.LENGTH);
        } else {
            RecordingDateTime.put(b, epochSecond);
        }
    }

    @Override
    public void encode(ByteBuffer b) {
        int len = length();
        SuspHeader.put(b, SIGNATURE, len, 1);
        b.put((byte) flags);
        for (long s : epochSeconds) {
            if ((flags & LONG_FORM) == 0) {
                RecordingDateTime.put(b, s);
            } else if (s == RecordingDateTime.UNSPECIFIED_EPOCH_SECOND) {
                VolumeDateTime.NOT_SPECIFIED.encode(b);
            } else {
                VolumeDateTime.of(Instant.ofEpochSecond(s)).encode(b);
            }
        }
    }

    /** Reads the entry; MALFORMED_STRUCTURE on a bad header, a length not matching the flags or a bad stamp. */
    public static TimeStamps decode(ByteBuffer b) throws DiscImageException {
        return decode(b, DecodeContext.STRICT);
    }

    /** As {@link #decode(ByteBuffer)}, strict or lenient as {@code ctx} says (known deviations only). */
    public static TimeStamps decode(ByteBuffer b, DecodeContext ctx) throws DiscImageException {
        int at = b.position();
        int len = SuspHeader.read(b, SIGNATURE, 5, SuspHeader.MAX_ENTRY_LENGTH, S);
        int flags = b.get() & 0xFF;
        long[] stamps = new long[Integer.bitCount(flags & 0x7F)];
        boolean longForm = (flags & LONG_FORM) != 0;
        int expected = 5 + stamps.length * (longForm ? VolumeDateTime.LENGTH : RecordingDateTime.LENGTH);
        if (len != expected) {
            throw Decoding.malformed(S + ".length", at + 2, "length " + len + ", but flags 0x"
                    + Integer.toHexString(flags) + " need " + expected);
        }
        for (int i = 0; i < stamps.length; i++) {
            if (longForm) {
                Instant t = VolumeDateTime.decode(b, ctx).toInstant();
                stamps[i] = t == null ? RecordingDateTime.UNSPECIFIED_EPOCH_SECOND : t.getEpochSecond();
            } else {
                stamps[i] = RecordingDateTime.decodeEpochSecond(b, ctx);
            }
        }
        return new TimeStamps(flags, stamps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeStamps t && flags == t.flags && Arrays.equals(epochSeconds, t.epochSeconds);
    }

    @Override
    public int hashCode() {
        return flags * 31 + Arrays.hashCode(epochSeconds);
    }

    @Override
    public String toString() {
        return "TimeStamps[flags=0x" + Integer.toHexString(flags) + ", epochSeconds=" + Arrays.toString(epochSeconds)
                + "]";
    }
}
