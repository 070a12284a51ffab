package org.discimage.media.grow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/** An image file as {@link RandomAccessBlocks}: block n at byte n × 2048. */
public final class FileChannelBlocks implements RandomAccessBlocks {
    private final Object name;
    private final FileChannel channel;

    /** Blocks of {@code channel}; {@code name} (the file) names it in messages. */
    public FileChannelBlocks(Object name, FileChannel channel) {
        this.name = name;
        this.channel = channel;
    }

    @Override
    public void read(long lba, ByteBuffer dst) throws IOException {
        long pos = lba * BLOCK;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, pos);
            if (n < 0) {
                throw new DiscImageException(ErrorCode.IMPORT_READ_FAILURE, name + " ends at byte " + pos
                        + " inside the block being read");
            }
            pos += n;
        }
    }

    @Override
    public void write(long lba, ByteBuffer src) throws IOException {
        long pos = lba * BLOCK;
        while (src.hasRemaining()) {
            pos += channel.write(src, pos);
        }
    }

    @Override
    public long readableBlocks() throws IOException {
        return channel.size() / BLOCK;
    }

    /** Extends the file (sparse: one byte at the end) when it is shorter; a longer file is left alone. */
    @Override
    public void padTo(long from, long to) throws IOException {
        long padded = to * BLOCK;
        if (channel.size() < padded) {
            channel.write(ByteBuffer.allocate(1), padded - 1);
        }
    }

    @Override
    public void force() throws IOException {
        channel.force(true);
    }

    @Override
    public String toString() {
        return String.valueOf(name);
    }
}
