package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.iso9660.PrimaryVolumeDescriptor;
import org.discimage.iso9660.SupplementaryVolumeDescriptor;
import org.discimage.rockridge.SystemUseEntries;
import org.discimage.susp.SharingProtocolIndicator;
import org.discimage.susp.SuspEntry;

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
        ByteBuffer sector = ByteBuffer.allocate(2048);
        PrimaryVolumeDescriptor pvd = null;
        long pvdLba = -1;
        SupplementaryVolumeDescriptor joliet = null;
        long jolietLba = -1;
        for (int i = 0; i < MAX_DESCRIPTORS; i++) {
            long lba = sessionStart + 16 + i;
            sector.clear();
            if (lba >= sectors.sectorCount() || sectors.read(lba, sector) < 1) {
                break;
            }
            sector.flip();
            int type = sector.get(0) & 0xFF;
            if (sector.get(1) != 'C' || sector.get(2) != 'D' || sector.get(3) != '0' || sector.get(4) != '0'
                    || sector.get(5) != '1') {
                break;
            }
            try {
                if (type == TYPE_PRIMARY && pvd == null) {
                    pvd = PrimaryVolumeDescriptor.decode(sector.duplicate());
                    pvdLba = lba;
                } else if (type == TYPE_SUPPLEMENTARY && joliet == null) {
                    SupplementaryVolumeDescriptor s = SupplementaryVolumeDescriptor.decode(sector.duplicate());
                    if (s.isJoliet()) {
                        joliet = s;
                        jolietLba = lba;
                    }
                } else if (type == TYPE_TERMINATOR) {
                    break;
                }
            } catch (DiscImageException e) {
                throw Malformed.at(type == TYPE_PRIMARY ? "primary volume descriptor" : "volume descriptor", lba,
                        e.getMessage());
            }
        }
        if (pvd == null) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, "no ISO 9660 primary volume descriptor "
                    + "in LBA " + (sessionStart + 16) + " to " + (sessionStart + 16 + MAX_DESCRIPTORS - 1));
        }
        RecordRef primaryRoot = root(pvd.rootDirectoryRecord(), pvdLba);
        RecordRef jolietRoot = joliet == null ? null : root(joliet.rootDirectoryRecord(), jolietLba);
        for (RecordRef r : new RecordRef[] {primaryRoot, jolietRoot}) {
            if (r != null && r.extent() + (r.dataLength() + 2047) / 2048 > sectors.sectorCount()) {
                throw Malformed.at("root directory record", r.lba(), 156, "extent " + r.extent() + " of "
                        + r.dataLength() + " bytes lies past the end of the medium (" + sectors.sectorCount()
                        + " sectors)");
            }
        }
        boolean rockRidge = false;
        int skip = 0;
        // SUSP 1.12 5.3: SP opens the System Use area of the root's "." record
        {
            sector.clear();
            sectors.read(primaryRoot.extent(), sector);
            sector.flip();
            int len = sector.get(0) & 0xFF;
            if (len >= 34) {
                RecordRef dot = DirectoryRecords.decode(sector, primaryRoot.extent(), 0, len);
                try {
                    List<SuspEntry> entries = SystemUseEntries.decode(dot.systemUse().duplicate());
                    if (!entries.isEmpty() && entries.get(0) instanceof SharingProtocolIndicator sp) {
                        rockRidge = true;
                        skip = sp.bytesSkipped();
                    }
                } catch (DiscImageException e) {
                    rockRidge = false; // not SUSP: read as plain ISO 9660
                }
            }
        }
        return new VolumeDescriptors(sessionStart, pvd.volumeIdentifier(), primaryRoot, jolietRoot, rockRidge, skip);
    }

    private static RecordRef root(org.discimage.iso9660.DirectoryRecord r, long lba) {
        return new RecordRef(lba, 156, r.extentLocation(), r.dataLength(), r.fileFlags(), r.fileIdentifier(),
                java.time.Instant.ofEpochSecond(r.recordingDateTime().toEpochSecond()),
                ByteBuffer.wrap(r.systemUse()).asReadOnlyBuffer());
    }
}
