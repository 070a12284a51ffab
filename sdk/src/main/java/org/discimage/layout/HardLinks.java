package org.discimage.layout;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.discimage.importer.ImportedSource;
import org.discimage.importer.SectorReader;
import org.discimage.source.ContentSource;
import org.discimage.tree.FileItem;

/**
 * Finds the names of one file (hard links) while a planner walks the tree, so that each namespace
 * records the file once: FileItems sharing one {@link ContentSource} instance (the tree's rule,
 * {@link FileItem}), and imported files the medium recorded with a link count above 1 (Rock Ridge PX
 * st_nlink, UDF File Link Count) whose sources name the same extent of the same medium: an import
 * gives every name a source of its own, and the count tells a link from two names that merely share
 * data (which are left apart). One instance per plan; only the first name of each file is kept
 * (an identity map: two references per file, no per-file objects).
 *
 * @param <N> the planner's node type
 */
final class HardLinks<N> {
    /** An imported link group's key: the medium and the first extent (and size, for safety). */
    private record Extent(SectorReader medium, long lba, long size) {
    }

    private final Map<ContentSource, N> bySource = new IdentityHashMap<>();
    private Map<Extent, N> byExtent;

    /**
     * Records {@code node} as the first name of {@code f}'s file, or returns the first name met
     * before, of which {@code node} is then a further name.
     */
    N firstName(FileItem f, N node) {
        if (f.source() instanceof ImportedSource src && src.linkCount() > 1 && !src.isEmbedded()
                && src.extentCount() > 0) {
            if (byExtent == null) {
                byExtent = new HashMap<>();
            }
            N first = byExtent.putIfAbsent(new Extent(src.sectorReader(), src.extentLba(0), src.size()), node);
            if (first != null) {
                return first;
            }
        }
        return bySource.putIfAbsent(f.source(), node);
    }
}
