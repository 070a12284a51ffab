package org.discimage.span;

import java.util.Objects;

import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;

/**
 * How a tree is spread over a set of discs.
 *
 * @param capacity    the size of every disc of the set; the whole image (file systems, catalog and
 *                    data) must fit it
 * @param split       whether a file larger than one disc is cut into parts {@code NAME.part001},
 *                    {@code NAME.part002}, … (slices of the source, not copies); without it such a
 *                    file fails the plan with IMAGE_TOO_BIG
 * @param hash        whether the catalog carries the SHA-256 of every file and part; off by
 *                    default because it reads all the data once more while planning
 * @param catalogName the name of the catalog file in the root of every disc
 * @param images      makes the empty, configured image of one disc (file systems, levels,
 *                    identifiers, clock); called once per disc and per size check
 */
public record SpanOptions(MediaCapacity capacity, boolean split, boolean hash, String catalogName,
                          ImageFactory images) {
    /** The default catalog name: an ISO 9660 level 1 name (8.3), so every namespace keeps it as is. */
    public static final String DEFAULT_CATALOG = "CATALOG.TSV";

    /** Checks the values. */
    public SpanOptions {
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(images, "images");
        if (catalogName == null || catalogName.isEmpty() || catalogName.contains("/")) {
            throw new IllegalArgumentException("catalog name must be a plain file name: " + catalogName);
        }
    }

    /** No splitting, no hashes, {@link #DEFAULT_CATALOG}, images made by {@code images}. */
    public static SpanOptions of(MediaCapacity capacity, ImageFactory images) {
        return new SpanOptions(capacity, false, false, DEFAULT_CATALOG, images);
    }

    /** These options with splitting of oversized files on or off. */
    public SpanOptions withSplit(boolean on) {
        return new SpanOptions(capacity, on, hash, catalogName, images);
    }

    /** These options with SHA-256 hashes in the catalog on or off. */
    public SpanOptions withHash(boolean on) {
        return new SpanOptions(capacity, split, on, catalogName, images);
    }

    /** These options with another catalog file name. */
    public SpanOptions withCatalogName(String name) {
        return new SpanOptions(capacity, split, hash, name, images);
    }

    /**
     * Makes the empty image of one disc. It must give equal images on every call (same clock, same
     * settings): the set is planned with throw-away images and written with fresh ones.
     */
    @FunctionalInterface
    public interface ImageFactory {
        /** A new image with an empty tree, configured for one disc of the set. */
        FileSystemImage create() throws DiscImageException;
    }
}
