package org.discimage.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.layout.FileDataExtent;
import org.discimage.layout.PlannedExtent;
import org.discimage.layout.SectorProducer;

/**
 * Reads small files ahead of the writer on worker threads. For a tree of 100,000 files of a few KiB
 * the writer's time goes to opening and reading them (system calls, not bytes): done on the
 * writer's thread they cannot overlap with the directory records it encodes or with each other.
 *
 * <p>The runs of consecutive small files whose sources may be read on another thread
 * ({@link org.discimage.source.ContentSource#isReadableConcurrently()}) are cut into <em>chunks</em>
 * of at most {@link #CHUNK} bytes, data and sector padding as they lie in the image. Chunk k is
 * filled by worker k mod N into buffer k mod W, once chunk k − W has been written: at most W chunks
 * are held, and the chunk the writer waits for always has a buffer and a worker (each worker fills
 * its chunks in order, and its earlier ones were written before). The writer takes the chunks in
 * order ({@link #await}), writes each whole, and {@link #release}s it. The bytes are those the
 * writer itself would have read: which thread reads a file changes nothing in the image.
 *
 * <p>A failure (a file changed size, cannot be opened) is kept with its file and thrown by
 * {@link #await} when the writer comes to that file, as if it had read it itself; chunks after it
 * are not read. Workers are never interrupted (an interrupt inside a read closes a FileChannel);
 * {@link #close()} stops them between files and waits for them.
 */
final class SmallFileReader implements AutoCloseable {
    private static final int SECTOR = SectorProducer.SECTOR_SIZE;
    /** Bytes per chunk: one write of the writer. */
    static final int CHUNK = ImageWriter.BATCH;
    /** Chunks held at most (direct buffers of {@link #CHUNK} bytes). */
    static final int WINDOW = 8;

    private final List<PlannedExtent> extents;
    /** Each chunk's first extent index and the index after its last (its extents are consecutive). */
    private final int[] chunkFirst;
    private final int[] chunkEnd;
    private final int chunks;
    private final ByteBuffer[] buffers = new ByteBuffer[WINDOW];
    /** Per window slot: the chunk it holds, once read; -1 while none. Guarded by this. */
    private final int[] readyChunk = new int[WINDOW];
    /** Per window slot: the failure of the chunk it holds and the extent it belongs to (or -1). */
    private final Throwable[] failure = new Throwable[WINDOW];
    private final int[] failedExtent = new int[WINDOW];
    private final Thread[] workers;
    /** Chunks the writer has written (chunk {@code written} is the one it reads from). Guarded by this. */
    private int written;
    /** The first chunk with a failure; workers do not read later ones. Guarded by this. */
    private int failedChunk = Integer.MAX_VALUE;
    private volatile boolean stopped;

    private SmallFileReader(List<PlannedExtent> extents, int[] chunkFirst, int[] chunkEnd, int chunks, int threads) {
        this.extents = extents;
        this.chunkFirst = chunkFirst;
        this.chunkEnd = chunkEnd;
        this.chunks = chunks;
        Arrays.fill(readyChunk, -1);
        workers = new Thread[Math.min(threads, chunks)];
        for (int t = 0; t < workers.length; t++) {
            int first = t;
            workers[t] = new Thread(() -> work(first), "discimage-reader-" + t);
            workers[t].setDaemon(true);
        }
    }

    /**
     * A reader of the small files among {@code extents} on {@code threads} workers, started; null
     * when there is nothing to read ahead or no thread to do it.
     */
    static SmallFileReader start(List<PlannedExtent> extents, int threads) {
        if (threads < 1) {
            return null;
        }
        int[] first = new int[16];
        int[] end = new int[16];
        int chunks = 0;
        int bytes = 0;
        for (int i = 0; i < extents.size(); i++) {
            if (!(extents.get(i) instanceof FileDataExtent f) || !eligible(f)) {
                continue;
            }
            int len = (int) (f.sectors() * SECTOR);
            if (chunks == 0 || end[chunks - 1] != i || bytes + len > CHUNK) {
                if (chunks == first.length) {
                    first = Arrays.copyOf(first, chunks * 2);
                    end = Arrays.copyOf(end, chunks * 2);
                }
                first[chunks++] = i;
                bytes = 0;
            }
            bytes += len;
            end[chunks - 1] = i + 1;
        }
        if (chunks == 0) {
            return null;
        }
        SmallFileReader r = new SmallFileReader(extents, first, end, chunks, threads);
        for (Thread w : r.workers) {
            w.start();
        }
        return r;
    }

    /** A file the writer batches ({@link ImageWriter#SMALL_FILE}) and a worker may read. */
    private static boolean eligible(FileDataExtent f) {
        return f.sectors() > 0 && f.sectors() * SECTOR <= ImageWriter.SMALL_FILE
                && f.source().isReadableConcurrently();
    }

    /** Whether extent {@code index} is read here; the writer asks for every extent, in order. */
    boolean covers(int index) {
        int k = written;
        return k < chunks && index >= chunkFirst[k] && index < chunkEnd[k];
    }

    /**
     * Waits until extent {@code index} (which {@link #covers}) is read. Returns its chunk, flipped
     * for writing, when it is the chunk's last extent, else null; throws the extent's failure.
     */
    ByteBuffer await(int index) throws IOException {
        int k = written; // only the writer's thread changes it
        int slot = k % WINDOW;
        synchronized (this) {
            while (readyChunk[slot] != k) {
                if (k > failedChunk) {
                    // no worker reads past a failure, which the writer should have met first
                    throw new IllegalStateException("chunk " + k + " comes after the failed chunk " + failedChunk);
                }
                if (stopped) {
                    throw new DiscImageException(ErrorCode.REQUEST_CANCELLED,
                            "interrupted while waiting for " + ((FileDataExtent) extents.get(index)).description());
                }
                waitHere();
            }
        }
        if (failedExtent[slot] == index) {
            Throwable e = failure[slot];
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw (RuntimeException) e;
        }
        if (index + 1 < chunkEnd[k]) {
            return null;
        }
        ByteBuffer b = buffers[slot];
        b.flip();
        return b;
    }

    /** The writer wrote the chunk {@link #await} returned: its buffer may take a later one. */
    synchronized void release() {
        written++;
        notifyAll();
    }

    private void work(int first) {
        for (int k = first; k < chunks; k += workers.length) {
            int slot = k % WINDOW;
            synchronized (this) {
                while (!stopped && k >= written + WINDOW && k <= failedChunk) {
                    waitHere();
                }
                if (stopped || k > failedChunk) {
                    return;
                }
            }
            Throwable failed = null;
            int failedAt = -1;
            int i = chunkFirst[k];
            try {
                ByteBuffer b = buffers[slot];
                if (b == null) {
                    b = ByteBuffer.allocateDirect(CHUNK);
                    buffers[slot] = b;
                }
                b.clear();
                for (; i < chunkEnd[k]; i++) {
                    if (stopped) {
                        return;
                    }
                    read((FileDataExtent) extents.get(i), b);
                }
            } catch (Throwable e) { // even an Error: the writer waits for this chunk and must learn of it
                failed = e;
                failedAt = i;
            }
            synchronized (this) {
                failure[slot] = failed;
                failedExtent[slot] = failedAt;
                if (failed != null) {
                    failedChunk = Math.min(failedChunk, k);
                }
                readyChunk[slot] = k;
                notifyAll();
            }
        }
    }

    /**
     * Appends a small file's data and sector padding to {@code dst}, checking it still holds the
     * planned bytes, no more, no less (as {@link ImageWriter} does for every file).
     */
    static void read(FileDataExtent f, ByteBuffer dst) throws IOException {
        long size = ImageWriter.plannedSize(f);
        try (SourceCopier copier = new SourceCopier(f.source(), f.description())) {
            while (!copier.done()) {
                copier.read(dst);
            }
            copier.checkEnd();
        }
        int tail = (int) (size % SECTOR);
        if (tail != 0) {
            dst.put(Zeros.view(SECTOR - tail));
        }
    }

    private void waitHere() {
        try {
            wait();
        } catch (InterruptedException e) {
            // only the writer's thread can be interrupted (workers never are): it stops waiting, and
            // the writer gives up with the interrupt kept
            Thread.currentThread().interrupt();
            stopped = true;
            notifyAll();
        }
    }

    /** Stops the workers between files and waits for them. */
    @Override
    public void close() {
        synchronized (this) {
            stopped = true;
            notifyAll();
        }
        boolean interrupted = Thread.interrupted();
        for (Thread w : workers) {
            while (true) {
                try {
                    w.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
