package org.discimage.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link RecorderRing}: order, whole buffers, pooled direct buffers, the host fill, the producer's errors. */
class RecorderRingTest {
    private static ReadableByteChannel channel(byte[] b) {
        return Channels.newChannel(new ByteArrayInputStream(b));
    }

    @Test
    void deliversTheStreamInOrderInWholeBuffersFromAFixedPool() throws IOException {
        byte[] data = new byte[2048 * 333]; // 10 buffers of 32 blocks and one of 13
        new Random(3).nextBytes(data);
        Map<ByteBuffer, Boolean> seen = new IdentityHashMap<>();
        ByteBuffer out = ByteBuffer.allocate(data.length);
        try (RecorderRing ring = new RecorderRing(channel(data), 32 * 2048, 4)) {
            assertEquals(4L * 32 * 2048, ring.capacity());
            ring.start();
            ring.awaitPrimed(5_000_000_000L);
            assertEquals(ring.capacity(), ring.used(), "primed: every buffer filled");
            int buffers = 0;
            for (ByteBuffer b = ring.take(); b != null; b = ring.take()) {
                assertTrue(b.isDirect());
                assertEquals(32 * 2048, b.capacity(), "exactly the size asked for");
                assertEquals(0, b.position());
                assertEquals(0, b.limit() % 2048);
                assertTrue(b.limit() == 32 * 2048 || b.limit() == 13 * 2048, "only the last is short: " + b.limit());
                seen.put(b, true);
                out.put(b.duplicate());
                ring.release(b);
                buffers++;
            }
            assertEquals(11, buffers);
            assertNull(ring.take(), "the end stays the end");
            assertEquals(0, ring.used());
        }
        assertArrayEquals(data, out.array());
        assertTrue(seen.size() <= 4, "buffers come from the pool of 4: " + seen.size());
    }

    @Test
    void aStreamEndingInsideABlockIsAnError() throws IOException {
        try (RecorderRing ring = new RecorderRing(channel(new byte[2048 * 3 + 100]), 2 * 2048, 2)) {
            ring.start();
            ByteBuffer first = ring.take();
            assertEquals(2 * 2048, first.limit());
            ring.release(first);
            IOException e = assertThrows(IOException.class, ring::take);
            assertTrue(e.getMessage().contains("100 bytes into a block"), e.getMessage());
        }
    }

    @Test
    void theSourcesErrorReachesTheConsumer() throws IOException {
        ReadableByteChannel failing = new ReadableByteChannel() {
            @Override
            public int read(ByteBuffer dst) throws IOException {
                throw new IOException("source gone");
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        try (RecorderRing ring = new RecorderRing(failing, 2048, 2)) {
            ring.start();
            assertEquals("source gone", assertThrows(IOException.class, ring::take).getMessage());
        }
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RecorderRing(channel(new byte[0]), 1000, 4));
        assertThrows(IllegalArgumentException.class, () -> new RecorderRing(channel(new byte[0]), 2048, 1));
    }
}
