package org.discimage.media.grow;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Whole 2048-byte blocks read and written at any LBA: an image file, or a DVD+RW / BD-RE in a drive
 * (READ(10) / WRITE(10), MMC 6.15 / 6.44). What {@link GrownSessions} needs of a random-write medium.
 */
public interface RandomAccessBlocks {
    /** Bytes per block (ECMA-119 6.1.2 logical sector, MMC's user data block). */
    int BLOCK = 2048;

    /**
     * Reads {@code dst.remaining()} bytes (a whole number of blocks) from block {@code lba} on.
     *
     * @throws IOException when a block cannot be read (IMPORT_READ_FAILURE past the end of a file,
     *                     the drive's sense otherwise)
     */
    void read(long lba, ByteBuffer dst) throws IOException;

    /** Writes {@code src.remaining()} bytes (a whole number of blocks) from block {@code lba} on. */
    void write(long lba, ByteBuffer src) throws IOException;

    /** Blocks that can be read from LBA 0: the file's length, the formatted capacity of a disc. */
    long readableBlocks() throws IOException;

    /**
     * Makes blocks {@code from} (the end of a session just written) up to {@code to} (exclusive, the
     * 32-block boundary) readable as zeros where they are not already.
     */
    void padTo(long from, long to) throws IOException;

    /** Makes everything written so far durable: force of the file, SYNCHRONIZE CACHE of the drive. */
    void force() throws IOException;
}
