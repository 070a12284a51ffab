package org.discimage.layout;

import java.util.List;

/**
 * The immutable plan of an image: LBA-sorted extents covering every sector from {@code startLba}
 * without gap or overlap. Sized completely before a byte is written.
 */
public final class Layout {
    private final long startLba;
    private final List<PlannedExtent> extents;
    private final long totalSectors;

    /** Checks that the extents are contiguous from {@code startLba}. */
    public Layout(long startLba, List<PlannedExtent> extents) {
        this.startLba = startLba;
        this.extents = List.copyOf(extents);
        long next = startLba;
        for (PlannedExtent e : this.extents) {
            if (e.lba() != next) {
                throw new IllegalStateException("extent " + e.description() + " at LBA " + e.lba()
                        + " does not follow the previous one ending before LBA " + next);
            }
            next += e.sectors();
        }
        this.totalSectors = next - startLba;
    }

    /** The LBA of the first sector. */
    public long startLba() {
        return startLba;
    }

    /** The extents in LBA order. */
    public List<PlannedExtent> extents() {
        return extents;
    }

    /** The number of sectors from {@link #startLba()} to the end. */
    public long totalSectors() {
        return totalSectors;
    }
}
