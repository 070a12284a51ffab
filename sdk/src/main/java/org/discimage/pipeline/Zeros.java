package org.discimage.pipeline;

import java.nio.ByteBuffer;

/** Shared zero bytes for padding (read-only, never modified). */
final class Zeros {
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(BufferPool.BUFFER_SIZE).asReadOnlyBuffer();

    private Zeros() {
    }

    /** A read-only view of {@code n} zero bytes, n at most {@link BufferPool#BUFFER_SIZE}. */
    static ByteBuffer view(int n) {
        ByteBuffer v = ZEROS.duplicate();
        v.clear().limit(n);
        return v;
    }

    /** Clears {@code n} bytes from the buffer's position, advancing it. */
    static void fill(ByteBuffer dst, int n) {
        // in pieces: a caller's buffer may be larger than the shared zeros
        for (int left = n; left > 0; left -= BufferPool.BUFFER_SIZE) {
            dst.put(view(Math.min(left, BufferPool.BUFFER_SIZE)));
        }
    }
}
