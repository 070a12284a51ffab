package org.discimage.rockridge;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

import org.discimage.iso9660.RecordingDateTime;
import org.discimage.iso9660.VolumeDateTime;
import org.discimage.susp.SuspEntry;

/** TF (RRIP 1.12 4.1.6): time stamps in flag-bit order, 7-byte or (LONG_FORM) 17-byte form. */
public record TimeStamps(int flags, long[] epochSeconds) implements SuspEntry {
    public static final int CREATION = 1;
    public static final int MODIFY = 2;
    public static final int ACCESS = 4;
    public static final int ATTRIBUTES = 8;
    public static final int BACKUP = 16;
    public static final int EXPIRATION = 32;
    public static final int EFFECTIVE = 64;
    public static final int LONG_FORM = 128;

    /** Checks that one stamp is given per flag bit. */
    public TimeStamps {
        if (Integer.bitCount(flags & 0x7F) != epochSeconds.length) {
            throw new IllegalArgumentException("TF flags " + flags + " need " + Integer.bitCount(flags & 0x7F)
                    + " stamps, got " + epochSeconds.length);
        }
    }

    @Override
    public String signature() {
        return "TF";
    }

    @Override
    public int length() {
        return 5 + epochSeconds.length * ((flags & LONG_FORM) != 0 ? 17 : 7);
    }

    @Override
    public void encode(ByteBuffer b) {
        SuspEntry.header(b, "TF", length());
        b.put((byte) flags);
        for (long s : epochSeconds) {
            if ((flags & LONG_FORM) != 0) {
                VolumeDateTime.of(Instant.ofEpochSecond(s)).encode(b);
            } else {
                RecordingDateTime.encode(b, s);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeStamps t && t.flags == flags && Arrays.equals(t.epochSeconds, epochSeconds);
    }

    @Override
    public int hashCode() {
        return flags * 31 + Arrays.hashCode(epochSeconds);
    }

    @Override
    public String toString() {
        return "TimeStamps[flags=" + flags + ", " + Arrays.toString(epochSeconds) + "]";
    }
}
