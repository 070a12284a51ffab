package org.discimage.udf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.discimage.error.DiscImageException;

/**
 * An entity identifier (regid), ECMA-167 1/7.4: flags (1; bit 0 dirty, bit 1 protected), identifier
 * (23 bytes, zero padded, e.g. {@code *OSTA UDF Compliant}), identifier suffix (8). UDF 2.60 2.1.5.3
 * defines three suffix flavours: the domain suffix (UDF revision, domain flags), the UDF suffix
 * (UDF revision, OS class, OS identifier) and the implementation suffix (OS class, OS identifier,
 * implementation use). Both domain and UDF suffixes start with the revision as a 16-bit number
 * ({@link #udfRevision()}, e.g. 0x0250).
 *
 * @param flags      the flags byte
 * @param identifier the identifier without its zero padding
 * @param suffix     the 8 suffix bytes
 */
public record EntityIdentifier(int flags, String identifier, byte[] suffix) {
    /** Bytes in an entity identifier. */
    public static final int LENGTH = 32;
    /** The domain of UDF (UDF 2.60 2.1.5.2). */
    public static final String OSTA_DOMAIN = "*OSTA UDF Compliant";

    /** Copies the suffix; IllegalArgumentException for an identifier over 23 bytes or a suffix not 8 bytes. */
    public EntityIdentifier {
        org.discimage.codec.Decoding.checkRange(flags, 0, 255, "flags");
        if (identifier.getBytes(StandardCharsets.ISO_8859_1).length > 23 || !StandardCharsets.ISO_8859_1.newEncoder()
                .canEncode(identifier)) {
            throw new IllegalArgumentException("identifier must be at most 23 ISO-8859-1 bytes: " + identifier);
        }
        suffix = Le.fixed(suffix, 8, "suffix");
    }

    /** An identifier with a UDF or domain suffix carrying {@code revision} (e.g. 0x0201) and nothing else. */
    public static EntityIdentifier withRevision(String identifier, int revision) {
        byte[] s = new byte[8];
        s[0] = (byte) revision;
        s[1] = (byte) (revision >>> 8);
        return new EntityIdentifier(0, identifier, s);
    }

    /** The suffix (a copy). */
    @Override
    public byte[] suffix() {
        return suffix.clone();
    }

    /** The UDF revision of a domain or UDF suffix: suffix bytes 0-1, little endian. */
    public int udfRevision() {
        return (suffix[0] & 0xFF) | (suffix[1] & 0xFF) << 8;
    }

    /** Whether the identifier is {@code id} (ignoring the zero padding). */
    public boolean is(String id) {
        return identifier.equals(id);
    }

    /** Always 32. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 32 bytes. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put8(d, 0, flags);
        Le.putBytes(d, 1, identifier.getBytes(StandardCharsets.ISO_8859_1));
        Le.putBytes(d, 24, suffix);
        b.position(b.position() + LENGTH);
    }

    /** Reads 32 bytes; MALFORMED_STRUCTURE only if fewer remain. Trailing NUL bytes of the identifier are dropped. */
    public static EntityIdentifier decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, "EntityIdentifier");
        b.position(b.position() + LENGTH);
        byte[] id = Le.bytes(d, 1, 23);
        int end = id.length;
        while (end > 0 && id[end - 1] == 0) {
            end--;
        }
        return new EntityIdentifier(Le.u8(d, 0), new String(id, 0, end, StandardCharsets.ISO_8859_1),
                Le.bytes(d, 24, 8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntityIdentifier e && e.flags == flags && e.identifier.equals(identifier)
                && Arrays.equals(e.suffix, suffix);
    }

    @Override
    public int hashCode() {
        return identifier.hashCode() * 31 + Arrays.hashCode(suffix) + flags;
    }

    @Override
    public String toString() {
        return "EntityIdentifier[" + identifier + ", suffix=" + java.util.HexFormat.of().formatHex(suffix) + "]";
    }
}
