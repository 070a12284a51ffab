package org.discimage.source;

import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** Zero bytes of a given length, e.g. for sparse test files and reserved areas. */
final class ZeroSource implements ContentSource {
    private final long length;

    ZeroSource(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        this.length = length;
    }

    @Override
    public long size() {
        return length;
    }

    @Override
    public boolean isReadableConcurrently() {
        return true; // each channel opened on its own
    }

    @Override
    public String description() {
        return "zeros[" + length + "]";
    }

    @Override
    public ReadableByteChannel openChannel() {
        return new ReadableByteChannel() {
            private long left = length;
            private boolean open = true;

            @Override
            public int read(ByteBuffer dst) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(left, dst.remaining());
                for (int i = 0; i < n; i++) {
                    dst.put((byte) 0);
                }
                left -= n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }
}
