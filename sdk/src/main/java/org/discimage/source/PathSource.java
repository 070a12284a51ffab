package org.discimage.source;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * A host file. The size is taken when the source is created and checked again when the file is
 * opened (and, by the writer, after it is read), so a file that changes between planning and
 * writing fails the write instead of producing a corrupt image.
 */
final class PathSource implements ContentSource {
    /** The file, or null when it is {@link #name} in {@link #directory}. */
    private final Path file;
    /**
     * The directory and name of a file found by a walk: the directory's Path is shared by its files
     * and the name with the tree's item, where a Path per file kept about 170 bytes (object, path
     * bytes, name offsets) alive per file until the image was written.
     */
    private final Path directory;
    private final String name;
    private final long size;

    PathSource(Path file) throws IOException {
        this.file = Objects.requireNonNull(file, "file");
        this.directory = null;
        this.name = null;
        try {
            this.size = Files.size(file);
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE,
                    "cannot read the size of " + file + ": " + e, e);
        }
    }

    /** A host file of {@code size} bytes, as its attributes just read say (checked when it is opened). */
    PathSource(Path file, long size) {
        this.file = Objects.requireNonNull(file, "file");
        this.directory = null;
        this.name = null;
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " of " + file);
        }
        this.size = size;
    }

    /** The file {@code name} in {@code directory}, of {@code size} bytes (checked when it is opened). */
    PathSource(Path directory, String name, long size) {
        this.file = null;
        this.directory = Objects.requireNonNull(directory, "directory");
        this.name = Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains(directory.getFileSystem().getSeparator()) || name.equals(".")
                || name.equals("..")) {
            throw new IllegalArgumentException("not a file name: \"" + name + "\"");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " of " + name);
        }
        this.size = size;
    }

    /** The host file. */
    Path file() {
        return file != null ? file : directory.resolve(name);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean isReadableConcurrently() {
        return true; // each channel opened on its own
    }

    @Override
    public String description() {
        return file().toString();
    }

    /** The file itself, as a {@link FileChannel} (so that writers can use transferTo). */
    @Override
    public ReadableByteChannel openChannel() throws IOException {
        Path file = file();
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE,
                    "cannot open source file " + file + ": " + e, e);
        }
        long now = ch.size();
        if (now != size) {
            ch.close();
            throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, "source file " + file
                    + " changed size after it was added: " + size + " bytes then, " + now + " now");
        }
        return ch;
    }
}
