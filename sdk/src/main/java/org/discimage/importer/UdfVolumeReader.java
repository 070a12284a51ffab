package org.discimage.importer;

import java.io.IOException;
import java.util.List;

import org.discimage.UdfRevision;

/**
 * Reads the UDF volume of a session (ECMA-167 3/8.4 and 4/8; OSTA UDF 2.60): the Volume Recognition
 * Sequence at the session start + 16, an Anchor Volume Descriptor Pointer, the Volume Descriptor
 * Sequence, the File Set Descriptor and the directory hierarchy below its root ICB.
 */
final class UdfVolumeReader {
    private UdfVolumeReader() {
    }

    /**
     * The UDF volume of the session starting at {@code sessionStart}, or null when the Volume
     * Recognition Sequence there has no NSR02 or NSR03 descriptor.
     */
    static UdfVolumeReader open(SectorReader sectors, long sessionStart, ImportOptions options) throws IOException {
        return null; // TODO(issue 4): the UDF reader
    }

    /** The revision of the volume (the LVD's domain identifier suffix). */
    UdfRevision revision() {
        throw new UnsupportedOperationException();
    }

    /** The logical volume identifier of the LVD. */
    String volumeName() {
        throw new UnsupportedOperationException();
    }

    /** The tree in pre-order, the root {@code /} first. */
    List<ImportedEntry> readTree() throws IOException {
        throw new UnsupportedOperationException();
    }
}
