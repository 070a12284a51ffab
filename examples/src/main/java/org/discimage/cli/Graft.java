package org.discimage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.discimage.source.WorkingDirectory;
import org.discimage.source.archive.ArchiveOptions;
import org.discimage.source.archive.ArchiveSource;
import org.discimage.source.archive.ArchiveSummary;
import org.discimage.tree.Directory;

/**
 * One SOURCE argument of {@code build}, after the mkisofs {@code -graft-points} convention:
 * {@code LOCAL} (a directory contributes its contents to the image root, a file is added to the
 * root under its own name) or {@code IMAGE/PATH=LOCAL} (a directory's contents go under IMAGE/PATH;
 * a file becomes the file IMAGE/PATH, or keeps its name under IMAGE/PATH when that ends with
 * {@code /}). {@code \=} and {@code \\} stand for a literal {@code =} and {@code \}.
 *
 * <p>A LOCAL of {@code -} is standard input, of unknown length: it is spooled to the working
 * directory and becomes the file IMAGE/PATH (which must then be given; {@code ./-} names a host
 * file called "-"). An archive given as a SOURCE is added as one file like any other; its
 * <em>contents</em> are grafted only through {@code --archive}, see {@link #addArchiveTo}: a
 * {@code .tar.gz} one wants to keep whole is never unpacked by surprise.
 *
 * @param imagePath the path in the image ({@code ""} for the root)
 * @param local     the host file or directory
 */
record Graft(String imagePath, Path local) {

    /** Parses one SOURCE argument. */
    static Graft parse(String arg) {
        StringBuilder left = new StringBuilder();
        int split = -1;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\' && i + 1 < arg.length() && (arg.charAt(i + 1) == '=' || arg.charAt(i + 1) == '\\')) {
                left.append(arg.charAt(++i));
            } else if (c == '=') {
                split = i;
                break;
            } else {
                left.append(c);
            }
        }
        if (split < 0) {
            return new Graft("", Path.of(left.toString()));
        }
        String local = unescape(arg.substring(split + 1));
        if (local.isEmpty()) {
            throw new IllegalArgumentException("graft point " + arg + " names no local file");
        }
        return new Graft(left.toString(), Path.of(local));
    }

    private static String unescape(String s) {
        return s.replace("\\=", "=").replace("\\\\", "\\");
    }

    /** Whether LOCAL is {@code -}, standard input. */
    boolean isStdin() {
        return local.toString().equals("-");
    }

    /** Adds the source to the tree under {@code root} ({@code -} is refused: it needs a working directory). */
    void addTo(Directory root) throws IOException {
        addTo(root, null, null);
    }

    /**
     * Adds the source to the tree under {@code root}; {@code -} is read from {@code stdin} to its
     * end and spooled to {@code workingDirectory}.
     */
    void addTo(Directory root, WorkingDirectory workingDirectory, InputStream stdin) throws IOException {
        if (isStdin()) {
            if (isRoot() || imagePath.endsWith("/")) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, "standard input has no name: give one, as in "
                        + "IMAGE/PATH=- (e.g. backup/db.sql=-)");
            }
            if (workingDirectory == null || stdin == null) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, "standard input cannot be read here");
            }
            ContentSource spooled = workingDirectory.spool(stdin, "standard input");
            root.addFile(imagePath, spooled);
            return;
        }
        if (Files.isDirectory(local)) {
            Directory target = isRoot() ? root : root.addDirectory(imagePath);
            target.addTree(local, false);
        } else if (Files.isRegularFile(local)) {
            String name = local.getFileName().toString();
            String path = isRoot() ? name : imagePath.endsWith("/") ? imagePath + name : imagePath;
            root.addFile(path, local);
        } else if (Files.exists(local)) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE,
                    "source " + local + " is neither a file nor a directory");
        } else {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE, "source " + local + " does not exist");
        }
    }

    /**
     * Grafts the entries of the archive LOCAL (tar, tar.gz/bz2/xz, zip, cpio, 7z) under
     * IMAGE/PATH ({@code --archive}); forward-only archives are spooled to {@code workingDirectory}.
     *
     * @return what was added, with the spool to close once the image is written
     */
    ArchiveSummary addArchiveTo(Directory root, WorkingDirectory workingDirectory, Consumer<String> diagnostics)
            throws IOException {
        if (!Files.isRegularFile(local)) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_CREATE_FAILURE, "archive " + local
                    + (Files.exists(local) ? " is not a file" : " does not exist"));
        }
        return ArchiveSource.graft(root, isRoot() ? "" : imagePath, local,
                new ArchiveOptions(workingDirectory, diagnostics));
    }

    private boolean isRoot() {
        return imagePath.chars().allMatch(c -> c == '/');
    }
}
