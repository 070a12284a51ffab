package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * An Extended File Entry, ECMA-167 4/14.17 (tag 0x10A; UDF 2.00 and later): as a {@link FileEntry}
 * plus object size, creation time and a stream directory ICB: 16 ICB tag, 36 uid, 40 gid, 44
 * permissions, 48 link count, 50 record format, 51 record display attributes, 52 record length, 56
 * information length (8), 64 object size (8), 72 logical blocks recorded (8), 80 access time, 92
 * modification time, 104 creation time, 116 attribute time, 128 checkpoint (4), 132 reserved (4), 136
 * extended attribute ICB, 152 stream directory ICB (long_ads), 168 implementation identifier, 200
 * unique ID (8), 208 L_EA, 212 L_AD, 216 extended attributes then allocation descriptors.
 *
 * @param tag                     descriptor tag
 * @param icbTag                  ICB tag
 * @param uid                     owner
 * @param gid                     group
 * @param permissions             permissions
 * @param fileLinkCount           file link count
 * @param recordFormat            record format
 * @param recordDisplayAttributes record display attributes
 * @param recordLength            record length
 * @param informationLength       bytes of the file's default stream
 * @param objectSize              bytes of all streams
 * @param logicalBlocksRecorded   blocks recorded
 * @param accessTime              access time
 * @param modificationTime        modification time
 * @param creationTime            creation time
 * @param attributeTime           attribute time
 * @param checkpoint              checkpoint
 * @param extendedAttributeIcb    extended attribute ICB
 * @param streamDirectoryIcb      stream directory ICB (length 0: no named streams)
 * @param implementationIdentifier implementation identifier
 * @param uniqueId                unique ID
 * @param extendedAttributes      L_EA bytes
 * @param allocationDescriptors   L_AD bytes
 */
public record ExtendedFileEntry(DescriptorTag tag, IcbTag icbTag, long uid, long gid, long permissions,
                                int fileLinkCount, int recordFormat, int recordDisplayAttributes, long recordLength,
                                long informationLength, long objectSize, long logicalBlocksRecorded,
                                Timestamp accessTime, Timestamp modificationTime, Timestamp creationTime,
                                Timestamp attributeTime, long checkpoint, LongAllocationDescriptor extendedAttributeIcb,
                                LongAllocationDescriptor streamDirectoryIcb, EntityIdentifier implementationIdentifier,
                                long uniqueId, byte[] extendedAttributes, byte[] allocationDescriptors)
        implements IcbEntry {
    /** Bytes before the extended attributes. */
    public static final int FIXED_LENGTH = 216;
    private static final String S = "ExtendedFileEntry";

    /** Checks tag and ranges, copies the arrays. */
    public ExtendedFileEntry {
        Tagged.check(tag, DescriptorTag.ID_EFE);
        java.util.Objects.requireNonNull(icbTag, "icbTag");
        Le.u32Arg(uid, "uid");
        Le.u32Arg(gid, "gid");
        Le.u32Arg(permissions, "permissions");
        Le.u16Arg(fileLinkCount, "fileLinkCount");
        Decoding.checkRange(recordFormat, 0, 255, "recordFormat");
        Decoding.checkRange(recordDisplayAttributes, 0, 255, "recordDisplayAttributes");
        Le.u32Arg(recordLength, "recordLength");
        if (informationLength < 0 || objectSize < 0 || logicalBlocksRecorded < 0) {
            throw new IllegalArgumentException("negative length");
        }
        Le.u32Arg(checkpoint, "checkpoint");
        java.util.Objects.requireNonNull(streamDirectoryIcb, "streamDirectoryIcb");
        extendedAttributes = extendedAttributes.clone();
        allocationDescriptors = allocationDescriptors.clone();
    }

    @Override
    public byte[] extendedAttributes() {
        return extendedAttributes.clone();
    }

    @Override
    public byte[] allocationDescriptors() {
        return allocationDescriptors.clone();
    }

    @Override
    public LongAllocationDescriptor streamDirectory() {
        return streamDirectoryIcb;
    }

    @Override
    public int allocationDescriptorsOffset() {
        return FIXED_LENGTH + extendedAttributes.length;
    }

    /** 216 + L_EA + L_AD. */
    public int length() {
        return FIXED_LENGTH + extendedAttributes.length + allocationDescriptors.length;
    }

    /** Writes the entry with CRC and checksum. */
    public void encode(ByteBuffer b) {
        int len = length();
        ByteBuffer d = Le.out(b, len);
        icbTag.encode(d.position(16));
        Le.put32(d, 36, uid);
        Le.put32(d, 40, gid);
        Le.put32(d, 44, permissions);
        Le.put16(d, 48, fileLinkCount);
        Le.put8(d, 50, recordFormat);
        Le.put8(d, 51, recordDisplayAttributes);
        Le.put32(d, 52, recordLength);
        Le.put64(d, 56, informationLength);
        Le.put64(d, 64, objectSize);
        Le.put64(d, 72, logicalBlocksRecorded);
        accessTime.encode(d.position(80));
        modificationTime.encode(d);
        creationTime.encode(d);
        attributeTime.encode(d);
        Le.put32(d, 128, checkpoint);
        extendedAttributeIcb.encode(d.position(136));
        streamDirectoryIcb.encode(d);
        implementationIdentifier.encode(d);
        Le.put64(d, 200, uniqueId);
        Le.put32(d, 208, extendedAttributes.length);
        Le.put32(d, 212, allocationDescriptors.length);
        Le.putBytes(d, 216, extendedAttributes);
        Le.putBytes(d, 216 + extendedAttributes.length, allocationDescriptors);
        tag.seal(d, len);
        b.position(b.position() + len);
    }

    /**
     * Writes bytes 16 to 215 of an Extended File Entry at {@code a[off]}, in place: what
     * {@link #encode} writes for an entry with ICB tag {@code IcbTag.of(fileType, icbFlags)}, record
     * format, display attributes and record length 0, object size = information length (no named
     * streams), checkpoint 1, no extended attribute or stream directory ICB, and times of whole
     * seconds ({@link Timestamp#put}). The caller then writes {@code eaLength} bytes of extended
     * attributes at 216 and {@code adLength} bytes of allocation descriptors after them, and seals
     * the entry with {@link DescriptorTag#seal(byte[], int, int, int, int, long, int)}.
     * IllegalArgumentException for a field out of range.
     */
    public static void putFixed(byte[] a, int off, int fileType, int icbFlags, long uid, long gid, long permissions,
                                int fileLinkCount, long informationLength, long logicalBlocksRecorded,
                                long accessTime, long modificationTime, long creationTime, long attributeTime,
                                byte[] implementationIdentifier, long uniqueId, int eaLength, int adLength) {
        FileEntry.putCommonHead(a, off, FIXED_LENGTH, fileType, icbFlags, uid, gid, permissions, fileLinkCount,
                informationLength, logicalBlocksRecorded);
        Le.put64(a, off + 64, informationLength);
        Le.put64(a, off + 72, logicalBlocksRecorded);
        Timestamp.put(a, off + 80, accessTime);
        Timestamp.put(a, off + 92, modificationTime);
        Timestamp.put(a, off + 104, creationTime);
        Timestamp.put(a, off + 116, attributeTime);
        Le.put32(a, off + 128, 1);
        System.arraycopy(implementationIdentifier, 0, a, off + 168, EntityIdentifier.LENGTH);
        Le.put64(a, off + 200, uniqueId);
        Le.put32(a, off + 208, eaLength);
        Le.put32(a, off + 212, adLength);
    }

    /** Reads the entry, checking tag, checksum, CRC, and that L_EA and L_AD fit the buffer. */
    public static ExtendedFileEntry decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads the entry; the CRC is checked only if {@code checkCrc}. */
    public static ExtendedFileEntry decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_EFE, S, checkCrc);
        int at = b.position();
        ByteBuffer h = Le.slice(b, FIXED_LENGTH, S);
        int[] lens = IcbLengths.check(h, 208, b.remaining() - FIXED_LENGTH, at, S);
        int len = FIXED_LENGTH + lens[0] + lens[1];
        ByteBuffer d = Le.slice(b, len, S);
        long info = IcbLengths.nonNegative(d, 56, at, S + ".informationLength");
        long object = IcbLengths.nonNegative(d, 64, at, S + ".objectSize");
        long blocks = IcbLengths.nonNegative(d, 72, at, S + ".logicalBlocksRecorded");
        ExtendedFileEntry e = new ExtendedFileEntry(tag, IcbTag.decode(d.position(16)), Le.u32(d, 36), Le.u32(d, 40),
                Le.u32(d, 44), Le.u16(d, 48), Le.u8(d, 50), Le.u8(d, 51), Le.u32(d, 52), info, object, blocks,
                Timestamp.decode(d.position(80)), Timestamp.decode(d), Timestamp.decode(d), Timestamp.decode(d),
                Le.u32(d, 128), LongAllocationDescriptor.decode(d.position(136)), LongAllocationDescriptor.decode(d),
                EntityIdentifier.decode(d), Le.u64(d, 200), Le.bytes(d, 216, lens[0]),
                Le.bytes(d, 216 + lens[0], lens[1]));
        b.position(at + len);
        return e;
    }
}
