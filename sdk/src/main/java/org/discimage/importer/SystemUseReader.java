package org.discimage.importer;

import java.io.IOException;

/**
 * Reads the SUSP / Rock Ridge entries of a directory record (SUSP 1.12, RRIP 1.12), following
 * continuation areas (CE) with a bound on the chain.
 */
final class SystemUseReader {
    /** CE hops followed per record (Linux follows 32). */
    static final int MAX_CONTINUATIONS = 32;

    private final SectorReader sectors;
    private final int skip;

    SystemUseReader(SectorReader sectors, int skip) {
        this.sectors = sectors;
        this.skip = skip;
    }

    /** The Rock Ridge attributes of a record; {@code rootDot} for the root's "." (no LEN_SKP skip). */
    RockRidgeAttributes read(RecordRef record, boolean rootDot) throws IOException {
        throw new UnsupportedOperationException("waiting for the records");
    }
}
