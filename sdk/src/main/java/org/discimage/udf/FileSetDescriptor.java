package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * A File Set Descriptor, ECMA-167 4/14.1 (tag 0x100), 512 bytes: 16 recording time, 28 interchange
 * level (2), 30 maximum (2), 32 character set list (4), 36 maximum (4), 40 file set number (4), 44
 * file set descriptor number (4), 48 LV identifier charset (64), 112 logical volume identifier
 * dstring(128), 240 file set charset (64), 304 file set identifier dstring(32), 336 copyright file
 * identifier dstring(32), 368 abstract file identifier dstring(32), 400 root directory ICB (long_ad),
 * 416 domain identifier, 448 next extent (long_ad), 464 system stream directory ICB (long_ad, NSR03),
 * 480 reserved (32).
 *
 * @param tag                        descriptor tag
 * @param recordingTime              recording date and time
 * @param interchangeLevel           interchange level
 * @param maxInterchangeLevel        maximum interchange level
 * @param characterSetList           character set list
 * @param maxCharacterSetList        maximum character set list
 * @param fileSetNumber              file set number
 * @param fileSetDescriptorNumber    file set descriptor number
 * @param logicalVolumeIdentifierCharset LV identifier character set
 * @param logicalVolumeIdentifier    logical volume identifier
 * @param fileSetCharset             file set character set
 * @param fileSetIdentifier          file set identifier
 * @param copyrightFileIdentifier    copyright file identifier
 * @param abstractFileIdentifier     abstract file identifier
 * @param rootDirectoryIcb           root directory ICB
 * @param domainIdentifier           domain identifier
 * @param nextExtent                 next extent of File Set Descriptors
 * @param systemStreamDirectoryIcb   system stream directory ICB
 */
public record FileSetDescriptor(DescriptorTag tag, Timestamp recordingTime, int interchangeLevel,
                                int maxInterchangeLevel, long characterSetList, long maxCharacterSetList,
                                long fileSetNumber, long fileSetDescriptorNumber,
                                Charspec logicalVolumeIdentifierCharset, String logicalVolumeIdentifier,
                                Charspec fileSetCharset, String fileSetIdentifier, String copyrightFileIdentifier,
                                String abstractFileIdentifier, LongAllocationDescriptor rootDirectoryIcb,
                                EntityIdentifier domainIdentifier, LongAllocationDescriptor nextExtent,
                                LongAllocationDescriptor systemStreamDirectoryIcb) {
    /** Bytes in the descriptor. */
    public static final int LENGTH = 512;
    private static final String S = "FileSetDescriptor";

    /** Checks tag and ranges. */
    public FileSetDescriptor {
        Tagged.check(tag, DescriptorTag.ID_FSD);
        Le.u16Arg(interchangeLevel, "interchangeLevel");
        Le.u16Arg(maxInterchangeLevel, "maxInterchangeLevel");
        Le.u32Arg(characterSetList, "characterSetList");
        Le.u32Arg(maxCharacterSetList, "maxCharacterSetList");
        Le.u32Arg(fileSetNumber, "fileSetNumber");
        Le.u32Arg(fileSetDescriptorNumber, "fileSetDescriptorNumber");
        java.util.Objects.requireNonNull(rootDirectoryIcb, "rootDirectoryIcb");
    }

    /** Always 512. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 512 bytes with CRC and checksum. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        recordingTime.encode(d.position(16));
        Le.put16(d, 28, interchangeLevel);
        Le.put16(d, 30, maxInterchangeLevel);
        Le.put32(d, 32, characterSetList);
        Le.put32(d, 36, maxCharacterSetList);
        Le.put32(d, 40, fileSetNumber);
        Le.put32(d, 44, fileSetDescriptorNumber);
        logicalVolumeIdentifierCharset.encode(d.position(48));
        Cs0.putDString(d, 112, 128, logicalVolumeIdentifier);
        fileSetCharset.encode(d.position(240));
        Cs0.putDString(d, 304, 32, fileSetIdentifier);
        Cs0.putDString(d, 336, 32, copyrightFileIdentifier);
        Cs0.putDString(d, 368, 32, abstractFileIdentifier);
        rootDirectoryIcb.encode(d.position(400));
        domainIdentifier.encode(d);
        nextExtent.encode(d);
        systemStreamDirectoryIcb.encode(d);
        tag.seal(d, LENGTH);
        b.position(b.position() + LENGTH);
    }

    /** Reads 512 bytes, checking tag identifier, checksum, CRC and the d-strings. */
    public static FileSetDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads 512 bytes; the CRC is checked only if {@code checkCrc}. */
    public static FileSetDescriptor decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, S);
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_FSD, S, checkCrc);
        String lvi = Cs0.getDString(d, 112, 128, S + ".logicalVolumeIdentifier");
        String fsi = Cs0.getDString(d, 304, 32, S + ".fileSetIdentifier");
        String cfi = Cs0.getDString(d, 336, 32, S + ".copyrightFileIdentifier");
        String afi = Cs0.getDString(d, 368, 32, S + ".abstractFileIdentifier");
        FileSetDescriptor f = new FileSetDescriptor(tag, Timestamp.decode(d.position(16)), Le.u16(d, 28),
                Le.u16(d, 30), Le.u32(d, 32), Le.u32(d, 36), Le.u32(d, 40), Le.u32(d, 44),
                Charspec.decode(d.position(48)), lvi, Charspec.decode(d.position(240)), fsi, cfi, afi,
                LongAllocationDescriptor.decode(d.position(400)), EntityIdentifier.decode(d),
                LongAllocationDescriptor.decode(d), LongAllocationDescriptor.decode(d));
        b.position(b.position() + LENGTH);
        return f;
    }
}
