package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.discimage.importer.ImportedEntry;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code discimage extract}: restores the tree of one session of an image into a host directory. */
@Command(name = "extract", sortOptions = false,
        description = {"Restores the directories, files (content, mode, modification time) and symbolic links "
                + "(as links, never followed) of an image's tree into DIR, which is created if missing.",
                "Modes are restored from trees that record them (Rock Ridge, UDF), permission bits only "
                        + "(no set-user-ID, set-group-ID or sticky bit), and owners are not restored. "
                        + "Devices are skipped with a warning; hard links become separate files; zisofs files "
                        + "are written as recorded (compressed).",
                "Every name is checked before anything is written: an entry named '.' or '..', containing "
                        + "'/', '\\' or NUL, absolute, or below a symbolic link or a non-directory, makes "
                        + "the whole extraction fail. Nothing is written through an existing symbolic link.",
                "An existing file or link in DIR is not replaced unless --overwrite is given; existing "
                        + "directories are filled."})
final class ExtractCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "1", paramLabel = "DIR", description = "The directory to extract into.")
    Path dir;

    @Mixin
    TreeChoiceMixin tree;

    @Option(names = "--overwrite",
            description = "Replace existing files and symbolic links in DIR (never directories, and never "
                    + "by writing through a link: the link itself is replaced).")
    boolean overwrite;

    @Mixin
    ImportOptionsMixin importOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Extractor.Summary summary;
        try (ImportOptionsMixin.Session session = importOptions.open()) {
            List<ImportedEntry> entries = session.reader().readTree(tree.choose(session));
            Extractor extractor = new Extractor(session.sectors(), overwrite, message -> {
                err.println("warning: " + message);
                err.flush();
            });
            summary = extractor.extract(entries, dir);
        }
        err.println(summary.describe(dir));
        err.flush();
        return 0;
    }
}
