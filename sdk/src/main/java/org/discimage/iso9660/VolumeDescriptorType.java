package org.discimage.iso9660;

/** Volume descriptor type codes, ECMA-119 8.1.1 (byte 0 of every volume descriptor). */
public enum VolumeDescriptorType {
    /** Boot record (El Torito), ECMA-119 8.2. */
    BOOT_RECORD(0),
    /** Primary volume descriptor, ECMA-119 8.4. */
    PRIMARY(1),
    /** Supplementary (Joliet) or enhanced volume descriptor, ECMA-119 8.5. */
    SUPPLEMENTARY(2),
    /** Volume partition descriptor, ECMA-119 8.6. */
    PARTITION(3),
    /** Volume descriptor set terminator, ECMA-119 8.3. */
    TERMINATOR(255);

    private final int code;

    VolumeDescriptorType(int code) {
        this.code = code;
    }

    /** The type byte. */
    public int code() {
        return code;
    }

    /** The type of a code; IllegalArgumentException for codes 4..254 (reserved) and out-of-range values. */
    public static VolumeDescriptorType of(int code) {
        for (VolumeDescriptorType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown volume descriptor type: " + code);
    }

    /** Whether {@link #of(int)} accepts the code. */
    public static boolean isKnown(int code) {
        return code >= 0 && code <= 3 || code == 255;
    }
}
