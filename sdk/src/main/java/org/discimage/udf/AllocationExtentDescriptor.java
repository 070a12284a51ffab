package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * An Allocation Extent Descriptor, ECMA-167 4/14.5 (tag 0x102): 16 previous allocation extent
 * location (4), 20 length of allocation descriptors L_AD (4), 24 the allocation descriptors. An
 * extent of type 3 in an ICB points here when the ICB's descriptors do not fit.
 *
 * @param tag                              descriptor tag
 * @param previousAllocationExtentLocation the previous AED's block (0 for none)
 * @param allocationDescriptors            the L_AD bytes of allocation descriptors
 */
public record AllocationExtentDescriptor(DescriptorTag tag, long previousAllocationExtentLocation,
                                         byte[] allocationDescriptors) {
    /** Bytes before the allocation descriptors. */
    public static final int FIXED_LENGTH = 24;
    private static final String S = "AllocationExtentDescriptor";

    /** Checks tag and range, copies the array. */
    public AllocationExtentDescriptor {
        Tagged.check(tag, DescriptorTag.ID_AED);
        Le.u32Arg(previousAllocationExtentLocation, "previousAllocationExtentLocation");
        allocationDescriptors = allocationDescriptors.clone();
    }

    /** The allocation descriptors (a copy). */
    @Override
    public byte[] allocationDescriptors() {
        return allocationDescriptors.clone();
    }

    /** 24 + L_AD. */
    public int length() {
        return FIXED_LENGTH + allocationDescriptors.length;
    }

    /** Writes the descriptor with CRC and checksum. */
    public void encode(ByteBuffer b) {
        int len = length();
        ByteBuffer d = Le.out(b, len);
        Le.put32(d, 16, previousAllocationExtentLocation);
        Le.put32(d, 20, allocationDescriptors.length);
        Le.putBytes(d, 24, allocationDescriptors);
        tag.seal(d, len);
        b.position(b.position() + len);
    }

    /** Reads the descriptor, checking tag, checksum, CRC and that L_AD fits the buffer. */
    public static AllocationExtentDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads the descriptor; the CRC is checked only if {@code checkCrc}. */
    public static AllocationExtentDescriptor decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_AED, S, checkCrc);
        int at = b.position();
        ByteBuffer h = Le.slice(b, FIXED_LENGTH, S);
        long lad = Le.u32(h, 20);
        if (lad > b.remaining() - FIXED_LENGTH) {
            throw Decoding.malformed(S + ".lengthOfAllocationDescriptors", at + 20, "L_AD " + lad
                    + " exceeds the " + (b.remaining() - FIXED_LENGTH) + " bytes left");
        }
        ByteBuffer d = Le.slice(b, FIXED_LENGTH + (int) lad, S);
        AllocationExtentDescriptor a = new AllocationExtentDescriptor(tag, Le.u32(d, 16),
                Le.bytes(d, 24, (int) lad));
        b.position(at + FIXED_LENGTH + (int) lad);
        return a;
    }
}
