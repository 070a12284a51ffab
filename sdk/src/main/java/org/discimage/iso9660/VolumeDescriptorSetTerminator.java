package org.discimage.iso9660;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.discimage.codec.BothEndian;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/** The volume descriptor set terminator (ECMA-119 8.3): type 255, "CD001", version 1, zeros. */
public record VolumeDescriptorSetTerminator() {
    /** Length in bytes. */
    public static final int LENGTH = 2048;

    /** Writes 2048 bytes. */
    public void encode(ByteBuffer b) {
        int start = b.position();
        b.put((byte) 255).put("CD001".getBytes(StandardCharsets.US_ASCII)).put((byte) 1);
        while (b.position() < start + LENGTH) {
            b.put((byte) 0);
        }
    }

    /** Reads 2048 bytes. */
    public static VolumeDescriptorSetTerminator decode(ByteBuffer b) throws DiscImageException {
        BothEndian.need(b, LENGTH, "volume descriptor set terminator");
        int start = b.position();
        int type = b.get(start) & 0xFF;
        if (type != 255 || b.get(start + 1) != 'C' || b.get(start + 5) != '1') {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, "not a volume descriptor set terminator");
        }
        b.position(start + LENGTH);
        return new VolumeDescriptorSetTerminator();
    }

    /** Length in bytes: 2048. */
    public int length() {
        return LENGTH;
    }
}
