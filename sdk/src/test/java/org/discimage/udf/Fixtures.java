package org.discimage.udf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** The descriptor blocks cut out of mkudffs images by testdata/udf/extract-descriptors.sh. */
final class Fixtures {
    private Fixtures() {
    }

    /** The 2048 bytes of a fixture, e.g. "hd201-pvd". */
    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name + ".bin")) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name + ".bin");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A buffer over a fixture. */
    static ByteBuffer block(String name) {
        return ByteBuffer.wrap(bytes(name));
    }

    /** The first {@code n} bytes of what {@code encoder} writes into a 2048-byte buffer. */
    static byte[] encoded(java.util.function.Consumer<ByteBuffer> encoder, int n) {
        ByteBuffer b = ByteBuffer.allocate(2048);
        encoder.accept(b);
        byte[] out = new byte[n];
        b.get(0, out);
        return out;
    }

    /** The first {@code n} bytes of a fixture. */
    static byte[] prefix(String name, int n) {
        return java.util.Arrays.copyOf(bytes(name), n);
    }

    /** A copy of a fixture with byte {@code at} changed by {@code delta}. */
    static ByteBuffer corrupt(String name, int at, int delta) {
        byte[] b = bytes(name);
        b[at] = (byte) (b[at] + delta);
        return ByteBuffer.wrap(b);
    }

    /** Sets a 32-bit little-endian field and fixes CRC and checksum, so only the field is wrong. */
    static ByteBuffer withField32(String name, int at, long value) {
        ByteBuffer b = block(name);
        b.put(at, (byte) value).put(at + 1, (byte) (value >>> 8)).put(at + 2, (byte) (value >>> 16))
                .put(at + 3, (byte) (value >>> 24));
        reseal(b);
        return b;
    }

    /** Recomputes CRC (over the tag's CRC length) and checksum of the tag at index 0. */
    static void reseal(ByteBuffer b) {
        int crcLen = (b.get(10) & 0xFF) | (b.get(11) & 0xFF) << 8;
        int crc = org.discimage.codec.UdfCrc.crc(b, 16, Math.min(crcLen, b.capacity() - 16));
        b.put(8, (byte) crc).put(9, (byte) (crc >>> 8));
        b.put(4, (byte) org.discimage.codec.UdfCrc.checksum(b, 0));
    }
}
