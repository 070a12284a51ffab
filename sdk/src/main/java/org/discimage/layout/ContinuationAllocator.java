package org.discimage.layout;

/**
 * Places continuation areas in the continuation region: consecutively, each inside one block
 * (SuspPacker.AREA_CAPACITY), moving to the next block when an area does not fit in what is left.
 */
final class ContinuationAllocator {
    private long position;

    /** Reserves {@code length} bytes; returns the offset in the region. */
    long allocate(int length) {
        long inBlock = position % SuspPacker.AREA_CAPACITY;
        if (inBlock + length > SuspPacker.AREA_CAPACITY) {
            position += SuspPacker.AREA_CAPACITY - inBlock;
        }
        long at = position;
        position += length;
        return at;
    }

    /** The number of blocks the region needs. */
    long sectors() {
        return (position + SuspPacker.AREA_CAPACITY - 1) / SuspPacker.AREA_CAPACITY;
    }
}
