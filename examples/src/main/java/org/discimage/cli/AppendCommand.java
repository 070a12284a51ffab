package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.UdfRevision;
import org.discimage.importer.SessionReader;
import org.discimage.media.SessionInfo;
import org.discimage.source.Spool;
import org.discimage.source.WorkingDirectory;
import org.discimage.source.archive.ArchiveSummary;
import org.discimage.tree.Directory;
import org.discimage.tree.UpdateOptions;
import org.discimage.tree.UpdateSummary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code discimage append}: adds a session to an image file the way xorriso grows one; unchanged
 * files keep the data of the session that wrote them.
 */
@Command(name = "append", sortOptions = false,
        description = {"Adds a session to MEDIA (created when absent), grown the way xorriso grows image files: "
                + "the newest tree is imported, --remove takes paths out, --update brings a subtree in line with "
                + "a local directory, SOURCEs replace what the tree holds at the same paths (in that order), and "
                + "only new data is written. Then lists the sessions: number, start, size, volume.",
                "SOURCE is LOCAL or IMAGE/PATH=LOCAL, as for build."})
final class AppendCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--remove", paramLabel = "IMAGE/PATH", description = "A file or directory tree to leave out of "
            + "the new session (its data stays on the medium, for the earlier sessions).")
    List<String> remove = new ArrayList<>();

    @Option(names = "--update", paramLabel = "LOCAL_DIR=IMAGE/PATH",
            description = "Make IMAGE/PATH a copy of LOCAL_DIR, like xorriso -update_r: what is new locally is "
                    + "added, files whose size or modification time differ are written anew, what is gone locally "
                    + "is removed, and the rest keeps its data on the medium and takes the local mode, owner and "
                    + "times. IMAGE/PATH is created when missing and removed when LOCAL_DIR is. Prints what it did. "
                    + "Repeatable. \\= stands for a literal '=' in LOCAL_DIR.")
    List<String> updates = new ArrayList<>();

    @Option(names = "--checksum", description = "With --update: a file of the same size is written anew only when "
            + "its SHA-256 differs from the recorded content (read from the medium), whatever its time says.")
    boolean checksum;

    @Option(names = "--fs", split = ",", paramLabel = "FS", converter = FileSystemConverter.class,
            description = "The file systems of the new session: iso9660, joliet, rockridge, udf (default: those of "
                    + "the newest session; all but udf on a blank MEDIA). udf with iso9660 writes the ISO/UDF bridge, "
                    + "whose UDF volume in every later session reaches back over the earlier ones; UDF cannot be "
                    + "added to or dropped from a grown MEDIA, nor written alone into one.")
    List<FileSystem> fileSystems;

    @Option(names = "--udf-revision", paramLabel = "1.02|1.50|2.01|2.50|2.60", converter = UdfRevisionConverter.class,
            description = "UDF revision of a new bridge (default: 2.01); a grown MEDIA keeps the revision of its "
                    + "newest session.")
    UdfRevision udfRevision;

    @Option(names = {"-V", "--volume-id"}, paramLabel = "ID", description = "The volume label of the new session.")
    String volumeId;

    @Parameters(index = "0", paramLabel = "MEDIA", description = "The image file to grow, or a DEVICE ("
            + DeviceNames.FORMS + ") whose disc gets the session, recorded at its next writable address.")
    String media;

    @Parameters(index = "1..*", paramLabel = "SOURCE",
            description = "Files and directories to add; IMAGE/PATH=- reads standard input.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--archive", paramLabel = "[IMAGE/PATH=]ARCHIVE", description = "Graft the contents of a tar"
            + " (.gz/.bz2/.xz), zip, cpio or 7z archive (after the SOURCEs); it replaces what IMAGE/PATH held.")
    List<String> archives = new ArrayList<>();

    @Option(names = "--working-dir", paramLabel = "DIR",
            description = "Where standard input and compressed archives are spooled (default: the temporary directory).")
    Path workingDir;

    @Override
    public Integer call() throws IOException {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Appends the session, printing to {@code out} and {@code err}; the part of {@link #call} {@link QuickAppend} shares. */
    int run(PrintWriter out, PrintWriter err) throws IOException {
        try (AppendTarget medium = AppendTarget.open(media, spec, err)) {
            if (medium.chainLost()) {
                out.println("note: the first session of " + media + " starts at LBA 0; appending overwrites its "
                        + "volume descriptors, so its own tree will no longer be listed as a session");
            }
            FileSystemImage image = new FileSystemImage();
            medium.prepare(image);
            chooseFileSystems(image, medium);
            if (volumeId != null) {
                image.setVolumeName(volumeId);
            }
            Directory root = image.root();
            for (String path : remove) {
                root.removeTree(strip(path));
            }
            UpdateOptions options = checksum ? UpdateOptions.defaults().withContentComparison() : UpdateOptions.defaults();
            for (String u : updates) {
                Update update = Update.parse(u, spec);
                UpdateSummary summary = root.updateTree(strip(update.imagePath), update.local, options);
                out.println("update /" + strip(update.imagePath) + " from " + update.local + ": " + summary);
            }
            if (workingDir != null) {
                image.setWorkingDirectory(WorkingDirectory.of(workingDir));
            }
            for (String s : sources) {
                Graft g = Graft.parse(s);
                replaceTargets(root, g);
                g.addTo(root, g.isStdin() ? image.workingDirectory() : null, System.in);
            }
            List<Spool> spools = new ArrayList<>();
            try {
                for (String a : archives) {
                    Graft g = Graft.parse(a);
                    String base = strip(g.imagePath());
                    // at the root the archive's names must be new: clashes are refused (DUP_NAME)
                    if (!base.isEmpty() && root.item(base).isPresent()) {
                        root.removeTree(base);
                    }
                    ArchiveSummary summary = g.addArchiveTo(root, image.workingDirectory(),
                            line -> out.println("note: " + line));
                    if (summary.spool() != null) {
                        spools.add(summary.spool());
                    }
                }
                medium.append(image.createResultImage());
            } finally {
                spools.forEach(Spool::close);
            }
            for (SessionInfo s : medium.sessions()) {
                out.println("session " + s.number() + ": " + ImportOptionsMixin.describe(s));
            }
        }
        out.flush();
        return 0;
    }

    /** One {@code --update LOCAL_DIR=IMAGE/PATH}; {@code \=} and {@code \\} escape in LOCAL_DIR, as in SOURCE. */
    private record Update(Path local, String imagePath) {
        static Update parse(String arg, CommandLine.Model.CommandSpec spec) {
            StringBuilder local = new StringBuilder();
            for (int i = 0; i < arg.length(); i++) {
                char c = arg.charAt(i);
                if (c == '\\' && i + 1 < arg.length() && (arg.charAt(i + 1) == '=' || arg.charAt(i + 1) == '\\')) {
                    local.append(arg.charAt(++i));
                } else if (c == '=') {
                    if (local.length() == 0) {
                        break;
                    }
                    return new Update(Path.of(local.toString()), arg.substring(i + 1));
                } else {
                    local.append(c);
                }
            }
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--update wants LOCAL_DIR=IMAGE/PATH (e.g. --update home/docs=/docs): " + arg);
        }
    }

    /**
     * The {@code --fs} and {@code --udf-revision} choice. Without {@code --fs} a grown medium keeps
     * the file systems (and UDF revision) of its newest session, so an ISO/UDF bridge stays one;
     * the SDK refuses what cannot work across sessions (FILE_SYSTEM_CHANGE_NOT_ALLOWED,
     * UDF_REVISION_CHANGE_NOT_ALLOWED) when the session is planned.
     */
    private void chooseFileSystems(FileSystemImage image, AppendTarget medium) throws IOException {
        EnumSet<FileSystem> chosen = fileSystems == null ? null : EnumSet.copyOf(fileSystems);
        UdfRevision revision = udfRevision;
        if (!medium.isBlank()) {
            long newest = medium.sessions().get(medium.sessions().size() - 1).startLba();
            SessionReader session = SessionReader.open(medium.sectors(), newest);
            if (chosen == null) {
                chosen = EnumSet.copyOf(session.fileSystems());
            }
            if (revision == null && chosen.contains(FileSystem.UDF)) {
                revision = session.udfRevision().orElse(null);
            }
        }
        if (udfRevision != null && (chosen == null || !chosen.contains(FileSystem.UDF))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--udf-revision needs --fs udf");
        }
        if (chosen == null) {
            return; // a blank medium: the SDK's defaults
        }
        try {
            image.setFileSystems(chosen);
            if (revision != null) {
                image.setUdfRevision(revision);
            }
        } catch (IllegalArgumentException e) {
            if (spec == null) {
                throw new QuickAppend.Unhandled();  // no picocli model to report with: let picocli run it
            }
            throw new CommandLine.ParameterException(spec.commandLine(), "--fs: " + e.getMessage());
        }
    }

    /** Takes out what the imported tree holds where {@code g} will put its files: the source replaces it. */
    static void replaceTargets(Directory root, Graft g) throws IOException {
        Path local = g.local();
        String base = strip(g.imagePath());
        List<String> targets = new ArrayList<>();
        if (Files.isDirectory(local) && base.isEmpty()) {
            try (Stream<Path> children = Files.list(local)) {
                children.forEach(c -> targets.add(c.getFileName().toString()));
            }
        } else if (Files.isDirectory(local)) {
            targets.add(base);
        } else {
            String name = local.getFileName().toString();
            targets.add(base.isEmpty() ? name : g.imagePath().endsWith("/") ? base + "/" + name : base);
        }
        for (String t : targets) {
            if (root.item(t).isPresent()) {
                root.removeTree(t);
            }
        }
    }

    static String strip(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
