package org.discimage.layout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The directory extents of one namespace (ISO 9660 or Joliet): every directory is a run of records
 * — ".", "..", then the children in the namespace's order, a multi-extent file as several records —
 * packed into sectors so that no record spans two (ECMA-119 6.8.1.1). Subclasses encode a record;
 * this class lays records into sectors the same way for sizing and for emission.
 */
abstract class DirectoryNamespace {
    /** Slot 0 is ".", slot 1 is "..", slots 2.. are the children. */
    static final int DOT = 0;
    static final int DOT_DOT = 1;
    /** Identifiers of "." and ".." (ECMA-119 6.8.2.2); never modified. */
    static final byte[][] DOT_IDS = {{0}, {1}};

    /** The directories of the namespace in path table order. */
    private final List<PlanDir> dirs;
    /** LBA of the block shared by empty files, links and devices, set once placed. */
    long emptyLba;

    DirectoryNamespace(List<PlanDir> dirs) {
        this.dirs = dirs;
    }

    /** The directories of the namespace in path table order. */
    final List<PlanDir> directories() {
        return dirs;
    }

    /** The children of a directory in this namespace's record order. */
    abstract PlanNode[] order(PlanDir d);

    /** The number of record slots of a directory: 2 + its children. */
    final int slots(PlanDir d) {
        return 2 + order(d).length;
    }

    /** The number of records of a slot (more than one for a multi-extent file). */
    final int sections(PlanDir d, int slot) {
        return slot < 2 ? 1 : fileSections(order(d)[slot - 2]);
    }

    /** Encodes one record at {@code dst}'s position (at most 255 bytes), advancing it. */
    abstract void encode(PlanDir d, int slot, int section, ByteBuffer dst);

    /** Records of a file: one per section of at most {@link IsoNamespace#MAX_SECTION} bytes (ECMA-119 6.5.1). */
    static int fileSections(PlanNode n) {
        if (n.dir == null && n.item instanceof org.discimage.tree.FileItem f && f.size() > 0) {
            return (int) ((f.size() + IsoNamespace.MAX_SECTION - 1) / IsoNamespace.MAX_SECTION);
        }
        return 1;
    }

    /**
     * Encodes the record of a file, link or device: section {@code section} of a file's data
     * (ECMA-119 9.1.3-9.1.4; all but the last section flagged multi-extent, 9.1.6), or the shared
     * empty block for what has no data.
     */
    static void encodeLeaf(ByteBuffer dst, PlanNode n, int section, long emptyLba, byte[] id, ByteBuffer systemUse) {
        int su = systemUse == null ? 0 : systemUse.remaining();
        putLeafHeader(dst, n, section, emptyLba, id, su);
        if (su > 0) {
            dst.put(dst.position(), systemUse, systemUse.position(), su);
            dst.position(dst.position() + su);
        }
    }

    /** {@link #encodeLeaf} up to the System Use field, whose {@code systemUseLength} bytes the caller writes. */
    static void putLeafHeader(ByteBuffer dst, PlanNode n, int section, long emptyLba, byte[] id, int systemUseLength) {
        long extent = emptyLba;
        long length = 0;
        int flags = 0;
        if (n.item instanceof org.discimage.tree.FileItem f && f.size() > 0) {
            long offset = section * IsoNamespace.MAX_SECTION;
            extent = (n.linkTarget == null ? n : n.linkTarget).dataLba + offset / SectorProducer.SECTOR_SIZE;
            length = Math.min(IsoNamespace.MAX_SECTION, f.size() - offset);
            flags = section + 1 < fileSections(n) ? org.discimage.iso9660.DirectoryRecord.FLAG_MULTI_EXTENT : 0;
        }
        if (n.item.isHidden()) {
            flags |= org.discimage.iso9660.DirectoryRecord.FLAG_HIDDEN;
        }
        org.discimage.iso9660.DirectoryRecord.putHeader(dst, extent, length, n.item.lastModifiedEpochSecond(), flags, id,
                systemUseLength);
    }

    /** The planned sector count of a directory. */
    abstract long sectorsOf(PlanDir d);

    /** Sectors that follow a directory's extent (continuation areas), 0 by default. */
    long trailerSectors(PlanDir d) {
        return 0;
    }

    /** The producer of those sectors. */
    SectorProducer trailer(PlanDir d) {
        throw new IllegalStateException("no trailer");
    }

    /** A cursor producing the sectors of every directory (and its trailer), in order. */
    SectorProducer producer() {
        return new SectorProducer() {
            private final List<PlanDir> dirs = directories();
            private final ByteBuffer scratch = ByteBuffer.allocate(256);
            private int dirIndex;
            private long sectorInDir;
            private int slot;
            private int section;
            private boolean pending;
            private SectorProducer trailer;
            private long trailerLeft;

            @Override
            public void next(ByteBuffer dst) throws IOException {
                if (trailerLeft > 0) {
                    trailer.next(dst);
                    if (--trailerLeft == 0) {
                        trailer = null;
                        nextDirectory();
                    }
                    return;
                }
                PlanDir d = dirs.get(dirIndex);
                int start = dst.position();
                int used = 0;
                while (true) {
                    if (!pending) {
                        if (slot >= slots(d)) {
                            break;
                        }
                        scratch.clear();
                        encode(d, slot, section, scratch);
                        scratch.flip();
                        pending = true;
                    }
                    if (used + scratch.remaining() > SECTOR_SIZE) {
                        break;
                    }
                    used += scratch.remaining();
                    dst.put(scratch);
                    pending = false;
                    if (++section >= sections(d, slot)) {
                        section = 0;
                        slot++;
                    }
                }
                dst.position(start + SECTOR_SIZE);
                if (++sectorInDir == sectorsOf(d)) {
                    if (pending || slot < slots(d)) {
                        throw new IllegalStateException("directory " + d.node.item.path()
                                + " needs more sectors than the " + sectorsOf(d) + " planned");
                    }
                    trailerLeft = trailerSectors(d);
                    if (trailerLeft > 0) {
                        trailer = trailer(d);
                    } else {
                        nextDirectory();
                    }
                }
            }

            private void nextDirectory() {
                dirIndex++;
                sectorInDir = 0;
                slot = 0;
                section = 0;
            }
        };
    }
}
