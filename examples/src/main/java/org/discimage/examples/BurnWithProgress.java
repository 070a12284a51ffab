package org.discimage.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Stream;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.error.DiscImageException;
import org.discimage.recorder.DataWriter;
import org.discimage.recorder.DiscMaster;
import org.discimage.recorder.DiscRecorder;
import org.discimage.recorder.MediaInfo;
import org.discimage.recorder.MediaState;
import org.discimage.recorder.RecordedSession;
import org.discimage.recorder.Verification;
import org.discimage.recorder.WriteAction;
import org.discimage.recorder.WriteProgress;
import org.discimage.tree.Directory;

/**
 * Example: burning a folder to a recorder as the next session of the disc, with progress events. Opens the
 * recorder, shows it and the disc, imports the newest session when the disc already has one (so the new
 * session shows the old files too, without writing them again), records the session, reads it back, and
 * lists the disc's sessions. Run it again on the same disc and a second session is added.
 *
 * <p>Run: {@code java -cp examples/target/discimage.jar org.discimage.examples.BurnWithProgress DEVICE FOLDER}.
 * DEVICE is {@code /dev/sr0}, a drive letter such as {@code E:}, or {@code emulated:PROFILE:FILE}; a plain file
 * name stands for {@code emulated:bdr:FILE}, an emulated BD-R drive whose disc is that file (created blank; the
 * file is the disc's flat image, so {@code xorriso -indev FILE -toc} and {@code isoinfo -T LBA} read it). Exits 1
 * with the error and its IMAPI2 code on failure, 2 on wrong arguments.
 */
public final class BurnWithProgress {
    private BurnWithProgress() {
    }

    /** Entry point: {@code DEVICE FOLDER}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the example and returns its exit code: 0 done, 1 failed (message on {@code err}), 2 usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: BurnWithProgress DEVICE|DISC.img FOLDER");
            return 2;
        }
        String device = args[0];
        if (!device.startsWith(DiscMaster.EMULATED_PREFIX) && !device.startsWith("/dev/")
                && !device.matches("[A-Za-z]:\\\\?")) {
            device = DiscMaster.EMULATED_PREFIX + "bdr:" + device;
        }
        try {
            burn(device, Path.of(args[1]), BasicImage.clock(), out);
            return 0;
        } catch (DiscImageException e) {
            // "... [E_IMAPI_DF2DATA_INVALID_MEDIA_STATE (0xC0AA0402)]" for a closed disc, for example
            err.println("BurnWithProgress: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("BurnWithProgress: " + e);
            return 1;
        }
    }

    /** Records {@code folder}'s contents as the next session of the disc in {@code device}; the disc after. */
    public static MediaInfo burn(String device, Path folder, Clock clock, PrintStream out) throws IOException {
        try (DiscRecorder recorder = DiscMaster.open(device)) {
            out.printf("recorder: %s %s %s (%s)%n", recorder.vendor(), recorder.product(), recorder.revision(),
                    recorder.device());
            // The disc as the drive reports it now (READ DISC INFORMATION, READ TRACK INFORMATION).
            MediaInfo before = recorder.media();
            out.printf("disc: %s %s, %d sessions, next writable address %d, %d sectors free%n", before.type(),
                    before.states(), before.sessions().size(), before.nextWritableAddress(), before.freeSectors());

            FileSystemImage image = new FileSystemImage(clock);
            image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
            if (!before.sessions().isEmpty() || before.is(MediaState.OVERWRITE_ONLY)) {
                // The disc's multisession interface puts the session start at the NWA and makes the drive the
                // import medium: the newest session's tree is read through READ(10), and its files keep
                // pointing at the blocks already recorded. A blank DVD+RW or BD-RE needs it too: sessions there
                // start at 32, below them the copy of the newest descriptors. (On a blank write-once disc the
                // session starts at LBA 0; IMAPI2 refuses the interface there, and so does the SDK.)
                image.setMultisessionInterfaces(recorder.multisessionInterfaces());
            }
            if (!before.sessions().isEmpty()) {
                image.importFileSystem();
                out.printf("imported session %d (volume %s)%n", before.sessions().size(), image.importedVolumeName());
            }
            int number = before.sessions().size() + 1;
            image.setVolumeName("SESSION_" + number);
            // The folder's entries replace what the imported tree holds under the same names.
            Directory root = image.root();
            try (Stream<Path> children = Files.list(folder)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    String name = child.getFileName().toString();
                    if (root.item(name).isPresent()) {
                        root.removeTree(name);
                    }
                }
            }
            root.addTree(folder, false);
            // Planned at the NWA: the size is known before the drive is touched.
            ImageResult session = image.createResultImage();
            out.printf("session %d: %d sectors at LBA %d%n", number, session.totalSectors(), session.startBlock());

            DataWriter writer = new DataWriter(recorder);
            // Read every block back and compare it with what was sent (IMAPI2 BurnVerificationLevel FULL).
            writer.setVerification(Verification.FULL);
            // Events arrive on each phase change and about every 0.5 s while writing or verifying, on the
            // writing thread: keep them quick (the drive's buffer drains meanwhile). Here: a line per phase
            // and per 25 % step, with the fill of the host ring and of the drive's buffer.
            int[] last = {-1, -1};
            writer.setProgressListener(p -> {
                int step = (int) (25 * (p.sectorsWritten() * 4 / Math.max(1, p.sectorCount())));
                if (p.action().ordinal() != last[0] || step != last[1]) {
                    last[0] = p.action().ordinal();
                    last[1] = step;
                    out.println(progressLine(p));
                }
            });
            writer.write(session);

            MediaInfo after = recorder.media();
            out.printf("disc: %s %s%n", after.type(), after.states());
            for (RecordedSession s : after.sessions()) {
                out.printf("session %d: start %d, %d sectors%n", s.number(), s.startLba(), s.blocks());
            }
            if (after.is(MediaState.FINALIZED)) {
                out.println("the disc is closed");
            }
            return after;
        }
    }

    /** {@code writing data  50%  ring  75%  drive  50%} ({@code --} where a size is not known). */
    static String progressLine(WriteProgress p) {
        long percent = p.action() == WriteAction.COMPLETED ? 100
                : Math.max(0, Math.min(100, p.sectorsWritten() * 100 / Math.max(1, p.sectorCount())));
        return String.format(Locale.ROOT, "progress %-21s %3d%%  ring %s  drive %s",
                p.action().name().toLowerCase(Locale.ROOT).replace('_', ' '), percent,
                fill(p.bufferUsed(), p.bufferBytes()), fill(p.driveBufferUsed(), p.driveBufferBytes()));
    }

    private static String fill(long used, long size) {
        return size <= 0 || used < 0 ? "  --" : String.format(Locale.ROOT, "%3d%%", used * 100 / size);
    }
}
