package org.discimage.layout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.discimage.VolumeIdentifiers;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.iso9660.DirectoryRecord;
import org.discimage.iso9660.PrimaryVolumeDescriptor;
import org.discimage.iso9660.RecordingDateTime;
import org.discimage.iso9660.SupplementaryVolumeDescriptor;
import org.discimage.iso9660.VolumeDateTime;
import org.discimage.iso9660.VolumeDescriptorSetTerminator;
import org.discimage.iso9660.naming.IsoNames;
import org.discimage.joliet.JolietNames;
import org.discimage.tree.FileItem;

/**
 * Places the planned areas one after another (see {@link IsoImagePlanner} for the order), builds
 * the volume descriptors and returns the {@link Layout}.
 */
final class LayoutAssembler {
    private static final int SECTOR = SectorProducer.SECTOR_SIZE;
    /** ECMA-119 6.2.1: the system area is the first 16 blocks. */
    private static final int SYSTEM_AREA = 16;

    private final PlanRequest request;
    private final IsoNamespace iso;
    private final JolietNamespace jol;
    private final List<PlanDir> isoDirs;
    private final List<PlanDir> jolietDirs;
    private final List<PlanNode> files;
    private final boolean needsEmptyBlock;
    private final String label;
    private final boolean joliet;
    private final List<PlannedExtent> extents = new ArrayList<>();
    private final Bridge bridge;
    private long next;

    /**
     * Another file system sharing the image (the UDF bridge, docs/formats.md 5.14): its structures
     * go between the ISO volume descriptor set and the ISO path tables, and after the file data.
     */
    interface Bridge {
        /**
         * Places the bridged structures from {@code next} (right after the ISO terminator), adding
         * their extents to {@code out} in LBA order; returns the LBA after them.
         */
        long afterDescriptors(long next, List<PlannedExtent> out);

        /**
         * Called once the file data is placed ({@code files}' data LBAs set, the data ending before
         * {@code end}); returns the sectors the bridge adds after the data.
         */
        long placeTail(long end, List<PlanNode> files) throws DiscImageException;

        /** Adds the extents of {@link #placeTail} from {@code end}. */
        void addTail(long end, List<PlannedExtent> out);

        /**
         * The files of an appended session that keep their extents before the session start (their
         * data LBAs set); called before {@link #placeTail}. Ignored by default.
         */
        default void inheritedFiles(List<PlanNode> inherited) {
        }

        /** The lowest LBA an inherited file's data may start at (the bridged file system's reach). */
        default long inheritableFrom() {
            return 0;
        }
    }

    LayoutAssembler(PlanRequest request, IsoNamespace iso, JolietNamespace jol, List<PlanDir> isoDirs,
                    List<PlanDir> jolietDirs, List<PlanNode> files, boolean needsEmptyBlock, String label) {
        this(request, iso, jol, isoDirs, jolietDirs, files, needsEmptyBlock, label, null);
    }

    LayoutAssembler(PlanRequest request, IsoNamespace iso, JolietNamespace jol, List<PlanDir> isoDirs,
                    List<PlanDir> jolietDirs, List<PlanNode> files, boolean needsEmptyBlock, String label,
                    Bridge bridge) {
        this.bridge = bridge;
        this.request = request;
        this.iso = iso;
        this.jol = jol;
        this.isoDirs = isoDirs;
        this.jolietDirs = jolietDirs;
        this.files = files;
        this.needsEmptyBlock = needsEmptyBlock;
        this.label = label;
        this.joliet = !jolietDirs.isEmpty();
        this.next = request.sessionStart();
    }

    Layout assemble() throws DiscImageException {
        long start = next;
        extents.add(new ZeroExtent(next, SYSTEM_AREA, "system area"));
        next += SYSTEM_AREA;
        long vdLba = next;
        ElTorito boot = request.bootImages().isEmpty() ? null : new ElTorito(request.bootImages());
        int descriptors = (joliet ? 3 : 2) + (boot == null ? 0 : 1);
        next += descriptors;
        List<PlannedExtent> bridged = new ArrayList<>();
        if (bridge != null) {
            next = bridge.afterDescriptors(next, bridged);
        }
        if (boot != null) {
            next = boot.place(next, files);
        }

        Function<PlanDir, byte[]> isoId = d -> d.parent == null && d.isoParent == null ? new byte[] {0}
                : (d.relocated ? d.movedIsoId : d.node.isoId);
        long isoTableSize = PathTableProducer.size(isoDirs, isoId);
        long isoTableSectors = sectors(isoTableSize);
        long isoL = place(isoTableSectors);
        long isoM = place(isoTableSectors);
        Function<PlanDir, byte[]> jolId = d -> d.parent == null ? new byte[] {0} : d.node.jolietId;
        long jolTableSize = joliet ? PathTableProducer.size(jolietDirs, jolId) : 0;
        long jolTableSectors = sectors(jolTableSize);
        long jolL = joliet ? place(jolTableSectors) : 0;
        long jolM = joliet ? place(jolTableSectors) : 0;

        long isoDirStart = next;
        for (PlanDir d : isoDirs) {
            d.isoLba = next;
            next += d.isoSectors + d.continuationSectors;
        }
        long isoDirSectors = next - isoDirStart;
        long jolDirStart = next;
        for (PlanDir d : jolietDirs) {
            d.jolietLba = next;
            next += d.jolietSectors;
        }
        long jolDirSectors = next - jolDirStart;
        long emptyLba = next;
        if (needsEmptyBlock) {
            next += 1;
        }
        iso.emptyLba = emptyLba;
        jol.emptyLba = emptyLba;
        long dataStart = next;
        for (PlanNode f : files) {
            f.dataLba = next;
            next += sectors(((FileItem) f.item).size());
            if (next - start > IsoImagePlanner.MAX_SECTORS) {
                throw new DiscImageException(ErrorCode.IMAGE_SIZE_LIMIT, "the image exceeds ISO 9660's limit of "
                        + IsoImagePlanner.MAX_SECTORS + " blocks (8 TiB) at " + f.item.path());
            }
        }
        long dataEnd = next;
        long tail = bridge == null ? 0 : bridge.placeTail(dataEnd, files);
        long total = dataEnd + tail - start;
        if (total > IsoImagePlanner.MAX_SECTORS) {
            throw new DiscImageException(ErrorCode.IMAGE_SIZE_LIMIT, "the image exceeds ISO 9660's limit of "
                    + IsoImagePlanner.MAX_SECTORS + " blocks (8 TiB)");
        }

        PrimaryVolumeDescriptor pvd = primary(total, isoTableSize, isoL, isoM);
        SupplementaryVolumeDescriptor svd = joliet ? jolietSvd(total, jolTableSize, jolL, jolM) : null;
        extents.add(new MetadataExtent(vdLba, descriptors, "volume descriptors",
                () -> new DescriptorProducer(pvd, boot, svd)));
        extents.addAll(bridged);
        if (boot != null) {
            boot.addExtents(extents, vdLba);
        }
        addTable(isoL, isoTableSectors, "ISO 9660 path table (L)", isoDirs, ByteOrder.LITTLE_ENDIAN, isoId,
                d -> d.isoLba, d -> d.isoParent == null ? 1 : d.isoParent.isoNumber);
        addTable(isoM, isoTableSectors, "ISO 9660 path table (M)", isoDirs, ByteOrder.BIG_ENDIAN, isoId,
                d -> d.isoLba, d -> d.isoParent == null ? 1 : d.isoParent.isoNumber);
        if (joliet) {
            addTable(jolL, jolTableSectors, "Joliet path table (L)", jolietDirs, ByteOrder.LITTLE_ENDIAN, jolId,
                    d -> d.jolietLba, d -> d.parent == null ? 1 : d.parent.jolietNumber);
            addTable(jolM, jolTableSectors, "Joliet path table (M)", jolietDirs, ByteOrder.BIG_ENDIAN, jolId,
                    d -> d.jolietLba, d -> d.parent == null ? 1 : d.parent.jolietNumber);
        }
        extents.add(new MetadataExtent(isoDirStart, isoDirSectors, "ISO 9660 directories", iso::producer));
        if (joliet) {
            extents.add(new MetadataExtent(jolDirStart, jolDirSectors, "Joliet directories", jol::producer));
        }
        if (needsEmptyBlock) {
            extents.add(new ZeroExtent(emptyLba, 1, "empty files"));
        }
        long lba = dataStart;
        for (PlanNode f : files) {
            FileItem item = (FileItem) f.item;
            long n = sectors(item.size());
            extents.add(new FileDataExtent(lba, n, item.path(), item.source()));
            lba += n;
        }
        if (bridge != null) {
            bridge.addTail(dataEnd, extents);
        }
        return new Layout(start, extents);
    }

    private long place(long sectors) {
        long at = next;
        next += sectors;
        return at;
    }

    private void addTable(long lba, long sectors, String what, List<PlanDir> dirs, ByteOrder order,
                          Function<PlanDir, byte[]> id, java.util.function.ToLongFunction<PlanDir> location,
                          java.util.function.ToIntFunction<PlanDir> parent) {
        extents.add(new MetadataExtent(lba, sectors, what,
                () -> new PathTableProducer(dirs, order, id, location, parent)));
    }

    private static long sectors(long bytes) {
        return (bytes + SECTOR - 1) / SECTOR;
    }

    private DirectoryRecord rootRecord(long lba, long sectors, byte[] id) {
        return new DirectoryRecord(0, lba, sectors * SECTOR,
                RecordingDateTime.ofEpochSecond(request.root().lastModifiedEpochSecond()),
                DirectoryRecord.FLAG_DIRECTORY, 0, 0, 1, id, new byte[0]);
    }

    private PrimaryVolumeDescriptor primary(long total, long tableSize, long l, long m) throws DiscImageException {
        VolumeIdentifiers ids = request.identifiers();
        PlanDir root = isoDirs.get(0);
        VolumeDateTime created = VolumeDateTime.of(request.creationTime());
        return new PrimaryVolumeDescriptor(IsoNames.aCharacters(ids.systemId(), 32),
                IsoNames.volumeIdentifier(label, request.namePolicy()), total, 1, 1, SECTOR, tableSize, l, 0, m, 0,
                rootRecord(root.isoLba, root.isoSectors, new byte[] {0}),
                IsoNames.dCharacters(ids.volumeSetId(), 128), IsoNames.aCharacters(ids.publisherId(), 128),
                IsoNames.aCharacters(ids.dataPreparerId(), 128), IsoNames.aCharacters(ids.applicationId(), 128),
                IsoNames.dCharacters(ids.copyrightFileId(), 37), IsoNames.dCharacters(ids.abstractFileId(), 37),
                IsoNames.dCharacters(ids.bibliographicFileId(), 37), created, created,
                VolumeDateTime.NOT_SPECIFIED, VolumeDateTime.NOT_SPECIFIED, 1);
    }

    private SupplementaryVolumeDescriptor jolietSvd(long total, long tableSize, long l, long m)
            throws DiscImageException {
        VolumeIdentifiers ids = request.identifiers();
        PlanDir root = jolietDirs.get(0);
        VolumeDateTime created = VolumeDateTime.of(request.creationTime());
        return new SupplementaryVolumeDescriptor(0, ucs2(ids.systemId(), 16),
                JolietNames.volumeIdentifier(label, request.namePolicy()), total,
                SupplementaryVolumeDescriptor.JOLIET_LEVEL3_ESCAPES, 1, 1, SECTOR, tableSize, l, 0, m, 0,
                rootRecord(root.jolietLba, root.jolietSectors, new byte[] {0}),
                ucs2(ids.volumeSetId(), 64), ucs2(ids.publisherId(), 64), ucs2(ids.dataPreparerId(), 64),
                ucs2(ids.applicationId(), 64), ucs2(ids.copyrightFileId(), 18), ucs2(ids.abstractFileId(), 18),
                ucs2(ids.bibliographicFileId(), 18), created, created,
                VolumeDateTime.NOT_SPECIFIED, VolumeDateTime.NOT_SPECIFIED, 1);
    }

    /** Truncates to a Joliet text field of {@code chars} UCS-2 units without splitting a surrogate pair. */
    private static String ucs2(String s, int chars) {
        if (s.length() <= chars) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(chars - 1)) ? chars - 1 : chars;
        return s.substring(0, end);
    }

    /**
     * The volume descriptor set (ECMA-119 6.7.1): PVD, the El Torito boot record, the Joliet SVD,
     * the terminator. The boot record follows the PVD, as mkisofs and xorriso write it (PVD 16,
     * boot record 17, SVD 18); El Torito 1.0 2.0 asks for it at sector 17.
     */
    private static final class DescriptorProducer implements SectorProducer {
        private final PrimaryVolumeDescriptor pvd;
        private final ElTorito boot;
        private final SupplementaryVolumeDescriptor svd;
        private int index;

        DescriptorProducer(PrimaryVolumeDescriptor pvd, ElTorito boot, SupplementaryVolumeDescriptor svd) {
            this.pvd = pvd;
            this.boot = boot;
            this.svd = svd;
        }

        @Override
        public void next(ByteBuffer dst) {
            int start = dst.position();
            int i = boot == null && index > 0 ? index + 1 : index; // index as if a boot record were there
            if (i == 0) {
                pvd.encode(dst);
            } else if (i == 1) {
                boot.encodeBootRecord(dst);
            } else if (i == 2 && svd != null) {
                svd.encode(dst);
            } else {
                new VolumeDescriptorSetTerminator().encode(dst);
            }
            index++;
            dst.position(start + SECTOR);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
