package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.media.ImageFileMedium;
import org.discimage.media.SessionInfo;
import org.discimage.recorder.Verification;
import org.discimage.source.Spool;
import org.discimage.source.WorkingDirectory;
import org.discimage.source.archive.ArchiveSummary;
import org.discimage.tree.Directory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code discimage burn}: records a session on the disc in a recorder (IMAPI2 IDiscFormat2Data). On a blank
 * disc the SOURCEs make the first session; on an appendable one the newest session is imported through the
 * drive and the SOURCEs are merged in as {@code append} merges them; {@code --image} records an image file.
 */
@Command(name = "burn", sortOptions = false,
        description = {"Records a session on the disc in DEVICE (" + DeviceNames.FORMS + "). On a blank disc the "
                + "SOURCEs make the first session; on an appendable disc the newest session is imported through the "
                + "drive and the SOURCEs replace what it holds at the same paths (as append does), so unchanged "
                + "files keep their data where it was recorded. --image records an image file as the first session "
                + "of a blank disc instead.",
                "Then lists the disc's sessions: number, start, size, volume. A progress line (phase, percent, host "
                + "ring and drive buffer fill) is drawn on a terminal; Ctrl-C cancels the write before the session "
                + "is closed, leaving the earlier sessions the newest."})
final class BurnCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    DiscImageCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "The recorder.")
    String device;

    @Parameters(index = "1..*", paramLabel = "SOURCE",
            description = "LOCAL/PATH or IMAGE/PATH=LOCAL/PATH, as for build; IMAGE/PATH=- reads standard input.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--image", paramLabel = "FILE", description = "Record this image file (one session laid out "
            + "at LBA 0, as build, mkisofs or xorriso -as mkisofs write it) on a blank disc instead of SOURCEs.")
    Path image;

    @Option(names = "--close", description = "Close the disc after this session: nothing can be added later "
            + "(IMAPI2 ForceMediaToBeClosed).")
    boolean close;

    @Option(names = "--speed", paramLabel = "Nx|KB/S|max", converter = SpeedConverter.class,
            description = "Write speed: a multiple of the medium's 1x (CD 176.4, DVD 1385, BD 4496 kB/s), kB/s, or "
                    + "max (default: the drive's choice). The drive picks the nearest speed it supports.")
    SpeedConverter.Speed speed;

    @Option(names = "--verify", arity = "0..1", paramLabel = "full|quick", fallbackValue = "full",
            converter = VerificationConverter.class, preprocessor = AttachedLevelOnly.class,
            description = "Read the session back and compare it: full (every block, the default of --verify) or "
                    + "quick (the first, the last and every 64th buffer of 64 KiB). Give a level as --verify=quick.")
    Verification verify = Verification.NONE;

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary on standard error.")
    boolean quiet;

    @Mixin
    ImageOptionsMixin imageOptions;

    @Option(names = "--archive", paramLabel = "[IMAGE/PATH=]ARCHIVE", description = "Graft the contents of a tar"
            + " (.gz/.bz2/.xz), zip, cpio or 7z archive (after the SOURCEs); it replaces what IMAGE/PATH held.")
    List<String> archives = new ArrayList<>();

    @Option(names = "--working-dir", paramLabel = "DIR",
            description = "Where standard input and compressed archives are spooled (default: the temporary directory).")
    Path workingDir;

    @Override
    public Integer call() throws IOException {
        if (image != null && (!sources.isEmpty() || !archives.isEmpty() || imageOptions.anyGiven())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--image records the file as it is: give no SOURCE, --archive nor file-system options with it");
        }
        if (image == null && sources.isEmpty() && archives.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one SOURCE, --archive or --image");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RecorderTarget disc = RecorderTarget.open(device, spec, err)) {
            disc.closeDisc(close).verification(verify).speed(speed).quiet(quiet);
            if (image != null) {
                burnImageFile(disc);
            } else {
                burnSources(disc, err);
            }
            for (SessionInfo s : disc.sessions()) {
                out.println("session " + s.number() + ": " + ImportOptionsMixin.describe(s));
            }
        }
        out.flush();
        return 0;
    }

    /** The SOURCEs (and archives) merged into the imported tree, as {@code append} merges them. */
    private void burnSources(RecorderTarget disc, PrintWriter err) throws IOException {
        FileSystemImage fsi = new FileSystemImage(clock());
        disc.prepare(fsi);
        imageOptions.apply(fsi, disc);
        if (workingDir != null) {
            fsi.setWorkingDirectory(WorkingDirectory.of(workingDir));
        }
        Directory root = fsi.root();
        for (String s : sources) {
            Graft g = Graft.parse(s);
            AppendCommand.replaceTargets(root, g);
            g.addTo(root, g.isStdin() ? fsi.workingDirectory() : null, System.in);
        }
        List<Spool> spools = new ArrayList<>();
        try {
            for (String a : archives) {
                Graft g = Graft.parse(a);
                String base = AppendCommand.strip(g.imagePath());
                if (!base.isEmpty() && root.item(base).isPresent()) {
                    root.removeTree(base);
                }
                ArchiveSummary summary = g.addArchiveTo(root, fsi.workingDirectory(), line -> err.println("note: " + line));
                if (summary.spool() != null) {
                    spools.add(summary.spool());
                }
            }
            disc.append(fsi.createResultImage());
        } finally {
            spools.forEach(Spool::close);
        }
    }

    /**
     * {@code --image}: only a one-session image laid out at LBA 0 on a blank disc. Its descriptors hold
     * absolute LBAs (ECMA-119 9.1.3 extent locations, ECMA-167 3/10.5 partition start), so an image made for
     * LBA 0 read at another NWA would point at the wrong blocks; a grown image (first session at 32, a copy of
     * the newest descriptors at 16, formats.md §4) has more than one session to burn.
     */
    private void burnImageFile(RecorderTarget disc) throws IOException {
        disc.checkWritable();
        if (!disc.isBlank()) {
            throw new DiscImageException(ErrorCode.DF2DATA_STREAM_NOT_SUPPORTED, device + ": the disc already holds "
                    + disc.media().sessions().size() + " session(s) and continues at LBA "
                    + disc.media().nextWritableAddress() + "; the image file " + image + " is laid out at LBA 0 and "
                    + "can be recorded on a blank disc only (give SOURCEs to add a session)");
        }
        List<SessionInfo> sessions;
        try {
            sessions = ImageFileMedium.readSessions(image);
        } catch (DiscImageException e) {
            sessions = null; // no ISO 9660 chain: UDF alone (mkudffs, build --fs udf) is checked below
        }
        if (sessions != null && (sessions.size() != 1 || sessions.get(0).startLba() != 0)) {
            throw new DiscImageException(ErrorCode.DF2DATA_STREAM_NOT_SUPPORTED, image + " holds " + sessions.size()
                    + " session(s), the first at LBA " + (sessions.isEmpty() ? -1 : sessions.get(0).startLba())
                    + ": only a single-session image laid out at LBA 0 can be recorded (add its tree as SOURCEs "
                    + "instead, or extract and burn a session)");
        }
        try (ImageFileSectorReader sectors = ImageFileSectorReader.open(image)) {
            SessionReader.open(sectors, 0); // a volume at LBA 0 (ISO 9660 or UDF), else its reason
            long blocks = Files.size(image) / 2048;
            disc.appendFile(image, 0, blocks);
        }
    }

    /** SOURCE_DATE_EPOCH's clock, as {@code build} reads it, else the system clock. */
    private Clock clock() {
        String sde = parent == null ? null : parent.getenv(BuildCommand.SOURCE_DATE_EPOCH);
        if (sde == null || sde.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(sde.trim())), ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(BuildCommand.SOURCE_DATE_EPOCH + " is not a number of seconds: " + sde);
        }
    }

    /**
     * Takes a {@code --verify} level only when attached ({@code --verify=quick}), so that {@code burn --verify
     * DEVICE SOURCE} reads DEVICE as the device and not as a level.
     */
    static final class AttachedLevelOnly implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> args, CommandLine.Model.CommandSpec commandSpec,
                CommandLine.Model.ArgSpec argSpec, java.util.Map<String, Object> info) {
            if (" ".equals(info.get("separator"))) {
                args.push("full"); // nothing attached: as if --verify=full was given
            }
            return false; // picocli goes on and converts the level
        }
    }

    /** Reads {@code full} or {@code quick} (and {@code none}). */
    static final class VerificationConverter implements CommandLine.ITypeConverter<Verification> {
        @Override
        public Verification convert(String value) {
            try {
                return Verification.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("--verify is full or quick, not '" + value + "'");
            }
        }
    }
}
