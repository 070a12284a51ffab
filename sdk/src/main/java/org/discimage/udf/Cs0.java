package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * OSTA Compressed Unicode (UDF 2.60 2.1.1 and 2.1.3, ECMA-167 1/7.2.12 d-characters of CS0): a
 * compression ID byte, 8 (one byte per character, U+0000-U+00FF) or 16 (UCS-2 big endian), then
 * the characters. UDF 2.50 adds 254 and 255, the same as 8 and 16, for the names of deleted files.
 * A d-string ({@link #decodeDString}) is a fixed field whose last byte holds the number of bytes used
 * (ID included); an all-zero field is the empty string (ECMA-167 1/7.2.12).
 */
public final class Cs0 {
    private Cs0() {
    }

    /** Compressed Unicode of {@code s}: ID 8 when every char fits a byte, else 16. */
    public static byte[] encode(String s) {
        byte[] out = new byte[length(s)];
        put(s, out, 0);
        return out;
    }

    /** The bytes of {@link #encode}{@code (s)}: 0 for "", else the ID byte and 1 or 2 bytes per char. */
    public static int length(String s) {
        int n = s.length();
        return n == 0 ? 0 : 1 + (wide(s) ? 2 * n : n);
    }

    /**
     * Writes {@link #encode}{@code (s)} at {@code a[off]} (an encoder's destination: no array of its
     * own per name); returns the number of bytes written, {@link #length}{@code (s)}.
     */
    public static int put(String s, byte[] a, int off) {
        return put(s, wide(s), a, off);
    }

    /**
     * As {@link #put(String, byte[], int)} when the caller knows already whether a char of {@code s}
     * exceeds U+00FF ({@code wide}; e.g. from {@link #length}: {@code length(s) != 1 + s.length()}),
     * which saves a pass over the name.
     */
    @SuppressWarnings("deprecation")
    public static int put(String s, boolean wide, byte[] a, int off) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        a[off] = (byte) (wide ? 16 : 8);
        if (!wide) {
            // the low byte of every char, U+0000-U+00FF: the 8-bit form (UDF 2.60 2.1.1), one array copy
            // for a Latin-1 string instead of a charAt per char
            s.getBytes(0, n, a, off + 1);
            return 1 + n;
        }
        int j = off + 1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            a[j++] = (byte) (c >>> 8);
            a[j++] = (byte) c;
        }
        return j - off;
    }

    /** Whether a char of {@code s} needs 16 bits (UDF 2.60 2.1.1: compression ID 16). */
    private static boolean wide(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes compressed Unicode ({@code bytes} from ID byte to last character); an empty array is
     * "". MALFORMED_STRUCTURE for an unknown compression ID or an odd number of UCS-2 bytes.
     */
    public static String decode(byte[] bytes, String structure) throws DiscImageException {
        if (bytes.length == 0) {
            return "";
        }
        int id = bytes[0] & 0xFF;
        boolean wide;
        if (id == 8 || id == 254) {
            wide = false;
        } else if (id == 16 || id == 255) {
            wide = true;
        } else {
            throw Decoding.malformed(structure, 0, "OSTA compression ID " + id + " is not 8 or 16");
        }
        int n = bytes.length - 1;
        if (wide && (n & 1) != 0) {
            throw Decoding.malformed(structure, 0, "16-bit compressed Unicode of odd length " + n);
        }
        StringBuilder sb = new StringBuilder(wide ? n / 2 : n);
        for (int i = 1; i < bytes.length; i += wide ? 2 : 1) {
            sb.append(wide ? (char) ((bytes[i] & 0xFF) << 8 | (bytes[i + 1] & 0xFF)) : (char) (bytes[i] & 0xFF));
        }
        return sb.toString();
    }

    /** Writes {@code s} as a d-string field of {@code fieldLength} bytes; IllegalArgumentException if too long. */
    public static void putDString(ByteBuffer d, int off, int fieldLength, String s) {
        byte[] c = encode(s == null ? "" : s);
        if (c.length > fieldLength - 1) {
            throw new IllegalArgumentException("\"" + s + "\" needs " + c.length + " bytes; the d-string field holds "
                    + (fieldLength - 1));
        }
        d.put(off, c);
        for (int i = off + c.length; i < off + fieldLength - 1; i++) {
            d.put(i, (byte) 0);
        }
        d.put(off + fieldLength - 1, (byte) c.length);
    }

    /** Reads a d-string field of {@code fieldLength} bytes at {@code off} of {@code d}. */
    public static String getDString(ByteBuffer d, int off, int fieldLength, String structure)
            throws DiscImageException {
        return decodeDString(Le.bytes(d, off, fieldLength), structure);
    }

    /**
     * Decodes a d-string field: the last byte is the used length. MALFORMED_STRUCTURE if it exceeds
     * the field, or the compressed Unicode is malformed.
     */
    public static String decodeDString(byte[] field, String structure) throws DiscImageException {
        if (field.length == 0) {
            return "";
        }
        int used = field[field.length - 1] & 0xFF;
        if (used == 0) {
            return "";
        }
        if (used > field.length - 1) {
            throw Decoding.malformed(structure, field.length - 1, "d-string length " + used
                    + " exceeds the field of " + field.length + " bytes");
        }
        byte[] c = new byte[used];
        System.arraycopy(field, 0, c, 0, used);
        return decode(c, structure);
    }
}
