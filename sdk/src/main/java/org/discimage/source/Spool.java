package org.discimage.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * One spool ("stash") file in a {@link WorkingDirectory}: streams are appended to it one after the
 * other and each comes back as a {@link ContentSource} that is a range of the file (read with
 * {@code transferTo}, no copy through the heap). The file is opened with
 * {@code DELETE_ON_CLOSE}: on Linux and other POSIX systems the JDK unlinks it right after it is
 * created, so it has no name, cannot be left behind by a crash, and its space is given back when
 * the spool is {@link #close() closed} or the JVM exits. Close the spool only after the image that
 * uses its sources has been written; a source of a closed spool fails to open
 * ({@code DATA_STREAM_CREATE_FAILURE}).
 */
public final class Spool implements Closeable {
    private static final int BUFFER = 64 * 1024;

    private final WorkingDirectory workingDirectory;
    private final String description;
    private final FileChannel channel;
    private long end;
    /** One copy buffer per spool, not per entry: an archive of many small files allocates once. */
    private byte[] buf;

    Spool(WorkingDirectory workingDirectory, String description) throws DiscImageException {
        this.workingDirectory = workingDirectory;
        this.description = description;
        Path dir = workingDirectory.directory();
        try {
            Path file = Files.createTempFile(dir, "discimage-", ".spool");
            this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.STASHFILE_OPEN_FAILURE,
                    "cannot create a spool file for " + description + " in " + dir + ": " + e, e);
        }
    }

    /** The bytes in the spool file so far. */
    public synchronized long size() {
        return end;
    }

    /**
     * Copies {@code length} bytes of {@code in} (or, with {@code length < 0}, all of it up to its
     * end) to the end of the spool file and returns them as a repeatable source. The space is
     * checked first for a known length, every 8 MiB for an unknown one. The stream is not closed.
     *
     * @throws DiscImageException {@code WORKING_DIRECTORY_SPACE} when the space or limit is short,
     *                            {@code DATA_STREAM_READ_FAILURE} when the stream fails or ends
     *                            before {@code length} bytes, {@code STASHFILE_WRITE_FAILURE} when
     *                            the spool file cannot be written
     */
    public synchronized ContentSource append(InputStream in, long length, String what) throws DiscImageException {
        long start = end;
        if (length >= 0) {
            workingDirectory.claim(length, what);
        } else {
            workingDirectory.claim(0, WorkingDirectory.CHECK_INTERVAL, what);
        }
        if (buf == null) {
            buf = new byte[BUFFER];
        }
        ByteBuffer bb = ByteBuffer.wrap(buf);
        long copied = 0;
        long nextCheck = WorkingDirectory.CHECK_INTERVAL;
        try {
            while (length < 0 || copied < length) {
                int want = length < 0 ? BUFFER : (int) Math.min(BUFFER, length - copied);
                int n;
                try {
                    n = in.read(buf, 0, want);
                } catch (IOException e) {
                    throw new DiscImageException(ErrorCode.DATA_STREAM_READ_FAILURE,
                            "cannot read " + what + " after " + copied + " bytes: " + e.getMessage(), e);
                }
                if (n < 0) {
                    if (length >= 0) {
                        throw new DiscImageException(ErrorCode.DATA_STREAM_READ_FAILURE,
                                what + " ends after " + copied + " of its " + length + " bytes");
                    }
                    break;
                }
                if (length < 0) {
                    // the limit is counted byte by byte, the disk checked each CHECK_INTERVAL
                    boolean check = copied + n > nextCheck;
                    workingDirectory.claim(n, check ? WorkingDirectory.CHECK_INTERVAL : 0, what);
                    if (check) {
                        nextCheck += WorkingDirectory.CHECK_INTERVAL;
                    }
                }
                bb.clear().limit(n);
                try {
                    long pos = start + copied;
                    while (bb.hasRemaining()) {
                        pos += channel.write(bb, pos);
                    }
                } catch (IOException e) {
                    throw new DiscImageException(ErrorCode.STASHFILE_WRITE_FAILURE,
                            "cannot write " + what + " to the spool file in " + workingDirectory.directory() + ": " + e, e);
                }
                copied += n;
            }
        } catch (DiscImageException | RuntimeException e) {
            workingDirectory.release(length >= 0 ? length : copied);
            try {
                channel.truncate(start);
            } catch (IOException ignored) {
                // the spool keeps a dead tail; it goes when the spool is closed
            }
            throw e;
        }
        end = start + copied;
        return new FileSliceSource(null, -1, channel, start, copied, what + " (spooled)");
    }

    /** Deletes the spool file (sources of this spool cannot be read afterwards). */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written that matters; the unlinked file goes with the descriptor
        }
    }

    @Override
    public String toString() {
        return "spool of " + description + " (" + end + " bytes)";
    }
}
