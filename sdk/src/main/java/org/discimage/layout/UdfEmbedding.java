package org.discimage.layout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.tree.FileItem;

/**
 * Reads the bytes of a small file whose data is embedded in its File Entry (ECMA-167 4/14.6.8 AD
 * type 3): at most one block less the File Entry's fixed part, read when that block is encoded.
 */
final class UdfEmbedding {
    private UdfEmbedding() {
    }

    /** The file's bytes, exactly {@code size()} of them, or DATA_STREAM_INCONSISTENCY. */
    static byte[] read(FileItem f) throws IOException {
        int size = Math.toIntExact(f.size());
        ByteBuffer b = ByteBuffer.allocate(size + 1);
        try (ReadableByteChannel ch = f.source().openChannel()) {
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read until size + 1 bytes or the end
            }
        }
        if (b.position() != size) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, f.path() + " (" + f.source().description()
                    + ") delivered " + (b.position() > size ? "more than " : "") + b.position() + " bytes, but its size is "
                    + size + " (its data is embedded in its UDF File Entry)");
        }
        byte[] out = new byte[size];
        b.flip().get(out);
        return out;
    }
}
