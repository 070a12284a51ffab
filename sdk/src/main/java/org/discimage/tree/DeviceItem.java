package org.discimage.tree;

/**
 * A block or character device node. Only Rock Ridge can record one (PX file type and PN device
 * number, RRIP 1.12 4.1.1-4.1.2); Joliet and a plain ISO 9660 tree leave it out. Backup software
 * archiving a whole system (/dev of a chroot) needs it.
 */
public final class DeviceItem extends Item {
    /** Block or character device. */
    public enum Kind {
        /** A block device (S_IFBLK). */
        BLOCK,
        /** A character device (S_IFCHR). */
        CHARACTER
    }

    private final Kind kind;
    private final long major;
    private final long minor;

    DeviceItem(String name, Kind kind, long major, long minor, long time) {
        super(name, 0600, time);
        if (major < 0 || major > 0xFFFF_FFFFL || minor < 0 || minor > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("device numbers must be 32-bit unsigned: " + major + ", " + minor);
        }
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
        this.major = major;
        this.minor = minor;
    }

    @Override
    public ItemType type() {
        return ItemType.DEVICE;
    }

    /** Block or character device. */
    public Kind kind() {
        return kind;
    }

    /** The major device number. */
    public long major() {
        return major;
    }

    /** The minor device number. */
    public long minor() {
        return minor;
    }
}
