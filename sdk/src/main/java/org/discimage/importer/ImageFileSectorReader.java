package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * Sectors of an image file: LBA {@code n} is at byte offset {@code n * 2048}. A trailing partial
 * sector is not readable. Thread-safe (positional reads).
 */
public final class ImageFileSectorReader implements SectorReader {
    private final FileChannel channel;
    private final String name;
    private final boolean owned;

    private ImageFileSectorReader(FileChannel channel, String name, boolean owned) {
        this.channel = channel;
        this.name = name;
        this.owned = owned;
    }

    /** Opens an image file for reading; {@link #close()} closes it. */
    public static ImageFileSectorReader open(Path file) throws IOException {
        try {
            return new ImageFileSectorReader(FileChannel.open(file, StandardOpenOption.READ), file.toString(), true);
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE, "cannot open image " + file + ": " + e, e);
        }
    }

    /** Reads through a channel the caller keeps open and closes. */
    public static ImageFileSectorReader over(FileChannel channel) {
        return new ImageFileSectorReader(Objects.requireNonNull(channel, "channel"), "image channel", false);
    }

    @Override
    public int read(long lba, ByteBuffer dst) throws IOException {
        if (lba < 0) {
            throw new IllegalArgumentException("negative LBA " + lba);
        }
        int wanted = dst.remaining() / SECTOR_SIZE;
        if (wanted == 0) {
            throw new IllegalArgumentException("buffer holds less than one sector: " + dst.remaining() + " bytes");
        }
        long count = sectorCount();
        if (lba >= count) {
            return 0;
        }
        int sectors = (int) Math.min(wanted, count - lba);
        int end = dst.position() + sectors * SECTOR_SIZE;
        ByteBuffer view = dst.duplicate().limit(end);
        long offset = lba * SECTOR_SIZE;
        try {
            while (view.hasRemaining()) {
                int n = channel.read(view, offset + view.position() - dst.position());
                if (n < 0) {
                    throw new DiscImageException(ErrorCode.DATA_STREAM_READ_FAILURE,
                            name + " ended while reading LBA " + lba + " (" + sectors + " sectors)");
                }
            }
        } catch (DiscImageException e) {
            throw e;
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_READ_FAILURE,
                    "cannot read LBA " + lba + " of " + name + ": " + e, e);
        }
        dst.position(end);
        return sectors;
    }

    @Override
    public long sectorCount() throws IOException {
        return channel.size() / SECTOR_SIZE;
    }

    @Override
    public void close() throws IOException {
        if (owned) {
            channel.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
