package org.discimage.layout;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.discimage.error.DiscImageException;
import org.discimage.importer.SectorReader;
import org.discimage.tree.Item;

/**
 * Plans an ISO 9660 (+ Joliet + Rock Ridge) image that is also a UDF volume (docs/formats.md 5.3,
 * 5.14): the ISO planner places everything, and the UDF structures are put around its areas. Every
 * file's data is placed once, by the ISO planner; the UDF File Entries point at the same sectors as
 * partition-relative blocks.
 *
 * <p>Layout (LBAs relative to the session start):
 * <pre>
 *   0..15      system area (zeros)
 *   16..       PVD, Joliet SVD, terminator                   ECMA-119 6.7.1
 *   then       BEA01, NSR02 or NSR03, TEA01                   ECMA-167 2/8.3 (right after the terminator)
 *   32..37     main UDF VDS; 48..53 reserve VDS; 64..65 LVID, TD
 *   256        AVDP                                           ECMA-167 3/10.2
 *   257..      partition 0, which holds:
 *                FSD, TD, File Entries, FIDs (UDF metadata); for UDF 2.50+ the metadata file's and
 *                mirror's EFEs, the metadata file's data, the mirror's copy ({@link UdfMetadataPartition})
 *                ISO path tables, ISO and Joliet directories, the empty block (unused blocks for UDF)
 *                file data, in tree order, shared by every namespace
 *              zeros up to {@link UdfImagePlanner#MIN_SECTORS} - 1 for small images
 *   N - 257    AVDP at N - 256 for images of {@link UdfImagePlanner#MIDDLE_ANCHOR_MIN_SECTORS} and
 *              more (ECMA-167 3/8.4.2.1), then 255 zero sectors
 *   N - 1      AVDP (the last sector)
 * </pre>
 *
 * <p>In a session appended to a bridge ({@link #planAppended}) the layout is the same from the
 * session start S, except that partition 0 starts where the imported volume's partition starts
 * (before S, LBA 289 for an image file grown by {@code ImageFileMedium}), so its blocks S + 257..
 * are partition blocks S + 257 - start.. and files kept from earlier sessions are addressed where
 * they lie; a session with S &gt; 0 is padded (inside the partition) to end on a 32-sector unit.
 */
public final class UdfBridgePlanner implements LayoutAssembler.Bridge {
    private final PlanRequest request;
    private final UdfImagePlanner udf;
    private final long start;
    private final long metadataBlocks;
    private UdfVolumeStructures volume;
    /** The end of the partition (absolute). */
    private long partitionEnd;
    /** Files of an appended session that keep their extents before the session start. */
    private List<PlanNode> inherited = List.of();

    private UdfBridgePlanner(PlanRequest request, boolean redundantMetadata) throws DiscImageException {
        this(request, redundantMetadata, -1);
    }

    private UdfBridgePlanner(PlanRequest request, boolean redundantMetadata, long partitionStart)
            throws DiscImageException {
        this.request = request;
        this.udf = new UdfImagePlanner(request);
        udf.redundantMetadata = redundantMetadata;
        udf.partitionStart = partitionStart;
        this.start = request.sessionStart();
        udf.collect();
        this.metadataBlocks = udf.planMetadata();
    }

    /** Plans the ISO/UDF bridge image described by {@code request}. */
    public static Layout plan(PlanRequest request) throws DiscImageException {
        return plan(request, true);
    }

    /**
     * Plans the bridge; for UDF 2.50+ the metadata mirror file holds a copy of its own when
     * {@code redundantMetadata} (IMAPI2 CreateRedundantUdfMetadataFiles), else it names the metadata
     * file's blocks (UDF 2.60 2.2.10).
     */
    public static Layout plan(PlanRequest request, boolean redundantMetadata) throws DiscImageException {
        return IsoImagePlanner.plan(request, new UdfBridgePlanner(request, redundantMetadata));
    }

    /**
     * Plans a bridge session appended at {@code request.sessionStart()} to {@code medium}, whose
     * newest session is a bridge with a UDF partition starting at the absolute sector {@code
     * partitionStart}: the new session's UDF volume is complete (recognition sequence, both VDSs,
     * LVID, anchors at session start + 256 and in the session's last sector, FSD, entries, FIDs,
     * for 2.50+ the metadata file — all in the new session), but its one type-1 partition starts
     * where the imported one does and reaches to the end of the new session. So the files {@link
     * IsoImagePlanner#planAppended} lets keep their extents are recorded in UDF at the very same
     * sectors as in ISO 9660 (partition block = absolute LBA - partitionStart, ECMA-167 4/14.14.1:
     * short_ad positions are partition blocks), and nothing is copied for them. The earlier
     * sessions' volume structures then lie inside the partition as blocks no file uses, which no
     * reader checks (tried: udfinfo, udfclient, 7-Zip, the Linux kernel).
     *
     * <p>Volume structure tag locations stay absolute sectors (ECMA-167 3/7.2.8; Linux reads every
     * descriptor but the anchor and the recognition sequence at its absolute sector, commit "udf:
     * Fix handling of multisession media"); only the anchor at session start + 256 and the
     * recognition sequence at session start + 16 are found relative to the session. File structure
     * tag locations are partition blocks (ECMA-167 4/7.2.1), counted from {@code partitionStart}.
     *
     * <p>Sessions that do not start at LBA 0 (this one, and a first session at LBA 32) are padded
     * (inside the partition) so that their last anchor is a sector whose successor is a multiple of 32: an image file is grown in units of 32 sectors
     * ({@code ImageFileMedium}), and readers look for the anchor in the file's last sector.
     */
    public static Layout planAppended(PlanRequest request, boolean redundantMetadata,
                                      SectorReader medium, long partitionStart)
            throws DiscImageException {
        if (partitionStart < 0 || partitionStart > request.sessionStart()) {
            throw new IllegalArgumentException("partition start " + partitionStart + " is not before the session at "
                    + request.sessionStart());
        }
        return IsoImagePlanner.planAppended(request, medium, new UdfBridgePlanner(request, redundantMetadata,
                partitionStart));
    }

    @Override
    public void inheritedFiles(List<PlanNode> files) {
        this.inherited = files;
    }

    @Override
    public long inheritableFrom() {
        return udf.partitionStart();
    }

    private UdfVolumeStructures volume() {
        if (volume == null) {
            throw new IllegalStateException("the UDF partition is not placed yet");
        }
        return volume;
    }

    @Override
    public long afterDescriptors(long next, List<PlannedExtent> out) {
        long s = start;
        long vrsEnd = next + 3;
        if (vrsEnd > s + UdfImagePlanner.MAIN_VDS) {
            throw new IllegalStateException("the volume recognition sequence ends at " + vrsEnd
                    + ", inside the main VDS at " + (s + UdfImagePlanner.MAIN_VDS));
        }
        out.add(new MetadataExtent(next, 3, "UDF volume recognition sequence", () -> volume().recognitionSequence()));
        zeros(out, vrsEnd, s + UdfImagePlanner.MAIN_VDS);
        int n = UdfImagePlanner.VDS_DESCRIPTORS;
        out.add(new MetadataExtent(s + UdfImagePlanner.MAIN_VDS, n, "UDF main volume descriptor sequence",
                () -> volume().descriptorSequence(s + UdfImagePlanner.MAIN_VDS)));
        zeros(out, s + UdfImagePlanner.MAIN_VDS + n, s + UdfImagePlanner.RESERVE_VDS);
        out.add(new MetadataExtent(s + UdfImagePlanner.RESERVE_VDS, n, "UDF reserve volume descriptor sequence",
                () -> volume().descriptorSequence(s + UdfImagePlanner.RESERVE_VDS)));
        zeros(out, s + UdfImagePlanner.RESERVE_VDS + n, s + UdfImagePlanner.LVID);
        out.add(new MetadataExtent(s + UdfImagePlanner.LVID, 2, "UDF logical volume integrity sequence",
                () -> volume().integrity()));
        zeros(out, s + UdfImagePlanner.LVID + 2, s + UdfImagePlanner.ANCHOR);
        out.add(new MetadataExtent(s + UdfImagePlanner.ANCHOR, 1, "UDF anchor",
                () -> volume().anchor(s + UdfImagePlanner.ANCHOR)));
        long partition = s + UdfImagePlanner.PARTITION_START;
        udf.addStructures(out, partition, metadataBlocks, this::volume);
        UdfMetadataPartition m = udf.metadataPartition();
        return partition + (m == null ? metadataBlocks : m.end());
    }

    private static void zeros(List<PlannedExtent> out, long from, long to) {
        if (to > from) {
            out.add(new ZeroExtent(from, to - from, "zeros"));
        }
    }

    /** Points every UDF file at the sectors the ISO planner gave its data; sizes the partition. */
    @Override
    public long placeTail(long end, List<PlanNode> files) throws DiscImageException {
        long partition = udf.partitionStart();
        // Both planners list the files with data in the same order (tree order, depth first, one
        // entry per file however many names), so the ISO list is walked alongside; an item met out
        // of step (a file kept from an earlier session, anything the ISO side leaves out) is looked
        // up in a map built then. No identity hash and boxed LBA per file in the common case.
        Map<Item, Long> lbas = null;
        int next = 0;
        for (UdfNode f : udf.files()) {
            long lba;
            if (lbas == null && next < files.size() && files.get(next).item == f.item) {
                lba = files.get(next++).dataLba;
            } else {
                if (lbas == null) {
                    lbas = lbas(files, inherited);
                }
                Long l = lbas.get(f.item);
                lba = l == null ? -1 : l;
            }
            if (lba < partition) {
                throw new IllegalStateException("no ISO data extent inside the UDF partition for " + f.item.path());
            }
            f.dataBlock = lba - partition;
        }
        long pe = end;
        if (start > 0) {
            // the session's last anchor ends a 32-sector unit (see planAppended); the partition takes the zeros
            while ((UdfImagePlanner.lastAnchor(start, pe) + 1) % ALIGNMENT != 0) {
                pe++;
            }
        }
        long partitionLength = pe - partition;
        UdfImagePlanner.checkSize(partitionLength, "the end of the ISO/UDF bridge");
        volume = udf.volume(partitionLength);
        partitionEnd = pe;
        return UdfImagePlanner.lastAnchor(start, partitionEnd) + 1 - end;
    }

    private static Map<Item, Long> lbas(List<PlanNode> files, List<PlanNode> inherited) {
        Map<Item, Long> lbas = new IdentityHashMap<>();
        for (PlanNode f : files) {
            lbas.put(f.item, f.dataLba);
        }
        for (PlanNode f : inherited) {
            lbas.put(f.item, f.dataLba);
        }
        return lbas;
    }

    /** Padding, the anchors at N - 256 and N - 1. */
    @Override
    public void addTail(long end, List<PlannedExtent> out) {
        zeros(out, end, partitionEnd);
        UdfImagePlanner.addTail(out, start, partitionEnd, this::volume);
    }

    /** Image files grow in units of 32 sectors (libisoburn's 64 KiB, {@code ImageFileMedium}). */
    static final int ALIGNMENT = 32;

    @Override
    public String toString() {
        return "UDF " + request.udfRevision() + " bridge";
    }
}
