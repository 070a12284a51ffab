package org.discimage;

/**
 * The OSTA UDF revisions (IMAPI2 UDFRevision). The revision is recorded as a BCD-like number in the
 * domain identifier suffix and the Logical Volume Integrity Descriptor (UDF 2.60 2.1.5.3): 1.02 is
 * {@code 0x0102}.
 */
public enum UdfRevision {
    /** UDF 1.02: ECMA-167 2nd edition structures, NSR02. */
    R1_02(0x0102),
    /** UDF 1.50: adds the VAT and sparable partitions, NSR02. */
    R1_50(0x0150),
    /** UDF 2.01: ECMA-167 3rd edition, NSR03, Extended File Entries for streams. */
    R2_01(0x0201),
    /** UDF 2.50: the metadata partition (required for Blu-ray). */
    R2_50(0x0250),
    /** UDF 2.60: 2.50 plus pseudo-overwrite support. */
    R2_60(0x0260);

    private final int code;

    UdfRevision(int code) {
        this.code = code;
    }

    /** The recorded number, e.g. {@code 0x0250}. */
    public int code() {
        return code;
    }

    /** The revision whose recorded number is {@code code}, or null when there is none. */
    public static UdfRevision ofCode(int code) {
        for (UdfRevision r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return null;
    }

    /** The revision as people write it, e.g. "2.50". */
    @Override
    public String toString() {
        return String.format("%x.%02x", code >> 8, code & 0xFF);
    }
}
