package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.discimage.FileSystem;
import org.discimage.UdfRevision;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * The file systems recorded at one session start of a medium or image, and their trees (IMAPI2
 * IdentifyFileSystemsOnDisc, GetDefaultFileSystemForImport, ImportSpecificFileSystem).
 *
 * <pre>{@code
 * try (SectorReader sectors = ImageFileSectorReader.open(Path.of("disc.iso"))) {
 *     SessionReader session = SessionReader.open(sectors, 0, ImportOptions.strict());
 *     for (ImportedEntry e : session.readTree(session.defaultFileSystem())) {
 *         System.out.println(e.path() + " " + e.size());
 *     }
 * }
 * }</pre>
 *
 * <p>The default file system for import is the first present of Rock Ridge, UDF, Joliet, ISO 9660.
 * Rock Ridge first, as xorriso chooses it: it carries full POSIX names, modes, owners, times, links
 * and devices, and on a bridge disc written by a Unix tool it is the most faithful tree. UDF next,
 * as IMAPI2 prefers it (IMAPI2 knows no Rock Ridge): it carries long Unicode names, permissions and
 * times. Joliet before plain ISO 9660 for its long Unicode names, as both IMAPI2 and xorriso do.
 */
public final class SessionReader {
    private static final List<FileSystem> PREFERENCE = List.of(FileSystem.ROCK_RIDGE, FileSystem.UDF,
            FileSystem.JOLIET, FileSystem.ISO9660);

    private final long sessionStart;
    private final IsoTreeReader iso;       // null without an ISO 9660 volume descriptor set
    private final UdfVolumeReader udf;     // null without a UDF volume

    private SessionReader(long sessionStart, IsoTreeReader iso, UdfVolumeReader udf) {
        this.sessionStart = sessionStart;
        this.iso = iso;
        this.udf = udf;
    }

    /**
     * Identifies the file systems of the session starting at {@code sessionStart} (its volume
     * descriptors begin at {@code sessionStart + 16}; every LBA recorded in it is absolute).
     *
     * @throws DiscImageException {@code EMPTY_DISC} when the medium ends before the session's
     *                            descriptors; {@code NO_SUPPORTED_FILE_SYSTEM} when neither ISO 9660
     *                            nor UDF is recorded there; {@code MALFORMED_STRUCTURE} when a
     *                            present file system's descriptors are broken
     */
    public static SessionReader open(SectorReader sectors, long sessionStart, ImportOptions options)
            throws IOException {
        Objects.requireNonNull(sectors, "sectors");
        Objects.requireNonNull(options, "options");
        if (sessionStart < 0) {
            throw new IllegalArgumentException("negative session start " + sessionStart);
        }
        long first = sessionStart + 16;
        if (sectors.sectorCount() <= first) {
            throw new DiscImageException(ErrorCode.EMPTY_DISC, "the medium has " + sectors.sectorCount()
                    + " sectors: no volume descriptors at LBA " + first);
        }
        IsoTreeReader iso = hasIso9660(sectors, first) ? IsoTreeReader.open(sectors, sessionStart, options) : null;
        UdfVolumeReader udf = UdfVolumeReader.open(sectors, sessionStart, options);
        if (iso == null && udf == null) {
            throw new DiscImageException(ErrorCode.NO_SUPPORTED_FILE_SYSTEM,
                    "neither ISO 9660 nor UDF volume descriptors at LBA " + first);
        }
        return new SessionReader(sessionStart, iso, udf);
    }

    /** As {@link #open(SectorReader, long, ImportOptions)}, strict. */
    public static SessionReader open(SectorReader sectors, long sessionStart) throws IOException {
        return open(sectors, sessionStart, ImportOptions.strict());
    }

    /** Whether the first descriptor at {@code lba} has the standard identifier CD001 (ECMA-119 8.1.2). */
    private static boolean hasIso9660(SectorReader sectors, long lba) throws IOException {
        ByteBuffer sector = ByteBuffer.allocate(SectorReader.SECTOR_SIZE);
        if (sectors.read(lba, sector) != 1) {
            return false;
        }
        return "CD001".equals(new String(sector.array(), 1, 5, StandardCharsets.ISO_8859_1));
    }

    /** The LBA the session starts at. */
    public long sessionStart() {
        return sessionStart;
    }

    /** The file systems present (IMAPI2 IdentifyFileSystemsOnDisc). */
    public Set<FileSystem> fileSystems() {
        Set<FileSystem> set = EnumSet.noneOf(FileSystem.class);
        if (iso != null) {
            set.addAll(iso.fileSystems());
        }
        if (udf != null) {
            set.add(FileSystem.UDF);
        }
        return set;
    }

    /** The file system an import uses when none is named: see the class comment for the order. */
    public FileSystem defaultFileSystem() {
        return defaultFileSystem(fileSystems());
    }

    /**
     * Which one of {@code present} an import prefers (IMAPI2 GetDefaultFileSystemForImport): Rock
     * Ridge, UDF, Joliet, ISO 9660, in that order.
     *
     * @throws IllegalArgumentException if {@code present} is empty
     */
    public static FileSystem defaultFileSystem(Set<FileSystem> present) {
        for (FileSystem fs : PREFERENCE) {
            if (present.contains(fs)) {
                return fs;
            }
        }
        throw new IllegalArgumentException("no file system given");
    }

    /** The UDF revision of the session's UDF volume, if it has one. */
    public Optional<UdfRevision> udfRevision() {
        return udf == null ? Optional.empty() : Optional.ofNullable(udf.revision());
    }

    /**
     * The absolute start sector of the UDF volume's physical partition (reference 0, a type 1 map
     * without sparing), if the session has such a UDF volume: a session appended to it starts its
     * own partition there so that unchanged files keep their extents.
     */
    public java.util.OptionalLong udfPartitionStart() {
        long start = udf == null ? -1 : udf.physicalPartitionStart();
        return start < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(start);
    }

    /**
     * The volume name as {@code fileSystem} records it (IMAPI2 ImportedVolumeName): the PVD's volume
     * identifier for ISO 9660 and Rock Ridge, the Joliet SVD's for Joliet, the logical volume
     * identifier for UDF.
     *
     * @throws DiscImageException {@code FILE_SYSTEM_NOT_FOUND} if the session does not record it
     */
    public String volumeName(FileSystem fileSystem) throws DiscImageException {
        require(fileSystem);
        return switch (fileSystem) {
            case UDF -> udf.volumeName();
            case JOLIET -> iso.jolietVolumeId();
            default -> iso.volumeId();
        };
    }

    /**
     * Reads the tree of {@code fileSystem} in pre-order (a directory before its contents), the root
     * {@code /} first.
     *
     * @throws DiscImageException {@code FILE_SYSTEM_NOT_FOUND} if the session does not record it,
     *                            {@code MALFORMED_STRUCTURE} naming structure and LBA when the tree
     *                            is broken
     */
    public List<ImportedEntry> readTree(FileSystem fileSystem) throws IOException {
        require(fileSystem);
        return fileSystem == FileSystem.UDF ? udf.readTree() : iso.readTree(fileSystem);
    }

    private void require(FileSystem fileSystem) throws DiscImageException {
        Objects.requireNonNull(fileSystem, "fileSystem");
        if (!fileSystems().contains(fileSystem)) {
            throw new DiscImageException(ErrorCode.FILE_SYSTEM_NOT_FOUND, "the session at LBA " + sessionStart
                    + " has no " + fileSystem + " file system (it has " + fileSystems() + ")");
        }
    }
}
