package org.discimage.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;

/**
 * Copies one source's bytes to a target in chunks and checks it delivers exactly the planned
 * length. A {@link FileChannel} source goes through {@code transferTo}, which on Linux is
 * copy_file_range/sendfile into a file or socket target: no byte passes through the Java heap.
 */
final class SourceCopier implements AutoCloseable {
    /** Bytes per transfer call; between calls the writer reports progress and checks cancellation. */
    static final long CHUNK = 8L << 20;

    private final ContentSource source;
    private final String where;
    private final ReadableByteChannel in;
    private long position;

    SourceCopier(ContentSource source, String where) throws IOException {
        this.source = source;
        this.where = where;
        this.in = source.openChannel();
    }

    /** Bytes copied so far. */
    long position() {
        return position;
    }

    /** Whether every byte was copied. */
    boolean done() {
        return position == source.size();
    }

    /** Copies the next chunk (at most {@link #CHUNK} bytes) to {@code target}. */
    void copyChunk(WritableByteChannel target, ByteBuffer scratch) throws IOException {
        long want = Math.min(CHUNK, source.size() - position);
        if (in instanceof FileChannel fc) {
            long n;
            try {
                n = fc.transferTo(position, want, target);
            } catch (IOException e) {
                throw readFailure(e);
            }
            if (n <= 0) {
                // transferTo returns 0 at the end of the file: it shrank since it was planned
                throw inconsistent(Math.min(fc.size(), position));
            }
            position += n;
            return;
        }
        long end = position + want;
        while (position < end) {
            scratch.clear();
            if (scratch.remaining() > end - position) {
                scratch.limit((int) (end - position));
            }
            int n;
            try {
                n = in.read(scratch);
            } catch (DiscImageException e) {
                throw e;
            } catch (IOException e) {
                throw readFailure(e);
            }
            if (n < 0) {
                throw inconsistent(position);
            }
            scratch.flip();
            while (scratch.hasRemaining()) {
                target.write(scratch);
            }
            position += n;
        }
    }

    /** Reads up to {@code dst.remaining()} bytes (bounded by what is left) into {@code dst}. */
    int read(ByteBuffer dst) throws IOException {
        long left = source.size() - position;
        if (left == 0) {
            return -1;
        }
        int limit = dst.limit();
        if (dst.remaining() > left) {
            dst.limit(dst.position() + (int) left);
        }
        int n;
        try {
            n = in.read(dst);
        } catch (DiscImageException e) {
            throw e;
        } catch (IOException e) {
            throw readFailure(e);
        } finally {
            dst.limit(limit);
        }
        if (n < 0) {
            throw inconsistent(position);
        }
        position += n;
        return n;
    }

    /** Checks that the source has not grown past its planned length. */
    void checkEnd() throws IOException {
        if (in instanceof FileChannel fc) {
            long now = fc.size();
            if (now != source.size()) {
                throw inconsistent(now);
            }
        } else {
            ByteBuffer one = ByteBuffer.allocate(1);
            int n;
            try {
                n = in.read(one);
            } catch (DiscImageException e) {
                throw e;
            } catch (IOException e) {
                throw readFailure(e);
            }
            if (n > 0) {
                throw inconsistent(source.size() + n);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private DiscImageException readFailure(IOException e) {
        return new DiscImageException(ErrorCode.DATA_STREAM_READ_FAILURE, "cannot read " + source.description()
                + " (" + where + ") at byte " + position + ": " + e, e);
    }

    private DiscImageException inconsistent(long actual) {
        return new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, source.description() + " (" + where
                + ") changed after it was planned: " + source.size() + " bytes were planned, the source "
                + (actual < source.size() ? "ended after " + actual : "now holds " + actual) + " bytes");
    }
}
