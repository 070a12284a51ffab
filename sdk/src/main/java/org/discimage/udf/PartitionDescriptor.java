package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * A Partition Descriptor, ECMA-167 3/10.5 (tag 5): 16 VDS number (4), 20 partition flags (2, bit 0
 * allocated), 22 partition number (2), 24 partition contents (regid {@code +NSR02}/{@code +NSR03}),
 * 56 partition contents use (128, the Partition Header Descriptor of 4/14.3), 184 access type (4),
 * 188 partition starting location (4, absolute sector), 192 partition length (4, sectors), 196
 * implementation identifier, 228 implementation use (128), 356 reserved (156).
 *
 * @param tag                      descriptor tag
 * @param vdsNumber                volume descriptor sequence number
 * @param partitionFlags           partition flags
 * @param partitionNumber          partition number
 * @param partitionContents        partition contents identifier
 * @param partitionContentsUse     128 bytes of partition contents use
 * @param accessType               access type (0 pseudo-overwritable, 1 read-only, 2 write-once, 3 rewritable, 4 overwritable)
 * @param partitionStartingLocation first sector of the partition
 * @param partitionLength          sectors in the partition
 * @param implementationIdentifier implementation identifier
 * @param implementationUse        128 bytes of implementation use
 */
public record PartitionDescriptor(DescriptorTag tag, long vdsNumber, int partitionFlags, int partitionNumber,
                                  EntityIdentifier partitionContents, byte[] partitionContentsUse, long accessType,
                                  long partitionStartingLocation, long partitionLength,
                                  EntityIdentifier implementationIdentifier, byte[] implementationUse) {
    /** Bytes in the descriptor. */
    public static final int LENGTH = 512;
    private static final String S = "PartitionDescriptor";

    /** Checks tag and ranges, copies the arrays. */
    public PartitionDescriptor {
        Tagged.check(tag, DescriptorTag.ID_PD);
        Le.u32Arg(vdsNumber, "vdsNumber");
        Le.u16Arg(partitionFlags, "partitionFlags");
        Le.u16Arg(partitionNumber, "partitionNumber");
        Le.u32Arg(accessType, "accessType");
        Le.u32Arg(partitionStartingLocation, "partitionStartingLocation");
        Le.u32Arg(partitionLength, "partitionLength");
        java.util.Objects.requireNonNull(partitionContents, "partitionContents");
        java.util.Objects.requireNonNull(implementationIdentifier, "implementationIdentifier");
        partitionContentsUse = Le.fixed(partitionContentsUse, 128, "partitionContentsUse");
        implementationUse = Le.fixed(implementationUse, 128, "implementationUse");
    }

    /** The partition contents use (a copy). */
    @Override
    public byte[] partitionContentsUse() {
        return partitionContentsUse.clone();
    }

    /** The implementation use (a copy). */
    @Override
    public byte[] implementationUse() {
        return implementationUse.clone();
    }

    /** Always 512. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 512 bytes with CRC and checksum. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put32(d, 16, vdsNumber);
        Le.put16(d, 20, partitionFlags);
        Le.put16(d, 22, partitionNumber);
        partitionContents.encode(d.position(24));
        Le.putBytes(d, 56, partitionContentsUse);
        Le.put32(d, 184, accessType);
        Le.put32(d, 188, partitionStartingLocation);
        Le.put32(d, 192, partitionLength);
        implementationIdentifier.encode(d.position(196));
        Le.putBytes(d, 228, implementationUse);
        tag.seal(d, LENGTH);
        b.position(b.position() + LENGTH);
    }

    /** Reads 512 bytes, checking tag identifier, checksum and CRC. */
    public static PartitionDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads 512 bytes; the CRC is checked only if {@code checkCrc}. */
    public static PartitionDescriptor decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, S);
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_PD, S, checkCrc);
        PartitionDescriptor p = new PartitionDescriptor(tag, Le.u32(d, 16), Le.u16(d, 20), Le.u16(d, 22),
                EntityIdentifier.decode(d.position(24)), Le.bytes(d, 56, 128), Le.u32(d, 184), Le.u32(d, 188),
                Le.u32(d, 192), EntityIdentifier.decode(d.position(196)), Le.bytes(d, 228, 128));
        b.position(b.position() + LENGTH);
        return p;
    }
}
