package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * An Indirect Entry, ECMA-167 4/14.7 (tag 0x103): ICB tag (20) at 16, indirect ICB (long_ad) at 36.
 * In an ICB of strategy 4096 (4/A.6) it points to the next ICB extent, where newer entries are.
 *
 * @param tag         descriptor tag
 * @param icbTag      ICB tag
 * @param indirectIcb the ICB the entry points to
 */
public record IndirectEntry(DescriptorTag tag, IcbTag icbTag, LongAllocationDescriptor indirectIcb) {
    /** Bytes in the entry. */
    public static final int LENGTH = 52;
    private static final String S = "IndirectEntry";

    /** Checks the tag. */
    public IndirectEntry {
        Tagged.check(tag, DescriptorTag.ID_IE);
        java.util.Objects.requireNonNull(icbTag, "icbTag");
        java.util.Objects.requireNonNull(indirectIcb, "indirectIcb");
    }

    /** Always 52. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 52 bytes with CRC and checksum. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        icbTag.encode(d.position(16));
        indirectIcb.encode(d);
        tag.seal(d, LENGTH);
        b.position(b.position() + LENGTH);
    }

    /** Reads 52 bytes, checking tag identifier, checksum and CRC. */
    public static IndirectEntry decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads 52 bytes; the CRC is checked only if {@code checkCrc}. */
    public static IndirectEntry decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_IE, S, checkCrc);
        ByteBuffer d = Le.slice(b, LENGTH, S);
        IndirectEntry e = new IndirectEntry(tag, IcbTag.decode(d.position(16)), LongAllocationDescriptor.decode(d));
        b.position(b.position() + LENGTH);
        return e;
    }
}
