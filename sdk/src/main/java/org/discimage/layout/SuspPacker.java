package org.discimage.layout;

import java.util.List;

import org.discimage.susp.SuspEntry;

/**
 * Splits a record's System Use entries between the directory record and continuation areas
 * (SUSP 1.12 5.1): as many entries as fit stay in the record; the rest go to continuation areas of
 * at most one block each, chained by CE entries. Linux rejects a continuation area that crosses a
 * block boundary (fs/isofs/rock.c), hence the one-block limit. The split depends only on the entry
 * lengths, so planning and emission compute the same one.
 */
final class SuspPacker {
    /** Length of a CE entry (SUSP 1.12 5.1). */
    static final int CE_LENGTH = 28;
    /** A continuation area may not cross a logical block. */
    static final int AREA_CAPACITY = 2048;

    private SuspPacker() {
    }

    /**
     * Returns the number of entries in each area: element 0 for the record itself, then one per
     * continuation area. An area followed by another needs room for the CE entry that chains it.
     */
    static int[] split(List<SuspEntry> entries, int recordCapacity) {
        int total = 0;
        for (SuspEntry e : entries) {
            total += e.length();
        }
        if (total <= recordCapacity) {
            return new int[] {entries.size()};
        }
        int[] counts = new int[entries.size() + 1];
        int areas = 0;
        int capacity = recordCapacity;
        int used = 0;
        int remaining = total;
        for (SuspEntry e : entries) {
            int len = e.length();
            boolean last = remaining == len;
            int room = capacity - used - (last ? 0 : CE_LENGTH);
            if (len > room) {
                areas++;
                capacity = AREA_CAPACITY;
                used = 0;
            }
            counts[areas]++;
            used += len;
            remaining -= len;
        }
        int[] result = new int[areas + 1];
        System.arraycopy(counts, 0, result, 0, areas + 1);
        return result;
    }

    /** The byte length of area {@code index} of a split, including its chaining CE if any. */
    static int areaLength(List<SuspEntry> entries, int[] split, int index) {
        int from = 0;
        for (int i = 0; i < index; i++) {
            from += split[i];
        }
        int len = 0;
        for (int i = from; i < from + split[index]; i++) {
            len += entries.get(i).length();
        }
        return len + (index + 1 < split.length ? CE_LENGTH : 0);
    }
}
