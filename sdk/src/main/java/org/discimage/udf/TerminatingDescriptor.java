package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * A Terminating Descriptor, ECMA-167 3/10.9 and 4/14.2 (tag 8): tag (16) and 496 reserved bytes.
 * Ends a Volume Descriptor Sequence, an integrity sequence or a File Set Descriptor sequence.
 *
 * @param tag the descriptor tag
 */
public record TerminatingDescriptor(DescriptorTag tag) {
    /** Bytes in the descriptor. */
    public static final int LENGTH = 512;
    private static final String S = "TerminatingDescriptor";

    /** Checks the tag identifier. */
    public TerminatingDescriptor {
        Tagged.check(tag, DescriptorTag.ID_TD);
    }

    /** Always 512. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 512 bytes with CRC and checksum. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        tag.seal(d, LENGTH);
        b.position(b.position() + LENGTH);
    }

    /** Reads 512 bytes, checking tag identifier, checksum and CRC. */
    public static TerminatingDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads 512 bytes; the CRC is checked only if {@code checkCrc}. */
    public static TerminatingDescriptor decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, S);
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_TD, S, checkCrc);
        b.position(b.position() + LENGTH);
        return new TerminatingDescriptor(tag);
    }
}
