package org.discimage.layout;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Produces the sectors of a metadata extent one at a time, in order. */
public interface SectorProducer {
    /** Size of a logical sector (ECMA-119 6.1.2 / ECMA-167 3/8.1.2: 2048 on optical media). */
    int SECTOR_SIZE = 2048;

    /**
     * Writes the next sector: exactly {@link #SECTOR_SIZE} bytes at {@code dst}'s position, which
     * it advances. The bytes there on entry are zero.
     */
    void next(ByteBuffer dst) throws IOException;
}
