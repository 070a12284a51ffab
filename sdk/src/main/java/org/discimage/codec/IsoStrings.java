package org.discimage.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.discimage.error.DiscImageException;

/**
 * Fixed-length text fields of volume descriptors: ECMA-119 7.4 a-/d-character fields padded with spaces
 * (0x20), and the Joliet variant (UCS-2 big endian, padded with {@code 00 20} pairs; Joliet specification
 * "Supplementary Volume Descriptor"). For an odd field length (the 37-byte file identifiers) the last
 * byte is 0x00, the first half of a {@code 00 20} pair, as pycdlib writes it.
 *
 * <p>Writers are strict (IllegalArgumentException for a string that does not fit or is not ASCII);
 * readers are not: they decode bytes as ISO-8859-1 (resp. UTF-16BE) and only trim trailing padding
 * (spaces and NUL bytes), so they never throw for the field's content, only for a truncated buffer.
 */
public final class IsoStrings {
    private IsoStrings() {
    }

    /** Writes {@code s} as ASCII, padded with spaces to {@code fieldLength} bytes. */
    public static void putPadded(ByteBuffer b, String s, int fieldLength) {
        String v = s == null ? "" : s;
        if (v.length() > fieldLength) {
            throw new IllegalArgumentException("string longer than " + fieldLength + " bytes: \"" + v + "\"");
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) > 0x7F) {
                throw new IllegalArgumentException("string is not ASCII: \"" + v + "\"");
            }
        }
        for (int i = 0; i < v.length(); i++) {
            b.put((byte) v.charAt(i));
        }
        for (int i = v.length(); i < fieldLength; i++) {
            b.put((byte) 0x20);
        }
    }

    /** Reads {@code fieldLength} bytes as ISO-8859-1 and trims trailing spaces and NUL bytes. */
    public static String getTrimmed(ByteBuffer b, int fieldLength) throws DiscImageException {
        Decoding.require(b, fieldLength, "string field");
        byte[] raw = new byte[fieldLength];
        b.get(raw);
        int end = fieldLength;
        while (end > 0 && (raw[end - 1] == 0x20 || raw[end - 1] == 0)) {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code s} as UTF-16BE, padded with {@code 00 20} pairs to {@code fieldLength} bytes. */
    public static void putUcs2Padded(ByteBuffer b, String s, int fieldLength) {
        String v = s == null ? "" : s;
        if (v.length() * 2 > fieldLength) {
            throw new IllegalArgumentException("string longer than " + fieldLength / 2 + " UCS-2 characters: \""
                    + v + "\"");
        }
        int n = 0;
        for (int i = 0; i < v.length(); i++, n += 2) {
            char c = v.charAt(i);
            b.put((byte) (c >>> 8)).put((byte) c);
        }
        for (; n < fieldLength; n++) {
            b.put((n & 1) == 0 ? (byte) 0x00 : (byte) 0x20);
        }
    }

    /**
     * Reads {@code fieldLength} bytes as UTF-16BE (an odd last byte is ignored) and trims trailing
     * U+0020 and U+0000.
     */
    public static String getUcs2Trimmed(ByteBuffer b, int fieldLength) throws DiscImageException {
        Decoding.require(b, fieldLength, "UCS-2 string field");
        char[] chars = new char[fieldLength / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((b.get() & 0xFF) << 8 | (b.get() & 0xFF));
        }
        if ((fieldLength & 1) != 0) {
            b.get();
        }
        int end = chars.length;
        while (end > 0 && (chars[end - 1] == ' ' || chars[end - 1] == 0)) {
            end--;
        }
        return new String(chars, 0, end);
    }
}
