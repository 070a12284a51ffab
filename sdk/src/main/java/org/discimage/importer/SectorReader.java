package org.discimage.importer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Random access to the 2048-byte logical sectors of a medium or an image, addressed by absolute
 * LBA (ECMA-119 6.1.2). Importers read every on-disc structure through it, so the same code reads
 * an image file, a disc in a drive or an image being built.
 */
public interface SectorReader extends Closeable {
    /** Bytes per logical sector. */
    int SECTOR_SIZE = 2048;

    /**
     * Reads whole sectors starting at {@code lba} into {@code dst}: as many as fit in
     * {@code dst.remaining()}, fewer only where the medium ends. Advances {@code dst}'s position by
     * the bytes read.
     *
     * @return the number of sectors read; 0 when {@code lba} is at or past the end
     * @throws IllegalArgumentException if {@code lba} is negative or {@code dst} has room for less
     *                                  than one sector
     */
    int read(long lba, ByteBuffer dst) throws IOException;

    /** The number of readable sectors (LBA 0 to {@code sectorCount() - 1}). */
    long sectorCount() throws IOException;

    /** Releases what the reader holds; the default does nothing. */
    @Override
    default void close() throws IOException {
    }
}
