package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.discimage.FileSystem;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.IsoTreeReader;
import org.discimage.tree.ItemType;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code discimage ls}: lists the tree of an image, one tab-separated line per entry. */
@Command(name = "ls", sortOptions = false,
        description = {"Lists every file, directory and symbolic link of an image: path, type, size.",
                "With -l also the POSIX mode (octal, '-' without Rock Ridge) and a link's target."})
final class LsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image file.")
    Path image;

    @Option(names = "--fs", paramLabel = "FS", converter = FileSystemConverter.class,
            description = "The tree to list: " + FileSystemConverter.NAMES
                    + " (default: rockridge if present, else joliet, else iso9660).")
    FileSystem fileSystem;

    @Option(names = "-l", description = "Long listing: add the mode and the symbolic link target.")
    boolean longListing;

    @Override
    public Integer call() throws IOException {
        List<ImportedEntry> entries;
        try (ImageFileSectorReader sectors = ImageFileSectorReader.open(image)) {
            IsoTreeReader reader = IsoTreeReader.open(sectors);
            FileSystem fs = fileSystem != null ? fileSystem : reader.preferredFileSystem();
            if (!reader.fileSystems().contains(fs)) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, image + " has no "
                        + FileSystemConverter.name(fs) + " tree (it has " + names(reader) + ")");
            }
            entries = reader.readTree(fs);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ImportedEntry e : entries) {
            out.println(format(e, longListing));
        }
        out.flush();
        return 0;
    }

    private static String names(IsoTreeReader reader) {
        StringBuilder sb = new StringBuilder();
        for (FileSystem fs : reader.fileSystems()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(FileSystemConverter.name(fs));
        }
        return sb.toString();
    }

    /** One line: path, type, size [, mode, link target], separated by tabs. */
    static String format(ImportedEntry e, boolean longListing) {
        StringBuilder sb = new StringBuilder(e.path()).append('\t').append(typeName(e.type()))
                .append('\t').append(e.size());
        if (longListing) {
            sb.append('\t').append(e.hasMode() ? String.format("%04o", e.mode() & 07777) : "-");
            if (e.type() == ItemType.SYMLINK) {
                sb.append('\t').append("-> ").append(e.symlinkTarget());
            }
        }
        return sb.toString();
    }

    private static String typeName(ItemType type) {
        switch (type) {
            case DIRECTORY: return "dir";
            case SYMLINK: return "symlink";
            default: return "file";
        }
    }
}
