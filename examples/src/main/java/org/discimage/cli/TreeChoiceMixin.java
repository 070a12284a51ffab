package org.discimage.cli;

import org.discimage.FileSystem;
import org.discimage.error.DiscImageException;

import picocli.CommandLine.Option;

/** {@code --fs}: which tree of the session ls and extract read. */
final class TreeChoiceMixin {
    @Option(names = "--fs", paramLabel = "FS", converter = FileSystemConverter.class,
            description = "The tree to read: " + FileSystemConverter.NAMES
                    + " (default: the first present of rockridge, udf, joliet, iso9660).")
    FileSystem fileSystem;

    /** The chosen file system of {@code session}, or its default. */
    FileSystem choose(ImportOptionsMixin.Session session) throws DiscImageException {
        return session.choose(fileSystem);
    }
}
