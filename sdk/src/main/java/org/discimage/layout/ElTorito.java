package org.discimage.layout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.discimage.BootOptions;
import org.discimage.BootOptions.Emulation;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.discimage.tree.FileItem;

/**
 * The El Torito structures of a bootable image (El Torito 1.0, "Bootable CD-ROM Format
 * Specification", 1995): the Boot Record Volume Descriptor, the one-sector boot catalog and the
 * boot images, written as hidden extents (no directory record names them) unless the tree holds
 * the same source as a file (see {@link #place}).
 *
 * <p>Catalog (El Torito 1.0 2.0, 32-byte entries): the validation entry (header id 1, the first
 * entry's platform, its manufacturer id, a checksum making the sixteen 16-bit words sum to 0,
 * 55h AAh), the initial/default entry (the first boot entry), then for the other entries one
 * section per platform in order of first appearance: a section header (90h, or 91h for the last
 * one; platform; entry count; the section's first manufacturer id) followed by its section
 * entries. IMAPI2 writes no section entry extensions; neither do we.
 */
final class ElTorito {
    private static final int SECTOR = SectorProducer.SECTOR_SIZE;
    /** El Torito 1.0 2.0: "EL TORITO SPECIFICATION" in the boot system identifier, byte 7. */
    private static final String SYSTEM_ID = "EL TORITO SPECIFICATION";
    /** Offset of the boot-info table in a no-emulation image (mkisofs -boot-info-table). */
    private static final int INFO_TABLE = 8;
    /** The checksum of the boot-info table covers the image from this byte on. */
    private static final int INFO_TABLE_END = 64;

    private final List<BootOptions> entries;
    /** The system type byte of each entry: for hard-disk emulation the MBR partition's type (El Torito 1.0 2.5). */
    private final int[] systemTypes;
    private long catalogLba;
    private final long[] imageLbas;
    /** The file of the tree each entry's image is written as, or null for a hidden copy. */
    private final PlanNode[] shared;

    /**
     * Reads what the catalog needs from the entries (a hard-disk image's MBR).
     *
     * @throws DiscImageException {@code BOOT_IMAGE_DATA} for a hard-disk image without an MBR
     *                            holding exactly one partition
     */
    ElTorito(List<BootOptions> entries) throws DiscImageException {
        this.entries = List.copyOf(entries);
        this.systemTypes = new int[entries.size()];
        this.imageLbas = new long[entries.size()];
        this.shared = new PlanNode[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).emulation() == Emulation.HARD_DISK) {
                systemTypes[i] = partitionType(entries.get(i), i);
            }
        }
    }

    /**
     * El Torito 1.0 2.5: the system type of a hard-disk emulation entry is the partition type from
     * the image's partition table, which must hold exactly one partition (the BIOS boots it as
     * drive 80h).
     */
    private static int partitionType(BootOptions o, int index) throws DiscImageException {
        byte[] mbr = new byte[512];
        try (ReadableByteChannel ch = o.bootImage().openChannel()) {
            ByteBuffer b = ByteBuffer.wrap(mbr);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read the first 512 bytes
            }
            if (b.hasRemaining()) {
                throw new DiscImageException(ErrorCode.BOOT_IMAGE_DATA, "boot entry " + index + ": "
                        + o.bootImage().description() + " ended before its 512-byte MBR");
            }
        } catch (DiscImageException e) {
            throw e;
        } catch (IOException e) {
            throw new DiscImageException(ErrorCode.BOOT_IMAGE_DATA, "boot entry " + index + ": cannot read the MBR of "
                    + o.bootImage().description() + ": " + e, e);
        }
        if ((mbr[510] & 0xFF) != 0x55 || (mbr[511] & 0xFF) != 0xAA) {
            throw new DiscImageException(ErrorCode.BOOT_IMAGE_DATA, "boot entry " + index + ": hard-disk emulation needs"
                    + " an MBR (55h AAh at byte 510) in " + o.bootImage().description());
        }
        int type = 0;
        int used = 0;
        for (int p = 0; p < 4; p++) {
            int t = mbr[446 + 16 * p + 4] & 0xFF;
            if (t != 0) {
                used++;
                type = t;
            }
        }
        if (used != 1) {
            throw new DiscImageException(ErrorCode.BOOT_IMAGE_DATA, "boot entry " + index + ": the MBR of "
                    + o.bootImage().description() + " holds " + used + " partitions; hard-disk emulation needs"
                    + " exactly one (El Torito 1.0 2.5)");
        }
        return type;
    }

    /**
     * Places the catalog and the boot images from {@code next}; returns the LBA after them. A boot
     * image whose source is also the content of a file of the tree ({@code files}, the same
     * {@code ContentSource} object) and that gets no boot-info table is not written again: its entry
     * points at that file's data (as mkisofs -b names a file of the tree), so readers also find it
     * by path.
     */
    long place(long next, List<PlanNode> files) {
        java.util.IdentityHashMap<ContentSource, Integer> wanted = new java.util.IdentityHashMap<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!entries.get(i).bootInfoTable()) {
                wanted.put(entries.get(i).bootImage(), i);
            }
        }
        java.util.IdentityHashMap<ContentSource, PlanNode> inTree = new java.util.IdentityHashMap<>();
        for (PlanNode f : files) {
            ContentSource src = ((FileItem) f.item).source();
            if (wanted.containsKey(src)) {
                inTree.putIfAbsent(src, f);
            }
        }
        catalogLba = next++;
        for (int i = 0; i < entries.size(); i++) {
            BootOptions o = entries.get(i);
            shared[i] = o.bootInfoTable() ? null : inTree.get(o.bootImage());
            if (shared[i] == null) {
                imageLbas[i] = next;
                next += (o.imageSize() + SECTOR - 1) / SECTOR;
            }
        }
        return next;
    }

    /** The LBA of the boot catalog. */
    long catalogLba() {
        return catalogLba;
    }

    /**
     * Adds the catalog and the boot images to {@code out}, in LBA order; {@code pvdLba} goes into
     * boot-info tables.
     */
    void addExtents(List<PlannedExtent> out, long pvdLba) {
        for (int i = 0; i < entries.size(); i++) {
            if (shared[i] != null) {
                imageLbas[i] = shared[i].dataLba; // placed with the file data by now
            }
        }
        byte[] catalog = catalog();
        out.add(new MetadataExtent(catalogLba, 1, "El Torito boot catalog", () -> dst -> dst.put(catalog)));
        for (int i = 0; i < entries.size(); i++) {
            BootOptions o = entries.get(i);
            if (shared[i] != null) {
                continue;
            }
            long sectors = (o.imageSize() + SECTOR - 1) / SECTOR;
            String what = "El Torito boot image " + i + " (" + o.bootImage().description() + ")";
            if (o.bootInfoTable()) {
                long lba = imageLbas[i];
                out.add(new MetadataExtent(lba, sectors, what, () -> new PatchedImage(o.bootImage(), pvdLba, lba)));
            } else {
                out.add(new FileDataExtent(imageLbas[i], sectors, what, o.bootImage()));
            }
        }
    }

    /**
     * The Boot Record Volume Descriptor (El Torito 1.0 2.0, ECMA-119 8.2): type 0, "CD001",
     * version 1, the boot system id, and the catalog's LBA (little-endian) at byte 71.
     */
    void encodeBootRecord(ByteBuffer dst) {
        int start = dst.position();
        dst.put((byte) 0).put("CD001".getBytes(StandardCharsets.US_ASCII)).put((byte) 1);
        dst.put(SYSTEM_ID.getBytes(StandardCharsets.US_ASCII));
        dst.position(start + 71);
        for (int i = 0; i < 4; i++) {
            dst.put((byte) (catalogLba >>> (8 * i))); // little-endian, without changing dst's byte order
        }
        dst.position(start + SECTOR);
    }

    /** The catalog sector (see the class comment). */
    byte[] catalog() {
        ByteBuffer b = ByteBuffer.allocate(SECTOR).order(ByteOrder.LITTLE_ENDIAN);
        BootOptions first = entries.get(0);
        // validation entry, El Torito 1.0 2.1
        b.put((byte) 1).put((byte) first.platform().id()).putShort((short) 0);
        b.put(idString(first.manufacturer()));
        b.putShort((short) 0).put((byte) 0x55).put((byte) 0xAA);
        int sum = 0;
        for (int i = 0; i < 32; i += 2) {
            sum += b.getShort(i) & 0xFFFF;
        }
        b.putShort(28, (short) (-sum & 0xFFFF));
        entry(b, 0);
        // sections, El Torito 1.0 2.3: one per platform of the other entries
        Map<BootOptions.Platform, List<Integer>> sections = new LinkedHashMap<>();
        for (int i = 1; i < entries.size(); i++) {
            sections.computeIfAbsent(entries.get(i).platform(), p -> new ArrayList<>()).add(i);
        }
        int left = sections.size();
        for (Map.Entry<BootOptions.Platform, List<Integer>> s : sections.entrySet()) {
            left--;
            b.put((byte) (left == 0 ? 0x91 : 0x90)).put((byte) s.getKey().id()).putShort((short) s.getValue().size());
            b.put(idString(entries.get(s.getValue().get(0)).manufacturer()));
            b.position(b.position() + 4); // a section header's id string is 28 bytes (4..31), the validation entry's 24
            for (int i : s.getValue()) {
                entry(b, i);
            }
        }
        return b.array();
    }

    /**
     * An initial/default entry (El Torito 1.0 2.2) or a section entry (2.4): bootable 88h, media
     * type, load segment, system type, sector count, load RBA; the same 12 bytes open a section
     * entry, whose selection criteria type (byte 12) is 0, none; the rest is zero.
     */
    private void entry(ByteBuffer b, int i) {
        BootOptions o = entries.get(i);
        b.put((byte) 0x88).put((byte) o.emulation().mediaType()).putShort((short) o.loadSegment());
        b.put((byte) systemTypes[i]).put((byte) 0).putShort((short) o.sectorCount()).putInt((int) imageLbas[i]);
        b.position(b.position() + 20);
    }

    private static byte[] idString(String s) {
        byte[] id = new byte[24];
        byte[] src = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(src, 0, id, 0, Math.min(24, src.length));
        return id;
    }

    /**
     * The written copy of a no-emulation boot image with the boot-info table at byte 8, as mkisofs
     * -boot-info-table writes it: the PVD's LBA, the image's LBA, its length in bytes and the
     * 32-bit sum of its little-endian 32-bit words from byte 64 to the end (a short last word
     * zero-padded), each little-endian; bytes 24..63 zero. The image (small: it is what the BIOS
     * loads) is buffered once; the source is not modified.
     */
    private static final class PatchedImage implements SectorProducer {
        private final ContentSource source;
        private final long pvdLba;
        private final long lba;
        private byte[] data;
        private int offset;

        PatchedImage(ContentSource source, long pvdLba, long lba) {
            this.source = source;
            this.pvdLba = pvdLba;
            this.lba = lba;
        }

        @Override
        public void next(ByteBuffer dst) throws IOException {
            if (data == null) {
                data = load();
            }
            dst.put(data, offset, SECTOR);
            offset += SECTOR;
        }

        private byte[] load() throws IOException {
            long size = source.size();
            if (size > Integer.MAX_VALUE - SECTOR) {
                throw new DiscImageException(ErrorCode.BOOT_IMAGE_DATA, source.description() + " holds " + size
                        + " bytes, too many for a boot-info table");
            }
            int sectors = (int) ((size + SECTOR - 1) / SECTOR);
            byte[] buf = new byte[sectors * SECTOR];
            ByteBuffer b = ByteBuffer.wrap(buf, 0, (int) size);
            try (ReadableByteChannel ch = source.openChannel()) {
                while (b.hasRemaining() && ch.read(b) >= 0) {
                    // read the whole image
                }
                if (b.hasRemaining() || ch.read(ByteBuffer.allocate(1)) > 0) {
                    throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, source.description()
                            + " no longer holds the " + size + " bytes planned");
                }
            }
            ByteBuffer le = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
            int sum = 0;
            for (int i = INFO_TABLE_END; i < size; i += 4) {
                sum += le.getInt(i); // bytes past the size are zero: the short last word is padded
            }
            le.putInt(INFO_TABLE, (int) pvdLba).putInt(INFO_TABLE + 4, (int) lba)
                    .putInt(INFO_TABLE + 8, (int) size).putInt(INFO_TABLE + 12, sum);
            java.util.Arrays.fill(buf, INFO_TABLE + 16, INFO_TABLE_END, (byte) 0);
            return buf;
        }
    }
}
