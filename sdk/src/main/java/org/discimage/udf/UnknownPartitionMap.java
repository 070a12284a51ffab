package org.discimage.udf;

import java.nio.ByteBuffer;

/**
 * A partition map this library does not interpret (ECMA-167 3/10.7: another type, or a type 2 map
 * with an unknown identifier), kept as its bytes after type and length.
 *
 * @param mapType the type byte
 * @param body    the bytes after the type and length bytes
 */
public record UnknownPartitionMap(int mapType, byte[] body) implements PartitionMap {
    /** Copies the body; IllegalArgumentException if the map would exceed 255 bytes. */
    public UnknownPartitionMap {
        org.discimage.codec.Decoding.checkRange(mapType, 0, 255, "mapType");
        if (body.length > 253) {
            throw new IllegalArgumentException("partition map body of " + body.length + " bytes");
        }
        body = body.clone();
    }

    /** The body (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The type 2 identifier bytes if any, else 0. */
    @Override
    public int volumeSequenceNumber() {
        return body.length >= 36 ? (body[34] & 0xFF) | (body[35] & 0xFF) << 8 : 0;
    }

    @Override
    public int partitionNumber() {
        return body.length >= 38 ? (body[36] & 0xFF) | (body[37] & 0xFF) << 8 : 0;
    }

    @Override
    public int length() {
        return 2 + body.length;
    }

    @Override
    public void encode(ByteBuffer b) {
        ByteBuffer d = Le.out(b, length());
        Le.put8(d, 0, mapType);
        Le.put8(d, 1, length());
        Le.putBytes(d, 2, body);
        b.position(b.position() + length());
    }
}
