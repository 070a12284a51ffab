package org.discimage.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.media.ImageFileMedium;
import org.discimage.media.SessionInfo;
import org.discimage.tree.UpdateOptions;
import org.discimage.tree.UpdateSummary;

/**
 * Example: a nightly incremental backup. Each run appends one session to an image file (created on
 * the first run) holding the folder as it is now, the way {@code xorriso -update_r} does: only new
 * and changed files are written; unchanged ones keep pointing at the data an older session wrote,
 * and every older session stays readable ({@code xorriso -indev IMG -toc} lists them).
 *
 * <p>Run nightly: {@code java -cp examples/target/discimage.jar org.discimage.examples.NightlyBackup
 * BACKUP.iso FOLDER}. Prints each change ({@code +} added, {@code ~} replaced, {@code -} removed),
 * the counts and the sessions; a night without changes writes nothing. Exits 1 with the error (and
 * its IMAPI2 code) on failure.
 */
public final class NightlyBackup {
    private NightlyBackup() {
    }

    /** Entry point: {@code BACKUP.iso FOLDER}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the example and returns its exit code: 0 done, 1 failed (message on {@code err}), 2 usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: NightlyBackup BACKUP.iso FOLDER");
            return 2;
        }
        try {
            backup(Path.of(args[0]), Path.of(args[1]), BasicImage.clock(), out);
            return 0;
        } catch (DiscImageException e) {
            err.println("NightlyBackup: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("NightlyBackup: " + e);
            return 1;
        }
    }

    /**
     * Brings the newest session of {@code backupImage} in line with {@code folder} and appends the
     * result as a new session.
     *
     * @return what changed (all zero when nothing did and no session was written)
     */
    public static UpdateSummary backup(Path backupImage, Path folder, Clock clock, PrintStream out)
            throws IOException {
        // The image file plays the part of a multisession disc: its sessions are found the way
        // xorriso finds them (the copy of the newest volume descriptors at LBA 16, formats.md 4.2).
        try (ImageFileMedium medium = ImageFileMedium.open(backupImage)) {
            FileSystemImage image = new FileSystemImage(clock);
            // Joliet is left out on purpose: Linux mounts an older session (mount -o sbsector=N) with
            // Rock Ridge only when the session has no Joliet (see README, "Appending sessions").
            // A file that already holds UDF must keep it in every session (the append is refused with
            // IMAPI_E_FILE_SYSTEM_CHANGE_NOT_ALLOWED): add FileSystem.UDF here for such a file.
            image.setFileSystems(FileSystem.ISO9660, FileSystem.ROCK_RIDGE);
            // Imports the newest session's tree (nothing is copied: imported files point at their
            // extents on the medium) and sets the session start to the next writable block.
            medium.prepare(image);
            int session = medium.sessions().size() + 1;
            image.setVolumeName("BACKUP_" + session);

            // Compare by size and modification time, as rsync and xorriso -update_r without
            // checksums do; UpdateOptions.withContentComparison() compares SHA-256 instead (slower:
            // every file is read, the imported ones from the medium).
            UpdateOptions options = UpdateOptions.defaults().withListener((path, decision) -> {
                switch (decision) {
                    case ADDED -> out.println("+ " + path);
                    case REPLACED -> out.println("~ " + path);
                    case REMOVED -> out.println("- " + path);
                    default -> { }   // ATTRIBUTES_UPDATED, UNCHANGED: not worth a line each
                }
            });
            UpdateSummary summary = image.root().updateTree("", folder, options);
            out.println(folder + ": " + summary);

            if (summary.isEmpty() && !medium.isBlank()) {
                out.println("nothing changed: no session written");
            } else {
                // Written at the next writable address, forced to disk, and only then is the header
                // rewritten to point at it: a crash part way leaves the previous sessions intact.
                SessionInfo written = medium.append(image.createResultImage());
                out.printf("session %d written: %d sectors%n", written.number(), written.sectors());
            }
            for (SessionInfo s : medium.sessions()) {
                out.printf("session %d: start %d, %d sectors, volume %s%n", s.number(), s.startLba(), s.sectors(),
                        s.volumeId());
            }
            return summary;
        }
    }
}
