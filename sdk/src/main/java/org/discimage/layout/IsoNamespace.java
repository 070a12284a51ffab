package org.discimage.layout;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.iso9660.DirectoryRecord;
import org.discimage.layout.RockRidgeEntries.Kind;
import org.discimage.susp.ContinuationArea;
import org.discimage.susp.SuspEntry;
import org.discimage.tree.Item;

/**
 * The ISO 9660 directory hierarchy (ECMA-119 6.8, 9.1), with Rock Ridge System Use entries when
 * enabled. Deep directories sit in RR_MOVED in this hierarchy (see {@link IsoImagePlanner}).
 */
final class IsoNamespace extends DirectoryNamespace {
    /** ECMA-119 9.1: a directory record is at most 255 bytes; kept even, so 254. */
    private static final int MAX_RECORD = 254;
    /** Section size of a multi-extent file: 4 GiB - 2 KiB, block aligned (as libisofs). */
    static final long MAX_SECTION = 0xFFFF_F800L;

    private final PlanDir root;
    private final PlanDir rrMoved;
    private final boolean rockRidge;

    /** Every record through entry objects (PlainRecordTest's reference for the plain records). */
    private final boolean generalOnly;

    IsoNamespace(List<PlanDir> dirs, PlanDir root, PlanDir rrMoved, boolean rockRidge) {
        this(dirs, root, rrMoved, rockRidge, false);
    }

    IsoNamespace(List<PlanDir> dirs, PlanDir root, PlanDir rrMoved, boolean rockRidge, boolean generalOnly) {
        super(dirs);
        this.root = root;
        this.rrMoved = rrMoved;
        this.rockRidge = rockRidge;
        this.generalOnly = generalOnly;
    }

    @Override
    PlanNode[] order(PlanDir d) {
        return d.isoOrder;
    }

    @Override
    long sectorsOf(PlanDir d) {
        return d.isoSectors;
    }

    /** Sizes every directory and allocates continuation areas; directory LBAs may still be 0. */
    void plan() throws DiscImageException {
        PerDirectory.run(directories(), this::plan);
    }

    private void plan(PlanDir d) {
        SectorPacker packer = new SectorPacker();
        ContinuationAllocator allocator = new ContinuationAllocator();
        List<Integer> users = new ArrayList<>();
        int slots = slots(d);
        for (int slot = 0; slot < slots; slot++) {
            int len = planRecord(d, slot, allocator, users);
            int sections = sections(d, slot);
            for (int s = 0; s < sections; s++) {
                packer.add(len);
            }
        }
        d.isoSectors = packer.sectors();
        d.continuationSectors = allocator.sectors();
        d.continuationSlots = users.stream().mapToInt(Integer::intValue).toArray();
    }

    private int planRecord(PlanDir d, int slot, ContinuationAllocator allocator, List<Integer> users) {
        byte[] id = identifier(d, slot);
        if (!rockRidge) {
            return DirectoryRecord.length(id.length, 0);
        }
        int plain = plainLength(d, slot, id);
        if (plain >= 0) {
            return DirectoryRecord.length(id.length, even(plain));
        }
        List<SuspEntry> entries = systemUse(d, slot);
        int[] split = SuspPacker.split(entries, capacity(id.length));
        if (split.length > 1) {
            long[] at = new long[split.length - 1];
            for (int i = 1; i < split.length; i++) {
                at[i - 1] = allocator.allocate(SuspPacker.areaLength(entries, split, i));
            }
            if (slot == DOT) {
                d.dotContinuation = at;
            } else if (slot == DOT_DOT) {
                throw new IllegalStateException("\"..\" record of " + d.node.item.path() + " overflows");
            } else if (kind(d, slot) == Kind.RELOCATION_STUB) {
                d.isoOrder[slot - 2].stubContinuation = at;
            } else {
                d.isoOrder[slot - 2].continuation = at;
            }
            users.add(slot);
        }
        return DirectoryRecord.length(id.length, even(SuspPacker.areaLength(entries, split, 0)));
    }

    /**
     * The System Use length of a child record written by {@link RockRidgeEntries#putPlainChild} (no
     * entry objects), or -1 when the record takes the general path: not a plain file or directory, or
     * its entries need a continuation area. Planning and emission ask the same question, so both
     * take the same path for a record.
     */
    private int plainLength(PlanDir d, int slot, byte[] id) {
        if (!rockRidge || slot < 2 || generalOnly) {
            return -1;
        }
        PlanNode n = d.isoOrder[slot - 2];
        Kind kind = kind(d, slot);
        if (kind != Kind.NORMAL) {
            return -1;
        }
        int len = n.plainSystemUse;
        if (len == 0) {
            len = RockRidgeEntries.plainChildLength(n, kind);
            n.plainSystemUse = len; // a node has one NORMAL record (relocated ones have two, neither NORMAL)
        }
        return len <= capacity(id.length) ? len : -1;
    }

    private static int capacity(int idLength) {
        return MAX_RECORD - DirectoryRecord.length(idLength, 0);
    }

    private static int even(int n) {
        return (n + 1) & ~1;
    }

    Kind kind(PlanDir d, int slot) {
        PlanNode n = d.isoOrder[slot - 2];
        if (n.dir != null && n.dir == rrMoved) {
            return Kind.RR_MOVED_ITSELF;
        }
        if (n.dir != null && n.dir.relocated) {
            return d == rrMoved ? Kind.RELOCATED : Kind.RELOCATION_STUB;
        }
        return Kind.NORMAL;
    }

    private byte[] identifier(PlanDir d, int slot) {
        if (slot == DOT) {
            return DOT_IDS[DOT];
        }
        if (slot == DOT_DOT) {
            return DOT_IDS[DOT_DOT];
        }
        PlanNode n = d.isoOrder[slot - 2];
        return kind(d, slot) == Kind.RELOCATED ? n.dir.movedIsoId : n.isoId;
    }

    List<SuspEntry> systemUse(PlanDir d, int slot) {
        if (slot == DOT) {
            return RockRidgeEntries.dot(d, d == root);
        }
        if (slot == DOT_DOT) {
            return RockRidgeEntries.dotDot(d);
        }
        return RockRidgeEntries.child(d.isoOrder[slot - 2], kind(d, slot));
    }

    private long[] continuationOf(PlanDir d, int slot) {
        if (slot == DOT) {
            return d.dotContinuation;
        }
        if (slot == DOT_DOT) {
            return null;
        }
        PlanNode n = d.isoOrder[slot - 2];
        return kind(d, slot) == Kind.RELOCATION_STUB ? n.stubContinuation : n.continuation;
    }

    @Override
    void encode(PlanDir d, int slot, int section, ByteBuffer dst) {
        byte[] id = identifier(d, slot);
        int plain = plainLength(d, slot, id);
        if (plain >= 0) {
            PlanNode n = d.isoOrder[slot - 2];
            int su = even(plain);
            if (n.dir == null) {
                putLeafHeader(dst, n, section, emptyLba, id, su);
            } else {
                int flags = DirectoryRecord.FLAG_DIRECTORY | (n.item.isHidden() ? DirectoryRecord.FLAG_HIDDEN : 0);
                DirectoryRecord.putHeader(dst, n.dir.isoLba, n.dir.isoSectors * SectorProducer.SECTOR_SIZE,
                        n.item.lastModifiedEpochSecond(), flags, id, su);
            }
            RockRidgeEntries.putPlainChild(dst, n, plain);
            if (su != plain) {
                dst.put((byte) 0); // ECMA-119 9.1.13: keep the record length even
            }
            return;
        }
        ByteBuffer su = null;
        if (rockRidge) {
            su = ByteBuffer.allocate(MAX_RECORD);
            List<SuspEntry> entries = systemUse(d, slot);
            int[] split = SuspPacker.split(entries, capacity(id.length));
            for (int i = 0; i < split[0]; i++) {
                entries.get(i).encode(su);
            }
            if (split.length > 1) {
                long[] at = continuationOf(d, slot);
                continuationEntry(d, at[0], SuspPacker.areaLength(entries, split, 1)).encode(su);
            }
            if ((su.position() & 1) != 0) {
                su.put((byte) 0); // ECMA-119 9.1.13: keep the record length even
            }
            su.flip();
        }
        long extent;
        long length;
        int flags;
        Item item;
        if (slot == DOT || slot == DOT_DOT) {
            PlanDir target = slot == DOT ? d : (d.isoParent == null ? d : d.isoParent);
            extent = target.isoLba;
            length = target.isoSectors * SectorProducer.SECTOR_SIZE;
            flags = DirectoryRecord.FLAG_DIRECTORY;
            item = target.node.item;
        } else {
            PlanNode n = d.isoOrder[slot - 2];
            item = n.item;
            Kind kind = kind(d, slot);
            if (n.dir == null) {
                encodeLeaf(dst, n, section, emptyLba, id, su);
                return;
            }
            if (kind != Kind.RELOCATION_STUB) {
                extent = n.dir.isoLba;
                length = n.dir.isoSectors * SectorProducer.SECTOR_SIZE;
                flags = DirectoryRecord.FLAG_DIRECTORY;
            } else {
                // RRIP 1.12 4.1.5.1: an empty file record stands where the deep directory was
                extent = n.dir.isoLba;
                length = 0;
                flags = 0;
            }
            if (item.isHidden()) {
                flags |= DirectoryRecord.FLAG_HIDDEN;
            }
        }
        DirectoryRecord.encode(dst, extent, length, item.lastModifiedEpochSecond(), flags, id, su);
    }

    private static ContinuationArea continuationEntry(PlanDir d, long regionOffset, int length) {
        return new ContinuationArea(d.isoLba + d.isoSectors + regionOffset / SuspPacker.AREA_CAPACITY,
                regionOffset % SuspPacker.AREA_CAPACITY, length);
    }

    @Override
    long trailerSectors(PlanDir d) {
        return d.continuationSectors;
    }

    @Override
    SectorProducer trailer(PlanDir d) {
        return new ContinuationProducer(this, d);
    }

    /** Writes continuation areas block by block, in allocation order. */
    private static final class ContinuationProducer implements SectorProducer {
        private final IsoNamespace ns;
        private final PlanDir dir;
        private final ByteBuffer block = ByteBuffer.allocate(SuspPacker.AREA_CAPACITY);
        private int userIndex;
        private long blockIndex;
        private List<ByteBuffer> pendingAreas = new ArrayList<>();
        private List<Long> pendingAt = new ArrayList<>();

        ContinuationProducer(IsoNamespace ns, PlanDir dir) {
            this.ns = ns;
            this.dir = dir;
        }

        @Override
        public void next(ByteBuffer dst) {
            block.clear();
            while (true) {
                if (pendingAreas.isEmpty() && !refill()) {
                    break;
                }
                long at = pendingAt.get(0);
                if (at / SuspPacker.AREA_CAPACITY != blockIndex) {
                    break;
                }
                ByteBuffer area = pendingAreas.remove(0);
                pendingAt.remove(0);
                block.position((int) (at % SuspPacker.AREA_CAPACITY));
                block.put(area);
            }
            block.clear();
            dst.put(block);
            blockIndex++;
        }

        private boolean refill() {
            if (userIndex >= dir.continuationSlots.length) {
                return false;
            }
            int slot = dir.continuationSlots[userIndex++];
            List<SuspEntry> entries = ns.systemUse(dir, slot);
            byte[] id = ns.identifier(dir, slot);
            int[] split = SuspPacker.split(entries, capacity(id.length));
            long[] at = ns.continuationOf(dir, slot);
            int from = split[0];
            for (int i = 1; i < split.length; i++) {
                ByteBuffer area = ByteBuffer.allocate(SuspPacker.areaLength(entries, split, i));
                for (int k = from; k < from + split[i]; k++) {
                    entries.get(k).encode(area);
                }
                from += split[i];
                if (i + 1 < split.length) {
                    continuationEntry(dir, at[i], SuspPacker.areaLength(entries, split, i + 1)).encode(area);
                }
                area.flip();
                pendingAreas.add(area);
                pendingAt.add(at[i - 1]);
            }
            return true;
        }
    }
}
