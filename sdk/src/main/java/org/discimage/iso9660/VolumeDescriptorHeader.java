package org.discimage.iso9660;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * The first 7 bytes of every volume descriptor, ECMA-119 8.1: type (711), standard identifier (5 bytes,
 * "CD001") and version (711). Decoding does not insist on "CD001", so the importer can also recognise
 * ECMA-167 volume structure descriptors ("BEA01", "NSR02", "NSR03", "TEA01") with the same header.
 */
public record VolumeDescriptorHeader(int typeCode, String standardIdentifier, int version) {
    /** Header length in bytes. */
    public static final int LENGTH = 7;
    /** The ECMA-119 standard identifier. */
    public static final String CD001 = "CD001";

    /** Reads the 7 header bytes (MALFORMED_STRUCTURE only when truncated). */
    public static VolumeDescriptorHeader decode(ByteBuffer b) throws DiscImageException {
        Decoding.require(b, LENGTH, "VolumeDescriptorHeader");
        int type = b.get() & 0xFF;
        byte[] id = new byte[5];
        b.get(id);
        return new VolumeDescriptorHeader(type, new String(id, StandardCharsets.ISO_8859_1), b.get() & 0xFF);
    }

    /** Writes the 7 header bytes. */
    public void encode(ByteBuffer b) {
        Decoding.putUInt8(b, typeCode, "typeCode");
        if (standardIdentifier.length() != 5) {
            throw new IllegalArgumentException("standard identifier must have 5 characters: " + standardIdentifier);
        }
        b.put(standardIdentifier.getBytes(StandardCharsets.ISO_8859_1));
        Decoding.putUInt8(b, version, "version");
    }

    /** Always 7. */
    public int length() {
        return LENGTH;
    }

    /** True if the standard identifier is "CD001". */
    public boolean isIso9660() {
        return CD001.equals(standardIdentifier);
    }

    /** The type, or null for a reserved code. */
    public VolumeDescriptorType type() {
        return VolumeDescriptorType.isKnown(typeCode) ? VolumeDescriptorType.of(typeCode) : null;
    }

    /**
     * Reads a header and checks it is {@code CD001} of the expected type and version 1; MALFORMED_STRUCTURE
     * otherwise, naming {@code structure}.
     */
    static void expect(ByteBuffer b, VolumeDescriptorType type, int version, String structure)
            throws DiscImageException {
        int at = b.position();
        VolumeDescriptorHeader h = decode(b);
        if (h.typeCode != type.code()) {
            throw Decoding.malformed(structure + ".type", at, "expected " + type.code() + ", found " + h.typeCode);
        }
        if (!h.isIso9660()) {
            throw Decoding.malformed(structure + ".standardIdentifier", at + 1,
                    "expected CD001, found \"" + h.standardIdentifier + "\"");
        }
        if (h.version != version) {
            throw Decoding.malformed(structure + ".version", at + 6, "expected " + version + ", found " + h.version);
        }
    }
}
