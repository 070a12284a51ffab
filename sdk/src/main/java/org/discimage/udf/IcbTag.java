package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * An ICB tag, ECMA-167 4/14.6, at byte 16 of every ICB entry: 0 prior recorded number of direct
 * entries (4), 4 strategy type (2; 4 or 4096), 6 strategy parameter (2), 8 maximum number of entries
 * (2), 10 reserved (1), 11 file type (1; 4/14.6.6), 12 parent ICB location (lb_addr), 18 flags (2;
 * 4/14.6.8: bits 0-2 allocation descriptor type, 0 short_ad, 1 long_ad, 2 ext_ad, 3 embedded data).
 *
 * @param priorRecordedNumberOfDirectEntries prior recorded number of direct entries
 * @param strategyType            strategy type
 * @param strategyParameter       strategy parameter
 * @param maximumNumberOfEntries  maximum number of entries
 * @param fileType                file type
 * @param parentIcbLocation       parent ICB location
 * @param flags                   flags
 */
public record IcbTag(long priorRecordedNumberOfDirectEntries, int strategyType, int strategyParameter,
                     int maximumNumberOfEntries, int fileType, LogicalBlockAddress parentIcbLocation, int flags) {
    /** Bytes in an ICB tag. */
    public static final int LENGTH = 20;
    /** File type: unallocated space entry. */
    public static final int TYPE_UNSPECIFIED = 0;
    /** File type: directory. */
    public static final int TYPE_DIRECTORY = 4;
    /** File type: a file of bytes. */
    public static final int TYPE_FILE = 5;
    /** File type: block device. */
    public static final int TYPE_BLOCK_DEVICE = 6;
    /** File type: character device. */
    public static final int TYPE_CHARACTER_DEVICE = 7;
    /** File type: extended attributes. */
    public static final int TYPE_EXTENDED_ATTRIBUTES = 8;
    /** File type: FIFO. */
    public static final int TYPE_FIFO = 9;
    /** File type: socket. */
    public static final int TYPE_SOCKET = 10;
    /** File type: terminal entry. */
    public static final int TYPE_TERMINAL_ENTRY = 11;
    /** File type: symbolic link (content: path components, 4/14.16). */
    public static final int TYPE_SYMLINK = 12;
    /** File type: stream directory. */
    public static final int TYPE_STREAM_DIRECTORY = 13;
    /** File type: the VAT of UDF 2.00 and later (UDF 2.60 2.2.11). */
    public static final int TYPE_VAT = 248;
    /** File type: real-time file (UDF 2.60 2.3.6.1). */
    public static final int TYPE_REAL_TIME = 249;
    /** File type: metadata file (UDF 2.60 2.2.13.1). */
    public static final int TYPE_METADATA = 250;
    /** File type: metadata mirror file. */
    public static final int TYPE_METADATA_MIRROR = 251;
    /** File type: metadata bitmap file. */
    public static final int TYPE_METADATA_BITMAP = 252;
    /** Allocation descriptor type: short_ad. */
    public static final int AD_SHORT = 0;
    /** Allocation descriptor type: long_ad. */
    public static final int AD_LONG = 1;
    /** Allocation descriptor type: ext_ad. */
    public static final int AD_EXTENDED = 2;
    /** Allocation descriptor type: the data is embedded in the allocation descriptor area. */
    public static final int AD_EMBEDDED = 3;
    /** Flag bit 6: setuid. */
    public static final int FLAG_SETUID = 0x40;
    /** Flag bit 7: setgid. */
    public static final int FLAG_SETGID = 0x80;
    /** Flag bit 8: sticky. */
    public static final int FLAG_STICKY = 0x100;

    /** Checks the ranges. */
    public IcbTag {
        Le.u32Arg(priorRecordedNumberOfDirectEntries, "priorRecordedNumberOfDirectEntries");
        Le.u16Arg(strategyType, "strategyType");
        Le.u16Arg(strategyParameter, "strategyParameter");
        Le.u16Arg(maximumNumberOfEntries, "maximumNumberOfEntries");
        org.discimage.codec.Decoding.checkRange(fileType, 0, 255, "fileType");
        java.util.Objects.requireNonNull(parentIcbLocation, "parentIcbLocation");
        Le.u16Arg(flags, "flags");
    }

    /** A strategy 4 tag with one entry and no parent. */
    public static IcbTag of(int fileType, int flags) {
        return new IcbTag(0, 4, 0, 1, fileType, new LogicalBlockAddress(0, 0), flags);
    }

    /**
     * Writes the 20 bytes of {@code of(fileType, flags)} (strategy 4, one entry, no parent) at
     * {@code a[off]}: the ICB tag of an encoder that writes its entries in place.
     */
    public static void put(byte[] a, int off, int fileType, int flags) {
        org.discimage.codec.Decoding.checkRange(fileType, 0, 255, "fileType");
        Le.u16Arg(flags, "flags");
        java.util.Arrays.fill(a, off, off + LENGTH, (byte) 0);
        Le.put16(a, off + 4, 4);
        Le.put16(a, off + 8, 1);
        a[off + 11] = (byte) fileType;
        Le.put16(a, off + 18, flags);
    }

    /** Flags bits 0-2. */
    public int allocationDescriptorType() {
        return flags & 7;
    }

    /** Always 20. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 20 bytes. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put32(d, 0, priorRecordedNumberOfDirectEntries);
        Le.put16(d, 4, strategyType);
        Le.put16(d, 6, strategyParameter);
        Le.put16(d, 8, maximumNumberOfEntries);
        Le.put8(d, 11, fileType);
        parentIcbLocation.encode(d.position(12));
        Le.put16(d, 18, flags);
        b.position(b.position() + LENGTH);
    }

    /** Reads 20 bytes; MALFORMED_STRUCTURE only if fewer remain. */
    public static IcbTag decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, "IcbTag");
        b.position(b.position() + LENGTH);
        return new IcbTag(Le.u32(d, 0), Le.u16(d, 4), Le.u16(d, 6), Le.u16(d, 8), Le.u8(d, 11),
                LogicalBlockAddress.decode(d.position(12)), Le.u16(d, 18));
    }
}
