package org.discimage.importer;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.discimage.tree.ItemType;

/**
 * Makes {@link ImportedEntry entries} linked to their directory's entry, as the readers make them
 * (the public constructor makes unlinked ones, named by their whole path), for tests outside this
 * package.
 */
public final class LinkedEntries {
    /** The time every entry made here records. */
    public static final Instant TIME = Instant.parse("2001-02-03T04:05:06Z");

    private LinkedEntries() {
    }

    /** The root entry "/". */
    public static ImportedEntry root() {
        return new ImportedEntry(null, "/", ItemType.DIRECTORY, 2048, 040755, 0, 0, TIME, null, null, null, null, 20,
                2048, null, 1, -1, -1, Set.of());
    }

    /** A directory {@code name} in {@code parent}. */
    public static ImportedEntry dir(ImportedEntry parent, String name) {
        return new ImportedEntry(parent, name, ItemType.DIRECTORY, 2048, 040750, 7, 8, TIME, null, null, null, null,
                30, 2048, null, 1, -1, -1, Set.of());
    }

    /** A file {@code name} in {@code parent} of {@code size} bytes at {@code lba} (one extent). */
    public static ImportedEntry file(ImportedEntry parent, String name, long lba, long size) {
        return new ImportedEntry(parent, name, ItemType.FILE, size, 0100640, 7, 8, TIME, null, null, null, null, lba,
                size, null, 1, -1, -1, Set.of());
    }

    /** A file {@code name} in {@code parent} recorded in {@code extents} (two or more). */
    public static ImportedEntry file(ImportedEntry parent, String name, List<FileExtent> extents) {
        long size = extents.stream().mapToLong(FileExtent::length).sum();
        return new ImportedEntry(parent, name, ItemType.FILE, size, 0100640, 7, 8, TIME, null, null, null,
                List.copyOf(extents), -1, 0, null, 1, -1, -1, Set.of());
    }
}
