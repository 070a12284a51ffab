package org.discimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.discimage.layout.Layout;
import org.discimage.layout.PlannedExtent;
import org.discimage.pipeline.Cancellation;
import org.discimage.pipeline.ImageChannel;
import org.discimage.pipeline.ImageWriter;

/**
 * A planned image (IMAPI2 IFileSystemImageResult): its size is known, its bytes are produced when
 * it is read or written. It can be read any number of times if every file source is repeatable.
 *
 * <p>The fast path is {@link #writeTo(Path)} or {@link #writeTo(WritableByteChannel)} with a
 * {@link FileChannel}: file data then moves by {@code FileChannel.transferTo}, without passing
 * through the Java heap, and memory use does not depend on file sizes.
 */
public final class ImageResult {
    /** Bytes per block (IMAPI2 BlockSize). */
    public static final int BLOCK_SIZE = 2048;

    private final Layout layout;
    private final Cancellation cancellation = new Cancellation();
    private volatile ProgressListener listener = ProgressListener.NONE;

    ImageResult(Layout layout) {
        this.layout = layout;
    }

    /** The number of 2048-byte blocks (IMAPI2 TotalBlocks). */
    public long totalSectors() {
        return layout.totalSectors();
    }

    /** The size in bytes: {@code totalSectors() * 2048}. */
    public long sizeInBytes() {
        return layout.totalSectors() * BLOCK_SIZE;
    }

    /** The LBA of the first block (the session start). */
    public long startBlock() {
        return layout.startLba();
    }

    /** The segments of the image in LBA order: metadata areas and one per file (IMAPI2 ProgressItems). */
    public List<ImageExtent> extents() {
        List<ImageExtent> list = new ArrayList<>(layout.extents().size());
        for (PlannedExtent e : layout.extents()) {
            list.add(new ImageExtent(e.description(), e.lba(), e.sectors()));
        }
        return list;
    }

    /** Sets the listener told about progress while the image is written or read. */
    public void setProgressListener(ProgressListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Cancels a write or read in progress (from any thread); it fails with REQUEST_CANCELLED. */
    public void cancel() {
        cancellation.cancel();
    }

    /** The image as a channel (IMAPI2 ImageStream), produced lazily as it is read. */
    public ReadableByteChannel openChannel() {
        return new ImageChannel(layout, cancellation);
    }

    /** The image as an input stream, produced lazily as it is read. */
    public InputStream openStream() {
        return Channels.newInputStream(openChannel());
    }

    /** Writes the whole image to a channel; a {@link FileChannel} gets the zero-copy path. */
    public long writeTo(WritableByteChannel target) throws IOException {
        return new ImageWriter(layout, listener, cancellation).writeTo(target);
    }

    /** Writes the whole image to a stream. */
    public long writeTo(OutputStream target) throws IOException {
        WritableByteChannel ch = Channels.newChannel(target);
        long n = writeTo(ch);
        target.flush();
        return n;
    }

    /** Writes the whole image to a file, creating or replacing it. */
    public long writeTo(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            return writeTo(ch);
        }
    }

    /** Same as {@link #writeTo(WritableByteChannel)} (the name {@code InputStream} users know). */
    public long transferTo(WritableByteChannel target) throws IOException {
        return writeTo(target);
    }
}
