package org.discimage.iso9660;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VolumeDescriptorSetTerminatorTest {
    static ByteBuffer encoded() {
        ByteBuffer b = ByteBuffer.allocate(2048);
        new VolumeDescriptorSetTerminator().encode(b);
        assertEquals(2048, b.position());
        return b.flip();
    }

    @Test
    void knownBytesAndRoundTrip() throws Exception {
        ByteBuffer b = encoded();
        byte[] expected = new byte[2048];
        System.arraycopy(hex("ff 43 44 30 30 31 01"), 0, expected, 0, 7);
        assertArrayEquals(expected, b.array());
        assertEquals(new VolumeDescriptorSetTerminator(), VolumeDescriptorSetTerminator.decode(b));
        assertEquals(2048, b.position());
    }

    @Test
    void wrongType() {
        ByteBuffer b = encoded();
        b.put(0, (byte) 1);
        assertMalformed("VolumeDescriptorSetTerminator.type", () -> VolumeDescriptorSetTerminator.decode(b));
    }

    @Test
    void wrongIdentifier() {
        ByteBuffer b = encoded();
        b.put(1, (byte) 'B');
        assertMalformed("standardIdentifier", () -> VolumeDescriptorSetTerminator.decode(b));
    }

    @Test
    void truncated() {
        assertMalformed("truncated", () -> VolumeDescriptorSetTerminator.decode(ByteBuffer.wrap(
                Arrays.copyOf(encoded().array(), 2047))));
    }
}
