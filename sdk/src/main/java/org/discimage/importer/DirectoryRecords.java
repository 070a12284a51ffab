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
        ByteBuffer b = sector.duplicate().limit(offset + length).position(offset);
        try {
            return new RecordRef(lba, offset, DirectoryRecord.decode(b, ctx.at(lba)));
        } catch (DiscImageException | RuntimeException e) {
            throw Malformed.wrap("directory record", lba, offset, e);
        }
    }
}
