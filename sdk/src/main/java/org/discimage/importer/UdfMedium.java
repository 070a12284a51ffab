package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.discimage.error.Diagnostic;
import org.discimage.error.DiscImageException;
import org.discimage.udf.DescriptorTag;

/**
 * Block access and descriptor tag checks for the UDF reader: every read is bounds-checked against
 * the medium, and every tag is checked for checksum, identifier, CRC and location (ECMA-167 3/7.2)
 * with the lenient deviations Linux accepts reported to the diagnostics sink.
 */
final class UdfMedium {
    static final int BLOCK = SectorReader.SECTOR_SIZE;

    final SectorReader sectors;
    final ImportOptions options;
    final long sectorCount;

    UdfMedium(SectorReader sectors, ImportOptions options) throws IOException {
        this.sectors = sectors;
        this.options = options;
        this.sectorCount = sectors.sectorCount();
    }

    /** The block at {@code sector}; MALFORMED_STRUCTURE naming {@code structure} when the medium ends before it. */
    ByteBuffer block(long sector, String structure) throws IOException {
        if (sector < 0 || sector >= sectorCount) {
            throw Malformed.at(structure, sector, "beyond the end of the medium (" + sectorCount + " sectors)");
        }
        ByteBuffer b = ByteBuffer.allocate(BLOCK);
        if (sectors.read(sector, b) != 1) {
            throw Malformed.at(structure, sector, "the medium ends before this sector");
        }
        return b.flip();
    }

    /** The block at {@code sector} or null when the medium ends before it (for probing). */
    ByteBuffer blockOrNull(long sector) throws IOException {
        if (sector < 0 || sector >= sectorCount) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(BLOCK);
        return sectors.read(sector, b) == 1 ? b.flip() : null;
    }

    /**
     * Checks the tag at index 0 of {@code block}: checksum and version, identifier {@code expectedId}
     * (or any when negative), CRC, and location {@code expectedLocation}. Lenient mode accepts, with a
     * diagnostic, a CRC length running past the block (Linux skips that CRC) and a wrong location.
     */
    DescriptorTag check(ByteBuffer block, int expectedId, long expectedLocation, String structure, long lba)
            throws DiscImageException {
        DescriptorTag t;
        try {
            t = DescriptorTag.decode(block.duplicate());
            if (expectedId >= 0) {
                t.expect(expectedId, structure);
            }
        } catch (DiscImageException e) {
            throw Malformed.wrap(structure, lba, 0, e);
        }
        if (t.crcBeyond(block.remaining())) {
            if (!options.lenient()) {
                throw Malformed.at(structure, lba, 10, "descriptor CRC length " + t.crcLength()
                        + " runs past the block");
            }
            report(structure, lba, "descriptor CRC length " + t.crcLength() + " runs past the block; CRC not checked");
        } else {
            try {
                t.verifyCrc(block, 0, structure);
            } catch (DiscImageException e) {
                throw Malformed.wrap(structure, lba, 8, e);
            }
        }
        if (t.location() != expectedLocation) {
            if (!options.lenient()) {
                throw Malformed.at(structure, lba, 12, "tag location " + t.location() + " where "
                        + expectedLocation + " was expected");
            }
            report(structure, lba, "tag location " + t.location() + " where " + expectedLocation
                    + " was expected; accepted");
        }
        return t;
    }

    /** Whether the block starts with a valid tag of identifier {@code id} (a probe: nothing thrown or reported). */
    static boolean looksLike(ByteBuffer block, int id) {
        try {
            DescriptorTag t = DescriptorTag.decode(block.duplicate());
            return t.identifier() == id;
        } catch (DiscImageException e) {
            return false;
        }
    }

    /** Reports a deviation or omission to the diagnostics sink. */
    void report(String structure, long lba, String message) {
        options.diagnostics().report(new Diagnostic(structure, lba, message));
    }

    /** In strict mode MALFORMED_STRUCTURE; in lenient mode a diagnostic (the caller then skips). */
    void strictOrReport(String structure, long lba, String message) throws DiscImageException {
        if (!options.lenient()) {
            throw Malformed.at(structure, lba, message);
        }
        report(structure, lba, message + "; skipped");
    }
}
