package org.discimage.layout;

import java.nio.ByteBuffer;
import java.util.List;

import org.discimage.iso9660.DirectoryRecord;

/**
 * The Joliet directory hierarchy: a second tree of directory records with UCS-2 BE identifiers
 * (Joliet specification, 1995), pointing at the same file extents as the ISO 9660 tree. It has no
 * depth limit, so nothing is relocated; symbolic links are left out (Joliet cannot hold them).
 */
final class JolietNamespace extends DirectoryNamespace {

    JolietNamespace(List<PlanDir> dirs) {
        super(dirs);
    }

    @Override
    PlanNode[] order(PlanDir d) {
        return d.jolietOrder;
    }

    @Override
    long sectorsOf(PlanDir d) {
        return d.jolietSectors;
    }

    /** Sizes every directory. */
    void plan() {
        for (PlanDir d : directories()) {
            SectorPacker packer = new SectorPacker();
            packer.add(DirectoryRecord.length(1, 0));
            packer.add(DirectoryRecord.length(1, 0));
            for (int slot = 2; slot < slots(d); slot++) {
                int len = DirectoryRecord.length(d.jolietOrder[slot - 2].jolietId.length, 0);
                for (int s = sections(d, slot); s > 0; s--) {
                    packer.add(len);
                }
            }
            d.jolietSectors = packer.sectors();
        }
    }

    @Override
    void encode(PlanDir d, int slot, int section, ByteBuffer dst) {
        if (slot < 2) {
            PlanDir target = slot == DOT || d.parent == null ? d : d.parent;
            DirectoryRecord.encode(dst, target.jolietLba, target.jolietSectors * SectorProducer.SECTOR_SIZE,
                    target.node.item.lastModifiedEpochSecond(), DirectoryRecord.FLAG_DIRECTORY,
                    DOT_IDS[slot], null);
            return;
        }
        PlanNode n = d.jolietOrder[slot - 2];
        if (n.dir == null) {
            encodeLeaf(dst, n, section, emptyLba, n.jolietId, null);
            return;
        }
        int flags = DirectoryRecord.FLAG_DIRECTORY | (n.item.isHidden() ? DirectoryRecord.FLAG_HIDDEN : 0);
        DirectoryRecord.encode(dst, n.dir.jolietLba, n.dir.jolietSectors * SectorProducer.SECTOR_SIZE,
                n.item.lastModifiedEpochSecond(), flags, n.jolietId, null);
    }
}
