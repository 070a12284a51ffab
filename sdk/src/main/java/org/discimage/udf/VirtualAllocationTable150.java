package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * The Virtual Allocation Table of UDF 1.50, UDF 1.50 2.2.10: the content of the last file entry of
 * the track (ICB file type 0): 4-byte entries (entry n: the physical block of virtual block n,
 * 0xFFFFFFFF unused), then a regid {@code *UDF Virtual Alloc Tbl} (32) and the previous VAT ICB
 * location (4).
 *
 * @param entries                the map, as unsigned 32-bit values in ints
 * @param identifier             {@code *UDF Virtual Alloc Tbl} with a UDF suffix
 * @param previousVatIcbLocation previous VAT ICB (0xFFFFFFFF: none)
 */
public record VirtualAllocationTable150(int[] entries, EntityIdentifier identifier, long previousVatIcbLocation) {
    /** The identifier of the trailer. */
    public static final String IDENTIFIER = "*UDF Virtual Alloc Tbl";
    /** Bytes of the trailer. */
    public static final int TRAILER_LENGTH = 36;
    private static final String S = "VirtualAllocationTable150";

    /** Checks the ranges, copies the array. */
    public VirtualAllocationTable150 {
        entries = entries.clone();
        java.util.Objects.requireNonNull(identifier, "identifier");
        Le.u32Arg(previousVatIcbLocation, "previousVatIcbLocation");
    }

    /** The entries (a copy). */
    @Override
    public int[] entries() {
        return entries.clone();
    }

    /** The physical block of virtual block {@code n}, or -1 if unused or out of range. */
    public long map(long n) {
        if (n < 0 || n >= entries.length) {
            return -1;
        }
        long v = entries[(int) n] & 0xFFFF_FFFFL;
        return v == 0xFFFF_FFFFL ? -1 : v;
    }

    /** 4 per entry + 36. */
    public int length() {
        return 4 * entries.length + TRAILER_LENGTH;
    }

    /** Writes the table. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, length());
        for (int i = 0; i < entries.length; i++) {
            Le.put32(d, 4 * i, entries[i] & 0xFFFF_FFFFL);
        }
        identifier.encode(d.position(4 * entries.length));
        Le.put32(d, 4 * entries.length + 32, previousVatIcbLocation);
        b.position(b.position() + length());
    }

    /**
     * Reads the whole remaining buffer as the VAT file. MALFORMED_STRUCTURE if it is shorter than the
     * trailer, the entries are not a whole number of 4-byte entries, or the regid is not {@code *UDF
     * Virtual Alloc Tbl}.
     */
    public static VirtualAllocationTable150 decode(ByteBuffer b) throws DiscImageException {
        int at = b.position();
        int n = b.remaining() - TRAILER_LENGTH;
        if (n < 0 || n % 4 != 0) {
            throw Decoding.malformed(S, at, "a VAT of " + b.remaining() + " bytes is not 4-byte entries and a "
                    + TRAILER_LENGTH + "-byte trailer");
        }
        ByteBuffer d = b.slice(at, b.remaining());
        EntityIdentifier id = EntityIdentifier.decode(d.position(n));
        if (!id.is(IDENTIFIER)) {
            throw Decoding.malformed(S + ".identifier", at + n, "identifier \"" + id.identifier() + "\" is not "
                    + IDENTIFIER);
        }
        int[] entries = new int[n / 4];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = (int) Le.u32(d, 4 * i);
        }
        b.position(b.limit());
        return new VirtualAllocationTable150(entries, id, Le.u32(d, n + 32));
    }
}
