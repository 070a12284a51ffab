package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * The Anchor Volume Descriptor Pointer, ECMA-167 3/10.2 (tag 2), recorded at sector 256, N - 256
 * and N: tag (16), main Volume Descriptor Sequence extent (8), reserve VDS extent (8), reserved (480).
 *
 * @param tag     the descriptor tag
 * @param mainVds main VDS extent
 * @param reserveVds reserve VDS extent
 */
public record AnchorVolumeDescriptorPointer(DescriptorTag tag, ExtentAd mainVds, ExtentAd reserveVds) {
    /** Bytes in the descriptor. */
    public static final int LENGTH = 512;
    private static final String S = "AnchorVolumeDescriptorPointer";

    /** Checks the tag identifier. */
    public AnchorVolumeDescriptorPointer {
        Tagged.check(tag, DescriptorTag.ID_AVDP);
        java.util.Objects.requireNonNull(mainVds, "mainVds");
        java.util.Objects.requireNonNull(reserveVds, "reserveVds");
    }

    /** Always 512. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 512 bytes with CRC and checksum. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        d.position(16);
        mainVds.encode(d);
        reserveVds.encode(d);
        tag.seal(d, LENGTH);
        b.position(b.position() + LENGTH);
    }

    /** Reads 512 bytes, checking tag identifier, checksum and CRC. */
    public static AnchorVolumeDescriptorPointer decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads 512 bytes; the CRC is checked only if {@code checkCrc} (the caller checked it otherwise). */
    public static AnchorVolumeDescriptorPointer decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, S);
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_AVDP, S, checkCrc);
        d.position(16);
        AnchorVolumeDescriptorPointer a = new AnchorVolumeDescriptorPointer(tag, ExtentAd.decode(d), ExtentAd.decode(d));
        b.position(b.position() + LENGTH);
        return a;
    }
}
