package org.discimage.pipeline;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A bounded pool of sector-aligned direct buffers. Emission borrows a buffer per stream instead of
 * allocating per sector; buffers beyond the bound are dropped on release rather than kept.
 */
public final class BufferPool {
    /** Sectors per pooled buffer: 64 KiB, large enough for efficient channel writes. */
    public static final int SECTORS_PER_BUFFER = 32;
    /** Bytes per pooled buffer. */
    public static final int BUFFER_SIZE = SECTORS_PER_BUFFER * 2048;

    private static final BufferPool SHARED = new BufferPool(8);

    private final int capacity;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

    /** A pool keeping at most {@code capacity} idle buffers. */
    public BufferPool(int capacity) {
        this.capacity = capacity;
    }

    /** The process-wide pool. */
    public static BufferPool shared() {
        return SHARED;
    }

    /** A cleared buffer of {@link #BUFFER_SIZE} bytes. */
    public synchronized ByteBuffer acquire() {
        ByteBuffer b = free.pollFirst();
        if (b == null) {
            b = ByteBuffer.allocate(BUFFER_SIZE);
        }
        b.clear();
        return b;
    }

    /** Returns a buffer to the pool. */
    public synchronized void release(ByteBuffer b) {
        if (b != null && b.capacity() == BUFFER_SIZE && free.size() < capacity) {
            free.addFirst(b);
        }
    }
}
