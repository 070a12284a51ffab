package org.discimage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.tree.Directory;

/**
 * One SOURCE argument of {@code build}, after the mkisofs {@code -graft-points} convention:
 * {@code LOCAL} (a directory contributes its contents to the image root, a file is added to the
 * root under its own name) or {@code IMAGE/PATH=LOCAL} (a directory's contents go under IMAGE/PATH;
 * a file becomes the file IMAGE/PATH, or keeps its name under IMAGE/PATH when that ends with
 * {@code /}). {@code \=} and {@code \\} stand for a literal {@code =} and {@code \}.
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

    /** Adds the source to the tree under {@code root}. */
    void addTo(Directory root) throws IOException {
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

    private boolean isRoot() {
        return imagePath.chars().allMatch(c -> c == '/');
    }
}
