package org.discimage.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.source.ContentSource;
import org.discimage.tree.Directory;

/**
 * The trees the stage benchmarks share: {@code entries} entries below the root as directories of 99
 * files each ({@code dir00000/file000.dat}), under a fixed clock so that every plan of the same tree
 * is the same image (DESIGN: determinism), in one of the file-system combinations of {@link Format}.
 */
public final class Trees {
    /** Files per directory: a directory and its files make 100 entries. */
    static final int FILES_PER_DIR = 99;

    private Trees() {
    }

    /** The file-system combinations the planning and metadata benchmarks compare. */
    public enum Format {
        /** ISO 9660 alone: the baseline the others add to. */
        ISO9660(FileSystem.ISO9660),
        /** ISO 9660 + Rock Ridge: the cost of the SUSP/RRIP entries over the baseline. */
        ISO_RR(FileSystem.ISO9660, FileSystem.ROCK_RIDGE),
        /** ISO 9660 + Joliet + Rock Ridge: the default of {@code discimage build}. */
        ISO_JOLIET_RR(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE),
        /** UDF alone (the default revision). */
        UDF(FileSystem.UDF),
        /** The ISO/UDF bridge: ISO 9660 + Joliet + UDF over one data area (IMAPI2's DVD default). */
        BRIDGE(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.UDF);

        private final FileSystem first;
        private final FileSystem[] more;

        Format(FileSystem first, FileSystem... more) {
            this.first = first;
            this.more = more;
        }

        /** Selects this combination on {@code image}. */
        void apply(FileSystemImage image) {
            image.setFileSystems(first, more);
        }
    }

    /** A fresh image with the fixed clock and {@code format}'s file systems. */
    static FileSystemImage newImage(Format format) {
        FileSystemImage image = new FileSystemImage(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
        format.apply(image);
        return image;
    }

    /**
     * Adds about {@code entries} entries (rounded up to whole directories of {@link #FILES_PER_DIR}
     * files) of {@code fileSize} zero bytes each; returns the number of entries added.
     */
    static long addEntries(FileSystemImage image, long entries, long fileSize) throws DiscImageException {
        long dirs = (entries + FILES_PER_DIR) / (FILES_PER_DIR + 1);
        StringBuilder path = new StringBuilder(32);
        for (long d = 0; d < dirs; d++) {
            path.setLength(0);
            path.append("dir");
            pad(path, d, 5);
            Directory dir = image.root().addDirectory(path.toString());
            for (int f = 0; f < FILES_PER_DIR; f++) {
                path.setLength(0);
                path.append("file");
                pad(path, f, 3);
                path.append(".dat");
                dir.addFile(path.toString(), ContentSource.zeros(fileSize));
            }
        }
        return dirs * (FILES_PER_DIR + 1);
    }

    private static void pad(StringBuilder sb, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(digits);
    }
}
