package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.discimage.FileSystemImage;
import org.discimage.media.ImageFileMedium;
import org.discimage.media.SessionInfo;
import org.discimage.tree.Directory;

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
                + "the newest tree is imported, SOURCEs replace what it holds at the same paths, --remove takes "
                + "paths out, and only new data is written. Then lists the sessions: number, start, size, volume.",
                "SOURCE is LOCAL or IMAGE/PATH=LOCAL, as for build."})
final class AppendCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--remove", paramLabel = "IMAGE/PATH", description = "A file or directory tree to leave out of "
            + "the new session (its data stays on the medium, for the earlier sessions).")
    List<String> remove = new ArrayList<>();

    @Option(names = {"-V", "--volume-id"}, paramLabel = "ID", description = "The volume label of the new session.")
    String volumeId;

    @Parameters(index = "0", paramLabel = "MEDIA", description = "The image file to grow.")
    Path media;

    @Parameters(index = "1..*", paramLabel = "SOURCE", description = "Files and directories to add.")
    List<String> sources = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (ImageFileMedium medium = ImageFileMedium.open(media)) {
            if (medium.chainLost()) {
                out.println("note: the first session of " + media + " starts at LBA 0; appending overwrites its "
                        + "volume descriptors, so its own tree will no longer be listed as a session");
            }
            FileSystemImage image = new FileSystemImage();
            medium.prepare(image);
            if (volumeId != null) {
                image.setVolumeName(volumeId);
            }
            Directory root = image.root();
            for (String path : remove) {
                root.removeTree(strip(path));
            }
            for (String s : sources) {
                Graft g = Graft.parse(s);
                replaceTargets(root, g);
                g.addTo(root);
            }
            medium.append(image.createResultImage());
            for (SessionInfo s : medium.sessions()) {
                out.println(String.format("session %d: start %d, %d sectors, volume %s", s.number(), s.startLba(),
                        s.sectors(), s.volumeId()));
            }
        }
        out.flush();
        return 0;
    }

    /** Takes out what the imported tree holds where {@code g} will put its files: the source replaces it. */
    private static void replaceTargets(Directory root, Graft g) throws IOException {
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

    private static String strip(String path) {
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
