package org.discimage.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * The partitions of a logical volume, indexed by partition reference number (ECMA-167 3/10.7), and
 * the translation of a logical block to an absolute sector through each kind: physical (type 1 map),
 * sparable (UDF 2.60 2.2.9: remapped packet by packet through the sparing table), virtual (2.2.8:
 * through the VAT into the physical partition) and metadata (2.2.10: through the extents of the
 * metadata file in the physical partition).
 */
final class UdfPartitions {
    /** One partition as the translation sees it. */
    sealed interface Part permits Physical, Virtual, Metadata, Unsupported {
        /** The number of logical blocks. */
        long blocks();
    }

    /**
     * A physical partition: blocks are the sectors from {@code start}; a sparable one remaps whole
     * packets ({@code spared}: original packet block to mapped sector).
     */
    record Physical(long start, long length, int packetLength, TreeMap<Long, Long> spared) implements Part {
        @Override
        public long blocks() {
            return length;
        }
    }

    /** A virtual partition: block n is block {@code vat[n]} of physical partition {@code physicalRef}. */
    record Virtual(int physicalRef, int[] vat) implements Part {
        @Override
        public long blocks() {
            return vat.length;
        }
    }

    /**
     * A metadata partition: its blocks are those of the metadata file, whose extents ({@code lbns},
     * {@code counts}: first block and block count) lie in physical partition {@code physicalRef}.
     */
    record Metadata(int physicalRef, long[] lbns, long[] counts, long blocks) implements Part {
    }

    /** A map this reader cannot translate through; using it fails with the reason. */
    record Unsupported(String why) implements Part {
        @Override
        public long blocks() {
            return 0;
        }
    }

    private final UdfMedium medium;
    private final List<Part> parts;
    /**
     * Blocks translated one by one (virtual, metadata, spared) left for the whole volume: four times
     * the medium plus a margin, so overlapping extents repeated by a hostile volume cannot make the
     * reader loop for hours.
     */
    private long translationBudget;

    UdfPartitions(UdfMedium medium, int count) {
        this.medium = medium;
        this.translationBudget = 4 * medium.sectorCount + (1 << 20);
        this.parts = new ArrayList<>(java.util.Collections.nCopies(count, new Unsupported("not yet loaded")));
    }

    void set(int ref, Part part) {
        parts.set(ref, part);
    }

    Part get(int ref) {
        return parts.get(ref);
    }

    int size() {
        return parts.size();
    }

    /**
     * The absolute sector of block {@code lbn} of partition {@code ref}; errors name {@code structure}
     * and the sector {@code at} that refers to it.
     */
    long sector(int ref, long lbn, String structure, long at) throws DiscImageException {
        if (ref < 0 || ref >= parts.size()) {
            throw Malformed.at(structure, at, "partition reference " + ref + " has no partition map (the volume has "
                    + parts.size() + ")");
        }
        Part p = parts.get(ref);
        if (p instanceof Unsupported u) {
            throw new DiscImageException(ErrorCode.FILE_SYSTEM_FEATURE_NOT_SUPPORTED, structure
                    + ": partition reference " + ref + " cannot be read: " + u.why());
        }
        if (lbn < 0 || lbn >= p.blocks()) {
            throw Malformed.at(structure, at, "logical block " + lbn + " is past the end of partition " + ref
                    + " (" + p.blocks() + " blocks)");
        }
        if (p instanceof Physical ph) {
            if (ph.spared() != null && !ph.spared().isEmpty()) {
                long packet = lbn - lbn % ph.packetLength();
                Long mapped = ph.spared().get(packet);
                if (mapped != null) {
                    return mapped + (lbn - packet);
                }
            }
            return ph.start() + lbn;
        }
        if (p instanceof Virtual v) {
            long target = v.vat()[(int) lbn] & 0xFFFF_FFFFL;
            if (target == 0xFFFF_FFFFL) {
                throw Malformed.at(structure, at, "virtual block " + lbn + " is unused in the VAT");
            }
            return sector(v.physicalRef(), target, structure, at);
        }
        Metadata m = (Metadata) p;
        long rest = lbn;
        for (int i = 0; i < m.lbns().length; i++) {
            if (rest < m.counts()[i]) {
                if (m.lbns()[i] < 0) {
                    throw Malformed.at(structure, at, "metadata block " + lbn + " is not recorded in the metadata file");
                }
                return sector(m.physicalRef(), m.lbns()[i] + rest, structure, at);
            }
            rest -= m.counts()[i];
        }
        throw new IllegalStateException("metadata block " + lbn + " below " + m.blocks() + " not found");
    }

    /** MALFORMED_STRUCTURE unless {@code bytes} from block {@code lbn} lie inside partition {@code ref}. */
    void checkExtent(int ref, long lbn, long bytes, String structure, long at) throws DiscImageException {
        long blocks = (bytes + UdfMedium.BLOCK - 1) / UdfMedium.BLOCK;
        if (ref < 0 || ref >= parts.size()) {
            throw Malformed.at(structure, at, "partition reference " + ref + " has no partition map");
        }
        long size = parts.get(ref).blocks();
        if (lbn < 0 || lbn > size || blocks > size - lbn) {
            throw Malformed.at(structure, at, "extent of " + bytes + " bytes at block " + lbn
                    + " runs past the end of partition " + ref + " (" + size + " blocks)");
        }
    }

    /**
     * The absolute extents of {@code bytes} from block {@code lbn} of partition {@code ref}: one for a
     * plain physical partition, several where sparing, the VAT or the metadata file break the run.
     * Each must lie on the medium.
     */
    List<FileExtent> runs(int ref, long lbn, long bytes, String structure, long at) throws DiscImageException {
        checkExtent(ref, lbn, bytes, structure, at);
        long blocks = (bytes + UdfMedium.BLOCK - 1) / UdfMedium.BLOCK;
        List<FileExtent> out = new ArrayList<>();
        if (bytes == 0) {
            return out;
        }
        Part p = parts.get(ref);
        if (p instanceof Physical ph && (ph.spared() == null || ph.spared().isEmpty())) {
            add(out, sector(ref, lbn, structure, at), bytes, structure);
            return out;
        }
        translationBudget -= blocks;
        if (translationBudget < 0) {
            throw Malformed.at(structure, at, "the extents add up to more than four times the medium (overlapping"
                    + " extents)");
        }
        long runStart = -1;
        long runBlocks = 0;
        for (long i = 0; i < blocks; i++) {
            long s = sector(ref, lbn + i, structure, at);
            if (runStart >= 0 && s == runStart + runBlocks && runBlocks < (1L << 19)) {
                runBlocks++;
                continue;
            }
            if (runStart >= 0) {
                add(out, runStart, runBlocks * UdfMedium.BLOCK, structure);
            }
            runStart = s;
            runBlocks = 1;
        }
        add(out, runStart, bytes - (blocks - runBlocks) * UdfMedium.BLOCK, structure);
        return out;
    }

    private void add(List<FileExtent> out, long sector, long bytes, String structure) throws DiscImageException {
        long count = (bytes + UdfMedium.BLOCK - 1) / UdfMedium.BLOCK;
        if (sector + count > medium.sectorCount) {
            throw Malformed.at(structure, sector, "extent of " + bytes + " bytes runs past the end of the medium ("
                    + medium.sectorCount + " sectors)");
        }
        out.add(new FileExtent(sector, bytes));
    }
}
