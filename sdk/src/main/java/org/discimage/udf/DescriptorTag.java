package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.codec.Decoding;
import org.discimage.codec.UdfCrc;
import org.discimage.error.DiscImageException;

/**
 * The descriptor tag that starts every ECMA-167 descriptor (ECMA-167 3/7.2, 4/7.2):
 * <pre>
 *  0 tag identifier (2)     2 descriptor version (2: NSR02, 3: NSR03)
 *  4 tag checksum (1)       5 reserved (1)
 *  6 tag serial number (2)  8 descriptor CRC (2)
 * 10 descriptor CRC length (2, bytes after the tag that the CRC covers)
 * 12 tag location (4: the sector, or the logical block of the partition, holding the descriptor)
 * </pre>
 * {@link #decode} checks the checksum and the version; {@link #verifyCrc} the CRC over the bytes
 * that follow the tag; {@link #checkLocation} the location. {@link #seal} computes CRC and checksum
 * when a descriptor is encoded.
 *
 * @param identifier   tag identifier (one of the {@code ID_} constants)
 * @param version      descriptor version, 2 or 3
 * @param serialNumber tag serial number
 * @param crc          descriptor CRC
 * @param crcLength    descriptor CRC length
 * @param location     tag location
 */
public record DescriptorTag(int identifier, int version, int serialNumber, int crc, int crcLength, long location) {
    /** Bytes in a tag. */
    public static final int LENGTH = 16;
    /** Primary Volume Descriptor (ECMA-167 3/10.1). */
    public static final int ID_PVD = 1;
    /** Anchor Volume Descriptor Pointer (3/10.2). */
    public static final int ID_AVDP = 2;
    /** Volume Descriptor Pointer (3/10.3). */
    public static final int ID_VDP = 3;
    /** Implementation Use Volume Descriptor (3/10.4). */
    public static final int ID_IUVD = 4;
    /** Partition Descriptor (3/10.5). */
    public static final int ID_PD = 5;
    /** Logical Volume Descriptor (3/10.6). */
    public static final int ID_LVD = 6;
    /** Unallocated Space Descriptor (3/10.8). */
    public static final int ID_USD = 7;
    /** Terminating Descriptor (3/10.9, 4/14.2). */
    public static final int ID_TD = 8;
    /** Logical Volume Integrity Descriptor (3/10.10). */
    public static final int ID_LVID = 9;
    /** File Set Descriptor (4/14.1). */
    public static final int ID_FSD = 0x100;
    /** File Identifier Descriptor (4/14.4). */
    public static final int ID_FID = 0x101;
    /** Allocation Extent Descriptor (4/14.5). */
    public static final int ID_AED = 0x102;
    /** Indirect Entry (4/14.7). */
    public static final int ID_IE = 0x103;
    /** Terminal Entry (4/14.8). */
    public static final int ID_TE = 0x104;
    /** File Entry (4/14.9). */
    public static final int ID_FE = 0x105;
    /** Extended File Entry (4/14.17). */
    public static final int ID_EFE = 0x10A;
    /** The sparing table's tag identifier (UDF 2.60 2.2.12). */
    public static final int ID_SPARING_TABLE = 0;

    private static final String S = "DescriptorTag";

    /** Checks the ranges. */
    public DescriptorTag {
        Le.u16Arg(identifier, "identifier");
        Le.u16Arg(version, "version");
        Le.u16Arg(serialNumber, "serialNumber");
        Le.u16Arg(crc, "crc");
        Le.u16Arg(crcLength, "crcLength");
        Le.u32Arg(location, "location");
    }

    /** A tag to encode: CRC and CRC length are filled in by {@link #seal}. */
    public static DescriptorTag of(int identifier, int version, int serialNumber, long location) {
        return new DescriptorTag(identifier, version, serialNumber, 0, 0, location);
    }

    /** The same tag at another location. */
    public DescriptorTag at(long newLocation) {
        return new DescriptorTag(identifier, version, serialNumber, crc, crcLength, newLocation);
    }

    /** Always 16. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 16 bytes as they are (use {@link #seal} to compute CRC and checksum). */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        put(d);
        Le.put8(d, 4, UdfCrc.checksum(d, 0));
        b.position(b.position() + LENGTH);
    }

    private void put(ByteBuffer d) {
        Le.put16(d, 0, identifier);
        Le.put16(d, 2, version);
        Le.put16(d, 6, serialNumber);
        Le.put16(d, 8, crc);
        Le.put16(d, 10, crcLength);
        Le.put32(d, 12, location);
    }

    /**
     * Writes this tag at index 0 of {@code descriptor} with the CRC over indexes 16 to
     * {@code length} and the checksum; returns the sealed tag.
     */
    public DescriptorTag seal(ByteBuffer descriptor, int length) {
        int crcLen = length - LENGTH;
        DescriptorTag t = new DescriptorTag(identifier, version, serialNumber,
                UdfCrc.crc(descriptor, LENGTH, crcLen), crcLen, location);
        t.put(descriptor);
        Le.put8(descriptor, 4, UdfCrc.checksum(descriptor, 0));
        return t;
    }

    /**
     * Seals a descriptor of {@code length} bytes encoded in place at {@code a[off]}: writes its tag
     * (identifier, version, serial number, location), the descriptor CRC over bytes 16 to
     * {@code length} (ECMA-167 3/7.2.6) and the tag checksum (3/7.2.3). The same bytes as
     * {@code of(identifier, version, serialNumber, location).seal(...)}, without a record or a view.
     * IllegalArgumentException for a field out of range, as the record's constructor.
     */
    public static void seal(byte[] a, int off, int identifier, int version, int serialNumber, long location,
                            int length) {
        Le.u32Arg(location, "location");
        int crcLen = Le.u16Arg(length - LENGTH, "crcLength");
        Le.put16(a, off, identifier);
        Le.put16(a, off + 2, version);
        a[off + 4] = 0;
        a[off + 5] = 0;
        Le.put16(a, off + 6, serialNumber);
        Le.put16(a, off + 8, UdfCrc.crc(a, off + LENGTH, crcLen));
        Le.put16(a, off + 10, crcLen);
        Le.put32(a, off + 12, location);
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            sum += a[off + i] & 0xFF;  // byte 4 is still 0
        }
        a[off + 4] = (byte) sum;
    }

    /**
     * Reads a tag and advances 16 bytes. MALFORMED_STRUCTURE if fewer remain, the checksum does not
     * match, or the version is neither 2 nor 3 (ECMA-167 3/7.2.2).
     */
    public static DescriptorTag decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, S);
        int at = b.position();
        int sum = UdfCrc.checksum(d, 0);
        if (sum != Le.u8(d, 4)) {
            throw Decoding.malformed(S + ".checksum", at + 4, "tag checksum " + Le.u8(d, 4)
                    + " != computed " + sum);
        }
        int version = Le.u16(d, 2);
        if (version != 2 && version != 3) {
            throw Decoding.malformed(S + ".version", at + 2, "descriptor version " + version + " is neither 2 nor 3");
        }
        b.position(at + LENGTH);
        return new DescriptorTag(Le.u16(d, 0), version, Le.u16(d, 6), Le.u16(d, 8), Le.u16(d, 10), Le.u32(d, 12));
    }

    /** Whether the descriptor CRC length reaches past {@code available} bytes after the tag start. */
    public boolean crcBeyond(int available) {
        return LENGTH + crcLength > available;
    }

    /**
     * Checks the CRC over the {@link #crcLength} bytes following the tag, which starts at index
     * {@code tagStart} of {@code b}. MALFORMED_STRUCTURE if they run past b's limit or the CRC differs.
     */
    public void verifyCrc(ByteBuffer b, int tagStart, String structure) throws DiscImageException {
        if ((long) tagStart + LENGTH + crcLength > b.limit()) {
            throw Decoding.malformed(structure + ".tag.crcLength", tagStart + 10, "CRC length " + crcLength
                    + " runs past the descriptor's " + (b.limit() - tagStart - LENGTH) + " bytes");
        }
        int c = UdfCrc.crc(b, tagStart + LENGTH, crcLength);
        if (c != crc) {
            throw Decoding.malformed(structure + ".tag.crc", tagStart + 8, String.format(
                    "descriptor CRC 0x%04X != computed 0x%04X over %d bytes", crc, c, crcLength));
        }
    }

    /** MALFORMED_STRUCTURE unless the identifier is {@code expected}. */
    public void expect(int expected, String structure) throws DiscImageException {
        if (identifier != expected) {
            throw Decoding.malformed(structure + ".tag.identifier", 0, "tag identifier " + identifier
                    + " where " + expected + " was expected");
        }
    }

    /** MALFORMED_STRUCTURE unless the tag location is {@code expected} (ECMA-167 3/7.2.8). */
    public void checkLocation(long expected, String structure) throws DiscImageException {
        if (location != expected) {
            throw Decoding.malformed(structure + ".tag.location", 12, "tag location " + location
                    + " where the descriptor was read from " + expected);
        }
    }

    /**
     * Reads the tag of a descriptor whose bytes start at b's position, checks identifier, checksum,
     * version and (when {@code checkCrc}) the CRC, which may cover any of the bytes remaining in b (a
     * descriptor may declare a CRC length beyond its own fields, up to its block). b is not moved.
     */
    static DescriptorTag read(ByteBuffer b, int expected, String structure, boolean checkCrc)
            throws DiscImageException {
        ByteBuffer d = b.slice(b.position(), b.remaining());
        DescriptorTag t = decode(d.duplicate());
        t.expect(expected, structure);
        if (checkCrc) {
            t.verifyCrc(d, 0, structure);
        }
        return t;
    }
}
