package org.discimage.udf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * A Logical Volume Descriptor, ECMA-167 3/10.6 (tag 6): 16 VDS number (4), 20 descriptor charset
 * (64), 84 logical volume identifier dstring(128), 212 logical block size (4), 216 domain
 * identifier (32), 248 logical volume contents use (16; UDF 2.60 2.2.4.4: the long_ad of the File
 * Set Descriptor), 264 map table length MT_L (4), 268 number of partition maps N_PM (4), 272
 * implementation identifier (32), 304 implementation use (128), 432 integrity sequence extent (8),
 * 440 the partition maps. Length 440 + MT_L.
 *
 * @param tag                      descriptor tag
 * @param vdsNumber                volume descriptor sequence number
 * @param descriptorCharset        descriptor character set
 * @param logicalVolumeIdentifier  logical volume identifier
 * @param logicalBlockSize         logical block size in bytes
 * @param domainIdentifier         domain identifier ({@code *OSTA UDF Compliant}, domain suffix)
 * @param logicalVolumeContentsUse the 16 bytes of contents use
 * @param implementationIdentifier implementation identifier
 * @param implementationUse        128 bytes of implementation use
 * @param integritySequenceExtent  where the LVID sequence is
 * @param partitionMaps            the partition maps; the index is the partition reference number
 */
public record LogicalVolumeDescriptor(DescriptorTag tag, long vdsNumber, Charspec descriptorCharset,
                                      String logicalVolumeIdentifier, long logicalBlockSize,
                                      EntityIdentifier domainIdentifier, byte[] logicalVolumeContentsUse,
                                      EntityIdentifier implementationIdentifier, byte[] implementationUse,
                                      ExtentAd integritySequenceExtent, List<PartitionMap> partitionMaps) {
    /** Bytes before the partition maps. */
    public static final int FIXED_LENGTH = 440;
    private static final String S = "LogicalVolumeDescriptor";

    /** Checks tag and ranges, copies arrays and the list. */
    public LogicalVolumeDescriptor {
        Tagged.check(tag, DescriptorTag.ID_LVD);
        Le.u32Arg(vdsNumber, "vdsNumber");
        Le.u32Arg(logicalBlockSize, "logicalBlockSize");
        java.util.Objects.requireNonNull(descriptorCharset, "descriptorCharset");
        java.util.Objects.requireNonNull(domainIdentifier, "domainIdentifier");
        java.util.Objects.requireNonNull(implementationIdentifier, "implementationIdentifier");
        java.util.Objects.requireNonNull(integritySequenceExtent, "integritySequenceExtent");
        logicalVolumeContentsUse = Le.fixed(logicalVolumeContentsUse, 16, "logicalVolumeContentsUse");
        implementationUse = Le.fixed(implementationUse, 128, "implementationUse");
        partitionMaps = List.copyOf(partitionMaps);
    }

    /** The contents use (a copy). */
    @Override
    public byte[] logicalVolumeContentsUse() {
        return logicalVolumeContentsUse.clone();
    }

    /** The implementation use (a copy). */
    @Override
    public byte[] implementationUse() {
        return implementationUse.clone();
    }

    /** The File Set Descriptor's extent: the contents use read as a long_ad (UDF 2.60 2.2.4.4). */
    public LongAllocationDescriptor fileSetDescriptorLocation() {
        try {
            return LongAllocationDescriptor.decode(ByteBuffer.wrap(logicalVolumeContentsUse));
        } catch (DiscImageException e) {
            throw new IllegalStateException("16 bytes always hold a long_ad", e);
        }
    }

    /** MT_L: the bytes of the partition maps. */
    public int mapTableLength() {
        return partitionMaps.stream().mapToInt(PartitionMap::length).sum();
    }

    /** 440 + MT_L. */
    public int length() {
        return FIXED_LENGTH + mapTableLength();
    }

    /** Writes the descriptor with CRC and checksum. */
    public void encode(ByteBuffer b) {
        int len = length();
        ByteBuffer d = Le.out(b, len);
        Le.put32(d, 16, vdsNumber);
        descriptorCharset.encode(d.position(20));
        Cs0.putDString(d, 84, 128, logicalVolumeIdentifier);
        Le.put32(d, 212, logicalBlockSize);
        domainIdentifier.encode(d.position(216));
        Le.putBytes(d, 248, logicalVolumeContentsUse);
        Le.put32(d, 264, mapTableLength());
        Le.put32(d, 268, partitionMaps.size());
        implementationIdentifier.encode(d.position(272));
        Le.putBytes(d, 304, implementationUse);
        integritySequenceExtent.encode(d.position(432));
        for (PartitionMap m : partitionMaps) {
            m.encode(d);
        }
        tag.seal(d, len);
        b.position(b.position() + len);
    }

    /** Reads the descriptor, checking tag, checksum, CRC, and that the maps fill exactly MT_L bytes. */
    public static LogicalVolumeDescriptor decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads the descriptor; the CRC is checked only if {@code checkCrc}. */
    public static LogicalVolumeDescriptor decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_LVD, S, checkCrc);
        int at = b.position();
        ByteBuffer head = Le.slice(b, FIXED_LENGTH, S);
        long mtl = Le.u32(head, 264);
        long n = Le.u32(head, 268);
        if (mtl > b.remaining() - FIXED_LENGTH) {
            throw Decoding.malformed(S + ".mapTableLength", at + 264, "map table of " + mtl
                    + " bytes runs past the " + b.remaining() + " bytes of the descriptor");
        }
        if (n > mtl / 6) {
            throw Decoding.malformed(S + ".numberOfPartitionMaps", at + 268, n + " maps do not fit "
                    + mtl + " bytes");
        }
        int len = FIXED_LENGTH + (int) mtl;
        ByteBuffer d = Le.slice(b, len, S);
        d.position(FIXED_LENGTH);
        List<PartitionMap> maps = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            maps.add(PartitionMap.decode(d));
        }
        if (d.position() != len) {
            throw Decoding.malformed(S + ".mapTableLength", at + 264, n + " maps take " + (d.position()
                    - FIXED_LENGTH) + " bytes, not " + mtl);
        }
        String lvid = Cs0.getDString(d, 84, 128, S + ".logicalVolumeIdentifier");
        LogicalVolumeDescriptor v = new LogicalVolumeDescriptor(tag, Le.u32(d, 16), Charspec.decode(d.position(20)),
                lvid, Le.u32(d, 212), EntityIdentifier.decode(d.position(216)), Le.bytes(d, 248, 16),
                EntityIdentifier.decode(d.position(272)), Le.bytes(d, 304, 128), ExtentAd.decode(d.position(432)),
                maps);
        b.position(at + len);
        return v;
    }
}
