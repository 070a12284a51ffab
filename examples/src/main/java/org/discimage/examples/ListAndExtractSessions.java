package org.discimage.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.ImportedSource;
import org.discimage.importer.SessionReader;
import org.discimage.media.ImageFileMedium;
import org.discimage.media.SessionInfo;

/**
 * Example: lists every session of an image file (grown by xorriso, discimage's
 * {@code ImageFileMedium}, or a single-session image) and extracts one session's tree to a folder.
 * Older sessions stay readable because each keeps its own volume descriptors at its start + 16.
 *
 * <p>Run: {@code java -cp examples/target/discimage.jar org.discimage.examples.ListAndExtractSessions
 * IMAGE [SESSION DIR]}: without SESSION and DIR it only lists. Exits 1 with the error (and its
 * IMAPI2 code) on failure. This is the short version: {@code discimage extract} also restores
 * modes and directory times and checks every name before writing anything.
 */
public final class ListAndExtractSessions {
    private ListAndExtractSessions() {
    }

    /** Entry point: {@code IMAGE [SESSION DIR]}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the example and returns its exit code: 0 done, 1 failed (message on {@code err}), 2 usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 && args.length != 3) {
            err.println("usage: ListAndExtractSessions IMAGE [SESSION DIR]");
            return 2;
        }
        try (ImageFileSectorReader sectors = ImageFileSectorReader.open(Path.of(args[0]))) {
            // The session chain, numbered from 1 as xorriso -toc numbers it.
            List<SessionInfo> sessions;
            try {
                sessions = ImageFileMedium.readSessions(Path.of(args[0]));
            } catch (DiscImageException noChain) {
                // UDF alone (a BD image, mkudffs) has no ISO 9660 descriptors to chain sessions with:
                // it is one volume at LBA 0.
                sessions = List.of(new SessionInfo(1, 0, sectors.sectorCount(), "(no ISO 9660 session chain)"));
            }
            for (SessionInfo s : sessions) {
                // A SessionReader reads one session's volume descriptors: which trees it holds.
                SessionReader reader = SessionReader.open(sectors, s.startLba());
                out.printf("session %d: start %d, %d sectors, volume %s, file systems %s%n", s.number(),
                        s.startLba(), s.sectors(), s.volumeId(), reader.fileSystems());
            }
            if (args.length == 3) {
                int n = Integer.parseInt(args[1]);
                if (n < 1 || n > sessions.size()) {
                    throw new DiscImageException(ErrorCode.INVALID_PARAM, args[0] + " has " + sessions.size()
                            + " sessions: no session " + n);
                }
                extract(sectors, sessions.get(n - 1).startLba(), Path.of(args[2]), out);
            }
            return 0;
        } catch (DiscImageException e) {
            err.println("ListAndExtractSessions: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("ListAndExtractSessions: " + e);
            return 1;
        }
    }

    /** Writes the default tree of the session at {@code sessionStart} into {@code dir}. */
    public static void extract(ImageFileSectorReader sectors, long sessionStart, Path dir, PrintStream out)
            throws IOException {
        SessionReader reader = SessionReader.open(sectors, sessionStart);
        // Rock Ridge, else UDF, else Joliet, else ISO 9660: the tree with the most faithful names.
        List<ImportedEntry> tree = reader.readTree(reader.defaultFileSystem());
        Path root = Files.createDirectories(dir).toRealPath();
        long files = 0;
        for (ImportedEntry e : tree) {   // pre-order: a directory comes before what it holds
            Path target = root.resolve(e.path().substring(1)).normalize();
            // An image is untrusted input: a name like ".." must not escape DIR, and nothing may be
            // written below a symbolic link the image itself created (its parent must be a real
            // directory, and this loop made every directory below DIR that it writes into).
            if (!target.startsWith(root) || !Files.isDirectory(target.getParent() == null ? root
                    : target.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                throw new DiscImageException(ErrorCode.INVALID_PATH, "refusing to extract " + e.path());
            }
            switch (e.type()) {
                case DIRECTORY -> Files.createDirectories(target);
                case FILE -> {
                    // Streamed from the image's sectors, never held whole; Files.copy creates the file
                    // new (an existing file or link fails with FileAlreadyExistsException).
                    try (InputStream in = Channels.newInputStream(ImportedSource.of(sectors, e).openChannel())) {
                        Files.copy(in, target);
                    }
                    Files.setLastModifiedTime(target, FileTime.from(e.modified()));
                    files++;
                }
                case SYMLINK -> Files.createSymbolicLink(target, target.getFileSystem().getPath(e.symlinkTarget()));
                default -> out.println("skipped " + e.type() + " " + e.path());   // devices need root
            }
        }
        out.printf("session at %d (%s) extracted to %s: %d entries, %d files%n", sessionStart,
                reader.defaultFileSystem(), dir, tree.size(), files);
    }
}
