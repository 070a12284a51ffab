package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * A Volume Descriptor Pointer, ECMA-167 3/10.3 (tag 3): tag (16), volume descriptor sequence number
 * (4), next volume descriptor sequence extent (8), reserved (484). The VDS continues in that extent.
 *
 * @param tag                 the descriptor tag
 * @param vdsNumber           volume descriptor sequence number
 * @param nextVds             where the sequence continues
 */
public record VolumeDescriptorPointer(DescriptorTag tag, long vdsNumber, ExtentAd nextVds) {
    /** Bytes in the descriptor. */
    public static final int LENGTH = 512;
    private static final String S = "VolumeDescriptorPointer";

    /** Checks the tag identifier and ranges. */
    public VolumeDescriptorPointer {
        Tagged.check(tag, DescriptorTag.ID_VDP);
        Le.u32Arg(vdsNumber, "vdsNumber");
        java.util.Objects.requireNonNull(nextVds, "nextVds");
    }

    /** Always 512. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 512 bytes with CRC and checksum. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put32(d, 16, vdsNumber);
        d.position(20);
        nextVds.encode(d);
        tag.seal(d, LENGTH);
        b.position(b.position() + LENGTH);
    }

    /** Reads 512 bytes, checking tag identifier, checksum and CRC. */
    public static VolumeDescriptorPointer decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads 512 bytes; the CRC is checked only if {@code checkCrc}. */
    public static VolumeDescriptorPointer decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, S);
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_VDP, S, checkCrc);
        d.position(20);
        VolumeDescriptorPointer p = new VolumeDescriptorPointer(tag, Le.u32(d, 16), ExtentAd.decode(d));
        b.position(b.position() + LENGTH);
        return p;
    }
}
