package org.discimage.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

import org.apache.commons.io.function.IOSupplier;
import org.discimage.error.DiscImageException;

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

    /** {@code length} zero bytes, without any backing storage. */
    static ContentSource zeros(long length) {
        return new ZeroSource(length);
    }
}
