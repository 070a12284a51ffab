package org.discimage.tree;

import java.util.Objects;

/**
 * A symbolic link. Recorded by Rock Ridge (SL) only; Joliet cannot represent links and leaves them
 * out, and so does a plain ISO 9660 tree without Rock Ridge.
 */
public final class SymlinkItem extends Item {
    private final String target;

    SymlinkItem(String name, String target, long time) {
        super(name, 0777, time);
        this.target = Objects.requireNonNull(target, "target");
        if (target.isEmpty() || target.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid symlink target: \"" + target + "\"");
        }
    }

    @Override
    public ItemType type() {
        return ItemType.SYMLINK;
    }

    /** The link target exactly as given (absolute or relative). */
    public String target() {
        return target;
    }
}
