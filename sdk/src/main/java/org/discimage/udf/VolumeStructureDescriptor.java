package org.discimage.udf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.discimage.error.DiscImageException;

/**
 * A volume structure descriptor of the Volume Recognition Sequence, ECMA-167 2/9.1: structure type
 * (1), standard identifier (5: {@code BEA01}, {@code NSR02}, {@code NSR03}, {@code TEA01}, and the
 * ECMA-119 {@code CD001} descriptors of a bridge), structure version (1), structure data (2041).
 * Any content decodes; what an identifier means is the reader's business.
 *
 * @param structureType     the first byte (0 for the ECMA-167 descriptors)
 * @param standardIdentifier the five identifier bytes as ISO-8859-1
 * @param structureVersion  the version (1)
 * @param data              the 2041 bytes of structure data
 */
public record VolumeStructureDescriptor(int structureType, String standardIdentifier, int structureVersion,
                                        byte[] data) {
    /** Bytes in a volume structure descriptor (one 2048-byte sector). */
    public static final int LENGTH = 2048;
    /** Beginning extended area descriptor (ECMA-167 2/9.2). */
    public static final String BEA01 = "BEA01";
    /** NSR descriptor of ECMA-167 2nd edition (UDF 1.02, 1.50). */
    public static final String NSR02 = "NSR02";
    /** NSR descriptor of ECMA-167 3rd edition (UDF 2.00 and later; ECMA-167 3/9.1). */
    public static final String NSR03 = "NSR03";
    /** Terminating extended area descriptor (ECMA-167 2/9.3). */
    public static final String TEA01 = "TEA01";
    /** An ECMA-119 volume descriptor (bridge). */
    public static final String CD001 = "CD001";

    /** Checks the ranges and copies the data (null means zeros). */
    public VolumeStructureDescriptor {
        org.discimage.codec.Decoding.checkRange(structureType, 0, 255, "structureType");
        org.discimage.codec.Decoding.checkRange(structureVersion, 0, 255, "structureVersion");
        if (standardIdentifier.length() != 5 || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(standardIdentifier)) {
            throw new IllegalArgumentException("standard identifier must be 5 ISO-8859-1 characters: "
                    + standardIdentifier);
        }
        data = Le.fixed(data, LENGTH - 7, "data");
    }

    /** A descriptor of type 0, version 1, zero data: BEA01, NSR0x or TEA01. */
    public static VolumeStructureDescriptor of(String identifier) {
        return new VolumeStructureDescriptor(0, identifier, 1, null);
    }

    /** The structure data (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Whether this is an NSR02 or NSR03 descriptor. */
    public boolean isNsr() {
        return NSR02.equals(standardIdentifier) || NSR03.equals(standardIdentifier);
    }

    /** Always 2048. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 2048 bytes. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put8(d, 0, structureType);
        Le.putBytes(d, 1, standardIdentifier.getBytes(StandardCharsets.ISO_8859_1));
        Le.put8(d, 6, structureVersion);
        Le.putBytes(d, 7, data);
        b.position(b.position() + LENGTH);
    }

    /** Reads 2048 bytes; MALFORMED_STRUCTURE only if fewer remain. */
    public static VolumeStructureDescriptor decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, "VolumeStructureDescriptor");
        b.position(b.position() + LENGTH);
        return new VolumeStructureDescriptor(Le.u8(d, 0),
                new String(Le.bytes(d, 1, 5), StandardCharsets.ISO_8859_1), Le.u8(d, 6), Le.bytes(d, 7, LENGTH - 7));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VolumeStructureDescriptor v && v.structureType == structureType
                && v.standardIdentifier.equals(standardIdentifier) && v.structureVersion == structureVersion
                && java.util.Arrays.equals(v.data, data);
    }

    @Override
    public int hashCode() {
        return standardIdentifier.hashCode();
    }

    @Override
    public String toString() {
        return "VolumeStructureDescriptor[" + structureType + ", " + standardIdentifier + ", " + structureVersion + "]";
    }
}
