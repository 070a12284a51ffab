package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/** The length checks shared by FE and EFE decoding (ECMA-167 4/14.9.20-21, 4/14.17). */
final class IcbLengths {
    private IcbLengths() {
    }

    /** L_EA and L_AD at {@code off} and {@code off + 4}, checked to fit {@code room} bytes together. */
    static int[] check(ByteBuffer h, int off, int room, int at, String s) throws DiscImageException {
        long lea = Le.u32(h, off);
        long lad = Le.u32(h, off + 4);
        if (lea > room || lad > room - lea) {
            throw Decoding.malformed(s + ".lengthOfAllocationDescriptors", at + off, "L_EA " + lea + " + L_AD " + lad
                    + " exceed the " + room + " bytes after the fixed part");
        }
        return new int[] {(int) lea, (int) lad};
    }

    /** A 64-bit length that must not have its top bit set. */
    static long nonNegative(ByteBuffer d, int off, int at, String field) throws DiscImageException {
        long v = Le.u64(d, off);
        if (v < 0) {
            throw Decoding.malformed(field, at + off, "length " + Long.toUnsignedString(v) + " is beyond 2^63");
        }
        return v;
    }
}
