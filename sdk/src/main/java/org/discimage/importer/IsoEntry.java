package org.discimage.importer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.discimage.tree.ItemType;

/**
 * One file, directory or symbolic link of a tree read from a medium, as the chosen namespace
 * (ISO 9660, Joliet or Rock Ridge) records it.
 *
 * @param path          absolute path in the image, {@code /} separated, the root is {@code /};
 *                      ISO 9660 names without their {@code ;1} version suffix
 * @param type          {@link ItemType#FILE}, {@link ItemType#DIRECTORY} or {@link ItemType#SYMLINK}
 * @param size          bytes of data: the sum over all extents of a multi-extent file, a
 *                      directory's extent length, 0 for a symbolic link
 * @param mode          the POSIX {@code st_mode} (type and permission bits) from Rock Ridge PX, or
 *                      {@link #NO_MODE} when the tree carries none
 * @param uid           owner from Rock Ridge PX (0 without)
 * @param gid           group from Rock Ridge PX (0 without)
 * @param modified      modification time: Rock Ridge TF when present, else the directory record's
 *                      recording date
 * @param symlinkTarget the target of a symbolic link (Rock Ridge SL), else {@code null}
 * @param extents       where the data is, in file-offset order (one for most files, none for a
 *                      symbolic link)
 * @param hidden        whether the existence bit (ECMA-119 9.1.6 bit 0) is set
 */
public record IsoEntry(String path, ItemType type, long size, int mode, long uid, long gid, Instant modified,
                       String symlinkTarget, List<FileExtent> extents, boolean hidden) {
    /** The {@link #mode()} of an entry without POSIX attributes. */
    public static final int NO_MODE = -1;

    /** Checks the components and copies the extent list. */
    public IsoEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(modified, "modified");
        if (type == ItemType.NOT_FOUND) {
            throw new IllegalArgumentException("an entry cannot be of type NOT_FOUND: " + path);
        }
        if ((type == ItemType.SYMLINK) != (symlinkTarget != null)) {
            throw new IllegalArgumentException("a symbolic link, and only a link, has a target: " + path);
        }
        extents = List.copyOf(extents);
    }

    /** The last component of the path ({@code ""} for the root). */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Whether {@link #mode()} holds Rock Ridge POSIX attributes. */
    public boolean hasMode() {
        return mode != NO_MODE;
    }
}
