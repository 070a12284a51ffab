package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * An Implementation Use Volume Descriptor, ECMA-167 3/10.4 (tag 4): 16 VDS number (4), 20
 * implementation identifier (32; UDF: {@code *UDF LV Info}), 52 implementation use (460). For
 * {@code *UDF LV Info} (UDF 2.60 2.2.7.2) the implementation use holds the LVI charset (64), the
 * logical volume identifier dstring(128) at 64, three LV info dstring(36) at 192, 228, 264, an
 * implementation identifier at 300 and 128 bytes of implementation use at 332.
 *
 * @param tag                       descriptor tag
 * @param vdsNumber                 volume descriptor sequence number
 * @param implementationIdentifier  implementation identifier
 * @param implementationUse         the 460 bytes of implementation use
 */
public record ImplementationUseVolumeDescriptor(DescriptorTag tag, long vdsNumber,
                                                EntityIdentifier implementationIdentifier, byte[] implementationUse) {
    /** Bytes in the descriptor. */
    public static final int LENGTH = 512;
    /** The UDF implementation identifier of the LV Info form. */
    public static final String LV_INFO = "*UDF LV Info";
    private static final String S = "ImplementationUseVolumeDescriptor";

    /** Checks tag and ranges, copies the array. */
    public ImplementationUseVolumeDescriptor {
        Tagged.check(tag, DescriptorTag.ID_IUVD);
        Le.u32Arg(vdsNumber, "vdsNumber");
        java.util.Objects.requireNonNull(implementationIdentifier, "implementationIdentifier");
        implementationUse = Le.fixed(implementationUse, 460, "implementationUse");
    }

    /** The implementation use bytes (a copy). */
    @Override
    public byte[] implementationUse() {
        return implementationUse.clone();
    }

    /** For {@code *UDF LV Info}: the logical volume identifier; MALFORMED_STRUCTURE for a bad d-string. */
    public String logicalVolumeIdentifier() throws DiscImageException {
        return Cs0.decodeDString(java.util.Arrays.copyOfRange(implementationUse, 64, 192), S + ".LVIdentifier");
    }

    /** Always 512. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 512 bytes with CRC and checksum. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put32(d, 16, vdsNumber);
        implementationIdentifier.encode(d.position(20));
        Le.putBytes(d, 52, implementationUse);
        tag.seal(d, LENGTH);
        b.position(b.position() + LENGTH);
    }

    /** Reads 512 bytes, checking tag identifier, checksum and CRC. */
    public static ImplementationUseVolumeDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads 512 bytes; the CRC is checked only if {@code checkCrc}. */
    public static ImplementationUseVolumeDescriptor decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, S);
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_IUVD, S, checkCrc);
        ImplementationUseVolumeDescriptor v = new ImplementationUseVolumeDescriptor(tag, Le.u32(d, 16),
                EntityIdentifier.decode(d.position(20)), Le.bytes(d, 52, 460));
        b.position(b.position() + LENGTH);
        return v;
    }
}
