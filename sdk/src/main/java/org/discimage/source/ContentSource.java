package org.discimage.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.apache.commons.io.function.IOSupplier;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * Where a file's bytes come from. The size is known up front (the image is planned before a byte is
 * written); the content is read only when the image is emitted.
 *
 * <p>Implementations must deliver exactly {@link #size()} bytes or fail with a
 * {@link DiscImageException} of code {@code DATA_STREAM_INCONSISTENCY}: an image is never written
 * with silently wrong content.
 */
public interface ContentSource {

    /** The number of bytes this source delivers. */
    long size();

    /** Whether the content can be read more than once (a plain {@code InputStream} cannot). */
    default boolean isRepeatable() {
        return true;
    }

    /**
     * Whether {@link #openChannel()} may be called, and the channel read, on a thread other than
     * the one writing the image, while other sources are being read: the writer then reads small
     * files of this kind ahead on worker threads (their open and read system calls overlap with the
     * rest of the work). False by default; true for host files, byte arrays and zeros. A source
     * that reads from a shared sequential stream must keep the default.
     */
    default boolean isReadableConcurrently() {
        return false;
    }

    /** A short description for messages: a host path, "byte[1234]", "stream". */
    String description();

    /**
     * Opens the content for reading from its first byte. The channel should deliver exactly
     * {@link #size()} bytes; the image writer checks that it does and fails with
     * {@code DATA_STREAM_INCONSISTENCY} otherwise. A source backed by a file returns a
     * {@link java.nio.channels.FileChannel}, which the writer moves with {@code transferTo}
     * (no copy through the heap).
     */
    ReadableByteChannel openChannel() throws IOException;

    /** A file on the host file system; its size is read now and checked again when it is read. */
    static ContentSource of(Path file) throws IOException {
        return new PathSource(file);
    }

    /**
     * A host file whose attributes the caller has just read (a directory walk, {@code Files.walkFileTree}):
     * its size is taken from {@code attributes} instead of another stat of the path, and checked
     * again when the file is opened and after it is read.
     *
     * @throws IllegalArgumentException if {@code attributes} are not those of a regular file
     */
    static ContentSource of(Path file, BasicFileAttributes attributes) {
        if (!attributes.isRegularFile()) {
            throw new IllegalArgumentException(file + " is not a regular file");
        }
        return new PathSource(file, attributes.size());
    }

    /**
     * The host file {@code name} in {@code directory} whose attributes a directory walk has just
     * read, as {@link #of(Path, BasicFileAttributes)}; the compact form for large trees: the
     * directory's Path is shared by its files and the name is the caller's string, instead of a
     * Path per file.
     *
     * @throws IllegalArgumentException if {@code attributes} are not those of a regular file or
     *                                  {@code name} is not one file name (empty, ".", "..", a separator)
     */
    static ContentSource of(Path directory, String name, BasicFileAttributes attributes) {
        if (!attributes.isRegularFile()) {
            throw new IllegalArgumentException(directory.resolve(name) + " is not a regular file");
        }
        return new PathSource(directory, name, attributes.size());
    }

    /** The given bytes (the array is not copied: do not modify it afterwards). */
    static ContentSource of(byte[] bytes) {
        return new BytesSource(bytes);
    }

    /**
     * A stream of known length, read once at emission time (not repeatable: an image built from it
     * can be written once).
     */
    static ContentSource of(InputStream stream, long length) {
        return new StreamSource(() -> stream, length, false, "stream");
    }

    /** Streams of known length opened on demand, one per read (repeatable). */
    static ContentSource of(IOSupplier<? extends InputStream> opener, long length) {
        return new StreamSource(opener, length, true, "stream");
    }

    /**
     * The bytes {@code [offset, offset + length)} of a host file (an entry stored uncompressed in
     * an archive), delivered as a {@link java.nio.channels.FileChannel} view so the writer moves
     * them with {@code transferTo}. The file's size is read now and checked again at each read.
     *
     * @throws DiscImageException {@code DATA_STREAM_CREATE_FAILURE} when the range is not inside
     *                            the file
     */
    static ContentSource slice(Path file, long offset, long length) throws IOException {
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE,
                    "cannot read the size of " + file + ": " + e, e);
        }
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE, "bytes " + offset + "+" + length
                    + " are not inside " + file + " (" + size + " bytes)");
        }
        return new FileSliceSource(file, size, null, offset, length, file + "@" + offset + "+" + length);
    }

    /**
     * The bytes {@code [offset, offset + length)} of another source, without a copy: a host file or
     * a range of one stays a {@link java.nio.channels.FileChannel} view (moved with
     * {@code transferTo}); any other repeatable source is read from its start, skipping
     * {@code offset} bytes, at each read. Used to cut a file too large for one disc into parts.
     *
     * @throws IllegalArgumentException when the range is not inside {@code whole} or {@code whole}
     *                                  cannot be read twice
     */
    static ContentSource slice(ContentSource whole, long offset, long length) {
        if (offset < 0 || length < 0 || offset > whole.size() || length > whole.size() - offset) {
            throw new IllegalArgumentException("bytes " + offset + "+" + length + " are not inside "
                    + whole.description() + " (" + whole.size() + " bytes)");
        }
        String description = whole.description() + "@" + offset + "+" + length;
        if (whole instanceof PathSource p) {
            return new FileSliceSource(p.file(), p.size(), null, offset, length, description);
        }
        if (whole instanceof FileSliceSource f) {
            return f.subRange(offset, length, description);
        }
        if (!whole.isRepeatable()) {
            throw new IllegalArgumentException(whole.description() + " can be read only once and cannot be sliced");
        }
        return new StreamSource(() -> {
            InputStream in = java.nio.channels.Channels.newInputStream(whole.openChannel());
            org.apache.commons.io.IOUtils.skipFully(in, offset);
            // the bytes after the range belong to the next part: stop there, do not fail on them
            return org.apache.commons.io.input.BoundedInputStream.builder().setInputStream(in)
                    .setMaxCount(length).get();
        }, length, true, description);
    }

    /**
     * Streams of known length opened on demand, one per read (repeatable), named
     * {@code description} in messages (an archive entry: "a.zip!/dir/file").
     */
    static ContentSource of(IOSupplier<? extends InputStream> opener, long length, String description) {
        return new StreamSource(opener, length, true, description);
    }

    /** {@code length} zero bytes, without any backing storage. */
    static ContentSource zeros(long length) {
        return new ZeroSource(length);
    }
}
