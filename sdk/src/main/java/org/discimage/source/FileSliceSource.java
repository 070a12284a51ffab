package org.discimage.source;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * A byte range of a file: an entry stored uncompressed in an archive, or a spooled stream. Either
 * the file is opened per read by path (and its size checked against the size seen when the range
 * was found, so an archive replaced since fails instead of giving wrong bytes) or the range lies in
 * a shared open channel (a spool file without a name).
 */
final class FileSliceSource implements ContentSource {
    private final Path file;
    private final long fileSize;
    private final FileChannel shared;
    private final long offset;
    private final long length;
    private final String description;

    FileSliceSource(Path file, long fileSize, FileChannel shared, long offset, long length, String description) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length: " + offset + ", " + length);
        }
        this.file = file;
        this.fileSize = fileSize;
        this.shared = shared;
        this.offset = offset;
        this.length = length;
        this.description = description;
    }

    /** The bytes {@code [from, from + count)} of this range, as a range of the same file. */
    FileSliceSource subRange(long from, long count, String description) {
        return new FileSliceSource(file, fileSize, shared, offset + from, count, description);
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
        return description;
    }

    @Override
    public ReadableByteChannel openChannel() throws IOException {
        if (shared != null) {
            if (!shared.isOpen()) {
                throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE,
                        "cannot read " + description + ": its spool file was closed");
            }
            return new FileSliceChannel(shared, offset, length, false);
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE,
                    "cannot open " + description + ": " + e, e);
        }
        long now = ch.size();
        if (now != fileSize) {
            ch.close();
            throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, "cannot read " + description
                    + ": " + file + " changed size after it was indexed: " + fileSize + " bytes then, " + now + " now");
        }
        return new FileSliceChannel(ch, offset, length, true);
    }
}
