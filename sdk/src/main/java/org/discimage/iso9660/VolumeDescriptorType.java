package org.discimage.iso9660;

/** Volume descriptor types (ECMA-119 8.1.1). */
public enum VolumeDescriptorType {
    /** Boot record (El Torito). */
    BOOT_RECORD(0),
    /** Primary volume descriptor. */
    PRIMARY(1),
    /** Supplementary (Joliet) or enhanced volume descriptor. */
    SUPPLEMENTARY(2),
    /** Volume partition descriptor. */
    PARTITION(3),
    /** Volume descriptor set terminator. */
    TERMINATOR(255);

    private final int code;

    VolumeDescriptorType(int code) {
        this.code = code;
    }

    /** The type byte. */
    public int code() {
        return code;
    }

    /** The type of a type byte, or null for an unknown one. */
    public static VolumeDescriptorType of(int code) {
        for (VolumeDescriptorType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
