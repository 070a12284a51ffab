package org.discimage.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.io.function.IOSupplier;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/** Content read from an {@link InputStream} of known length. */
final class StreamSource implements ContentSource {
    private final IOSupplier<? extends InputStream> opener;
    private final long length;
    private final boolean repeatable;
    private final String description;
    private final AtomicBoolean consumed = new AtomicBoolean();

    StreamSource(IOSupplier<? extends InputStream> opener, long length, boolean repeatable, String description) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        this.opener = Objects.requireNonNull(opener, "opener");
        this.length = length;
        this.repeatable = repeatable;
        this.description = description;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public boolean isRepeatable() {
        return repeatable;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public ReadableByteChannel openChannel() throws IOException {
        if (!repeatable && consumed.getAndSet(true)) {
            throw new IllegalStateException(description + " is a one-shot stream and was already read");
        }
        InputStream in;
        try {
            in = opener.get();
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE,
                    "cannot open " + description + ": " + e.getMessage(), e);
        }
        return new BoundedChannel(in);
    }

    /** Delivers at most {@code length} bytes of the stream (the writer checks for a short one). */
    private final class BoundedChannel implements ReadableByteChannel {
        private final InputStream in;
        private long left = length;
        private boolean open = true;
        private boolean checkedEnd;

        BoundedChannel(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (left == 0) {
                // a stream that still has bytes is longer than declared
                if (!checkedEnd) {
                    checkedEnd = true;
                    if (in.read() >= 0) {
                        throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY,
                                description + " holds more than the " + length + " bytes declared");
                    }
                }
                return -1;
            }
            int want = (int) Math.min(left, dst.remaining());
            int n;
            try {
                if (dst.hasArray()) {
                    n = in.read(dst.array(), dst.arrayOffset() + dst.position(), want);
                    if (n > 0) {
                        dst.position(dst.position() + n);
                    }
                } else {
                    byte[] tmp = new byte[Math.min(want, 8192)];
                    n = in.read(tmp, 0, tmp.length);
                    if (n > 0) {
                        dst.put(tmp, 0, n);
                    }
                }
            } catch (IOException e) {
                throw new DiscImageException(ErrorCode.DATA_STREAM_READ_FAILURE,
                        "cannot read " + description + ": " + e.getMessage(), e);
            }
            if (n < 0) {
                return -1;
            }
            left -= n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            open = false;
            in.close();
        }
    }
}
