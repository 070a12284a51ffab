package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.StringJoiner;

import org.discimage.FileSystem;
import org.discimage.error.Diagnostics;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.SessionReader;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every reading command shares: {@code --session-start} and {@code --lenient}. */
final class ImportOptionsMixin {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    long sessionStart;

    @Option(names = "--lenient",
            description = "Accept the deviations from the standards that real producers are known to write; "
                    + "each one is reported on standard error as 'warning: ...'.")
    boolean lenient;

    @Option(names = "--session-start", paramLabel = "LBA", defaultValue = "0",
            description = "The LBA the session to read starts at (default: ${DEFAULT-VALUE}); its volume "
                    + "descriptors are at LBA + 16.")
    void setSessionStart(long lba) {
        if (lba < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--session-start must not be negative: " + lba);
        }
        sessionStart = lba;
    }

    /** Opens {@code image} and identifies the session's file systems; warnings go to standard error. */
    Session open(Path image) throws IOException {
        Diagnostics sink = warnings(spec.commandLine().getErr());
        ImportOptions options = lenient ? ImportOptions.lenient(sink) : ImportOptions.strict(sink);
        ImageFileSectorReader sectors = ImageFileSectorReader.open(image);
        try {
            return new Session(image, sectors, SessionReader.open(sectors, sessionStart, options));
        } catch (IOException | RuntimeException e) {
            sectors.close();
            throw e;
        }
    }

    /** A sink printing each diagnostic as one {@code warning: <structure> at LBA <n>: <message>} line. */
    static Diagnostics warnings(PrintWriter err) {
        return d -> {
            err.println("warning: " + d);
            err.flush();
        };
    }

    /** An open image and the session read from it. */
    record Session(Path image, ImageFileSectorReader sectors, SessionReader reader) implements AutoCloseable {
        /**
         * {@code requested}, or the session's default file system when it is null.
         *
         * @throws DiscImageException {@code FILE_SYSTEM_NOT_FOUND} naming what the image has instead
         */
        FileSystem choose(FileSystem requested) throws DiscImageException {
            if (requested == null) {
                return reader.defaultFileSystem();
            }
            if (!reader.fileSystems().contains(requested)) {
                throw new DiscImageException(ErrorCode.FILE_SYSTEM_NOT_FOUND, image + " has no "
                        + FileSystemConverter.name(requested) + " tree at LBA " + reader.sessionStart()
                        + " (it has " + names(reader.fileSystems()) + ")");
            }
            return requested;
        }

        @Override
        public void close() throws IOException {
            sectors.close();
        }
    }

    /** The command-line names of {@code fileSystems}, comma separated, in the enum's order. */
    static String names(Set<FileSystem> fileSystems) {
        StringJoiner sj = new StringJoiner(", ");
        for (FileSystem fs : FileSystem.values()) {
            if (fileSystems.contains(fs)) {
                sj.add(FileSystemConverter.name(fs));
            }
        }
        return sj.toString();
    }
}
