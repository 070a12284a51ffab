package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * A character set specification, ECMA-167 1/7.2.1: character set type (1 byte) and information
 * (63 bytes). UDF 2.60 2.1.2 requires type 0 (CS0) with the information "OSTA Compressed Unicode"
 * zero padded, which {@link #OSTA} is.
 *
 * @param type        character set type (0-8)
 * @param information 63 bytes of character set information
 */
public record Charspec(int type, byte[] information) {
    /** Bytes in a charspec. */
    public static final int LENGTH = 64;
    /** The charspec UDF requires: CS0, "OSTA Compressed Unicode". */
    public static final Charspec OSTA = new Charspec(0, padded("OSTA Compressed Unicode"));

    /** Copies the array; IllegalArgumentException unless it is 63 bytes. */
    public Charspec {
        org.discimage.codec.Decoding.checkRange(type, 0, 255, "type");
        information = Le.fixed(information, 63, "information");
    }

    private static byte[] padded(String s) {
        byte[] a = new byte[63];
        for (int i = 0; i < s.length(); i++) {
            a[i] = (byte) s.charAt(i);
        }
        return a;
    }

    /** The information bytes (a copy). */
    @Override
    public byte[] information() {
        return information.clone();
    }

    /** Always 64. */
    public int length() {
        return LENGTH;
    }

    /** Writes the 64 bytes. */
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, LENGTH);
        Le.put8(d, 0, type);
        Le.putBytes(d, 1, information);
        b.position(b.position() + LENGTH);
    }

    /** Reads 64 bytes; MALFORMED_STRUCTURE if fewer remain. Any type is accepted (the reader decides). */
    public static Charspec decode(ByteBuffer b) throws DiscImageException {
        ByteBuffer d = Le.slice(b, LENGTH, "Charspec");
        b.position(b.position() + LENGTH);
        return new Charspec(Le.u8(d, 0), Le.bytes(d, 1, 63));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Charspec c && c.type == type && java.util.Arrays.equals(c.information, information);
    }

    @Override
    public int hashCode() {
        return type * 31 + java.util.Arrays.hashCode(information);
    }

    @Override
    public String toString() {
        return "Charspec[type=" + type + "]";
    }
}
