package org.discimage.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.PhysicalMediaType;
import org.discimage.UdfRevision;
import org.discimage.error.DiscImageException;

/**
 * Example: a UDF 2.60 image of a folder for a BD-R, UDF alone or as an ISO 9660/UDF bridge.
 *
 * <p>Why UDF alone is the default: Blu-ray players, the BD formats and every current OS read a
 * BD through UDF (2.50 and later, with the metadata partition, UDF 2.60 2.2.10), so ISO 9660
 * descriptors add nothing they use. {@code --bridge} adds ISO 9660 + Joliet + Rock Ridge for
 * readers that know no UDF at all (old systems, isoinfo, embedded loaders); both namespaces share
 * one copy of the file data, so the cost is only the extra directory records.
 *
 * <p>Run: {@code java -cp examples/target/discimage.jar org.discimage.examples.BluRayUdfImage
 * FOLDER OUT.iso [--bridge]}. Exits 1 with the error (and its IMAPI2 code) on failure, e.g.
 * {@code IMAPI_E_IMAGE_TOO_BIG} when the folder does not fit a single-layer BD-R.
 */
public final class BluRayUdfImage {
    private BluRayUdfImage() {
    }

    /** Entry point: {@code FOLDER OUT.iso [--bridge]}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the example and returns its exit code: 0 done, 1 failed (message on {@code err}), 2 usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean bridge = args.length == 3 && args[2].equals("--bridge");
        if (args.length != 2 && !bridge) {
            err.println("usage: BluRayUdfImage FOLDER OUT.iso [--bridge]");
            return 2;
        }
        try {
            build(Path.of(args[0]), Path.of(args[1]), bridge, BasicImage.clock(), out);
            return 0;
        } catch (DiscImageException e) {
            err.println("BluRayUdfImage: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("BluRayUdfImage: " + e);
            return 1;
        }
    }

    /** Builds the BD image of {@code folder}'s contents into {@code output}. */
    public static ImageResult build(Path folder, Path output, boolean bridge, Clock clock, PrintStream out)
            throws IOException {
        FileSystemImage image = new FileSystemImage(clock);
        // IMAPI2's ChooseImageDefaultsForMediaType: for BD, UDF 2.50 alone and the capacity budget of a
        // single-layer BD-R (12,219,392 blocks of 2048 bytes); createResultImage() refuses more.
        image.chooseImageDefaultsForMediaType(PhysicalMediaType.BDR);
        // UDF 2.60 adds the Pseudo-OverWrite method of sequential drives (BD-R); written as an image its
        // structures are those of 2.50 (metadata partition, Extended File Entries) with 2.60 recorded.
        image.setUdfRevision(UdfRevision.R2_60);
        if (bridge) {
            Set<FileSystem> fs = EnumSet.copyOf(image.fileSystems());   // keep UDF, add the ISO side
            fs.addAll(EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE));
            image.setFileSystems(fs);
        }
        image.setVolumeName("BD_BACKUP");
        image.root().addTree(folder, false);

        ImageResult result = image.createResultImage();
        out.printf("%s: UDF %s%s, %d sectors (%d bytes), %.2f %% of a BD-R%n", output, image.udfRevision(),
                bridge ? " + ISO 9660/Joliet/Rock Ridge" : " alone", result.totalSectors(), result.sizeInBytes(),
                100.0 * result.totalSectors() / PhysicalMediaType.BDR.nominalBlocks());
        result.writeTo(output);
        return result;
    }
}
