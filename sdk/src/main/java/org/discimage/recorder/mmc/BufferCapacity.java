package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * READ BUFFER CAPACITY reply in bytes (12 bytes, formats.md §6.2): [0..1] data length (10), [4..7] length of
 * the buffer, [8..11] blank (free) length of the buffer.
 *
 * @param totalBytes the buffer size
 * @param freeBytes  bytes the drive can take now
 */
public record BufferCapacity(long totalBytes, long freeBytes) {
    /** Reply length. */
    public static final int LENGTH = 12;
    private static final String COMMAND = "READ BUFFER CAPACITY";

    /** Decodes the reply at the buffer's position; free bytes above the size are malformed. */
    public static BufferCapacity decode(ByteBuffer reply) throws DiscImageException {
        Bytes.need(COMMAND, reply, LENGTH);
        int declared = Bytes.u16(reply, 0);
        if (declared < LENGTH - 2) {
            throw Bytes.malformed(COMMAND, 0, "data length " + declared + " shorter than 10");
        }
        long total = Bytes.u32(reply, 4);
        long free = Bytes.u32(reply, 8);
        if (free > total) {
            throw Bytes.malformed(COMMAND, 8, free + " free bytes in a buffer of " + total);
        }
        return new BufferCapacity(total, free);
    }

    /** Bytes held: size − free. */
    public long fillBytes() {
        return totalBytes - freeBytes;
    }
}
