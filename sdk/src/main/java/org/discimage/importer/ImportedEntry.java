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
 * @param path              absolute path in the image, {@code /} separated, the root is {@code /};
 *                          ISO 9660 names without their {@code ;1} version suffix
 * @param type              {@link ItemType#FILE}, {@link ItemType#DIRECTORY}, {@link ItemType#SYMLINK}
 *                          or {@link ItemType#DEVICE}
 * @param size              bytes of data: the sum over all extents of a multi-extent file, the
 *                          length of embedded data, a directory's recorded length, 0 for a link
 * @param mode              the POSIX {@code st_mode} (type and permission bits) from Rock Ridge PX or
 *                          UDF permissions, or {@link #NO_MODE} when the tree carries none
 * @param uid               owner (0 without one recorded)
 * @param gid               group (0 without one recorded)
 * @param modified          modification time: Rock Ridge TF or UDF, else the directory record's date
 * @param accessed          last access time, or null when the tree records none
 * @param attributesChanged last attribute change time, or null when the tree records none
 * @param symlinkTarget     the target of a symbolic link, else {@code null}
 * @param extents           where the data is on the medium, in file-offset order, absolute LBAs (one
 *                          for most files; none for links, devices and embedded data)
 * @param embeddedData      the data of a UDF file recorded inside its ICB (ECMA-167 4/14.6.8 type 3),
 *                          else null; never modified by the reader after construction
 * @param linkCount         the hard link count (Rock Ridge PX st_nlink, UDF File Link Count), 1 when
 *                          unrecorded
 * @param fileId            an identity shared by hard links of the same file: the Rock Ridge PX
 *                          serial number, the UDF ICB address; -1 when there is none
 * @param device            for a device, {@code major << 32 | minor} (from Rock Ridge PN, read as the
 *                          Linux dev_t libisofs and mkisofs record, or from the UDF device
 *                          specification); -1 when unknown or not a device
 * @param flags             what else the reader noticed about the entry
 */
public record ImportedEntry(String path, ItemType type, long size, int mode, long uid, long gid, Instant modified,
                            Instant accessed, Instant attributesChanged, String symlinkTarget,
                            List<FileExtent> extents, byte[] embeddedData, int linkCount, long fileId, long device,
                            Set<Flag> flags) {
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

    /** Checks the components and copies the lists. */
    public ImportedEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(modified, "modified");
        if (type == ItemType.NOT_FOUND) {
            throw new IllegalArgumentException("an entry cannot be of type NOT_FOUND: " + path);
        }
        if ((type == ItemType.SYMLINK) != (symlinkTarget != null)) {
            throw new IllegalArgumentException("a symbolic link, and only a link, has a target: " + path);
        }
        if (embeddedData != null && !extents.isEmpty()) {
            throw new IllegalArgumentException("embedded data and extents together: " + path);
        }
        extents = List.copyOf(extents);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
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

    /** The last component of the path ({@code ""} for the root). */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Whether {@link #mode()} holds POSIX attributes. */
    public boolean hasMode() {
        return mode != NO_MODE;
    }

    /** Whether the existence (hidden) bit is set. */
    public boolean hidden() {
        return flags.contains(Flag.HIDDEN);
    }
}
