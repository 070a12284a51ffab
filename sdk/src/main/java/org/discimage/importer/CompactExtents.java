package org.discimage.importer;

import java.util.List;
import java.util.Objects;

/**
 * The extents of an imported file kept compact, as {@link ImportedEntry} and {@link ImportedSource}
 * keep them: nearly every file has one extent, held as two numbers ({@code lba}, -1 for none, and
 * {@code length}); only a file of two or more has a list ({@code many}, else null). A list is made
 * only when {@link #list} is asked for one.
 */
final class CompactExtents {
    private CompactExtents() {
    }

    static List<FileExtent> list(List<FileExtent> many, long lba, long length) {
        if (many != null) {
            return many;
        }
        return lba < 0 ? List.of() : List.of(new FileExtent(lba, length));
    }

    static int count(List<FileExtent> many, long lba) {
        return many != null ? many.size() : lba < 0 ? 0 : 1;
    }

    static long lba(List<FileExtent> many, long lba, int i) {
        if (many != null) {
            return many.get(i).lba();
        }
        Objects.checkIndex(i, count(null, lba));
        return lba;
    }

    static long length(List<FileExtent> many, long lba, long length, int i) {
        if (many != null) {
            return many.get(i).length();
        }
        Objects.checkIndex(i, count(null, lba));
        return length;
    }
}
