package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * The Virtual Allocation Table of UDF 2.00 and later, UDF 2.60 2.2.11: the content of the file of
 * ICB file type 248. Header: 0 length of header L_HD (2, = 152 + L_IU), 2 L_IU (2), 4 logical volume
 * identifier dstring(128), 132 previous VAT ICB location (4), 136 number of files (4), 140 number of
 * directories (4), 144 minimum UDF read revision (2), 146 minimum write revision (2), 148 maximum
 * write revision (2), 150 reserved (2), 152 implementation use (L_IU); then 4-byte entries, entry n
 * the physical block of virtual block n (0xFFFFFFFF: unused).
 *
 * @param logicalVolumeIdentifier logical volume identifier
 * @param previousVatIcbLocation  previous VAT ICB (0xFFFFFFFF: none)
 * @param numberOfFiles           number of files
 * @param numberOfDirectories     number of directories
 * @param minimumUdfReadRevision  minimum UDF read revision
 * @param minimumUdfWriteRevision minimum UDF write revision
 * @param maximumUdfWriteRevision maximum UDF write revision
 * @param implementationUse       L_IU bytes
 * @param entries                 the map, as unsigned 32-bit values in ints
 */
public record VirtualAllocationTable(String logicalVolumeIdentifier, long previousVatIcbLocation, long numberOfFiles,
                                     long numberOfDirectories, int minimumUdfReadRevision,
                                     int minimumUdfWriteRevision, int maximumUdfWriteRevision,
                                     byte[] implementationUse, int[] entries) {
    /** Bytes of the header without implementation use. */
    public static final int FIXED_LENGTH = 152;
    private static final String S = "VirtualAllocationTable";

    /** Checks the ranges, copies the arrays. */
    public VirtualAllocationTable {
        Le.u32Arg(previousVatIcbLocation, "previousVatIcbLocation");
        Le.u32Arg(numberOfFiles, "numberOfFiles");
        Le.u32Arg(numberOfDirectories, "numberOfDirectories");
        Le.u16Arg(minimumUdfReadRevision, "minimumUdfReadRevision");
        Le.u16Arg(minimumUdfWriteRevision, "minimumUdfWriteRevision");
        Le.u16Arg(maximumUdfWriteRevision, "maximumUdfWriteRevision");
        implementationUse = implementationUse.clone();
        Le.u16Arg(FIXED_LENGTH + implementationUse.length, "header length");
        entries = entries.clone();
    }

    /** The implementation use (a copy). */
    @Override
    public byte[] implementationUse() {
        return implementationUse.clone();
    }

    /** The entries (a copy). */
    @Override
    public int[] entries() {
        return entries.clone();
    }

    /** The number of virtual blocks. */
    public int size() {
        return entries.length;
    }

    /** The physical block of virtual block {@code n}, or -1 if unused or out of range. */
    public long map(long n) {
        if (n < 0 || n >= entries.length) {
            return -1;
        }
        long v = entries[(int) n] & 0xFFFF_FFFFL;
        return v == 0xFFFF_FFFFL ? -1 : v;
    }

    /** 152 + L_IU + 4 per entry. */
    public int length() {
        return FIXED_LENGTH + implementationUse.length + 4 * entries.length;
    }

    /** Writes the table. */
    public void encode(ByteBuffer b) {
        int hl = FIXED_LENGTH + implementationUse.length;
        ByteBuffer d = Le.out(b, length());
        Le.put16(d, 0, hl);
        Le.put16(d, 2, implementationUse.length);
        Cs0.putDString(d, 4, 128, logicalVolumeIdentifier);
        Le.put32(d, 132, previousVatIcbLocation);
        Le.put32(d, 136, numberOfFiles);
        Le.put32(d, 140, numberOfDirectories);
        Le.put16(d, 144, minimumUdfReadRevision);
        Le.put16(d, 146, minimumUdfWriteRevision);
        Le.put16(d, 148, maximumUdfWriteRevision);
        Le.putBytes(d, 152, implementationUse);
        for (int i = 0; i < entries.length; i++) {
            Le.put32(d, hl + 4 * i, entries[i] & 0xFFFF_FFFFL);
        }
        b.position(b.position() + length());
    }

    /**
     * Reads the whole remaining buffer as the VAT file. MALFORMED_STRUCTURE if the header length is
     * not 152 + L_IU or does not fit, or the entries are not a whole number of 4-byte entries.
     */
    public static VirtualAllocationTable decode(ByteBuffer b) throws DiscImageException {
        int at = b.position();
        ByteBuffer h = Le.slice(b, FIXED_LENGTH, S);
        int hl = Le.u16(h, 0);
        int liu = Le.u16(h, 2);
        if (hl != FIXED_LENGTH + liu || hl > b.remaining()) {
            throw Decoding.malformed(S + ".lengthOfHeader", at, "header length " + hl + " is not 152 + L_IU " + liu
                    + " or exceeds the " + b.remaining() + " bytes of the VAT");
        }
        int rest = b.remaining() - hl;
        if (rest % 4 != 0) {
            throw Decoding.malformed(S + ".entries", at + hl, rest + " bytes of entries are not a multiple of 4");
        }
        ByteBuffer d = b.slice(at, b.remaining());
        int[] entries = new int[rest / 4];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = (int) Le.u32(d, hl + 4 * i);
        }
        VirtualAllocationTable v = new VirtualAllocationTable(Cs0.getDString(d, 4, 128, S + ".logicalVolumeIdentifier"),
                Le.u32(d, 132), Le.u32(d, 136), Le.u32(d, 140), Le.u16(d, 144), Le.u16(d, 146), Le.u16(d, 148),
                Le.bytes(d, 152, liu), entries);
        b.position(b.limit());
        return v;
    }
}
