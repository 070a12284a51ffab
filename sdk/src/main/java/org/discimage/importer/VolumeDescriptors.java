package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What the importer takes from a session's volume descriptor set (ECMA-119 8): the primary root,
 * the Joliet root, and whether the primary tree carries Rock Ridge (SUSP SP in the root's "."
 * record, RRIP entries or an RRIP ER there).
 *
 * @param sessionStart LBA of the session start
 * @param volumeId     the PVD's volume identifier, trailing spaces removed
 * @param primaryRoot  the PVD's root directory record
 * @param jolietRoot   the Joliet SVD's root directory record, or null
 * @param rockRidge    whether the primary tree carries Rock Ridge
 * @param suspSkip     LEN_SKP of the SP entry (bytes to skip in each System Use area)
 */
record VolumeDescriptors(long sessionStart, String volumeId, RecordRef primaryRoot, RecordRef jolietRoot,
                         boolean rockRidge, int suspSkip) {
    /** Descriptors read at most before giving up on finding the terminator (as Linux and mkisofs). */
    static final int MAX_DESCRIPTORS = 100;
    static final int TYPE_PRIMARY = 1;
    static final int TYPE_SUPPLEMENTARY = 2;
    static final int TYPE_TERMINATOR = 255;

    /** Reads the set at {@code sessionStart + 16} up to its terminator. */
    static VolumeDescriptors read(SectorReader sectors, long sessionStart) throws IOException {
        throw new UnsupportedOperationException("waiting for the records");
    }
}
