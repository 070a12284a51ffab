package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * The UDF Primary Volume Descriptor, ECMA-167 3/10.1 (tag 1; named so as not to be confused with
 * ECMA-119's): 16 VDS number, 20 PVD number, 24 volume identifier dstring(32), 56 volume sequence
 * number, 58 maximum, 60 interchange level, 62 maximum, 64 character set list (4), 68 maximum,
 * 72 volume set identifier dstring(128), 200 descriptor charset, 264 explanatory charset, 328 volume
 * abstract, 336 volume copyright notice (extent_ad), 344 application identifier, 376 recording time,
 * 388 implementation identifier, 420 implementation use (64), 484 predecessor VDS location, 488
 * flags (2), 490 reserved (22).
 *
 * @param tag                       descriptor tag
 * @param vdsNumber                 volume descriptor sequence number
 * @param primaryVolumeDescriptorNumber PVD number
 * @param volumeIdentifier          volume identifier
 * @param volumeSequenceNumber      volume sequence number
 * @param maxVolumeSequenceNumber   maximum volume sequence number
 * @param interchangeLevel          interchange level
 * @param maxInterchangeLevel       maximum interchange level
 * @param characterSetList          character set list
 * @param maxCharacterSetList       maximum character set list
 * @param volumeSetIdentifier       volume set identifier
 * @param descriptorCharset         descriptor character set
 * @param explanatoryCharset        explanatory character set
 * @param volumeAbstract            volume abstract extent
 * @param volumeCopyrightNotice     volume copyright notice extent
 * @param applicationIdentifier     application identifier
 * @param recordingTime             recording date and time
 * @param implementationIdentifier  implementation identifier
 * @param implementationUse         64 bytes of implementation use
 * @param predecessorVdsLocation    predecessor volume descriptor sequence location
 * @param flags                     flags (bit 0: volume set identification common)
 */
public record UdfPrimaryVolumeDescriptor(DescriptorTag tag, long vdsNumber, long primaryVolumeDescriptorNumber,
                                         String volumeIdentifier, int volumeSequenceNumber,
                                         int maxVolumeSequenceNumber, int interchangeLevel, int maxInterchangeLevel,
                                         long characterSetList, long maxCharacterSetList, String volumeSetIdentifier,
                                         Charspec descriptorCharset, Charspec explanatoryCharset,
                                         ExtentAd volumeAbstract, ExtentAd volumeCopyrightNotice,
                                         EntityIdentifier applicationIdentifier, Timestamp recordingTime,
                                         EntityIdentifier implementationIdentifier, byte[] implementationUse,
                                         long predecessorVdsLocation, int flags) {
    /** Bytes in the descriptor. */
    public static final int LENGTH = 512;
    private static final String S = "UdfPrimaryVolumeDescriptor";

    /** Checks tag and ranges, copies the array. */
    public UdfPrimaryVolumeDescriptor {
        Tagged.check(tag, DescriptorTag.ID_PVD);
        Le.u32Arg(vdsNumber, "vdsNumber");
        Le.u32Arg(primaryVolumeDescriptorNumber, "primaryVolumeDescriptorNumber");
        Le.u16Arg(volumeSequenceNumber, "volumeSequenceNumber");
        Le.u16Arg(maxVolumeSequenceNumber, "maxVolumeSequenceNumber");
        Le.u16Arg(interchangeLevel, "interchangeLevel");
        Le.u16Arg(maxInterchangeLevel, "maxInterchangeLevel");
        Le.u32Arg(characterSetList, "characterSetList");
        Le.u32Arg(maxCharacterSetList, "maxCharacterSetList");
        Le.u32Arg(predecessorVdsLocation, "predecessorVdsLocation");
        Le.u16Arg(flags, "flags");
        implementationUse = Le.fixed(implementationUse, 64, "implementationUse");
    }

    /** The implementation use bytes (a copy). */
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
        Le.put32(d, 20, primaryVolumeDescriptorNumber);
        Cs0.putDString(d, 24, 32, volumeIdentifier);
        Le.put16(d, 56, volumeSequenceNumber);
        Le.put16(d, 58, maxVolumeSequenceNumber);
        Le.put16(d, 60, interchangeLevel);
        Le.put16(d, 62, maxInterchangeLevel);
        Le.put32(d, 64, characterSetList);
        Le.put32(d, 68, maxCharacterSetList);
        Cs0.putDString(d, 72, 128, volumeSetIdentifier);
        descriptorCharset.encode(d.position(200));
        explanatoryCharset.encode(d);
        volumeAbstract.encode(d);
        volumeCopyrightNotice.encode(d);
        applicationIdentifier.encode(d);
        recordingTime.encode(d);
        implementationIdentifier.encode(d);
        Le.putBytes(d, 420, implementationUse);
        Le.put32(d, 484, predecessorVdsLocation);
        Le.put16(d, 488, flags);
        tag.seal(d, LENGTH);
        b.position(b.position() + LENGTH);
    }

    /** Reads 512 bytes, checking tag identifier, checksum and CRC, and the d-strings. */
    public static UdfPrimaryVolumeDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads 512 bytes; the CRC is checked only if {@code checkCrc}. */
    public static UdfPrimaryVolumeDescriptor decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, S);
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_PVD, S, checkCrc);
        String vid = Cs0.getDString(d, 24, 32, S + ".volumeIdentifier");
        String vsid = Cs0.getDString(d, 72, 128, S + ".volumeSetIdentifier");
        d.position(200);
        UdfPrimaryVolumeDescriptor p = new UdfPrimaryVolumeDescriptor(tag, Le.u32(d, 16), Le.u32(d, 20), vid,
                Le.u16(d, 56), Le.u16(d, 58), Le.u16(d, 60), Le.u16(d, 62), Le.u32(d, 64), Le.u32(d, 68), vsid,
                Charspec.decode(d), Charspec.decode(d), ExtentAd.decode(d), ExtentAd.decode(d),
                EntityIdentifier.decode(d), Timestamp.decode(d), EntityIdentifier.decode(d), Le.bytes(d, 420, 64),
                Le.u32(d, 484), Le.u16(d, 488));
        b.position(b.position() + LENGTH);
        return p;
    }
}
