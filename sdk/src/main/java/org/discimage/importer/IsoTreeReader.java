package org.discimage.importer;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.discimage.FileSystem;
import org.discimage.codec.DecodeContext;

/**
 * Reads the directory trees of an ISO 9660 session: the primary tree, the Joliet tree and the
 * Rock Ridge view of the primary tree.
 *
 * <pre>{@code
 * try (SectorReader sectors = ImageFileSectorReader.open(Path.of("disc.iso"))) {
 *     IsoTreeReader reader = IsoTreeReader.open(sectors);
 *     for (ImportedEntry e : reader.readTree(reader.preferredFileSystem())) {
 *         System.out.println(e.path() + " " + e.size());
 *     }
 * }
 * }</pre>
 *
 * <p>Strict (the default): a structure that does not decode, a directory cycle, a continuation
 * chain that loops or runs too long, a multi-extent file without its last section, an extent past
 * the end of the medium fail with a {@link org.discimage.error.DiscImageException} of code
 * {@code MALFORMED_STRUCTURE} naming the structure and its LBA; a medium that ends before LBA
 * {@code sessionStart + 16} is {@code EMPTY_DISC}, one without "CD001" there
 * {@code NO_SUPPORTED_FILE_SYSTEM}. Work and memory are bounded by the size of the medium: every
 * directory extent is read once and checked against the medium before anything is allocated, at
 * most 32 continuation areas per record, paths of at most 4096 characters, no recursion.
 *
 * <p>Lenient ({@link ImportOptions#lenient}) accepts the deviations real producers write, each
 * reported once per occurrence to the diagnostics sink as a {@link org.discimage.error.Diagnostic}
 * (structure, LBA, what was wrong and what was done):
 * <ul>
 * <li>both-endian numbers whose halves disagree: the little-endian half (as Linux isofs);
 * <li>volume descriptor dates that are not digits (NUL-filled) or out of range, directory record
 *     dates and Rock Ridge TF stamps out of range: read as "not specified", so an entry shows
 *     the epoch ({@link java.time.Instant#EPOCH}) or, for a TF stamp, its directory record's date;
 * <li>an SL component longer than its entry (genisoimage's long symlinks): the bytes there;
 * <li>a SUSP entry of length below 4 or past its area, or an RRIP entry that does not decode:
 *     the rest of that System Use area is skipped;
 * <li>primary-tree identifiers with characters outside the d-characters (lower case and the
 *     like) or a version that is not 1..32767: the identifier as recorded;
 * <li>a directory record crossing a sector boundary inside its directory (ECMA-119 6.8.1.1
 *     forbids it): read across the boundary, as Linux isofs does;
 * <li>a file extent past the end of the medium: the entry is kept (reading its data fails);
 * <li>two entries of one name in a directory: the first is kept;
 * <li>a relocated directory whose ".." lacks the right PL, or an RE directory no CL reaches.
 * </ul>
 * In both modes an unknown SUSP entry is left out and reported. A name that is empty, ".", "..",
 * or holds '/', NUL or a backslash-separated "..", a directory past the end of the medium and a
 * directory cycle fail in both modes.
 */
public final class IsoTreeReader {
    private final SectorReader sectors;
    private final SessionDescriptors descriptors;
    private final ImportOptions options;

    private IsoTreeReader(SectorReader sectors, SessionDescriptors descriptors, ImportOptions options) {
        this.sectors = sectors;
        this.descriptors = descriptors;
        this.options = options;
    }

    /** Reads the volume descriptors of the session starting at LBA 0 (a plain image file). */
    public static IsoTreeReader open(SectorReader sectors) throws IOException {
        return open(sectors, 0);
    }

    /**
     * Reads the volume descriptor set of the session starting at {@code sessionStart} (its
     * descriptors begin at {@code sessionStart + 16}); LBAs recorded in the session are absolute.
     */
    public static IsoTreeReader open(SectorReader sectors, long sessionStart) throws IOException {
        return open(sectors, sessionStart, ImportOptions.strict());
    }

    /**
     * As {@link #open(SectorReader, long)}, strict or lenient as {@code options} say, reporting to
     * their diagnostics sink.
     */
    public static IsoTreeReader open(SectorReader sectors, long sessionStart, ImportOptions options)
            throws IOException {
        Objects.requireNonNull(sectors, "sectors");
        Objects.requireNonNull(options, "options");
        if (sessionStart < 0) {
            throw new IllegalArgumentException("negative session start " + sessionStart);
        }
        return new IsoTreeReader(sectors, SessionDescriptors.read(sectors, sessionStart, context(options)), options);
    }

    /** The LBA of the session start given to {@link #open(SectorReader, long)}. */
    public long sessionStart() {
        return descriptors.sessionStart();
    }

    /** The options given to {@code open}. */
    public ImportOptions options() {
        return options;
    }

    /** The volume identifier of the primary volume descriptor, trailing spaces removed. */
    public String volumeId() {
        return descriptors.volumeId();
    }

    /** The volume identifier of the Joliet SVD, or null without Joliet. */
    public String jolietVolumeId() {
        return descriptors.jolietVolumeId();
    }

    /** The trees the session records: always ISO 9660, plus Joliet and Rock Ridge when present. */
    public Set<FileSystem> fileSystems() {
        Set<FileSystem> set = EnumSet.of(FileSystem.ISO9660);
        if (descriptors.jolietRoot() != null) {
            set.add(FileSystem.JOLIET);
        }
        if (descriptors.rockRidge()) {
            set.add(FileSystem.ROCK_RIDGE);
        }
        return set;
    }

    /** The richest tree present: Rock Ridge, else Joliet, else ISO 9660. */
    public FileSystem preferredFileSystem() {
        Set<FileSystem> present = fileSystems();
        return present.contains(FileSystem.ROCK_RIDGE) ? FileSystem.ROCK_RIDGE
                : present.contains(FileSystem.JOLIET) ? FileSystem.JOLIET : FileSystem.ISO9660;
    }

    /**
     * Reads one tree in pre-order (a directory before its contents, entries in recorded order),
     * the root {@code /} first.
     *
     * @throws IllegalArgumentException if the session does not record that tree
     */
    public List<ImportedEntry> readTree(FileSystem fileSystem) throws IOException {
        if (!fileSystems().contains(fileSystem)) {
            throw new IllegalArgumentException("the session has no " + fileSystem + " tree");
        }
        DecodeContext ctx = context(options);
        switch (fileSystem) {
            case JOLIET:
                return new DirectoryWalker(sectors, FileSystem.JOLIET, null, ctx).walk(descriptors.jolietRoot());
            case ROCK_RIDGE:
                return new DirectoryWalker(sectors, FileSystem.ROCK_RIDGE,
                        new SystemUseReader(sectors, descriptors.suspSkip(), ctx), ctx).walk(descriptors.primaryRoot());
            default:
                return new DirectoryWalker(sectors, FileSystem.ISO9660, null, ctx).walk(descriptors.primaryRoot());
        }
    }

    private static DecodeContext context(ImportOptions options) {
        return DecodeContext.of(options.lenient(), options.diagnostics());
    }
}
