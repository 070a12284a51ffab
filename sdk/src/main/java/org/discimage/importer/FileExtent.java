package org.discimage.importer;

/**
 * One extent of a file's data as recorded on the medium: {@code length} bytes from the first byte
 * of sector {@code lba} (absolute). A multi-extent file (ECMA-119 6.5.1, flag bit 7) has several.
 *
 * @param lba    first sector of the extent
 * @param length data length in bytes (0 to 2^32 - 1)
 */
public record FileExtent(long lba, long length) {
    /** Checks the ranges of ECMA-119 733 fields. */
    public FileExtent {
        if (lba < 0 || lba > 0xFFFF_FFFFL || length < 0 || length > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("extent out of range: LBA " + lba + ", length " + length);
        }
    }

    /** The number of sectors the extent occupies. */
    public long sectors() {
        return (length + SectorReader.SECTOR_SIZE - 1) / SectorReader.SECTOR_SIZE;
    }
}
