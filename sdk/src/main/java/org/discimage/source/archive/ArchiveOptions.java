package org.discimage.source.archive;

import java.util.Objects;
import java.util.function.Consumer;
import org.discimage.source.WorkingDirectory;

/**
 * How {@link ArchiveSource#graft} reads an archive.
 *
 * @param workingDirectory where the entries of forward-only archives (compressed tar, cpio, 7z)
 *                         are spooled (IMAPI2 WorkingDirectory / StageFiles); {@code null} means
 *                         the system's temporary directory
 * @param diagnostics      receives one line per entry left out (fifos, sockets, anti-items) and
 *                         per name replaced by a later entry; never {@code null}
 */
public record ArchiveOptions(WorkingDirectory workingDirectory, Consumer<String> diagnostics) {

    /** Checks the diagnostics consumer. */
    public ArchiveOptions {
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** Spooling to the system's temporary directory, diagnostics dropped. */
    public static ArchiveOptions defaults() {
        return new ArchiveOptions(null, line -> { });
    }

    /** These options with another working directory. */
    public ArchiveOptions withWorkingDirectory(WorkingDirectory dir) {
        return new ArchiveOptions(dir, diagnostics);
    }

    /** These options with another diagnostics consumer. */
    public ArchiveOptions withDiagnostics(Consumer<String> consumer) {
        return new ArchiveOptions(workingDirectory, consumer);
    }
}
