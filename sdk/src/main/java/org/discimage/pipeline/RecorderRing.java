package org.discimage.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The producer/consumer ring between an image's byte stream and a recorder (DESIGN "sinks": recorder): a
 * producer thread fills a fixed set of pooled, direct, 4096-byte-aligned buffers from the image channel while
 * the consumer (the writing thread) sends them to the drive, so reading the sources overlaps the drive's
 * writes and the drive buffer is kept full. The buffers are allocated once; every one but the last holds
 * exactly {@code bufferBytes} (a multiple of the medium's write unit, so every WRITE but the last covers
 * whole ECC blocks / clusters).
 *
 * <p>Use: {@link #start()}, then {@link #take()} / {@link #release(ByteBuffer)} until {@code take()} returns
 * {@code null} (end of image), and {@link #close()} in every case.
 */
public final class RecorderRing implements AutoCloseable {
    /** Direct buffers aligned to a page: SG_IO can then map them without a bounce copy. */
    private static final int ALIGNMENT = 4096;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final ReadableByteChannel source;
    private final int bufferBytes;
    private final int bufferCount;
    private final BlockingQueue<ByteBuffer> free;
    private final BlockingQueue<ByteBuffer> filled;
    private final AtomicLong used = new AtomicLong();
    private final Thread producer;
    private volatile IOException failure;
    private volatile boolean closed;
    private volatile boolean ended;

    /**
     * A ring of {@code buffers} buffers of {@code bufferBytes} each over {@code source}.
     *
     * @throws IllegalArgumentException for fewer than 2 buffers or a size that is not a positive multiple of 2048
     */
    public RecorderRing(ReadableByteChannel source, int bufferBytes, int buffers) {
        if (buffers < 2 || bufferBytes <= 0 || bufferBytes % 2048 != 0) {
            throw new IllegalArgumentException(buffers + " buffers of " + bufferBytes + " bytes");
        }
        this.source = source;
        this.bufferBytes = bufferBytes;
        this.bufferCount = buffers;
        this.free = new ArrayBlockingQueue<>(buffers);
        this.filled = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) {
            // the aligned slice holds up to ALIGNMENT - 1 bytes more than asked when the allocation was aligned
            free.add(ByteBuffer.allocateDirect(bufferBytes + ALIGNMENT).alignedSlice(ALIGNMENT).limit(bufferBytes)
                    .slice());
        }
        this.producer = new Thread(this::produce, "discimage-recorder-ring");
        producer.setDaemon(true);
    }

    /** Starts the producer thread. */
    public void start() {
        producer.start();
    }

    /**
     * Waits until every buffer is filled or the image is read to its end (or the producer failed), at most
     * {@code timeoutNanos}: a recorder starts with a full ring, so a slow start of the sources (cold caches,
     * JIT) does not drain the drive buffer while the first WRITEs go out.
     */
    public void awaitPrimed(long timeoutNanos) throws InterruptedIOException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!free.isEmpty() && producer.isAlive() && !ended && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000L);
            if (Thread.interrupted()) {
                throw new InterruptedIOException("interrupted waiting for the image producer");
            }
        }
    }

    /** Total bytes the ring holds. */
    public long capacity() {
        return (long) bufferBytes * bufferCount;
    }

    /** Bytes filled and not yet released by the consumer (the host buffer fill). */
    public long used() {
        return used.get();
    }

    /**
     * The next filled buffer (position 0, limit its bytes, a multiple of 2048), or {@code null} at the end of
     * the image. Blocks while the producer is behind.
     *
     * @throws IOException what the producer met reading the image; InterruptedIOException if interrupted
     */
    public ByteBuffer take() throws IOException {
        ByteBuffer b;
        try {
            b = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the image producer");
        }
        if (b == END) {
            filled.add(END); // later calls see the end again
            if (failure != null) {
                throw failure;
            }
            return null;
        }
        return b;
    }

    /** Gives a buffer from {@link #take()} back to the producer. */
    public void release(ByteBuffer buffer) {
        used.addAndGet(-buffer.limit());
        buffer.clear();
        free.add(buffer);
    }

    private void produce() {
        try {
            while (!closed) {
                ByteBuffer b = free.take();
                b.clear();
                while (b.hasRemaining() && source.read(b) >= 0) {
                    // fill the whole buffer; only the image's end leaves it short
                }
                if (b.position() == 0) {
                    break;
                }
                if (b.position() % 2048 != 0) {
                    throw new IOException("the image stream ended " + b.position() % 2048
                            + " bytes into a block: not a whole number of 2048-byte blocks");
                }
                b.flip();
                used.addAndGet(b.limit());
                filled.put(b);
                if (b.limit() < bufferBytes) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            // closed by the consumer
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new IOException("reading the image failed: " + e, e);
        } finally {
            ended = true;
            filled.offer(END);
        }
    }

    /** Stops the producer and closes the image channel; waits for the producer to leave. */
    @Override
    public void close() throws IOException {
        closed = true;
        producer.interrupt();
        try {
            producer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
