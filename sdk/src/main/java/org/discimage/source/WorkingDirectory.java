package org.discimage.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * Where data of unknown length or from forward-only streams is staged before the image is written
 * (IMAPI2 {@code IFileSystemImage::WorkingDirectory}, the folder of its "stash" files; staging is
 * what IMAPI2's {@code StageFiles} turns on). A stream piped in (a database dump) or the entries of
 * a compressed archive are copied once into a {@link Spool} here; the image then reads them back
 * with {@code transferTo} like any file.
 *
 * <p>Space is checked before and while spooling: the file store's usable space must stay above
 * {@link #reserve()} bytes, and at most {@link #limit()} bytes are spooled through this object in
 * all. A shortfall fails with {@link ErrorCode#WORKING_DIRECTORY_SPACE} (IMAPI_E_WORKING_DIRECTORY_SPACE)
 * before the disk is filled. Instances are immutable apart from the running total and safe to share.
 */
public final class WorkingDirectory {
    /** Chunk between two free-space checks while spooling a stream of unknown length. */
    static final long CHECK_INTERVAL = 8L << 20;

    private final Path directory;
    private final long reserve;
    private final long limit;
    private long spooled;
    /** Found once: on Linux each Files.getFileStore reads the mount table. */
    private FileStore store;

    private WorkingDirectory(Path directory, long reserve, long limit) {
        this.directory = directory;
        this.reserve = reserve;
        this.limit = limit;
    }

    /**
     * A working directory that must stay with at least {@code reserve} usable bytes and spools at
     * most {@code limit} bytes in all ({@code Long.MAX_VALUE}: no limit but the disk).
     *
     * @throws DiscImageException {@code INVALID_WORKING_DIRECTORY} when {@code directory} is not a
     *                            writable directory
     */
    public static WorkingDirectory of(Path directory, long reserve, long limit) throws DiscImageException {
        Objects.requireNonNull(directory, "directory");
        if (reserve < 0 || limit < 0) {
            throw new IllegalArgumentException("negative reserve or limit: " + reserve + ", " + limit);
        }
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new DiscImageException(ErrorCode.INVALID_WORKING_DIRECTORY,
                    "working directory " + directory + " is not a writable directory");
        }
        return new WorkingDirectory(directory, reserve, limit);
    }

    /** A working directory keeping 64 MiB free, without a limit of its own. */
    public static WorkingDirectory of(Path directory) throws DiscImageException {
        return of(directory, 64L << 20, Long.MAX_VALUE);
    }

    /** The system's temporary directory ({@code java.io.tmpdir}), keeping 64 MiB free. */
    public static WorkingDirectory systemDefault() throws DiscImageException {
        return of(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** The directory spool files are created in. */
    public Path directory() {
        return directory;
    }

    /** The usable bytes that must stay free on the directory's file store. */
    public long reserve() {
        return reserve;
    }

    /** The most bytes spooled through this working directory in all. */
    public long limit() {
        return limit;
    }

    /** The bytes spooled through this working directory so far. */
    public synchronized long spooled() {
        return spooled;
    }

    /** Creates an empty spool file here; see {@link Spool} for its lifetime. */
    public Spool newSpool(String description) throws DiscImageException {
        return new Spool(this, description);
    }

    /**
     * Copies a stream of unknown length into a spool file of its own and returns its content (a
     * repeatable source; the stream is read to its end now and not closed). Cost: one sequential
     * write and, when the image is written, one read of the data; the heap holds one 64 KiB buffer.
     *
     * @throws DiscImageException {@code WORKING_DIRECTORY_SPACE} when the stream outgrows the space
     *                            or the limit (the partial spool is deleted)
     */
    public ContentSource spool(InputStream stream, String description) throws DiscImageException {
        Spool s = newSpool(description);
        try {
            return s.append(stream, -1, description);
        } catch (DiscImageException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Reserves {@code bytes} of spool space, or fails naming {@code what}: the limit must not be
     * exceeded and the file store must keep {@link #reserve()} bytes free after the write.
     */
    synchronized void claim(long bytes, String what) throws DiscImageException {
        claim(bytes, bytes, what);
    }

    /**
     * Counts {@code bytes} against the limit and, when {@code free > 0}, checks that {@code free}
     * bytes can still be written without eating into the reserve.
     */
    synchronized void claim(long bytes, long free, String what) throws DiscImageException {
        if (bytes > limit - spooled) {
            throw new DiscImageException(ErrorCode.WORKING_DIRECTORY_SPACE, "cannot spool " + what + " to " + directory
                    + ": " + spooled + " bytes spooled already, " + bytes + " more would pass the limit of " + limit);
        }
        if (free <= 0) {
            spooled += bytes;
            return;
        }
        long usable;
        try {
            if (store == null) {
                store = Files.getFileStore(directory);
            }
            usable = store.getUsableSpace();
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.INVALID_WORKING_DIRECTORY,
                    "cannot read the free space of working directory " + directory + ": " + e, e);
        }
        if (usable - reserve < free) {
            throw new DiscImageException(ErrorCode.WORKING_DIRECTORY_SPACE, "cannot spool " + what + " to " + directory
                    + ": " + free + " bytes needed, " + usable + " usable of which " + reserve + " must stay free");
        }
        spooled += bytes;
    }

    /** Gives back spool space counted but not used (a failed spool). */
    synchronized void release(long bytes) {
        spooled -= Math.min(bytes, spooled);
    }
}
