package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * A File Entry, ECMA-167 4/14.9 (tag 0x105): 16 ICB tag (20), 36 uid (4), 40 gid (4), 44 permissions
 * (4), 48 file link count (2), 50 record format (1), 51 record display attributes (1), 52 record
 * length (4), 56 information length (8), 64 logical blocks recorded (8), 72 access time, 84
 * modification time, 96 attribute time (12 each), 108 checkpoint (4), 112 extended attribute ICB
 * (long_ad), 128 implementation identifier (32), 160 unique ID (8), 168 L_EA (4), 172 L_AD (4), 176
 * extended attributes (L_EA), then allocation descriptors (L_AD). Length 176 + L_EA + L_AD.
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
 * @param informationLength       bytes of the file
 * @param logicalBlocksRecorded   blocks recorded
 * @param accessTime              access time
 * @param modificationTime        modification time
 * @param attributeTime           attribute time
 * @param checkpoint              checkpoint
 * @param extendedAttributeIcb    extended attribute ICB
 * @param implementationIdentifier implementation identifier
 * @param uniqueId                unique ID
 * @param extendedAttributes      L_EA bytes
 * @param allocationDescriptors   L_AD bytes (allocation descriptors or embedded data)
 */
public record FileEntry(DescriptorTag tag, IcbTag icbTag, long uid, long gid, long permissions, int fileLinkCount,
                        int recordFormat, int recordDisplayAttributes, long recordLength, long informationLength,
                        long logicalBlocksRecorded, Timestamp accessTime, Timestamp modificationTime,
                        Timestamp attributeTime, long checkpoint, LongAllocationDescriptor extendedAttributeIcb,
                        EntityIdentifier implementationIdentifier, long uniqueId, byte[] extendedAttributes,
                        byte[] allocationDescriptors) implements IcbEntry {
    /** Bytes before the extended attributes. */
    public static final int FIXED_LENGTH = 176;
    private static final String S = "FileEntry";

    /** Checks tag and ranges, copies the arrays. */
    public FileEntry {
        Tagged.check(tag, DescriptorTag.ID_FE);
        java.util.Objects.requireNonNull(icbTag, "icbTag");
        Le.u32Arg(uid, "uid");
        Le.u32Arg(gid, "gid");
        Le.u32Arg(permissions, "permissions");
        Le.u16Arg(fileLinkCount, "fileLinkCount");
        Decoding.checkRange(recordFormat, 0, 255, "recordFormat");
        Decoding.checkRange(recordDisplayAttributes, 0, 255, "recordDisplayAttributes");
        Le.u32Arg(recordLength, "recordLength");
        if (informationLength < 0 || logicalBlocksRecorded < 0) {
            throw new IllegalArgumentException("negative length");
        }
        Le.u32Arg(checkpoint, "checkpoint");
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
        return null;
    }

    @Override
    public int allocationDescriptorsOffset() {
        return FIXED_LENGTH + extendedAttributes.length;
    }

    /** 176 + L_EA + L_AD. */
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
        Le.put64(d, 64, logicalBlocksRecorded);
        accessTime.encode(d.position(72));
        modificationTime.encode(d);
        attributeTime.encode(d);
        Le.put32(d, 108, checkpoint);
        extendedAttributeIcb.encode(d.position(112));
        implementationIdentifier.encode(d);
        Le.put64(d, 160, uniqueId);
        Le.put32(d, 168, extendedAttributes.length);
        Le.put32(d, 172, allocationDescriptors.length);
        Le.putBytes(d, 176, extendedAttributes);
        Le.putBytes(d, 176 + extendedAttributes.length, allocationDescriptors);
        tag.seal(d, len);
        b.position(b.position() + len);
    }

    /**
     * Writes bytes 16 to 175 of a File Entry at {@code a[off]}, in place: what {@link #encode} writes
     * for an entry with ICB tag {@code IcbTag.of(fileType, icbFlags)}, record format, display
     * attributes and record length 0, checkpoint 1, no extended attribute ICB, and times of whole
     * seconds ({@link Timestamp#put}). The caller then writes {@code eaLength} bytes of extended
     * attributes at 176 and {@code adLength} bytes of allocation descriptors after them, and seals
     * the entry with {@link DescriptorTag#seal(byte[], int, int, int, int, long, int)}; no object per
     * entry (a UDF image has one entry per file). IllegalArgumentException for a field out of range.
     */
    public static void putFixed(byte[] a, int off, int fileType, int icbFlags, long uid, long gid, long permissions,
                                int fileLinkCount, long informationLength, long logicalBlocksRecorded,
                                long accessTime, long modificationTime, long attributeTime,
                                byte[] implementationIdentifier, long uniqueId, int eaLength, int adLength) {
        putCommonHead(a, off, FIXED_LENGTH, fileType, icbFlags, uid, gid, permissions, fileLinkCount, informationLength,
                logicalBlocksRecorded);
        Le.put64(a, off + 64, logicalBlocksRecorded);
        Timestamp.put(a, off + 72, accessTime);
        Timestamp.put(a, off + 84, modificationTime);
        Timestamp.put(a, off + 96, attributeTime);
        Le.put32(a, off + 108, 1);
        System.arraycopy(implementationIdentifier, 0, a, off + 128, EntityIdentifier.LENGTH);
        Le.put64(a, off + 160, uniqueId);
        Le.put32(a, off + 168, eaLength);
        Le.put32(a, off + 172, adLength);
    }

    /**
     * Bytes 16 to 63 as File Entries and Extended File Entries share them (ECMA-167 4/14.9 and
     * 4/14.17: ICB tag, owner, permissions, link count, then information length at 56), after
     * zeroing 36 to {@code fixedLength}; checks the fields both {@code putFixed}s take.
     */
    static void putCommonHead(byte[] a, int off, int fixedLength, int fileType, int icbFlags, long uid, long gid,
                              long permissions, int fileLinkCount, long informationLength, long logicalBlocksRecorded) {
        Le.u32Arg(uid, "uid");
        Le.u32Arg(gid, "gid");
        Le.u32Arg(permissions, "permissions");
        Le.u16Arg(fileLinkCount, "fileLinkCount");
        if (informationLength < 0 || logicalBlocksRecorded < 0) {
            throw new IllegalArgumentException("negative length");
        }
        java.util.Arrays.fill(a, off + 36, off + fixedLength, (byte) 0);
        IcbTag.put(a, off + 16, fileType, icbFlags);
        Le.put32(a, off + 36, uid);
        Le.put32(a, off + 40, gid);
        Le.put32(a, off + 44, permissions);
        Le.put16(a, off + 48, fileLinkCount);
        Le.put64(a, off + 56, informationLength);
    }

    /** Reads the entry, checking tag, checksum, CRC, and that L_EA and L_AD fit the buffer. */
    public static FileEntry decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads the entry; the CRC is checked only if {@code checkCrc}. */
    public static FileEntry decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_FE, S, checkCrc);
        int at = b.position();
        ByteBuffer h = Le.slice(b, FIXED_LENGTH, S);
        int[] lens = IcbLengths.check(h, 168, b.remaining() - FIXED_LENGTH, at, S);
        int len = FIXED_LENGTH + lens[0] + lens[1];
        ByteBuffer d = Le.slice(b, len, S);
        long info = IcbLengths.nonNegative(d, 56, at, S + ".informationLength");
        long blocks = IcbLengths.nonNegative(d, 64, at, S + ".logicalBlocksRecorded");
        FileEntry e = new FileEntry(tag, IcbTag.decode(d.position(16)), Le.u32(d, 36), Le.u32(d, 40), Le.u32(d, 44),
                Le.u16(d, 48), Le.u8(d, 50), Le.u8(d, 51), Le.u32(d, 52), info, blocks,
                Timestamp.decode(d.position(72)), Timestamp.decode(d), Timestamp.decode(d), Le.u32(d, 108),
                LongAllocationDescriptor.decode(d.position(112)), EntityIdentifier.decode(d), Le.u64(d, 160),
                Le.bytes(d, 176, lens[0]), Le.bytes(d, 176 + lens[0], lens[1]));
        b.position(at + len);
        return e;
    }
}
