package org.discimage.span;

import org.discimage.source.ContentSource;
import org.discimage.tree.Directory;
import org.discimage.tree.Item;

/**
 * One thing placed on one disc: a file, one part of a split file, a symbolic link, a device node or
 * an empty directory.
 *
 * @param path    the path on the disc ({@code /a/b}; a part's name ends in {@code .partNNN})
 * @param parent  the source directory the item lives in (its attributes are copied to the disc)
 * @param item    the source item
 * @param content the bytes of a file or part, null for the others
 * @param part    the part number from 1 (1 for a whole file)
 * @param parts   the number of parts (1 for a whole file)
 */
record Piece(String path, Directory parent, Item item, ContentSource content, int part, int parts) {

    /** The bytes of the file or part, 0 for the others. */
    long size() {
        return content == null ? 0 : content.size();
    }

    /** Whether the catalog lists this piece (files and parts; links, devices and directories travel along). */
    boolean catalogued() {
        return content != null;
    }

    /** The name on the disc. */
    String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * A rough size in blocks, used only to order and pre-pack: the data rounded up to blocks plus
     * one block for the file's descriptors (a UDF File Entry is a block of its own, ECMA-167 4/14.9;
     * ISO 9660 records are smaller). The real size is always measured afterwards.
     */
    long estimate() {
        return (size() + MediaCapacity.BLOCK_SIZE - 1) / MediaCapacity.BLOCK_SIZE + 1;
    }
}
