package org.discimage.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.layout.FileDataExtent;
import org.discimage.layout.Layout;
import org.discimage.layout.MetadataExtent;
import org.discimage.layout.PlannedExtent;
import org.discimage.layout.SectorProducer;

/**
 * Reads a {@link Layout} as a stream of bytes, producing it lazily: metadata a pooled buffer at a
 * time, file data straight from the source into the caller's buffer.
 */
public final class ImageChannel implements ReadableByteChannel {
    private static final int SECTOR = SectorProducer.SECTOR_SIZE;

    private final List<PlannedExtent> extents;
    private final Cancellation cancellation;
    private int index = -1;
    private long left;            // bytes left in the current extent
    private SectorProducer producer;
    private SourceCopier copier;
    private ByteBuffer staged;    // produced metadata not yet handed out
    private boolean open = true;

    /** A channel over the whole image of {@code layout}. */
    public ImageChannel(Layout layout, Cancellation cancellation) {
        this.extents = layout.extents();
        this.cancellation = cancellation;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int total = 0;
        while (dst.hasRemaining()) {
            if (left == 0 && !nextExtent()) {
                break;
            }
            PlannedExtent e = extents.get(index);
            int n;
            if (e instanceof MetadataExtent) {
                n = readMetadata(dst);
            } else if (e instanceof FileDataExtent f) {
                n = readFile(f, dst);
            } else {
                n = (int) Math.min(left, dst.remaining());
                Zeros.fill(dst, n);
            }
            left -= n;
            total += n;
        }
        return total == 0 && !dst.hasRemaining() ? 0 : (total == 0 ? -1 : total);
    }

    private boolean nextExtent() throws IOException {
        closeCopier();
        if (staged != null) {
            BufferPool.shared().release(staged);
            staged = null;
        }
        producer = null;
        if (index + 1 >= extents.size()) {
            return false;
        }
        PlannedExtent e = extents.get(++index);
        cancellation.check(e.lba());
        left = e.sectors() * SECTOR;
        if (e instanceof MetadataExtent m) {
            producer = m.producer().get();
            staged = BufferPool.shared().acquire();
            staged.limit(0);
        } else if (e instanceof FileDataExtent f && f.source().size() > 0) {
            if ((f.source().size() + SECTOR - 1) / SECTOR != f.sectors()) {
                throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, f.description()
                        + " now holds " + f.source().size() + " bytes, not the " + f.sectors() + " sectors planned");
            }
            copier = new SourceCopier(f.source(), f.description());
        }
        return true;
    }

    private int readMetadata(ByteBuffer dst) throws IOException {
        if (!staged.hasRemaining()) {
            staged.clear();
            int n = (int) Math.min(left / SECTOR, BufferPool.SECTORS_PER_BUFFER);
            Zeros.fill(staged, n * SECTOR);
            staged.position(0);
            for (int i = 0; i < n; i++) {
                producer.next(staged);
            }
            staged.flip();
        }
        int n = Math.min(staged.remaining(), dst.remaining());
        ByteBuffer slice = staged.duplicate();
        slice.limit(slice.position() + n);
        dst.put(slice);
        staged.position(staged.position() + n);
        return n;
    }

    private int readFile(FileDataExtent f, ByteBuffer dst) throws IOException {
        long size = f.source().size();
        long dataLeft = copier == null ? 0 : size - copier.position();
        if (dataLeft > 0) {
            int n = copier.read(dst);
            if (copier.done()) {
                copier.checkEnd();
            }
            return n;
        }
        int n = (int) Math.min(left, dst.remaining());
        Zeros.fill(dst, n);
        return n;
    }

    private void closeCopier() throws IOException {
        if (copier != null) {
            copier.close();
            copier = null;
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            closeCopier();
            if (staged != null) {
                BufferPool.shared().release(staged);
                staged = null;
            }
        }
    }
}
