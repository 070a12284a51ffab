package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.discimage.codec.DecodeContext;
import org.discimage.error.Diagnostics;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.iso9660.DirectoryRecord;
import org.discimage.iso9660.PrimaryVolumeDescriptor;
import org.discimage.iso9660.SupplementaryVolumeDescriptor;
import org.discimage.iso9660.VolumeDescriptorHeader;
import org.discimage.iso9660.VolumeDescriptorType;
import org.discimage.susp.SharingProtocolIndicator;
import org.discimage.susp.SuspEntry;

/**
 * What the importer takes from a session's volume descriptor set (ECMA-119 8): the primary root,
 * the Joliet root, and whether the primary tree carries Rock Ridge (an SP entry first in the root's
 * "." record, SUSP 1.12 5.3, and an RRIP ER or RRIP entries there).
 *
 * @param sessionStart LBA of the session start
 * @param volumeId     the PVD's volume identifier
 * @param primaryRoot  the PVD's root directory record
 * @param jolietRoot   the first Joliet SVD's root directory record, or null
 * @param jolietVolumeId the first Joliet SVD's volume identifier, or null
 * @param rockRidge    whether the primary tree carries Rock Ridge
 * @param suspSkip     LEN_SKP of the SP entry (bytes to skip in each System Use area)
 */
record SessionDescriptors(long sessionStart, String volumeId, RecordRef primaryRoot, RecordRef jolietRoot,
                          String jolietVolumeId,
                          boolean rockRidge, int suspSkip) {
    /** Descriptors read at most while looking for the terminator (as Linux and mkisofs). */
    static final int MAX_DESCRIPTORS = 100;
    private static final int SECTOR = SectorReader.SECTOR_SIZE;

    /** Reads the set at {@code sessionStart + 16} up to its terminator, then the root's "." record. */
    static SessionDescriptors read(SectorReader sectors, long sessionStart, DecodeContext ctx) throws IOException {
        ByteBuffer sector = ByteBuffer.allocate(SECTOR);
        PrimaryVolumeDescriptor pvd = null;
        RecordRef pvdRoot = null;
        RecordRef jolietRoot = null;
        String jolietVolumeId = null;
        boolean terminated = false;
        for (int i = 0; i < MAX_DESCRIPTORS && !terminated; i++) {
            long lba = sessionStart + 16 + i;
            sector.clear();
            if (sectors.read(lba, sector) != 1) {
                if (i == 0) {
                    throw new DiscImageException(ErrorCode.EMPTY_DISC, "volume descriptor set at LBA " + lba
                            + ": the medium of " + sectors.sectorCount() + " sectors ends before it");
                }
                throw Malformed.at("volume descriptor set", lba, "the medium ends before the set terminator");
            }
            // try/catch, not a lambda: the first lambda of a cold JVM costs ~10 ms of bootstrap
            VolumeDescriptorHeader h;
            try {
                h = VolumeDescriptorHeader.decode(sector.duplicate().flip());
            } catch (DiscImageException | RuntimeException e) {
                throw Malformed.wrap("volume descriptor", lba, 0, e);
            }
            if (!h.isIso9660() && i == 0) {
                throw new DiscImageException(ErrorCode.NO_SUPPORTED_FILE_SYSTEM, "volume descriptor at LBA " + lba
                        + ": standard identifier \"" + printable(h.standardIdentifier())
                        + "\" instead of CD001 (not an ISO 9660 session)");
            }
            if (!h.isIso9660()) {
                throw Malformed.at("volume descriptor", lba, "standard identifier \"" + printable(h.standardIdentifier())
                        + "\" instead of CD001");
            }
            if (h.typeCode() == VolumeDescriptorType.TERMINATOR.code()) {
                terminated = true;
            } else if (h.typeCode() == VolumeDescriptorType.PRIMARY.code() && pvd == null) {
                try {
                    pvd = PrimaryVolumeDescriptor.decode(sector.duplicate().flip(), ctx.at(lba));
                } catch (DiscImageException | RuntimeException e) {
                    throw Malformed.wrap("primary volume descriptor", lba, 0, e);
                }
                checkBlockSize(pvd.logicalBlockSize(), "primary volume descriptor", lba);
                pvdRoot = RecordRef.of(lba, 156, pvd.rootDirectoryRecord());
            } else if (h.typeCode() == VolumeDescriptorType.SUPPLEMENTARY.code() && h.version() == 1
                    && jolietRoot == null) {
                SupplementaryVolumeDescriptor svd;
                try {
                    svd = SupplementaryVolumeDescriptor.decode(sector.duplicate().flip(), ctx.at(lba));
                } catch (DiscImageException | RuntimeException e) {
                    throw Malformed.wrap("supplementary volume descriptor", lba, 0, e);
                }
                if (svd.isJoliet()) {
                    checkBlockSize(svd.logicalBlockSize(), "Joliet volume descriptor", lba);
                    jolietRoot = RecordRef.of(lba, 156, svd.rootDirectoryRecord());
                    jolietVolumeId = svd.volumeIdentifier();
                }
            }
        }
        long first = sessionStart + 16;
        if (!terminated) {
            throw Malformed.at("volume descriptor set", first, "no set terminator in " + MAX_DESCRIPTORS + " descriptors");
        }
        if (pvd == null) {
            throw Malformed.at("volume descriptor set", first, "no primary volume descriptor");
        }
        // silent: the walk of each tree reads the root's "." record again and reports there, once
        RootSusp susp = rootSusp(sectors, pvdRoot, DecodeContext.of(ctx.lenient(), Diagnostics.IGNORE));
        return new SessionDescriptors(sessionStart, pvd.volumeIdentifier(), pvdRoot, jolietRoot, jolietVolumeId, susp.rockRidge,
                susp.skip);
    }

    private record RootSusp(boolean rockRidge, int skip) {
    }

    /** Looks at the root's "." record: SP first, then an RRIP ER or RRIP entries mean Rock Ridge. */
    private static RootSusp rootSusp(SectorReader sectors, RecordRef root, DecodeContext ctx) throws IOException {
        long lba = root.extent();
        ByteBuffer sector = ByteBuffer.allocate(SECTOR);
        if (root.dataLength() == 0 || sectors.read(lba, sector) != 1) {
            throw Malformed.at("root directory", lba, "extent of " + root.dataLength()
                    + " bytes is empty or beyond the end of the medium");
        }
        int len = sector.get(0) & 0xFF;
        if (len == 0) {
            throw Malformed.at("root directory", lba, "no \".\" record");
        }
        RecordRef dot = DirectoryRecords.decode(sector, lba, 0, len, ctx);
        if (!dot.isDot()) {
            throw Malformed.at("root directory", lba, "the first record is not \".\"");
        }
        byte[] su = dot.bytes();
        int at = dot.systemUseStart();
        if (dot.systemUseLength() < SharingProtocolIndicator.LENGTH || su[at] != 'S' || su[at + 1] != 'P') {
            return new RootSusp(false, 0);
        }
        SystemUseReader reader = new SystemUseReader(sectors, 0, ctx);
        List<SuspEntry> entries = reader.entries(dot, 0);
        RockRidgeAttributes a = SystemUseReader.interpret(entries, dot);
        return new RootSusp(a.rockRidgeExtension || a.rockRidgeEntries, Math.max(0, a.sharingProtocolSkip));
    }

    private static void checkBlockSize(int size, String structure, long lba) throws DiscImageException {
        if (size != SECTOR) {
            throw Malformed.at(structure, lba, "logical block size " + size + " (only 2048 is supported)");
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return sb.toString();
    }
}
