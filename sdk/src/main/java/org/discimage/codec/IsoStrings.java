package org.discimage.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Fixed-length text fields: ECMA-119 7.4 a-/d-characters (ASCII, space padded) and Joliet UCS-2. */
public final class IsoStrings {
    private IsoStrings() {
    }

    /** Writes ASCII padded with spaces to {@code fieldLength} bytes. */
    public static void putPadded(ByteBuffer b, String s, int fieldLength) {
        if (s.length() > fieldLength) {
            throw new IllegalArgumentException("\"" + s + "\" is longer than " + fieldLength);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7E || c < 0x20) {
                throw new IllegalArgumentException("not an ISO 646 character in \"" + s + "\"");
            }
            b.put((byte) c);
        }
        for (int i = s.length(); i < fieldLength; i++) {
            b.put((byte) ' ');
        }
    }

    /** Reads an ASCII field and trims trailing spaces. */
    public static String getTrimmed(ByteBuffer b, int fieldLength) {
        byte[] raw = new byte[fieldLength];
        b.get(raw);
        int end = fieldLength;
        while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == 0)) {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** Writes UTF-16BE padded with 00 20 (Joliet); an odd last byte is 0x00. */
    public static void putUcs2Padded(ByteBuffer b, String s, int fieldLength) {
        byte[] u = s.getBytes(StandardCharsets.UTF_16BE);
        if (u.length > fieldLength) {
            throw new IllegalArgumentException("\"" + s + "\" is longer than " + fieldLength + " bytes in UCS-2");
        }
        b.put(u);
        int left = fieldLength - u.length;
        for (int i = 0; i + 1 < left; i += 2) {
            b.put((byte) 0).put((byte) ' ');
        }
        if ((left & 1) != 0) {
            b.put((byte) 0);
        }
    }

    /** Reads a UCS-2 field and trims trailing spaces and NULs. */
    public static String getUcs2Trimmed(ByteBuffer b, int fieldLength) {
        byte[] raw = new byte[fieldLength];
        b.get(raw);
        String s = new String(raw, 0, fieldLength & ~1, StandardCharsets.UTF_16BE);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(0, end);
    }
}
