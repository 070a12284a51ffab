package org.discimage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * Where an entry of an image may land under the extraction directory, and the checks that keep it
 * there. The readers reject such names in strict mode already; these checks do not rely on it, so a
 * lenient read, a reader bug or a hostile image still cannot write outside the directory.
 *
 * <p>A name is refused when it is empty, {@code .} or {@code ..}, contains {@code /}, {@code \} (on
 * every OS) or NUL, is absolute, or is not a single plain name to the host file system (on
 * Windows also a name with {@code :}). A path is refused unless every component is such a name;
 * the result must lie strictly below the root. Before anything is created, every existing
 * component between the root and the entry is checked without following links: a symbolic link or
 * a non-directory there is refused.
 */
final class ExtractPaths {
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private ExtractPaths() {
    }

    /**
     * Checks one name component of {@code imagePath}.
     *
     * @throws DiscImageException {@code INVALID_PATH} naming the image path and the reason
     */
    static void checkName(String name, String imagePath) throws DiscImageException {
        String why = problem(name);
        if (why != null) {
            throw refused(imagePath, why);
        }
    }

    /** What is wrong with {@code name} as one component of a host path, or null when nothing is. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "an empty name";
        }
        if (name.equals(".") || name.equals("..")) {
            return "the name '" + name + "'";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return "a path separator '" + c + "' inside a name";
            }
            if (c == 0) {
                return "a NUL character inside a name";
            }
            if (WINDOWS && c == ':') {
                return "a ':' inside a name (a drive or stream on Windows)";
            }
        }
        return null;
    }

    /**
     * The host path of {@code imagePath} (absolute, {@code /} separated, {@code /} being the root)
     * under {@code root}, which must be absolute and normalised (a real path).
     *
     * @throws DiscImageException {@code INVALID_PATH} if a component is refused (see the class
     *                            comment) or the result would not lie below {@code root}
     */
    static Path resolve(Path root, String imagePath) throws DiscImageException {
        if (!imagePath.startsWith("/")) {
            throw refused(imagePath, "a path that is not absolute in the image");
        }
        if (imagePath.equals("/")) {
            return root;
        }
        String[] parts = imagePath.substring(1).split("/", -1);
        Path p = root;
        for (String part : parts) {
            checkName(part, imagePath);
            Path name;
            try {
                name = root.getFileSystem().getPath(part);
            } catch (InvalidPathException e) {
                throw refused(imagePath, "a name the host cannot hold (" + e.getReason() + ")");
            }
            if (name.isAbsolute() || name.getRoot() != null || name.getNameCount() != 1
                    || !name.toString().equals(part)) {
                throw refused(imagePath, "a name that is not one plain component on this host");
            }
            p = p.resolve(name);
        }
        if (!p.normalize().equals(p) || !p.startsWith(root) || p.getNameCount() != root.getNameCount() + parts.length) {
            throw refused(imagePath, "a path outside the extraction directory");
        }
        return p;
    }

    /**
     * Checks, without following links, that every existing component of {@code target} below
     * {@code root} but above {@code target} is a real directory, not a symbolic link.
     *
     * @throws DiscImageException {@code INVALID_PATH} if one is a symbolic link or not a directory
     */
    static void checkParents(Path root, Path target, String imagePath) throws IOException {
        if (!target.startsWith(root) || target.equals(root)) {
            throw refused(imagePath, "a path outside the extraction directory");
        }
        Path p = root;
        Path relative = root.relativize(target);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            p = p.resolve(relative.getName(i));
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                throw refused(imagePath, "a parent " + p + " that does not exist");
            }
            if (a.isSymbolicLink()) {
                throw refused(imagePath, "a parent " + p + " that is a symbolic link");
            }
            if (!a.isDirectory()) {
                throw refused(imagePath, "a parent " + p + " that is not a directory");
            }
        }
    }

    static DiscImageException refused(String imagePath, String why) {
        return new DiscImageException(ErrorCode.INVALID_PATH, "refusing to extract " + printable(imagePath)
                + ": " + why);
    }

    /** {@code s} with control characters shown as {@code \xNN}. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        LsCommand.appendPath(sb, s);
        return sb.toString();
    }
}
