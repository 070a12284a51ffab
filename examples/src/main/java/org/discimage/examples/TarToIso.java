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
import org.discimage.source.Spool;
import org.discimage.source.archive.ArchiveOptions;
import org.discimage.source.archive.ArchiveSource;
import org.discimage.source.archive.ArchiveSummary;

/**
 * Example: a tar.gz (or .tar, .tar.bz2, .tar.xz, zip, cpio, 7z) turned into an ISO 9660 + Joliet +
 * Rock Ridge image without unpacking it to disk. Names, modes, owners, times and symbolic links
 * come from the archive's headers. A plain tar or a zip is read in place (each file a byte range of
 * the archive); a compressed tar can only be read front to back, so it is decompressed once into a
 * nameless spool file in the temporary directory, which is gone when the spool is closed.
 *
 * <p>Run: {@code java -cp examples/target/discimage.jar org.discimage.examples.TarToIso
 * ARCHIVE.tar.gz OUT.iso}. Exits 1 with the error (and its IMAPI2 code) on failure, e.g.
 * {@code IMAPI_E_INVALID_PATH} for an entry named {@code ../x}.
 */
public final class TarToIso {
    private TarToIso() {
    }

    /** Entry point: {@code ARCHIVE OUT.iso}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the example and returns its exit code: 0 done, 1 failed (message on {@code err}), 2 usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: TarToIso ARCHIVE OUT.iso");
            return 2;
        }
        try {
            convert(Path.of(args[0]), Path.of(args[1]), BasicImage.clock(), out, err);
            return 0;
        } catch (DiscImageException e) {
            err.println("TarToIso: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("TarToIso: " + e);
            return 1;
        }
    }

    /** Writes the image of {@code archive}'s entries (at the image's root) to {@code output}. */
    public static ImageResult convert(Path archive, Path output, Clock clock, PrintStream out, PrintStream err)
            throws IOException {
        FileSystemImage image = new FileSystemImage(clock);
        image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
        image.setIsoLevel(IsoLevel.LEVEL_3);   // archives may hold files over 4 GiB (ECMA-119 9.1.6 multi-extent)

        // The format is recognised from the bytes, not the file name. Entries that cannot be put on a
        // disc (fifos, sockets) are left out and reported here; hostile names (absolute, "..") refuse
        // the whole archive, leaving the tree as it was.
        ArchiveOptions options = ArchiveOptions.defaults().withDiagnostics(msg -> err.println("warning: " + msg));
        ArchiveSummary summary = ArchiveSource.graft(image.root(), "", archive, options);
        out.printf("%s (%s): %d files, %d directories, %d symbolic links%n", archive, summary.format(),
                summary.files(), summary.directories(), summary.symlinks());

        // The spool (null when the archive is read in place) holds the decompressed data until the
        // image is written; closing it frees the space.
        try (Spool spool = summary.spool()) {
            ImageResult result = image.createResultImage();
            result.writeTo(output);
            out.printf("%s: %d sectors (%d bytes)%n", output, result.totalSectors(), result.sizeInBytes());
            return result;
        }
    }
}
