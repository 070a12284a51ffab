package org.discimage;

/**
 * One segment of a planned image (IMAPI2 IProgressItem): a file's data or a metadata area, with its
 * block range.
 *
 * @param description the file's path in the image, or what the metadata is ("ISO 9660 directories")
 * @param firstBlock  first LBA of the segment
 * @param blockCount  number of 2048-byte blocks
 */
public record ImageExtent(String description, long firstBlock, long blockCount) {
    /** The last LBA of the segment (equal to {@code firstBlock - 1} for an empty one). */
    public long lastBlock() {
        return firstBlock + blockCount - 1;
    }
}
