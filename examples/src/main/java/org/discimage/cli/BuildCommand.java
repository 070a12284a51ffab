package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.ProgressListener;
import org.discimage.UdfRevision;
import org.discimage.source.Spool;
import org.discimage.source.WorkingDirectory;
import org.discimage.source.archive.ArchiveSummary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code discimage build}: writes an image of host files and directories. */
@Command(name = "build", sortOptions = false,
        description = {"Builds an ISO 9660 image with Joliet and Rock Ridge from host files.",
                "A SOURCE directory contributes its contents to the image root; IMAGE/PATH=LOCAL/PATH grafts a "
                        + "file or directory at a path in the image (mkisofs -graft-points).",
                "When SOURCE_DATE_EPOCH is set, every time stamp comes from it and the image is reproducible."})
final class BuildCommand implements Callable<Integer> {
    /** The environment variable of reproducible builds (https://reproducible-builds.org/specs/source-date-epoch/). */
    static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    @CommandLine.ParentCommand
    DiscImageCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.iso",
            description = "The image file to write (replaced if it exists; '-' for standard output).")
    String output;

    @Option(names = "--fs", split = ",", paramLabel = "FS", converter = FileSystemConverter.class,
            description = "File systems to create: iso9660, joliet, rockridge, or udf alone "
                    + "(default: iso9660,joliet,rockridge).")
    List<FileSystem> fileSystems = new ArrayList<>(List.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE));

    @Option(names = "--udf-revision", paramLabel = "1.02|1.50|2.01|2.50|2.60", converter = UdfRevisionConverter.class,
            description = "UDF revision of --fs udf (default: 2.01; 2.50 and 2.60 add the metadata partition).")
    UdfRevision udfRevision;

    @Option(names = "--iso-level", paramLabel = "1|2|3", defaultValue = "3", converter = IsoLevelConverter.class,
            description = "ISO 9660 interchange level (default: ${DEFAULT-VALUE}).")
    IsoLevel isoLevel;

    @CommandLine.Mixin
    IdentifierOptions identifiers = new IdentifierOptions();

    @Option(names = "--strict-names",
            description = "Fail on names a file system cannot hold instead of adapting them.")
    boolean strictNames;

    @Parameters(arity = "0..*", paramLabel = "SOURCE",
            description = "LOCAL/PATH or IMAGE/PATH=LOCAL/PATH; IMAGE/PATH=- reads standard input.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--archive", paramLabel = "[IMAGE/PATH=]ARCHIVE",
            description = "Graft the contents of a tar (.gz/.bz2/.xz), zip, cpio or 7z archive (after the SOURCEs).")
    List<String> archives = new ArrayList<>();

    @Option(names = "--working-dir", paramLabel = "DIR",
            description = "Where standard input and compressed archives are spooled (default: the temporary directory).")
    Path workingDir;

    @Option(names = "--boot", paramLabel = "IMAGE[,platform=x86|efi][,emulation=none|floppy|hdd][,load-segment=N][,sectors=N][,info-table][,id=TEXT]",
            description = "Make the image bootable (El Torito): a boot image, repeatable; the first is the default entry.")
    List<String> boot = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (sources.isEmpty() && archives.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one SOURCE or --archive");
        }
        FileSystemImage image = new FileSystemImage(clock());
        configure(image);
        List<org.discimage.BootOptions> entries = new ArrayList<>();
        for (String b : boot) {
            try {
                entries.add(BootSpec.parse(b));
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        image.setBootImageOptions(entries);
        return addAndWrite(image, spec.commandLine().getErr());
    }

    /**
     * Adds the sources and archives to the configured {@code image} and writes it; the part of
     * {@link #call} that {@link QuickBuild} shares (it needs no picocli model).
     */
    int addAndWrite(FileSystemImage image, PrintWriter err) throws IOException {
        if (workingDir != null) {
            image.setWorkingDirectory(WorkingDirectory.of(workingDir));
        }
        for (String s : sources) {
            Graft g = Graft.parse(s);
            g.addTo(image.root(), g.isStdin() ? image.workingDirectory() : null, System.in);
        }
        // spool files have no name; closing them after the write just frees their space early
        List<Spool> spools = new ArrayList<>();
        try {
            for (String a : archives) {
                ArchiveSummary summary = Graft.parse(a).addArchiveTo(image.root(), image.workingDirectory(),
                        line -> err.println("note: " + line));
                if (summary.spool() != null) {
                    spools.add(summary.spool());
                }
            }
            return write(image, err);
        } finally {
            spools.forEach(Spool::close);
        }
    }

    private int write(FileSystemImage image, PrintWriter err) throws IOException {
        long started = System.nanoTime();
        ImageResult result = image.createResultImage();
        ProgressBar bar = System.console() != null ? new ProgressBar(err, System::nanoTime) : null;
        result.setProgressListener(bar != null ? bar : ProgressListener.NONE);
        long bytes;
        try {
            bytes = write(result);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        String target = output.equals("-") ? "(standard output)" : output;
        err.println(ProgressBar.summary(target, bytes, result.totalSectors(), System.nanoTime() - started));
        err.flush();
        return 0;
    }

    private Clock clock() {
        return clock(parent.getenv(SOURCE_DATE_EPOCH));
    }

    /** The clock of a build: fixed at {@code sde} seconds when SOURCE_DATE_EPOCH is set, else the system's. */
    static Clock clock(String sde) {
        if (sde == null || sde.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(sde.trim())), ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(SOURCE_DATE_EPOCH + " is not a number of seconds: " + sde);
        }
    }

    void configure(FileSystemImage image) {
        if (fileSystems.contains(FileSystem.ROCK_RIDGE) && !fileSystems.contains(FileSystem.ISO9660)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fs rockridge extends iso9660: add iso9660 too");
        }
        if (udfRevision != null && !fileSystems.contains(FileSystem.UDF)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--udf-revision needs --fs udf");
        }
        try {
            // the SDK says which combinations it writes (UDF alone, or bridged with ISO 9660)
            image.setFileSystems(EnumSet.copyOf(fileSystems));
            if (udfRevision != null) {
                image.setUdfRevision(udfRevision);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fs/--udf-revision: " + e.getMessage());
        }
        image.setIsoLevel(isoLevel);
        image.setNamePolicy(strictNames ? NamePolicy.STRICT : NamePolicy.MANGLE);
        identifiers.apply(image);
    }

    /**
     * Writes to a temporary file beside the target and moves it into place, so a failed build
     * never leaves a truncated image behind; devices and pipes are written directly.
     */
    private long write(ImageResult result) throws IOException {
        if (output.equals("-")) {
            return result.writeTo(Channels.newChannel(System.out));
        }
        Path target = Path.of(output);
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                return result.writeTo(ch);
            }
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try {
            long n;
            // CREATE_NEW honours the umask, as the final file should
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                n = result.writeTo(ch);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads an interchange level 1, 2 or 3. */
    static final class IsoLevelConverter implements CommandLine.ITypeConverter<IsoLevel> {
        @Override
        public IsoLevel convert(String value) {
            switch (value.trim()) {
                case "1": return IsoLevel.LEVEL_1;
                case "2": return IsoLevel.LEVEL_2;
                case "3": return IsoLevel.LEVEL_3;
                default: throw new CommandLine.TypeConversionException("ISO level must be 1, 2 or 3, not '" + value + "'");
            }
        }
    }
}
