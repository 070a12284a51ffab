package org.discimage.span;

/**
 * One line of the catalog: a file (or one part of a split file) and the disc that holds it.
 *
 * @param disc   the disc's number, from 1
 * @param path   the path on that disc, {@code /} separated, from the root (a part's name ends in
 *               {@code .partNNN})
 * @param size   the bytes of this file or part
 * @param part   which part this is, from 1; 1 for a file that was not split
 * @param parts  how many parts the original file has; 1 for a file that was not split
 * @param sha256 the SHA-256 of these bytes in lower-case hex, or null when hashing was off
 */
public record CatalogEntry(int disc, String path, long size, int part, int parts, String sha256) {

    /** Whether this is one part of a file split across discs. */
    public boolean isPart() {
        return parts > 1;
    }
}
