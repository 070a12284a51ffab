package org.discimage.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.ImportedSource;
import org.discimage.importer.SectorReader;
import org.discimage.tree.ItemType;

/**
 * Writes an imported tree into a host directory. First every entry's place is worked out and checked
 * ({@link ExtractPaths}; each entry's parent must be a directory of the same tree, so nothing can
 * land below a link of the image), and only then is anything written. Files are created with
 * {@code CREATE_NEW} (never through an existing link) and filled through a reused buffer, never held
 * whole in memory; directory modes and times are set last, deepest first, once their contents are
 * written.
 */
final class Extractor {
    private static final int BUFFER = 1 << 20;
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final SectorReader sectors;
    private final boolean overwrite;
    private final Consumer<String> warnings;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);

    Extractor(SectorReader sectors, boolean overwrite, Consumer<String> warnings) {
        this.sectors = sectors;
        this.overwrite = overwrite;
        this.warnings = warnings;
    }

    /** What was extracted. */
    record Summary(long directories, long files, long bytes, long symlinks, long skipped) {
        String describe(Path dir) {
            return String.format(Locale.ROOT, "%s: %d directories, %d files (%d bytes), %d symbolic links%s",
                    dir, directories, files, bytes, symlinks, skipped == 0 ? "" : ", " + skipped + " skipped");
        }
    }

    /** One entry and where it goes. */
    record Target(ImportedEntry entry, Path path) {
    }

    /**
     * Extracts {@code entries} (pre-order, the root first, as the readers return them) into
     * {@code dir}, created if missing.
     *
     * @throws DiscImageException {@code INVALID_PATH} before anything is written when an entry's
     *                            place is refused; {@code DUP_NAME} for an existing file without
     *                            overwrite; {@code WRITE_FAILURE} when the host refuses a write
     */
    Summary extract(List<ImportedEntry> entries, Path dir) throws IOException {
        Path root = prepareRoot(dir);
        List<Target> plan = plan(root, entries);
        List<Target> directories = new ArrayList<>();
        long files = 0;
        long bytes = 0;
        long links = 0;
        long skipped = 0;
        for (Target t : plan) {
            ImportedEntry e = t.entry();
            if (t.path().equals(root)) {
                continue;   // DIR itself: its mode and times stay the user's
            }
            ExtractPaths.checkParents(root, t.path(), e.path());
            try {
                switch (e.type()) {
                    case DIRECTORY -> {
                        makeDirectory(t);
                        directories.add(t);
                    }
                    case FILE -> {
                        bytes += writeFile(t);
                        files++;
                    }
                    case SYMLINK -> {
                        makeSymlink(t);
                        links++;
                    }
                    default -> {
                        warnings.accept(ExtractPaths.printable(e.path()) + ": " + e.type().toString()
                                .toLowerCase(Locale.ROOT) + " not extracted");
                        skipped++;
                    }
                }
            } catch (DiscImageException ex) {
                throw ex;
            } catch (IOException ex) {
                throw new DiscImageException(ErrorCode.WRITE_FAILURE, "cannot extract "
                        + ExtractPaths.printable(e.path()) + " to " + t.path() + ": " + ex, ex);
            }
        }
        for (int i = directories.size() - 1; i >= 0; i--) {
            Target t = directories.get(i);
            try {
                setAttributes(t.path(), t.entry());
            } catch (IOException ex) {
                throw new DiscImageException(ErrorCode.WRITE_FAILURE, "cannot set the mode or times of "
                        + t.path() + ": " + ex, ex);
            }
        }
        return new Summary(directories.size(), files, bytes, links, skipped);
    }

    private static Path prepareRoot(Path dir) throws IOException {
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
            }
            if (!Files.isDirectory(dir)) {
                throw new DiscImageException(ErrorCode.NOT_DIR, dir + " is not a directory");
            }
            return dir.toRealPath();
        } catch (DiscImageException e) {
            throw e;
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.WRITE_FAILURE, "cannot create " + dir + ": " + e, e);
        }
    }

    /**
     * Where each entry goes, every one checked before anything is written: a safe path below
     * {@code root}, each entry's parent a directory met earlier in the same tree, no path twice.
     */
    static List<Target> plan(Path root, List<ImportedEntry> entries) throws DiscImageException {
        List<Target> plan = new ArrayList<>(entries.size());
        Set<String> directories = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (ImportedEntry e : entries) {
            String path = e.path();
            Path target = ExtractPaths.resolve(root, path);
            if (!seen.add(path)) {
                throw ExtractPaths.refused(path, "it appears twice in the tree");
            }
            if (path.equals("/")) {
                if (e.type() != ItemType.DIRECTORY) {
                    throw ExtractPaths.refused(path, "a root that is not a directory");
                }
            } else {
                String parent = path.substring(0, Math.max(1, path.lastIndexOf('/')));
                if (!directories.contains(parent)) {
                    throw ExtractPaths.refused(path, "its parent " + ExtractPaths.printable(parent)
                            + " is not a directory met before it in the tree");
                }
            }
            if (e.type() == ItemType.DIRECTORY) {
                directories.add(path);
            }
            plan.add(new Target(e, target));
        }
        return plan;
    }

    private void makeDirectory(Target t) throws IOException {
        BasicFileAttributes existing = attributes(t.path());
        if (existing != null && existing.isDirectory()) {
            return;   // fill an existing directory
        }
        if (existing != null) {
            replace(t, existing);
        }
        Files.createDirectory(t.path());
    }

    private long writeFile(Target t) throws IOException {
        ImportedEntry e = t.entry();
        BasicFileAttributes existing = attributes(t.path());
        if (existing != null) {
            replace(t, existing);
        }
        if (e.flags().contains(ImportedEntry.Flag.ZISOFS)) {
            warnings.accept(ExtractPaths.printable(e.path()) + ": zisofs-compressed, written as recorded");
        }
        long copied = 0;
        // CREATE_NEW (O_EXCL): fails on anything existing, a dangling symbolic link included
        try (FileChannel out = FileChannel.open(t.path(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ReadableByteChannel in = ImportedSource.of(sectors, e).openChannel()) {
            while (true) {
                buffer.clear();
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                copied += n;
            }
        }
        if (copied != e.size()) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, e.path() + ": " + copied
                    + " bytes read, " + e.size() + " recorded");
        }
        setAttributes(t.path(), e);
        return copied;
    }

    private void makeSymlink(Target t) throws IOException {
        ImportedEntry e = t.entry();
        BasicFileAttributes existing = attributes(t.path());
        if (existing != null) {
            replace(t, existing);
        }
        Path target;
        try {
            target = t.path().getFileSystem().getPath(e.symlinkTarget());
        } catch (InvalidPathException ex) {
            throw ExtractPaths.refused(e.path(), "a link target the host cannot hold (" + ex.getReason() + ")");
        }
        if (e.symlinkTarget().isEmpty()) {
            throw ExtractPaths.refused(e.path(), "an empty link target");
        }
        Files.createSymbolicLink(t.path(), target);
        try {
            setTimes(t.path(), e);
        } catch (IOException | UnsupportedOperationException ex) {
            // some hosts cannot time a link itself; the link is what matters
        }
    }

    /** Removes an existing file or link for --overwrite; refuses otherwise. */
    private void replace(Target t, BasicFileAttributes existing) throws IOException {
        String what = existing.isDirectory() ? "a directory" : existing.isSymbolicLink() ? "a symbolic link" : "a file";
        if (!overwrite || existing.isDirectory()) {
            throw new DiscImageException(ErrorCode.DUP_NAME, t.path() + " exists (" + what + ")"
                    + (existing.isDirectory() ? "" : "; --overwrite replaces it"));
        }
        Files.delete(t.path());   // unlinks a symbolic link itself, never its target
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    /** Permission bits (when the tree records a mode) and times, on the entry itself, never through a link. */
    private static void setAttributes(Path p, ImportedEntry e) throws IOException {
        setTimes(p, e);   // first: a mode without read permission would stop the no-follow open for times
        if (e.hasMode()) {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, NOFOLLOW);
            if (view != null) {
                view.setPermissions(permissions(e.mode()));
            }
        }
    }

    private static void setTimes(Path p, ImportedEntry e) throws IOException {
        BasicFileAttributeView view = Files.getFileAttributeView(p, BasicFileAttributeView.class, NOFOLLOW);
        view.setTimes(FileTime.from(e.modified()), e.accessed() == null ? null : FileTime.from(e.accessed()), null);
    }

    /** The nine permission bits of a POSIX mode. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE};
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }
}
