package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.IsoLevel;
import org.discimage.PhysicalMediaType;
import org.discimage.UdfRevision;
import org.discimage.error.DiscImageException;
import org.discimage.span.DiscPlan;
import org.discimage.span.DiscSet;
import org.discimage.span.MediaCapacity;
import org.discimage.span.SpanOptions;
import org.discimage.span.SpanPlanner;
import org.discimage.tree.Directory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code discimage span}: spreads host files over a set of disc images of one capacity. */
@Command(name = "span", sortOptions = false,
        description = {"Spreads host files over as many disc images as they need (a backup larger than one disc).",
                "A directory's files stay on one disc where they fit; every disc carries /CATALOG.TSV, the list of "
                        + "every file of the set and the disc holding it.",
                "When SOURCE_DATE_EPOCH is set the set of images is reproducible."})
final class SpanCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    DiscImageCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PATTERN",
            description = "The image files, a format with the disc number, e.g. out/disc-%%02d.iso.")
    String output;

    @Option(names = "--media", paramLabel = "CD|DVD|DVD_DL|BD25|BD50|BD100",
            description = "The medium: its capacity, and its file systems unless --fs is given "
                    + "(CD: iso9660,joliet,rockridge; DVD: the ISO/UDF 1.02 bridge; BD: UDF 2.50).")
    String media;

    @Option(names = "--capacity", paramLabel = "SIZE",
            description = "The capacity of one disc instead of --media's: bytes, or with a suffix k/m/g (10^3), "
                    + "KiB/MiB/GiB, s (2048-byte blocks).")
    String capacity;

    @Option(names = "--split", description = "Cut files larger than a disc into NAME.part001, NAME.part002, ... "
            + "(join them with cat); without it such a file fails the command.")
    boolean split;

    @Option(names = "--sha256", description = "Put every file's SHA-256 into the catalog (reads all data once more).")
    boolean sha256;

    @Option(names = "--fs", split = ",", paramLabel = "FS", converter = FileSystemConverter.class,
            description = "File systems of every disc (default: the medium's, else iso9660,joliet,rockridge).")
    List<FileSystem> fileSystems;

    @Option(names = "--udf-revision", paramLabel = "1.02|1.50|2.01|2.50|2.60", converter = UdfRevisionConverter.class,
            description = "UDF revision of --fs udf.")
    UdfRevision udfRevision;

    @Option(names = "--iso-level", paramLabel = "1|2|3", defaultValue = "3",
            converter = BuildCommand.IsoLevelConverter.class, description = "ISO 9660 interchange level (default: 3).")
    IsoLevel isoLevel;

    @Option(names = {"-V", "--volume-id"}, paramLabel = "ID", description = "The volume label of every disc.")
    String volumeId;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "LOCAL/PATH or IMAGE/PATH=LOCAL/PATH.")
    List<String> sources;

    @Override
    public Integer call() throws IOException {
        MediaCapacity cap = capacity();
        PhysicalMediaType type = mediaType();
        checkPattern();
        Clock clock = clock();
        Directory root = Directory.newRoot(clock);
        for (String s : sources) {
            Graft.parse(s).addTo(root);
        }
        SpanOptions options = SpanOptions.of(cap, () -> image(clock, type)).withSplit(split).withHash(sha256);
        image(clock, type); // bad --fs combinations are usage errors, before any planning
        DiscSet set = SpanPlanner.plan(root, options);
        PrintWriter err = spec.commandLine().getErr();
        for (DiscPlan d : set.discs()) {
            Path target = Path.of(String.format(Locale.ROOT, output, d.number()));
            ImageResult result = d.createResultImage();
            write(result, target);
            err.println("disc " + d.number() + ": " + target + ", " + d.entries().size() + " files, "
                    + result.totalSectors() + " of " + cap.blocks() + " blocks");
        }
        err.println(set.discs().size() + " discs of " + cap.label() + ", " + set.catalog().size() + " files");
        err.flush();
        return 0;
    }

    private MediaCapacity capacity() {
        if (media == null && capacity == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --media or --capacity");
        }
        try {
            return MediaCapacity.parse(capacity != null ? capacity : media);
        } catch (DiscImageException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The IMAPI2 media type whose defaults --media stands for, or null. */
    private PhysicalMediaType mediaType() {
        if (media == null || fileSystems != null) {
            return null;
        }
        String m = media.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (m.equals("CD")) {
            return PhysicalMediaType.CDR;
        } else if (m.startsWith("DVD")) {
            return m.contains("DL") ? PhysicalMediaType.DVDPLUSR_DUALLAYER : PhysicalMediaType.DVDPLUSR;
        } else if (m.startsWith("BD")) {
            return PhysicalMediaType.BDR;
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "unknown --media " + media
                + " (CD, DVD, DVD_DL, BD25, BD50, BD100)");
    }

    private void checkPattern() {
        String one;
        String two;
        try {
            one = String.format(Locale.ROOT, output, 1);
            two = String.format(Locale.ROOT, output, 2);
        } catch (IllegalFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o " + output + ": " + e.getMessage());
        }
        if (one.equals(two)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o " + output
                    + " gives every disc the same name: put the disc number in it, as in disc-%02d.iso");
        }
    }

    private FileSystemImage image(Clock clock, PhysicalMediaType type) throws DiscImageException {
        FileSystemImage image = new FileSystemImage(clock);
        if (type != null) {
            image.chooseImageDefaultsForMediaType(type);
        } else {
            List<FileSystem> fs = fileSystems != null ? fileSystems
                    : List.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
            try {
                image.setFileSystems(EnumSet.copyOf(fs));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fs: " + e.getMessage());
            }
        }
        if (udfRevision != null) {
            image.setUdfRevision(udfRevision);
        }
        image.setIsoLevel(isoLevel);
        if (volumeId != null) {
            image.setVolumeName(volumeId);
        }
        return image;
    }

    private Clock clock() {
        String sde = parent.getenv(BuildCommand.SOURCE_DATE_EPOCH);
        if (sde == null || sde.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(sde.trim())), ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(BuildCommand.SOURCE_DATE_EPOCH + " is not a number of seconds: " + sde);
        }
    }

    /** Writes beside the target and moves it into place, so a failure leaves no truncated image. */
    private static void write(ImageResult result, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                result.writeTo(ch);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
