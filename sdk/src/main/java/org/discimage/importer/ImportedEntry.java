package org.discimage.importer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.discimage.tree.ItemType;

/**
 * One file, directory, symbolic link or device of a tree read from a medium, as the chosen file
 * system (ISO 9660, Joliet, Rock Ridge or UDF) records it.
 *
 * <p>Compact on purpose: a reader returns one per entry of the tree (100,000 for a large session),
 * and they are all alive until the tree is merged. An entry the readers make holds its name and a
 * link to its directory's entry ({@link #parent()}), not its whole path; {@link #path()} builds the
 * path when asked. A file of one extent holds its LBA and length as numbers; {@link #extents()}
 * makes the list when asked ({@link #extentCount()}, {@link #extentLba(int)} and
 * {@link #extentLength(int)} read them without allocating). Two entries are equal when all their
 * components (path, type, size, mode, owner, times, target, extents, embedded data by identity,
 * link count, file id, device, flags) are.
 *
 * <p>The components:
 * <dl>
 * <dt>path<dd>absolute path in the image, {@code /} separated, the root is {@code /}; ISO 9660 names
 *     without their {@code ;1} version suffix
 * <dt>type<dd>{@link ItemType#FILE}, {@link ItemType#DIRECTORY}, {@link ItemType#SYMLINK} or
 *     {@link ItemType#DEVICE}
 * <dt>size<dd>bytes of data: the sum over all extents of a multi-extent file, the length of
 *     embedded data, a directory's recorded length, 0 for a link
 * <dt>mode<dd>the POSIX {@code st_mode} (type and permission bits) from Rock Ridge PX or UDF
 *     permissions, or {@link #NO_MODE} when the tree carries none
 * <dt>uid, gid<dd>owner and group (0 without one recorded)
 * <dt>modified<dd>modification time: Rock Ridge TF or UDF, else the directory record's date
 * <dt>accessed, attributesChanged<dd>last access and attribute change times, or null when the tree
 *     records none
 * <dt>symlinkTarget<dd>the target of a symbolic link, else {@code null}
 * <dt>extents<dd>where the data is on the medium, in file-offset order, absolute LBAs (one for
 *     most files; none for links, devices and embedded data)
 * <dt>embeddedData<dd>the data of a UDF file recorded inside its ICB (ECMA-167 4/14.6.8 type 3),
 *     else null; never modified by the reader after construction
 * <dt>linkCount<dd>the hard link count (Rock Ridge PX st_nlink, UDF File Link Count), 1 when
 *     unrecorded
 * <dt>fileId<dd>an identity shared by hard links of the same file: the Rock Ridge PX serial
 *     number, the UDF ICB address; -1 when there is none
 * <dt>device<dd>for a device, {@code major << 32 | minor} (from Rock Ridge PN, read as the Linux
 *     dev_t libisofs and mkisofs record, or from the UDF device specification); -1 when unknown or
 *     not a device
 * <dt>flags<dd>what else the reader noticed about the entry
 * </dl>
 */
public final class ImportedEntry {
    /** The {@link #mode()} of an entry without POSIX attributes. */
    public static final int NO_MODE = -1;

    /** Facts about an entry beyond its attributes. */
    public enum Flag {
        /** The existence bit is set (ECMA-119 9.1.6 bit 0; UDF FID characteristics bit 0). */
        HIDDEN,
        /**
         * The data is zisofs-compressed (Rock Ridge ZF entry); {@link #size()} is the recorded
         * (compressed) size, and the data is imported as recorded.
         */
        ZISOFS,
        /** The file has UDF named streams, which are not imported (a diagnostic says so). */
        NAMED_STREAMS
    }

    /** The directory's entry, or null: then {@link #nameOrPath} is the whole path. */
    private final ImportedEntry parent;
    /** The name when {@link #parent} is set, else the path. */
    private final String nameOrPath;
    private final ItemType type;
    private final long size;
    private final int mode;
    private final int linkCount;
    private final long uid;
    private final long gid;
    private final Instant modified;
    private final Instant accessed;
    private final Instant attributesChanged;
    private final String symlinkTarget;
    /** Two or more extents; null for none or one. */
    private final List<FileExtent> extentList;
    /** The single extent's LBA and length; {@code lba} -1 when there is none or a list. */
    private final long lba;
    private final long length;
    private final byte[] embeddedData;
    private final long fileId;
    private final long device;
    private final Set<Flag> flags;

    /**
     * An entry with every component given (see the class comment for their meaning).
     *
     * @throws IllegalArgumentException if the type is {@link ItemType#NOT_FOUND}, a target is
     *                                  given for anything but a link (or missing for one), or
     *                                  embedded data comes with extents
     */
    public ImportedEntry(String path, ItemType type, long size, int mode, long uid, long gid, Instant modified,
                         Instant accessed, Instant attributesChanged, String symlinkTarget,
                         List<FileExtent> extents, byte[] embeddedData, int linkCount, long fileId, long device,
                         Set<Flag> flags) {
        this(null, Objects.requireNonNull(path, "path"), type, size, mode, uid, gid, modified, accessed,
                attributesChanged, symlinkTarget, extents.size() > 1 ? List.copyOf(extents) : null,
                extents.size() == 1 ? extents.get(0).lba() : -1, extents.size() == 1 ? extents.get(0).length() : 0,
                embeddedData, linkCount, fileId, device, flags);
    }

    /**
     * The form the readers make: {@code name} in the directory of {@code parent} (null: {@code name}
     * is the whole path), the data in {@code extentList} when it has two or more extents, else at
     * {@code lba} (-1: none) for {@code length} bytes.
     */
    ImportedEntry(ImportedEntry parent, String nameOrPath, ItemType type, long size, int mode, long uid, long gid,
                  Instant modified, Instant accessed, Instant attributesChanged, String symlinkTarget,
                  List<FileExtent> extentList, long lba, long length, byte[] embeddedData, int linkCount,
                  long fileId, long device, Set<Flag> flags) {
        Objects.requireNonNull(nameOrPath, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(modified, "modified");
        if (type == ItemType.NOT_FOUND) {
            throw new IllegalArgumentException("an entry cannot be of type NOT_FOUND: " + nameOrPath);
        }
        if ((type == ItemType.SYMLINK) != (symlinkTarget != null)) {
            throw new IllegalArgumentException("a symbolic link, and only a link, has a target: " + nameOrPath);
        }
        if (embeddedData != null && (extentList != null || lba >= 0)) {
            throw new IllegalArgumentException("embedded data and extents together: " + nameOrPath);
        }
        if (lba > 0xFFFF_FFFFL || lba >= 0 && (length < 0 || length > 0xFFFF_FFFFL)) {
            // the ranges FileExtent checks, without making one
            throw new IllegalArgumentException("extent out of range: LBA " + lba + ", length " + length);
        }
        this.parent = parent;
        this.nameOrPath = nameOrPath;
        this.type = type;
        this.size = size;
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
        this.modified = modified;
        this.accessed = accessed;
        this.attributesChanged = attributesChanged;
        this.symlinkTarget = symlinkTarget;
        this.extentList = extentList;
        this.lba = extentList == null ? lba : -1;
        this.length = extentList == null && lba >= 0 ? length : 0;
        this.embeddedData = embeddedData;
        this.linkCount = linkCount;
        this.fileId = fileId;
        this.device = device;
        this.flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /**
     * A plain entry: no access or change time, no embedded data, one link, no file id, no device.
     * The form the ISO 9660 and Joliet trees produce.
     */
    public static ImportedEntry of(String path, ItemType type, long size, int mode, long uid, long gid,
                                   Instant modified, String symlinkTarget, List<FileExtent> extents, boolean hidden) {
        return new ImportedEntry(path, type, size, mode, uid, gid, modified, null, null, symlinkTarget, extents, null,
                1, -1, -1, hidden ? EnumSet.of(Flag.HIDDEN) : Set.of());
    }

    /**
     * The entry of the directory holding this one, when the reader linked them (the trees of
     * {@link IsoTreeReader} and {@link SessionReader} are linked, every entry but the root); null for
     * the root and for an entry made with the public constructor.
     */
    public ImportedEntry parent() {
        return parent;
    }

    /** The absolute path, built from the names up to the root when the entry is linked. */
    public String path() {
        if (parent == null) {
            return nameOrPath;
        }
        StringBuilder b = new StringBuilder(64);
        appendPath(b);
        return b.toString();
    }

    private void appendPath(StringBuilder b) {
        if (parent == null) {
            if (!nameOrPath.equals("/")) {
                b.append(nameOrPath);
            }
            return;
        }
        parent.appendPath(b);
        b.append('/').append(nameOrPath);
    }

    /** The last component of the path ({@code ""} for the root). */
    public String name() {
        return parent != null ? nameOrPath : nameOrPath.substring(nameOrPath.lastIndexOf('/') + 1);
    }

    /** {@link ItemType#FILE}, {@link ItemType#DIRECTORY}, {@link ItemType#SYMLINK} or {@link ItemType#DEVICE}. */
    public ItemType type() {
        return type;
    }

    /** Bytes of data (see the class comment). */
    public long size() {
        return size;
    }

    /** The POSIX {@code st_mode}, or {@link #NO_MODE}. */
    public int mode() {
        return mode;
    }

    /** The owner (0 without one recorded). */
    public long uid() {
        return uid;
    }

    /** The group (0 without one recorded). */
    public long gid() {
        return gid;
    }

    /** The modification time. */
    public Instant modified() {
        return modified;
    }

    /** The last access time, or null when the tree records none. */
    public Instant accessed() {
        return accessed;
    }

    /** The last attribute change time, or null when the tree records none. */
    public Instant attributesChanged() {
        return attributesChanged;
    }

    /** The target of a symbolic link, else null. */
    public String symlinkTarget() {
        return symlinkTarget;
    }

    /** Where the data is on the medium, in file-offset order (a new list for a single extent). */
    public List<FileExtent> extents() {
        return CompactExtents.list(extentList, lba, length);
    }

    /** The number of {@link #extents()}, without making the list. */
    public int extentCount() {
        return CompactExtents.count(extentList, lba);
    }

    /** The first LBA of extent {@code i} ({@code 0 <= i < extentCount()}), without making the list. */
    public long extentLba(int i) {
        return CompactExtents.lba(extentList, lba, i);
    }

    /** The length in bytes of extent {@code i} ({@code 0 <= i < extentCount()}), without making the list. */
    public long extentLength(int i) {
        return CompactExtents.length(extentList, lba, length, i);
    }

    /** The data embedded in a UDF ICB, else null (not copied: do not modify). */
    public byte[] embeddedData() {
        return embeddedData;
    }

    /** The hard link count, 1 when unrecorded. */
    public int linkCount() {
        return linkCount;
    }

    /** The identity shared by hard links of one file, or -1. */
    public long fileId() {
        return fileId;
    }

    /** For a device {@code major << 32 | minor}, else -1. */
    public long device() {
        return device;
    }

    /** What else the reader noticed. */
    public Set<Flag> flags() {
        return flags;
    }

    /** Whether {@link #mode()} holds POSIX attributes. */
    public boolean hasMode() {
        return mode != NO_MODE;
    }

    /** Whether the existence (hidden) bit is set. */
    public boolean hidden() {
        return flags.contains(Flag.HIDDEN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportedEntry e && type == e.type && size == e.size && mode == e.mode && uid == e.uid
                && gid == e.gid && linkCount == e.linkCount && fileId == e.fileId && device == e.device
                && embeddedData == e.embeddedData && modified.equals(e.modified)
                && Objects.equals(accessed, e.accessed) && Objects.equals(attributesChanged, e.attributesChanged)
                && Objects.equals(symlinkTarget, e.symlinkTarget) && flags.equals(e.flags)
                && extents().equals(e.extents()) && path().equals(e.path());
    }

    @Override
    public int hashCode() {
        return Objects.hash(path(), type, size, mode, uid, gid, modified, accessed, attributesChanged, symlinkTarget,
                extents(), System.identityHashCode(embeddedData), linkCount, fileId, device, flags);
    }

    @Override
    public String toString() {
        return "ImportedEntry[path=" + path() + ", type=" + type + ", size=" + size + ", mode=" + mode + ", uid=" + uid
                + ", gid=" + gid + ", modified=" + modified + ", accessed=" + accessed + ", attributesChanged="
                + attributesChanged + ", symlinkTarget=" + symlinkTarget + ", extents=" + extents()
                + ", embeddedData=" + (embeddedData == null ? null : embeddedData.length + " bytes") + ", linkCount="
                + linkCount + ", fileId=" + fileId + ", device=" + device + ", flags=" + flags + "]";
    }
}
