package org.discimage.recorder.mmc;

import java.util.Arrays;

/**
 * One feature descriptor of a GET CONFIGURATION reply: [0..1] feature code, [2] bits5-2 version, bit1
 * persistent, bit0 current, [3] additional length, then the feature dependent data.
 *
 * @param code       feature code, e.g. 0000h profile list, 0021h incremental streaming writable
 * @param version    feature version
 * @param persistent the feature is always current
 * @param current    the feature is current for the loaded medium
 * @param data       the additional bytes after the 4-byte descriptor header (a copy)
 */
public record FeatureDescriptor(int code, int version, boolean persistent, boolean current, byte[] data) {
    /** Feature 0000h: the profile list. */
    public static final int PROFILE_LIST = 0x0000;
    /** Feature 0021h: incremental streaming writable (DVD-R/-RW incremental possible when current). */
    public static final int INCREMENTAL_STREAMING_WRITABLE = 0x0021;
    /** Feature 0023h: formattable. */
    public static final int FORMATTABLE = 0x0023;
    /** Feature 002Dh: CD Track-At-Once. */
    public static final int CD_TRACK_AT_ONCE = 0x002D;
    /** Feature 002Eh: CD mastering (SAO/raw). */
    public static final int CD_MASTERING = 0x002E;
    /** Feature 002Fh: DVD-R/-RW write. */
    public static final int DVD_R_RW_WRITE = 0x002F;
    /** Feature 0107h: real-time streaming. */
    public static final int REAL_TIME_STREAMING = 0x0107;

    /** Copies the data. */
    public FeatureDescriptor {
        data = data.clone();
    }

    /** The feature dependent data (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureDescriptor f && f.code == code && f.version == version
                && f.persistent == persistent && f.current == current && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return code * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("Feature[%04Xh v%d%s%s, %d bytes]", code, version, persistent ? " persistent" : "",
                current ? " current" : "", data.length);
    }
}
