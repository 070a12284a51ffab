package org.discimage.layout;

/**
 * Counts the sectors of a directory whose records never span a sector boundary (ECMA-119 6.8.1.1):
 * a record that does not fit in what is left of a sector starts the next one.
 */
final class SectorPacker {
    private long sectors = 1;
    private int position;

    void add(int recordLength) {
        if (position + recordLength > SectorProducer.SECTOR_SIZE) {
            sectors++;
            position = 0;
        }
        position += recordLength;
    }

    long sectors() {
        return sectors;
    }
}
