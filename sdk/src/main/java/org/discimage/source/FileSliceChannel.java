package org.discimage.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A read-only view of the bytes {@code [offset, offset + length)} of a file, itself a
 * {@link FileChannel} so that the image writer's {@code transferTo} (sendfile on Linux) moves a
 * slice of an archive or spool file without copying it through the heap. Position 0 of the view is
 * byte {@code offset} of the file; {@link #size()} is the slice's length. All reads are positional
 * on the underlying channel, so several views may share one channel (a spool file) safely.
 */
final class FileSliceChannel extends FileChannel {
    private final FileChannel file;
    private final long offset;
    private final long length;
    private final boolean ownsFile;
    private long position;

    FileSliceChannel(FileChannel file, long offset, long length, boolean ownsFile) {
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.ownsFile = ownsFile;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int off, int len) throws IOException {
        long total = 0;
        for (int i = off; i < off + len; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public int read(ByteBuffer dst, long pos) throws IOException {
        ensureOpen();
        if (pos >= length) {
            return -1;
        }
        int limit = dst.limit();
        if (dst.remaining() > length - pos) {
            dst.limit(dst.position() + (int) (length - pos));
        }
        try {
            return file.read(dst, offset + pos);
        } finally {
            dst.limit(limit);
        }
    }

    @Override
    public long transferTo(long pos, long count, WritableByteChannel target) throws IOException {
        ensureOpen();
        if (pos >= length) {
            return 0;
        }
        return file.transferTo(offset + pos, Math.min(count, length - pos), target);
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return length;
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long pos, long size) throws IOException {
        if (mode != MapMode.READ_ONLY) {
            throw new NonWritableChannelException();
        }
        if (pos < 0 || size < 0 || pos + size > length) {
            throw new IllegalArgumentException("outside the slice");
        }
        return file.map(mode, offset + pos, size);
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int off, int len) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long pos) {
        throw new NonWritableChannelException();
    }

    @Override
    public FileChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long pos, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // read-only: nothing to flush
    }

    @Override
    public FileLock lock(long pos, long size, boolean shared) {
        throw new UnsupportedOperationException("a slice cannot be locked");
    }

    @Override
    public FileLock tryLock(long pos, long size, boolean shared) {
        throw new UnsupportedOperationException("a slice cannot be locked");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        if (ownsFile) {
            file.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (!isOpen()) {
            throw new java.nio.channels.ClosedChannelException();
        }
    }
}
