package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Decodes directory records through {@code org.discimage.iso9660.DirectoryRecord}. */
final class DirectoryRecords {
    private DirectoryRecords() {
    }

    /** The record of {@code length} bytes at {@code offset} in {@code sector} (which is at {@code lba}). */
    static RecordRef decode(ByteBuffer sector, long lba, int offset, int length) throws IOException {
        throw new UnsupportedOperationException("waiting for the records");
    }
}
