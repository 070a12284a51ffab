package org.discimage.cli;

import org.discimage.FileSystemImage;
import org.discimage.VolumeIdentifiers;

import picocli.CommandLine.Option;

/**
 * The volume identifier options shared by {@code build} and {@code burn} (ECMA-119 8.4: volume, publisher, data
 * preparer, application and system identifiers); each one given replaces the SDK's default.
 */
final class IdentifierOptions {
    @Option(names = {"-V", "--volume-id"}, paramLabel = "ID", description = "The volume label.")
    String volumeId;

    @Option(names = "--publisher", paramLabel = "TEXT", description = "Publisher identifier.")
    String publisher;

    @Option(names = "--preparer", paramLabel = "TEXT", description = "Data preparer identifier.")
    String preparer;

    @Option(names = "--application", paramLabel = "TEXT", description = "Application identifier.")
    String application;

    @Option(names = "--system-id", paramLabel = "TEXT", description = "System identifier.")
    String systemId;

    /** Whether any identifier was given. */
    boolean anyGiven() {
        return volumeId != null || publisher != null || preparer != null || application != null || systemId != null;
    }

    /** Sets the identifiers given on {@code image}, keeping its defaults for the others. */
    void apply(FileSystemImage image) {
        VolumeIdentifiers ids = image.identifiers();
        ids = volumeId == null ? ids : ids.withVolumeId(volumeId);
        ids = publisher == null ? ids : ids.withPublisherId(publisher);
        ids = preparer == null ? ids : ids.withDataPreparerId(preparer);
        ids = application == null ? ids : ids.withApplicationId(application);
        ids = systemId == null ? ids : ids.withSystemId(systemId);
        image.setIdentifiers(ids);
    }
}
