package org.discimage;

import java.time.Clock;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.discimage.error.DiscImageException;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.error.ErrorCode;
import org.discimage.layout.IsoImagePlanner;
import org.discimage.layout.Layout;
import org.discimage.layout.PlanRequest;
import org.discimage.layout.UdfBridgePlanner;
import org.discimage.layout.UdfImagePlanner;
import org.discimage.media.Multisession;
import org.discimage.tree.Directory;

/**
 * Builds a disc image from a tree of files (IMAPI2 IFileSystemImage). Fill {@link #root()}, choose
 * the file systems, level and identifiers, then {@link #createResultImage()}: the whole image is
 * planned and sized at once, and its bytes are produced lazily when the {@link ImageResult} is read
 * or written.
 *
 * <pre>{@code
 * FileSystemImage image = new FileSystemImage();
 * image.root().addTree(Path.of("photos"), false);
 * image.setVolumeName("PHOTOS_2026");
 * ImageResult result = image.createResultImage();
 * result.writeTo(Path.of("photos.iso"));
 * }</pre>
 *
 * <p>Not thread-safe. The same tree, settings and clock give byte-identical images.
 */
public final class FileSystemImage {
    private final Clock clock;
    private final Directory root;
    private Set<FileSystem> fileSystems = EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
    private IsoLevel isoLevel = IsoLevel.LEVEL_3;
    private UdfRevision udfRevision = UdfRevision.R2_01;
    private boolean redundantUdfMetadata = true;
    private boolean udfEmbeddedData;
    private NamePolicy namePolicy = NamePolicy.MANGLE;
    private VolumeIdentifiers identifiers = VolumeIdentifiers.defaults();
    private long freeMediaBlocks;
    private org.discimage.source.WorkingDirectory workingDirectory;
    private long sessionStartBlock;
    private String importedVolumeName;
    /** The medium of the last import: a session appended to it inherits the unchanged files' extents. */
    private SectorReader importedMedium;
    /** The file systems of the last imported session (empty before an import). */
    private Set<FileSystem> importedFileSystems = EnumSet.noneOf(FileSystem.class);
    /** The UDF revision of the last imported session, or null without UDF there. */
    private UdfRevision importedUdfRevision;
    /** The absolute start of the last imported session's UDF physical partition, or -1. */
    private long importedUdfPartitionStart = -1;
    private List<Multisession> multisessionInterfaces = List.of();
    private MultisessionSelection multisession;
    private List<BootOptions> bootImages = List.of();

    /** An empty image whose times come from the system clock (UTC). */
    public FileSystemImage() {
        this(Clock.systemUTC());
    }

    /**
     * An empty image whose times (new items, volume creation) come from {@code clock}: a fixed
     * clock makes the output reproducible.
     */
    public FileSystemImage(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.root = Directory.newRoot(clock);
    }

    /** The root directory of the tree (IMAPI2 Root). */
    public Directory root() {
        return root;
    }

    /**
     * The current change point of the tree (IMAPI2 ChangePoint): a counter of tree edits. Taking
     * one starts an undo journal of the edits that follow (not a copy of the tree), so that
     * {@link #rollbackToChangePoint} can return to it; see {@link Directory#changePoint()}.
     */
    public long changePoint() {
        return root.changePoint();
    }

    /**
     * Reverts the tree to a change point taken since the last lock-in (IMAPI2
     * RollbackToChangePoint): an image created afterwards is byte-identical to one created at that
     * point. Settings (file systems, identifiers, session start) are not part of the tree and stay.
     *
     * @throws DiscImageException {@code INVALID_PARAM} for a change point ahead of the tree or
     *                            before the last lock-in
     */
    public void rollbackToChangePoint(long changePoint) throws DiscImageException {
        root.rollbackToChangePoint(changePoint);
    }

    /**
     * Commits the tree (IMAPI2 LockInChangePoint): earlier change points can no longer be rolled
     * back to, and the journal's memory is released; the counter is unchanged.
     */
    public void lockInChangePoint() {
        root.lockInChangePoint();
    }

    /** The clock that stamps new items and the volume creation time. */
    public Clock clock() {
        return clock;
    }

    /** The file systems to create (IMAPI2 FileSystemsToCreate); default ISO 9660 + Joliet + Rock Ridge. */
    public Set<FileSystem> fileSystems() {
        return EnumSet.copyOf(fileSystems);
    }

    /**
     * Chooses the file systems to create; Rock Ridge needs ISO 9660. UDF is written alone, or with
     * ISO 9660 (+ Joliet + Rock Ridge) as the ISO/UDF bridge, where every file's data is written once
     * and referenced from every file system.
     */
    public void setFileSystems(Set<FileSystem> fileSystems) {
        if (fileSystems.isEmpty()) {
            throw new IllegalArgumentException("choose at least one file system");
        }
        if (fileSystems.contains(FileSystem.ROCK_RIDGE) && !fileSystems.contains(FileSystem.ISO9660)) {
            throw new IllegalArgumentException("Rock Ridge extends ISO 9660: add ISO9660 too");
        }
        if (fileSystems.contains(FileSystem.UDF) && fileSystems.size() > 1
                && !fileSystems.contains(FileSystem.ISO9660)) {
            throw new IllegalArgumentException("the ISO/UDF bridge needs ISO 9660: add ISO9660 too (asked for "
                    + fileSystems + ")");
        }
        this.fileSystems = EnumSet.copyOf(fileSystems);
    }

    /** Chooses the file systems to create. */
    public void setFileSystems(FileSystem first, FileSystem... more) {
        setFileSystems(EnumSet.of(first, more));
    }

    /** The UDF revision written when {@link #fileSystems()} holds UDF (IMAPI2 UDFRevision); default 2.01. */
    public UdfRevision udfRevision() {
        return udfRevision;
    }

    /**
     * Sets the UDF revision (IMAPI2 put_UDFRevision): every {@link UdfRevision} is written. 1.50 on
     * random-access terms (one type-1 partition, no VAT or sparing); 1.02, 1.50 and 2.01 with File
     * Entries; 2.50 and 2.60 with Extended File Entries and the metadata partition (UDF 2.60 2.2.10)
     * and a duplicate metadata mirror.
     */
    public void setUdfRevision(UdfRevision revision) {
        this.udfRevision = Objects.requireNonNull(revision, "revision");
    }

    /**
     * Chooses the file systems, the UDF revision and the capacity budget for a blank medium of type
     * {@code type}, like IMAPI2's ChooseImageDefaultsForMediaType, whose choices are not documented
     * (docs/imapi2.md 5.2); ours:
     * <table>
     *   <caption>defaults per medium</caption>
     *   <tr><th>medium</th><th>file systems</th><th>UDF</th><th>budget (blocks)</th></tr>
     *   <tr><td>CD-ROM, CD-R, CD-RW</td><td>ISO 9660 + Joliet + Rock Ridge</td><td>none</td><td>360,000 (80 min)</td></tr>
     *   <tr><td>DVD (every type)</td><td>ISO 9660 + Joliet + Rock Ridge + UDF (the bridge)</td><td>1.02</td>
     *       <td>2,295,104; dual layer 4,171,712; DVD-RAM 2,236,704</td></tr>
     *   <tr><td>HD DVD, BD (every type)</td><td>UDF alone</td><td>2.50</td><td>HD DVD 7,324,218; BD 12,219,392</td></tr>
     * </table>
     * CDs get IMAPI2's ISO 9660 + Joliet plus Rock Ridge (our addition, for POSIX readers); DVDs the
     * ISO/UDF bridge at UDF 1.02, the revision DVD players and every reader know (DVD-Video uses it);
     * BD and HD DVD UDF 2.50 alone, which IMAPI2 writes for BD and the BD and HD DVD formats require
     * (UDF 2.50 with the metadata partition). The budget is the nominal capacity
     * ({@link PhysicalMediaType#nominalBlocks()}), which {@link #createResultImage()} enforces as
     * {@link #setFreeMediaBlocks(long)} does. The session start and the tree are left alone.
     *
     * @throws DiscImageException NO_SUPPORTED_FILE_SYSTEM for {@link PhysicalMediaType#UNKNOWN} and
     *                            {@link PhysicalMediaType#DISK}, which have no defaults
     */
    public void chooseImageDefaultsForMediaType(PhysicalMediaType type) throws DiscImageException {
        Objects.requireNonNull(type, "type");
        switch (type.family()) {
            case CD -> setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
            case DVD -> {
                setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE, FileSystem.UDF);
                setUdfRevision(UdfRevision.R1_02);
            }
            case HD_DVD, BD -> {
                setFileSystems(FileSystem.UDF);
                setUdfRevision(UdfRevision.R2_50);
            }
            default -> throw new DiscImageException(ErrorCode.NO_SUPPORTED_FILE_SYSTEM, "no image defaults for media"
                    + " type " + type + " (IMAPI_MEDIA_PHYSICAL_TYPE " + type.code() + "): choose the file systems");
        }
        setFreeMediaBlocks(type.nominalBlocks());
    }

    /**
     * Whether UDF 2.50 and 2.60 images get a metadata mirror file with a copy of its own (IMAPI2
     * IFileSystemImage3.CreateRedundantUdfMetadataFiles); default true, as in IMAPI2.
     */
    public boolean createRedundantUdfMetadataFiles() {
        return redundantUdfMetadata;
    }

    /**
     * Sets whether UDF 2.50+ images carry a second copy of the metadata (the duplicate metadata flag,
     * UDF 2.60 2.2.10). Without it the mirror file is still recorded, as UDF requires, but names the
     * metadata file's own blocks, which saves the copy's blocks. Revisions before 2.50 have no
     * metadata partition and ignore it.
     */
    public void setCreateRedundantUdfMetadataFiles(boolean redundant) {
        this.redundantUdfMetadata = redundant;
    }

    /** Whether a UDF-only image embeds small files' data in their File Entries; default false. */
    public boolean udfEmbeddedData() {
        return udfEmbeddedData;
    }

    /**
     * Sets whether a UDF-only image records the data of files and directories small enough to fit
     * in their (Extended) File Entry inside it (ECMA-167 4/14.6.8 allocation type 3, UDF 2.60
     * 2.3.10): up to 1872 bytes with File Entries, 1832 with EFEs, a block saved per such item.
     * udfinfo, udfclient, 7-Zip and the Linux kernel read it (UdfEmbeddedInteropTest). Off by
     * default, as IMAPI2 and mkudffs write every file to its own blocks. A bridge ignores it: its
     * ISO 9660 records need the data in sectors they can point at.
     */
    public void setUdfEmbeddedData(boolean embed) {
        this.udfEmbeddedData = embed;
    }

    /** The ISO 9660 interchange level (IMAPI2 ISO9660InterchangeLevel); default level 3. */
    public IsoLevel isoLevel() {
        return isoLevel;
    }

    /** Sets the ISO 9660 interchange level. */
    public void setIsoLevel(IsoLevel level) {
        this.isoLevel = Objects.requireNonNull(level, "level");
    }

    /** What happens to names a file system cannot hold as given; default {@link NamePolicy#MANGLE}. */
    public NamePolicy namePolicy() {
        return namePolicy;
    }

    /** Sets the name policy ({@link NamePolicy#STRICT} is IMAPI2's StrictFileSystemCompliance). */
    public void setNamePolicy(NamePolicy policy) {
        this.namePolicy = Objects.requireNonNull(policy, "policy");
    }

    /** The volume descriptor identifiers. */
    public VolumeIdentifiers identifiers() {
        return identifiers;
    }

    /** Sets all volume descriptor identifiers. */
    public void setIdentifiers(VolumeIdentifiers identifiers) {
        this.identifiers = Objects.requireNonNull(identifiers, "identifiers");
    }

    /** Sets the volume label (IMAPI2 VolumeName); empty means a label made of the creation date. */
    public void setVolumeName(String name) {
        this.identifiers = identifiers.withVolumeId(Objects.requireNonNull(name, "name"));
    }

    /** The volume label as given (IMAPI2 VolumeName). */
    public String volumeName() {
        return identifiers.volumeId();
    }

    /**
     * The capacity budget in blocks (IMAPI2 FreeMediaBlocks); 0, the default, means only the file
     * systems' own limits apply.
     */
    public long freeMediaBlocks() {
        return freeMediaBlocks;
    }

    /** Sets the capacity budget in 2048-byte blocks; 0 for no budget. */
    public void setFreeMediaBlocks(long blocks) {
        if (blocks < 0) {
            throw new IllegalArgumentException("negative block count " + blocks);
        }
        this.freeMediaBlocks = blocks;
    }

    /**
     * Where streams of unknown length and forward-only archives are spooled (IMAPI2
     * WorkingDirectory, the folder of its stash files): the one set, else the system's temporary
     * directory keeping 64 MiB free. Pass it to {@link org.discimage.source.WorkingDirectory#spool}
     * or {@code ArchiveOptions.withWorkingDirectory}.
     *
     * @throws DiscImageException {@code INVALID_WORKING_DIRECTORY} when none is set and the
     *                            temporary directory is not writable
     */
    public org.discimage.source.WorkingDirectory workingDirectory() throws DiscImageException {
        if (workingDirectory == null) {
            workingDirectory = org.discimage.source.WorkingDirectory.systemDefault();
        }
        return workingDirectory;
    }

    /** Sets the working directory for spooled data (IMAPI2 put_WorkingDirectory). */
    public void setWorkingDirectory(org.discimage.source.WorkingDirectory dir) {
        this.workingDirectory = Objects.requireNonNull(dir, "dir");
    }

    /** The first LBA of the session being built (IMAPI2 SessionStartBlock); 0 for a fresh image. */
    public long sessionStartBlock() {
        return sessionStartBlock;
    }

    /**
     * Sets the first LBA of the session: every address in the image is numbered from it, and the
     * result's first byte is that block.
     */
    public void setSessionStartBlock(long lba) {
        if (lba < 0 || lba > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("session start out of range: " + lba);
        }
        this.sessionStartBlock = lba;
    }

    /**
     * The file systems recorded at {@code sessionStart} of {@code sectors} (IMAPI2
     * IdentifyFileSystemsOnDisc). Reads only the descriptors; the tree is not changed.
     */
    public Set<FileSystem> identifyFileSystems(SectorReader sectors, long sessionStart) throws IOException {
        return SessionReader.open(sectors, sessionStart, ImportOptions.strict()).fileSystems();
    }

    /**
     * Imports the tree of the session at {@code sessionStart} from its default file system (IMAPI2
     * ImportFileSystem; the order is Rock Ridge, UDF, Joliet, ISO 9660 — see {@link SessionReader}),
     * strictly.
     *
     * @return the file system imported
     */
    public FileSystem importFileSystem(SectorReader sectors, long sessionStart) throws IOException {
        return importFileSystem(sectors, sessionStart, ImportOptions.strict());
    }

    /** As {@link #importFileSystem(SectorReader, long)}, strict or lenient as {@code options} say. */
    public FileSystem importFileSystem(SectorReader sectors, long sessionStart, ImportOptions options)
            throws IOException {
        SessionReader session = SessionReader.open(sectors, sessionStart, options);
        FileSystem fs = session.defaultFileSystem();
        importFrom(sectors, session, fs, options);
        return fs;
    }

    /**
     * Imports the tree of one named file system of the session at {@code sessionStart} (IMAPI2
     * ImportSpecificFileSystem) and merges it into {@link #root()}: an item already in the tree
     * wins over an imported one of the same name and kind, directories merge, and a file meeting a
     * directory fails with {@code IMPORT_TYPE_COLLISION_*}. Imported files keep their extents on
     * the medium: their data is read through {@code sectors} only when an image is written, so
     * {@code sectors} must stay open until then. Nothing is imported when the tree fails to read.
     *
     * @throws DiscImageException {@code FILE_SYSTEM_NOT_FOUND} if the session lacks it,
     *                            {@code MALFORMED_STRUCTURE} naming structure and LBA when it is broken
     */
    public void importSpecificFileSystem(SectorReader sectors, long sessionStart, FileSystem fileSystem,
                                         ImportOptions options) throws IOException {
        importFrom(sectors, SessionReader.open(sectors, sessionStart, options), fileSystem, options);
    }

    private void importFrom(SectorReader sectors, SessionReader session, FileSystem fs, ImportOptions options)
            throws IOException {
        List<ImportedEntry> entries = session.readTree(fs);
        String name = session.volumeName(fs);
        TreeImport.merge(root, sectors, entries, options);
        importedVolumeName = name;
        importedMedium = sectors;
        importedFileSystems = session.fileSystems();
        importedUdfRevision = session.udfRevision().orElse(null);
        importedUdfPartitionStart = session.udfPartitionStart().orElse(-1);
    }

    /**
     * Hands over the medium's multisession interfaces (IMAPI2 put_MultisessionInterfaces): one is
     * chosen (the one {@link Multisession#inUse() in use}, else the first usable one), the session
     * start block becomes its next writable address and the free blocks what it leaves; then
     * {@link #importFileSystem()} imports the newest session.
     *
     * @throws DiscImageException {@code BAD_MULTISESSION_PARAMETER} for an empty list, a null, more
     *         than one in use or inconsistent addresses; {@code INCOMPATIBLE_MULTISESSION_TYPE} if
     *         the one in use cannot append; {@code NO_COMPATIBLE_MULTISESSION_TYPE} if none can;
     *         {@code IMPORT_MEDIA_NOT_ALLOWED} on blank sequential media; {@code FSI_INTERNAL_ERROR}
     *         if an interface fails to answer
     */
    public void setMultisessionInterfaces(List<? extends Multisession> interfaces) throws DiscImageException {
        MultisessionSelection chosen = MultisessionSelection.of(interfaces);
        this.multisession = chosen;
        this.multisessionInterfaces = List.copyOf(interfaces);
        setSessionStartBlock(chosen.sessionStart());
        freeMediaBlocks = chosen.freeSectors(); // 0 (full) is refused by plan(), not read as "no budget"
    }

    /** The multisession interfaces set (IMAPI2 MultisessionInterfaces); empty before. */
    public List<Multisession> multisessionInterfaces() {
        return multisessionInterfaces;
    }

    /**
     * Imports the newest session of the medium given by {@link #setMultisessionInterfaces} (IMAPI2
     * ImportFileSystem without arguments), strictly.
     *
     * @throws DiscImageException {@code MULTISESSION_NOT_SET} before the interfaces are set,
     *                            {@code IMPORT_SEEK_FAILURE} on blank media or an unreachable session
     */
    public FileSystem importFileSystem() throws IOException {
        if (multisession == null) {
            throw new DiscImageException(ErrorCode.MULTISESSION_NOT_SET, "set the multisession interfaces first");
        }
        multisession.checkImportable();
        return importFileSystem(multisession.chosen().importMedium(), multisession.importStart());
    }

    /** The volume name of the last imported session (IMAPI2 ImportedVolumeName), or null before an import. */
    public String importedVolumeName() {
        return importedVolumeName;
    }

    /** Plans the image as it stands and returns the number of blocks it would occupy (IMAPI2 UsedBlocks). */
    public long usedBlocks() throws DiscImageException {
        return plan().totalSectors();
    }

    /**
     * Freezes the tree into a planned image (IMAPI2 CreateResultImage). Everything is validated and
     * sized here; the content is read when the result is written.
     *
     * @throws DiscImageException for a tree the chosen file systems cannot hold (too deep, too many
     *                            directories, a file too large for the level, a name the policy
     *                            refuses) or an image over the budget
     */
    public ImageResult createResultImage() throws DiscImageException {
        return new ImageResult(plan());
    }

    /**
     * What a session appended to the imported one may change (DESIGN "UDF across sessions"):
     * <ul>
     *   <li>UDF is written in a later session only as the ISO/UDF bridge over a bridge session: the
     *       session chain of a grown medium is that of the ISO 9660 descriptors (docs/formats.md
     *       4.3), so a UDF-only session cannot be found again (FILE_SYSTEM_FEATURE_NOT_SUPPORTED);</li>
     *   <li>adding UDF to a session without it, or dropping it from one with it, is refused
     *       (FILE_SYSTEM_CHANGE_NOT_ALLOWED): UDF readers of an image file trust the anchor at LBA
     *       256, which lies in the first session — without UDF there it may hold file data and
     *       cannot be claimed, and with UDF dropped it would go on naming the older volume, the
     *       stale UDF tree xorriso leaves;</li>
     *   <li>the UDF revision stays the imported one (UDF_REVISION_CHANGE_NOT_ALLOWED, as IMAPI2
     *       fixes it by the imported session): the files kept in place are read through one
     *       partition by every session, and a reader that takes a 2.50 volume must not find a
     *       1.02 one on the same medium after an append, nor the other way round (the LVID's
     *       minimum read revision, UDF 2.60 2.2.6.4, would fall or rise under it).</li>
     * </ul>
     */
    private void checkAppendedFileSystems() throws DiscImageException {
        boolean udfBefore = importedFileSystems.contains(FileSystem.UDF);
        boolean udfNow = fileSystems.contains(FileSystem.UDF);
        if (udfNow && (fileSystems.size() == 1 || !importedFileSystems.contains(FileSystem.ISO9660))) {
            throw new DiscImageException(ErrorCode.FILE_SYSTEM_FEATURE_NOT_SUPPORTED, "UDF without ISO 9660 in a session"
                    + " appended at LBA " + sessionStartBlock + " is not written: the sessions of a grown medium are"
                    + " chained by their ISO 9660 descriptors; write the ISO/UDF bridge (imported: "
                    + importedFileSystems + ", asked: " + fileSystems + ")");
        }
        if (udfBefore != udfNow) {
            throw new DiscImageException(ErrorCode.FILE_SYSTEM_CHANGE_NOT_ALLOWED, (udfNow ? "UDF cannot be added to"
                    : "UDF cannot be dropped from") + " the imported session in the session appended at LBA "
                    + sessionStartBlock + ": the UDF anchor at LBA 256 of the medium " + (udfNow
                    ? "lies in a session without UDF" : "would go on naming the older UDF volume")
                    + " (imported: " + importedFileSystems + ", asked: " + fileSystems + ")");
        }
        if (udfNow && importedUdfRevision != udfRevision) {
            throw new DiscImageException(ErrorCode.UDF_REVISION_CHANGE_NOT_ALLOWED, "the imported session records UDF "
                    + importedUdfRevision + "; the session appended at LBA " + sessionStartBlock
                    + " must keep it, not write " + udfRevision);
        }
        if (udfNow && importedUdfPartitionStart < 0) {
            throw new DiscImageException(ErrorCode.FILE_SYSTEM_FEATURE_NOT_SUPPORTED, "the imported UDF volume has no"
                    + " plain physical partition (type 1 map) for the session appended at LBA " + sessionStartBlock
                    + " to reach back over");
        }
        if (udfNow && importedUdfPartitionStart > sessionStartBlock) {
            throw new DiscImageException(ErrorCode.BAD_MULTISESSION_PARAMETER, "the imported UDF partition starts at"
                    + " LBA " + importedUdfPartitionStart + ", after the session start " + sessionStartBlock
                    + ": the new session's partition cannot reach back over it");
        }
    }

    /** The maximum number of El Torito boot entries (IMAPI2 BootImageOptionsArray). */
    public static final int MAX_BOOT_ENTRIES = 32;

    /**
     * Makes the image bootable (IMAPI2 {@code put_BootImageOptionsArray}): the first entry is the
     * catalog's initial/default entry, the others go into one section per platform (El Torito 1.0
     * 2.3), the last section header 91h. The entries are referenced, not copied (as IMAPI2), and
     * checked again when the image is planned. An empty list makes the image non-bootable.
     *
     * @throws DiscImageException {@code INVALID_PARAM} for more than 32 entries; an entry's
     *                            {@code BOOT_IMAGE_DATA} or {@code BOOT_EMULATION_IMAGE_SIZE_MISMATCH}
     *                            (see {@link BootOptions})
     */
    public void setBootImageOptions(List<BootOptions> entries) throws DiscImageException {
        List<BootOptions> copy = List.copyOf(entries);
        validateBoot(copy);
        this.bootImages = copy;
    }

    /** The El Torito boot entries (IMAPI2 {@code BootImageOptionsArray}); empty when not bootable. */
    public List<BootOptions> bootImageOptions() {
        return bootImages;
    }

    private static void validateBoot(List<BootOptions> entries) throws DiscImageException {
        if (entries.size() > MAX_BOOT_ENTRIES) {
            throw new DiscImageException(ErrorCode.INVALID_PARAM, entries.size() + " boot entries given; a disc holds"
                    + " at most " + MAX_BOOT_ENTRIES + " (IMAPI2 BootImageOptionsArray)");
        }
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).validate(i);
        }
    }

    /**
     * A boot record goes only into the first session (IMAPI2: IMAPI_E_BOOT_OBJECT_CONFLICT) and
     * needs the ISO 9660 volume descriptor set it is part of (El Torito 1.0 2.0).
     */
    private void checkBoot() throws DiscImageException {
        if (bootImages.isEmpty()) {
            return;
        }
        validateBoot(bootImages);
        if (sessionStartBlock > 0) {
            throw new DiscImageException(ErrorCode.BOOT_OBJECT_CONFLICT, "a boot image is allowed only in the first"
                    + " session, not in the one appended at LBA " + sessionStartBlock);
        }
        if (!fileSystems.contains(FileSystem.ISO9660)) {
            throw new DiscImageException(ErrorCode.BOOT_OBJECT_CONFLICT, "an El Torito boot record is an ISO 9660"
                    + " volume descriptor; the file systems " + fileSystems + " hold none");
        }
    }

    private Layout plan() throws DiscImageException {
        Instant created = clock.instant();
        checkBoot();
        PlanRequest request = new PlanRequest(root, fileSystems, isoLevel, namePolicy, identifiers, created,
                sessionStartBlock, udfRevision, bootImages);
        boolean appending = importedMedium != null && sessionStartBlock > 0;
        if (appending) {
            checkAppendedFileSystems();
        }
        Layout layout = appending && fileSystems.contains(FileSystem.UDF)
                ? UdfBridgePlanner.planAppended(request, redundantUdfMetadata, importedMedium, importedUdfPartitionStart)
                : appending ? IsoImagePlanner.planAppended(request, importedMedium)
                : !fileSystems.contains(FileSystem.UDF) ? IsoImagePlanner.plan(request)
                : fileSystems.size() == 1 ? UdfImagePlanner.plan(request, redundantUdfMetadata, udfEmbeddedData)
                : UdfBridgePlanner.plan(request, redundantUdfMetadata);
        if ((freeMediaBlocks > 0 || multisession != null) && layout.totalSectors() > freeMediaBlocks) {
            throw new DiscImageException(ErrorCode.IMAGE_TOO_BIG, "the image needs " + layout.totalSectors()
                    + " blocks but only " + freeMediaBlocks + " are free");
        }
        return layout;
    }
}
