package org.discimage.tree;

/**
 * What {@link Directory#updateTree} did, counted in tree items: an added directory counts itself
 * and everything beneath it, and so does a removed one; a file that became a directory (or the
 * reverse) counts as removed and added.
 *
 * @param added             items new on the host, added
 * @param replaced          files given new content and symbolic links or devices given a new
 *                          target, in place
 * @param removed           items gone on the host, removed
 * @param attributesUpdated items kept whose mode, owner or times were taken from the host
 * @param unchanged         items that already matched the host
 */
public record UpdateSummary(long added, long replaced, long removed, long attributesUpdated, long unchanged) {
    /** Whether the update changed nothing in the tree. */
    public boolean isEmpty() {
        return added == 0 && replaced == 0 && removed == 0 && attributesUpdated == 0;
    }

    @Override
    public String toString() {
        return added + " added, " + replaced + " replaced, " + removed + " removed, " + attributesUpdated
                + " attributes updated, " + unchanged + " unchanged";
    }
}
