package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * A File Identifier Descriptor, ECMA-167 4/14.4 (tag 0x101): 16 file version number (2), 18 file
 * characteristics (1; bit 0 hidden, 1 directory, 2 deleted, 3 parent, 4 metadata), 19 L_FI (1), 20
 * ICB (long_ad), 36 L_IU (2), 38 implementation use (L_IU), then the file identifier (L_FI bytes of
 * compressed Unicode, without a length byte), then zero padding to a multiple of 4:
 * length = 4 * ceil((38 + L_IU + L_FI) / 4).
 *
 * @param tag                 descriptor tag
 * @param fileVersionNumber   file version number (1)
 * @param fileCharacteristics characteristics bits
 * @param icb                 the ICB of the entry
 * @param implementationUse   L_IU bytes
 * @param fileIdentifier      the L_FI bytes of the identifier (compression ID first), empty for the parent
 */
public record FileIdentifierDescriptor(DescriptorTag tag, int fileVersionNumber, int fileCharacteristics,
                                       LongAllocationDescriptor icb, byte[] implementationUse, byte[] fileIdentifier) {
    /** Bytes before the implementation use. */
    public static final int FIXED_LENGTH = 38;
    /** Characteristics bit 0: hidden (existence). */
    public static final int HIDDEN = 1;
    /** Characteristics bit 1: directory. */
    public static final int DIRECTORY = 2;
    /** Characteristics bit 2: deleted. */
    public static final int DELETED = 4;
    /** Characteristics bit 3: parent. */
    public static final int PARENT = 8;
    /** Characteristics bit 4: metadata (a stream of the system stream directory). */
    public static final int METADATA = 16;
    private static final String S = "FileIdentifierDescriptor";

    /** Checks tag and ranges, copies the arrays. */
    public FileIdentifierDescriptor {
        Tagged.check(tag, DescriptorTag.ID_FID);
        Le.u16Arg(fileVersionNumber, "fileVersionNumber");
        Decoding.checkRange(fileCharacteristics, 0, 255, "fileCharacteristics");
        java.util.Objects.requireNonNull(icb, "icb");
        implementationUse = implementationUse.clone();
        fileIdentifier = fileIdentifier.clone();
        Le.u16Arg(implementationUse.length, "L_IU");
        Decoding.checkRange(fileIdentifier.length, 0, 255, "L_FI");
    }

    /** The implementation use (a copy). */
    @Override
    public byte[] implementationUse() {
        return implementationUse.clone();
    }

    /** The identifier bytes (a copy). */
    @Override
    public byte[] fileIdentifier() {
        return fileIdentifier.clone();
    }

    /** The identifier decoded from compressed Unicode. */
    public String name() throws DiscImageException {
        return Cs0.decode(fileIdentifier, S + ".fileIdentifier");
    }

    /** Whether a characteristics bit is set. */
    public boolean is(int characteristic) {
        return (fileCharacteristics & characteristic) != 0;
    }

    /** The padded length for the given L_IU and L_FI. */
    public static int length(int lengthOfImplementationUse, int lengthOfFileIdentifier) {
        return (FIXED_LENGTH + lengthOfImplementationUse + lengthOfFileIdentifier + 3) & ~3;
    }

    /** The padded length. */
    public int length() {
        return length(implementationUse.length, fileIdentifier.length);
    }

    /** Writes the descriptor with its padding, CRC and checksum. */
    public void encode(ByteBuffer b) {
        int len = length();
        ByteBuffer d = Le.out(b, len);
        Le.put16(d, 16, fileVersionNumber);
        Le.put8(d, 18, fileCharacteristics);
        Le.put8(d, 19, fileIdentifier.length);
        icb.encode(d.position(20));
        Le.put16(d, 36, implementationUse.length);
        Le.putBytes(d, 38, implementationUse);
        Le.putBytes(d, 38 + implementationUse.length, fileIdentifier);
        tag.seal(d, len);
        b.position(b.position() + len);
    }

    /**
     * Encodes a FID in place at {@code a[off]}, sealed, and returns its padded length: what
     * {@link #encode} writes for file version 1, no implementation use, and an ICB long_ad of one
     * block ({@code icbLength} bytes) at {@code icbBlock} of partition {@code icbPartition} whose
     * implementation use holds {@code uniqueId} in bytes 2-5 (UDF 2.60 2.3.4.3); the identifier is
     * {@code name} in OSTA compressed Unicode ({@link Cs0#put}), "" for the parent FID. A
     * directory's FIDs are encoded one after the other into its data without an object or an
     * array per name. {@code wideName}: whether a char of the name exceeds U+00FF (see
     * {@link Cs0#put(String, boolean, byte[], int)}). IllegalArgumentException if the identifier
     * exceeds 255 bytes.
     */
    public static int put(byte[] a, int off, int version, int serialNumber, long location, int characteristics,
                          int icbLength, long icbBlock, int icbPartition, int uniqueId, String name,
                          boolean wideName) {
        int nameLength = Cs0.put(name, wideName, a, off + FIXED_LENGTH);
        Decoding.checkRange(nameLength, 0, 255, "L_FI");
        int len = length(0, nameLength);
        java.util.Arrays.fill(a, off + FIXED_LENGTH + nameLength, off + len, (byte) 0);
        java.util.Arrays.fill(a, off + 16, off + FIXED_LENGTH, (byte) 0);
        Le.put16(a, off + 16, 1);
        a[off + 18] = (byte) characteristics;
        a[off + 19] = (byte) nameLength;
        LongAllocationDescriptor.put(a, off + 20, AllocationDescriptor.RECORDED, icbLength, icbBlock, icbPartition);
        Le.put32(a, off + 32, uniqueId & 0xFFFF_FFFFL);
        DescriptorTag.seal(a, off, DescriptorTag.ID_FID, version, serialNumber, location, len);
        return len;
    }

    /** Reads one descriptor with its padding, checking tag, checksum, CRC and that it fits the buffer. */
    public static FileIdentifierDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads one descriptor; the CRC is checked only if {@code checkCrc}. */
    public static FileIdentifierDescriptor decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_FID, S, checkCrc);
        int at = b.position();
        ByteBuffer h = Le.slice(b, FIXED_LENGTH, S);
        int len = length(Le.u16(h, 36), Le.u8(h, 19));
        if (len > b.remaining()) {
            throw Decoding.malformed(S + ".lengthOfImplementationUse", at + 36, "descriptor of " + len
                    + " bytes (L_IU " + Le.u16(h, 36) + ", L_FI " + Le.u8(h, 19) + ") runs past the "
                    + b.remaining() + " bytes left");
        }
        ByteBuffer d = Le.slice(b, len, S);
        int liu = Le.u16(d, 36);
        FileIdentifierDescriptor f = new FileIdentifierDescriptor(tag, Le.u16(d, 16), Le.u8(d, 18),
                LongAllocationDescriptor.decode(d.position(20)), Le.bytes(d, 38, liu),
                Le.bytes(d, 38 + liu, Le.u8(d, 19)));
        b.position(at + len);
        return f;
    }
}
