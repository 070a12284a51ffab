package org.discimage.span;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A tree spread over discs: the discs in order and the catalog every one of them carries.
 *
 * @param discs   the discs, numbered from 1
 * @param catalog every file and part of the set with the disc holding it, by path
 */
public record DiscSet(List<DiscPlan> discs, List<CatalogEntry> catalog) {

    /** Copies the lists. */
    public DiscSet {
        discs = List.copyOf(discs);
        catalog = List.copyOf(catalog);
    }

    /** The catalog file's text, as written to every disc. */
    public String catalogText() {
        return new String(Catalog.encode(catalog), StandardCharsets.UTF_8);
    }
}
