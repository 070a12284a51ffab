package org.discimage.span;

import java.util.List;

import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.error.DiscImageException;
import org.discimage.source.ContentSource;
import org.discimage.tree.Directory;

/**
 * One disc of a {@link DiscSet}: which files it holds, its measured size, and its image on demand.
 * The image is built afresh by each call, from the source tree and the set's catalog.
 */
public final class DiscPlan {
    private final int number;
    private final SpanOptions options;
    private final Directory sourceRoot;
    private final List<Piece> pieces;
    private final List<CatalogEntry> entries;
    private final long blocks;
    private final byte[] catalog;

    DiscPlan(int number, SpanOptions options, Directory sourceRoot, List<Piece> pieces, List<CatalogEntry> entries,
             long blocks, byte[] catalog) {
        this.number = number;
        this.options = options;
        this.sourceRoot = sourceRoot;
        this.pieces = List.copyOf(pieces);
        this.entries = List.copyOf(entries);
        this.blocks = blocks;
        this.catalog = catalog;
    }

    /** The disc's number, from 1. */
    public int number() {
        return number;
    }

    /** The files and parts on this disc, by path (the catalog itself not included). */
    public List<CatalogEntry> entries() {
        return entries;
    }

    /** The size of this disc's image in blocks, as planned (at most the capacity). */
    public long blocks() {
        return blocks;
    }

    /**
     * A new image holding this disc's files and the catalog, with the capacity as its budget
     * ({@link FileSystemImage#setFreeMediaBlocks}), ready for {@link FileSystemImage#createResultImage()}.
     */
    public FileSystemImage createImage() throws DiscImageException {
        FileSystemImage image = DiscTrees.build(options, sourceRoot, pieces, ContentSource.of(catalog));
        image.setFreeMediaBlocks(options.capacity().blocks());
        return image;
    }

    /** {@link #createImage()} planned: the image to write. */
    public ImageResult createResultImage() throws DiscImageException {
        return createImage().createResultImage();
    }
}
