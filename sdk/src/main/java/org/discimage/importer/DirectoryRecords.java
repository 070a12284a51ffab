package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;

import org.discimage.error.DiscImageException;
import org.discimage.iso9660.DirectoryRecord;

/** Decodes directory records through {@code org.discimage.iso9660.DirectoryRecord}. */
final class DirectoryRecords {
    private DirectoryRecords() {
    }

    /** The record of {@code length} bytes at {@code offset} in {@code sector} (which is at {@code lba}). */
    static RecordRef decode(ByteBuffer sector, long lba, int offset, int length) throws IOException {
        if (offset + length > sector.limit() || offset % 2048 + length > 2048) {
            throw Malformed.at("directory record", lba, offset, "length " + length + " runs past the sector (ECMA-119 6.8.1.1: records never span sectors)");
        }
        ByteBuffer view = sector.duplicate();
        view.limit(offset + length).position(offset);
        DirectoryRecord r;
        try {
            r = DirectoryRecord.decode(view);
        } catch (DiscImageException e) {
            throw Malformed.at("directory record", lba, offset, e.getMessage());
        }
        return new RecordRef(lba, offset, r.extentLocation(), r.dataLength(), r.fileFlags(), r.fileIdentifier(),
                Instant.ofEpochSecond(r.recordingDateTime().toEpochSecond()),
                ByteBuffer.wrap(r.systemUse()).asReadOnlyBuffer());
    }
}
