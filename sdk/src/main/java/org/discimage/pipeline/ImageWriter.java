package org.discimage.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;

import org.discimage.ProgressListener;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.layout.FileDataExtent;
import org.discimage.layout.Layout;
import org.discimage.layout.MetadataExtent;
import org.discimage.layout.PlannedExtent;
import org.discimage.layout.SectorProducer;
import org.discimage.layout.ZeroExtent;

/**
 * Pushes a {@link Layout} into a channel: metadata is encoded into one pooled buffer and written in
 * 64 KiB chunks; file data goes from its source straight to the channel (FileChannel.transferTo for
 * host files, so no copy passes through the heap), then zeros to the sector end.
 *
 * <p>Small files (at most {@link #SMALL_FILE} bytes) are the exception: their data and padding are
 * read into one direct batch buffer, written when it is full or something else comes. A transferTo
 * costs a sendfile plus an fstat inside the JDK and the padding a write of its own: for a tree of
 * 100,000 files of mostly 0–16 KiB (compare-peers' {@code small}) that was two thirds of the
 * writer's system calls, which cost more there than copying a few KiB once.
 */
public final class ImageWriter {
    private static final int SECTOR = SectorProducer.SECTOR_SIZE;
    /** Files up to this size go through the batch buffer instead of transferTo. */
    static final int SMALL_FILE = 32 * 1024;
    /** The batch buffer's size: many small files per write. */
    static final int BATCH = 1 << 20;
    private final Layout layout;
    private final ProgressListener listener;
    private final Cancellation cancellation;
    private long written;
    /** Small files' data waiting to be written (direct: read(2) and write(2) go straight from it); lazily made. */
    private ByteBuffer batch;
    /** The LBA of the batch's first sector, for messages. */
    private long batchLba;

    /** Worker threads reading small files ahead ({@link SmallFileReader}); 0 reads them here. */
    private final int readerThreads;

    /** A writer of {@code layout} reporting to {@code listener} and stopping on {@code cancellation}. */
    public ImageWriter(Layout layout, ProgressListener listener, Cancellation cancellation) {
        this(layout, listener, cancellation, defaultReaderThreads());
    }

    /** As above, with {@code readerThreads} workers reading small files ahead (0: none, for tests). */
    ImageWriter(Layout layout, ProgressListener listener, Cancellation cancellation, int readerThreads) {
        this.layout = layout;
        this.listener = listener;
        this.cancellation = cancellation;
        this.readerThreads = readerThreads;
    }

    /**
     * One reader per CPU, at most 4: opening and reading small files is system calls, which overlap
     * well; beyond a few threads the writer (and the disk) set the pace.
     */
    private static int defaultReaderThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Writes the whole image; returns the number of bytes written. */
    public long writeTo(WritableByteChannel target) throws IOException {
        ByteBuffer buf = BufferPool.shared().acquire();
        List<PlannedExtent> extents = layout.extents();
        try (SmallFileReader ahead = SmallFileReader.start(extents, readerThreads)) {
            for (int i = 0; i < extents.size(); i++) {
                PlannedExtent e = extents.get(i);
                cancellation.check(e.lba());
                listener.progress(e.description(), written, layout.totalSectors());
                if (ahead != null && ahead.covers(i)) {
                    FileDataExtent f = (FileDataExtent) e;
                    ByteBuffer chunk = ahead.await(i);
                    written += f.sectors();
                    cancellation.check(f.lba() + f.sectors());
                    listener.progress(f.description(), written, layout.totalSectors());
                    if (chunk != null) {
                        flush(target);
                        write(chunk, target, f.lba() + f.sectors() - chunk.remaining() / SECTOR);
                        ahead.release();
                    }
                    continue;
                }
                if (e instanceof FileDataExtent f && f.sectors() * SECTOR <= SMALL_FILE) {
                    writeSmallFile(f, target);
                    continue;
                }
                flush(target);
                if (e instanceof MetadataExtent m) {
                    writeMetadata(m, buf, target);
                } else if (e instanceof FileDataExtent f) {
                    writeFile(f, buf, target);
                } else {
                    writeZeros(((ZeroExtent) e).sectors(), target);
                }
            }
            flush(target);
            listener.progress("", written, layout.totalSectors());
            return written * SECTOR;
        } finally {
            BufferPool.shared().release(buf);
        }
    }

    private void writeMetadata(MetadataExtent m, ByteBuffer buf, WritableByteChannel target) throws IOException {
        SectorProducer p = m.producer().get();
        long left = m.sectors();
        while (left > 0) {
            buf.clear();
            int n = (int) Math.min(left, BufferPool.SECTORS_PER_BUFFER);
            Zeros.fill(buf, n * SECTOR);
            buf.position(0);
            for (int i = 0; i < n; i++) {
                int expected = buf.position() + SECTOR;
                p.next(buf);
                if (buf.position() != expected) {
                    throw new IllegalStateException(m.description() + ": producer wrote "
                            + (buf.position() - expected + SECTOR) + " bytes instead of one sector");
                }
            }
            buf.flip();
            write(buf, target, m.lba() + m.sectors() - left);
            left -= n;
            advance(n, m.description());
        }
    }

    private void writeFile(FileDataExtent f, ByteBuffer buf, WritableByteChannel target) throws IOException {
        long size = plannedSize(f);
        if (size == 0) {
            return;
        }
        long reported = 0;
        try (SourceCopier copier = new SourceCopier(f.source(), f.description())) {
            while (!copier.done()) {
                // the raw target goes to transferTo: wrapping it would turn the zero-copy path into a copy
                try {
                    copier.copyChunk(target, buf);
                } catch (DiscImageException e) {
                    throw e;
                } catch (IOException e) {
                    throw new DiscImageException(ErrorCode.WRITE_FAILURE, "cannot write " + f.description()
                            + " at LBA " + (f.lba() + copier.position() / SECTOR) + ": " + e, e);
                }
                long sectors = copier.position() / SECTOR;
                written += sectors - reported;
                reported = sectors;
                cancellation.check(f.lba() + sectors);
                listener.progress(f.description(), written, layout.totalSectors());
            }
            copier.checkEnd();
        }
        int tail = (int) (size % SECTOR);
        if (tail != 0) {
            write(Zeros.view(SECTOR - tail), target, f.lba() + f.sectors() - 1);
        }
        advance(f.sectors() - reported, f.description());
    }

    /**
     * Appends a small file's data and padding to the batch (its size checked as in
     * {@link #writeFile}: the source must still hold the planned bytes, no more, no less).
     */
    private void writeSmallFile(FileDataExtent f, WritableByteChannel target) throws IOException {
        if (f.sectors() == 0 && f.source().size() == 0) {
            return;
        }
        int padded = (int) (f.sectors() * SECTOR);
        if (batch == null) {
            batch = ByteBuffer.allocateDirect(BATCH);
        }
        if (batch.remaining() < padded) {
            flush(target);
        }
        if (batch.position() == 0) {
            batchLba = f.lba();
        }
        SmallFileReader.read(f, batch);
        written += f.sectors();
        cancellation.check(f.lba() + f.sectors());
        listener.progress(f.description(), written, layout.totalSectors());
    }

    /** Writes what the batch holds. */
    private void flush(WritableByteChannel target) throws IOException {
        if (batch != null && batch.position() > 0) {
            batch.flip();
            write(batch, target, batchLba);
            batch.clear();
        }
    }

    private void writeZeros(long sectors, WritableByteChannel target) throws IOException {
        long left = sectors;
        while (left > 0) {
            int n = (int) Math.min(left, BufferPool.SECTORS_PER_BUFFER);
            write(Zeros.view(n * SECTOR), target, -1);
            left -= n;
            advance(n, "");
        }
    }

    private void advance(long sectors, String item) {
        written += sectors;
    }

    private static void write(ByteBuffer b, WritableByteChannel target, long lba) throws IOException {
        try {
            while (b.hasRemaining()) {
                target.write(b);
            }
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.WRITE_FAILURE,
                    "cannot write the image" + (lba >= 0 ? " at LBA " + lba : "") + ": " + e, e);
        }
    }

    /**
     * The size of {@code f}'s source, which must still fill the sectors planned for it:
     * DATA_STREAM_INCONSISTENCY naming the file otherwise (it grew or shrank since planning).
     */
    static long plannedSize(FileDataExtent f) throws DiscImageException {
        long size = f.source().size();
        if (divCeil(size) != f.sectors()) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, f.description() + " ("
                    + f.source().description() + ") now holds " + size + " bytes, not the "
                    + f.sectors() + " sectors planned");
        }
        return size;
    }

    private static long divCeil(long bytes) {
        return (bytes + SECTOR - 1) / SECTOR;
    }
}
