package org.discimage.importer;

import java.util.Arrays;

/**
 * The bytes of the records of the directory being walked, back to back in one array that the
 * next directory overwrites: one copy per record without an array (and its header) per record.
 * Grows by doubling to the largest directory met; a grown array leaves the records already
 * stored in the old one intact.
 */
final class RecordStore {
    private byte[] array = new byte[1 << 14];
    private int used;

    /** Starts over: the records stored so far are no longer read. */
    void clear() {
        used = 0;
    }

    /** Copies {@code length} bytes of {@code src} from {@code from}; returns where they start in {@link #array()}. */
    int put(byte[] src, int from, int length) {
        if (array.length - used < length) {
            array = Arrays.copyOf(array, Math.max(array.length * 2, used + length));
        }
        System.arraycopy(src, from, array, used, length);
        int start = used;
        used += length;
        return start;
    }

    /** The array the last {@link #put} wrote to. */
    byte[] array() {
        return array;
    }
}
