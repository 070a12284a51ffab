package org.discimage.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.IsoLevel;
import org.discimage.error.DiscImageException;

/**
 * Example: an ISO 9660 + Joliet + Rock Ridge image of a folder, the format every operating system
 * reads (Windows through Joliet, Linux and macOS through Rock Ridge, anything through plain ISO 9660).
 * Shows the whole build: settings, the tree, planning (the size is known before a byte is written),
 * progress events while writing, and the error handling a caller needs.
 *
 * <p>Run: {@code java -cp examples/target/discimage.jar org.discimage.examples.BasicImage FOLDER OUT.iso}
 * (set {@code SOURCE_DATE_EPOCH} for a byte-identical image on every run). Prints the size, progress
 * in steps of 10 % and the time taken; exits 1 with the error (and its IMAPI2 code) on failure.
 */
public final class BasicImage {
    private BasicImage() {
    }

    /** Entry point: {@code FOLDER OUT.iso}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the example and returns its exit code: 0 done, 1 failed (message on {@code err}), 2 usage.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: BasicImage FOLDER OUT.iso");
            return 2;
        }
        try {
            build(Path.of(args[0]), Path.of(args[1]), clock(), out);
            return 0;
        } catch (DiscImageException e) {
            // every refusal of the SDK carries an IMAPI2 error code: "... [IMAPI_E_... (0xC0AAB1..)]"
            err.println("BasicImage: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("BasicImage: " + e);
            return 1;
        }
    }

    /** Builds the image of {@code folder}'s contents into {@code output}. */
    public static ImageResult build(Path folder, Path output, Clock clock, PrintStream out) throws IOException {
        // The clock gives every time stamp the image records (volume creation, the root, . and ..):
        // a fixed clock and the same folder give the same bytes.
        FileSystemImage image = new FileSystemImage(clock);
        // ISO 9660 alone keeps only 8.3-ish upper-case names; Joliet (UCS-2 names, up to 64
        // characters) is for Windows, Rock Ridge (POSIX names, modes, owners, links) for Unix.
        image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
        // Level 3 lets a file over 4 GiB be recorded in several extents (ECMA-119 7.5, 9.1.6).
        image.setIsoLevel(IsoLevel.LEVEL_3);
        image.setVolumeName("BACKUP");
        // The folder's contents become the root; symbolic links are recorded as links, never followed.
        // Only the names and sizes are read now; file data is streamed while the image is written.
        image.root().addTree(folder, false);

        // Planning places every extent: from here on the size is known and nothing can run out.
        ImageResult result = image.createResultImage();
        out.printf("%s: %d sectors (%d bytes)%n", output, result.totalSectors(), result.sizeInBytes());

        // Progress arrives at least once per file and every few megabytes, on the writing thread:
        // keep it quick. It names the extent about to be written (a file's path, or metadata such as
        // "Joliet directories"), and "" once all is written. Here one line per 10 % step.
        int[] lastStep = {-1};
        result.setProgressListener((item, written, total) -> {
            int step = (int) (written * 10 / Math.max(1, total));
            if (step != lastStep[0] || item.isEmpty()) { // the last file may already have reached 100 %
                lastStep[0] = step;
                out.printf("progress %3d%% %s%n", step * 10, item.isEmpty() ? "(done)" : item);
            }
        });
        long start = System.nanoTime();
        result.writeTo(output);   // file data moves with FileChannel.transferTo, never through the heap
        out.printf("written in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /** The system clock, or {@code SOURCE_DATE_EPOCH} (seconds) for reproducible images. */
    static Clock clock() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        return epoch == null || epoch.isBlank() ? Clock.systemUTC()
                : Clock.fixed(java.time.Instant.ofEpochSecond(Long.parseLong(epoch.trim())), java.time.ZoneOffset.UTC);
    }
}
