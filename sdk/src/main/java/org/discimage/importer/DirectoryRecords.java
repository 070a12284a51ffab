package org.discimage.importer;

import java.nio.ByteBuffer;

import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;
import org.discimage.iso9660.DirectoryRecord;

/** Decodes directory records in a sector through {@link DirectoryRecord}, naming LBA and offset on failure. */
final class DirectoryRecords {
    private DirectoryRecords() {
    }

    /** The record of {@code length} bytes at {@code offset} in {@code sector} (which is at {@code lba}). */
    static RecordRef decode(ByteBuffer sector, long lba, int offset, int length, DecodeContext ctx)
            throws DiscImageException {
        return decode(sector, offset, lba, offset, length, ctx);
    }

    /**
     * The record of {@code length} bytes at {@code at} in {@code bytes}, found at {@code offset} of
     * sector {@code lba} (a record read across a sector boundary is copied out first).
     */
    static RecordRef decode(ByteBuffer bytes, int at, long lba, int offset, int length, DecodeContext ctx)
            throws DiscImageException {
        ByteBuffer b = bytes.duplicate().limit(at + length).position(at);
        try {
            return new RecordRef(lba, offset, DirectoryRecord.decode(b, ctx.at(lba)));
        } catch (DiscImageException | RuntimeException e) {
            throw Malformed.wrap("directory record", lba, offset, e);
        }
    }
}
