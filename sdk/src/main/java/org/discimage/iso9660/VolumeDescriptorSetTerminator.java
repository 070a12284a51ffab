package org.discimage.iso9660;

import java.nio.ByteBuffer;
import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * The volume descriptor set terminator, ECMA-119 8.3: type 255, "CD001", version 1, then 2041 reserved
 * zero bytes (written as zeros, not checked when read).
 */
public record VolumeDescriptorSetTerminator() {
    private static final String S = "VolumeDescriptorSetTerminator";

    /** Always 2048. */
    public int length() {
        return VolumeDescriptors.LENGTH;
    }

    /** Writes the 2048 bytes. */
    public void encode(ByteBuffer b) {
        new VolumeDescriptorHeader(VolumeDescriptorType.TERMINATOR.code(), VolumeDescriptorHeader.CD001, 1)
                .encode(b);
        Decoding.putZeros(b, VolumeDescriptors.LENGTH - VolumeDescriptorHeader.LENGTH);
    }

    /** Reads 2048 bytes; MALFORMED_STRUCTURE if fewer remain or the header is not 255 / "CD001" / 1. */
    public static VolumeDescriptorSetTerminator decode(ByteBuffer b) throws DiscImageException {
        int at = b.position();
        Decoding.require(b, VolumeDescriptors.LENGTH, S);
        VolumeDescriptorHeader.expect(b, VolumeDescriptorType.TERMINATOR, 1, S);
        b.position(at + VolumeDescriptors.LENGTH);
        return new VolumeDescriptorSetTerminator();
    }
}
