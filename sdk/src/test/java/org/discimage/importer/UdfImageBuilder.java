package org.discimage.importer;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.discimage.udf.AllocationDescriptor;
import org.discimage.udf.AnchorVolumeDescriptorPointer;
import org.discimage.udf.Charspec;
import org.discimage.udf.Cs0;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.EntityIdentifier;
import org.discimage.udf.ExtendedFileEntry;
import org.discimage.udf.ExtentAd;
import org.discimage.udf.FileEntry;
import org.discimage.udf.FileIdentifierDescriptor;
import org.discimage.udf.FileSetDescriptor;
import org.discimage.udf.IcbTag;
import org.discimage.udf.ImplementationUseVolumeDescriptor;
import org.discimage.udf.LogicalBlockAddress;
import org.discimage.udf.LogicalVolumeDescriptor;
import org.discimage.udf.LogicalVolumeIntegrityDescriptor;
import org.discimage.udf.LongAllocationDescriptor;
import org.discimage.udf.MetadataPartitionMap;
import org.discimage.udf.PartitionDescriptor;
import org.discimage.udf.PartitionMap;
import org.discimage.udf.PathComponent;
import org.discimage.udf.ShortAllocationDescriptor;
import org.discimage.udf.SparablePartitionMap;
import org.discimage.udf.SparingTable;
import org.discimage.udf.TerminatingDescriptor;
import org.discimage.udf.Timestamp;
import org.discimage.udf.Type1PartitionMap;
import org.discimage.udf.UdfPrimaryVolumeDescriptor;
import org.discimage.udf.UnallocatedSpaceDescriptor;
import org.discimage.udf.VirtualAllocationTable;
import org.discimage.udf.VirtualPartitionMap;
import org.discimage.udf.VolumeStructureDescriptor;

/**
 * Builds small UDF images in memory with the records' encoders, for the layouts no installed
 * producer writes populated (metadata partition, remapped sparing, VAT with files) and for the
 * features a test must control (AED chains, holes, devices, named streams, hidden and deleted
 * FIDs). {@link #sector(String)} says where each structure went, so tests can corrupt it.
 */
final class UdfImageBuilder {
    enum Layout { PLAIN, METADATA, SPARABLE, VIRTUAL }

    static final int PART_START = 257;
    static final int PART_LEN = 400;
    static final int META_BLOCKS = 64;
    static final int PACKET = 32;
    static final Instant TIME = Instant.parse("2024-05-06T07:08:09.123456Z");

    private record Node(String path, int fileType, byte[] data, boolean embed, int pieces, boolean streams,
                        long device, long hole, int characteristics) {
    }

    private final Layout layout;
    private final int revision;
    private final boolean efe;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, Long> sectors = new HashMap<>();
    private final List<Integer> vat = new ArrayList<>();
    private final Map<String, Long> icbs = new HashMap<>();
    private ByteBuffer image;
    private int phys;  // next free physical partition block
    private int space; // next free block of the ICB partition (metadata or virtual)

    UdfImageBuilder(Layout layout, int revision) {
        this.layout = layout;
        this.revision = revision;
        this.efe = revision >= 0x0200;
        dir("/");
    }

    UdfImageBuilder dir(String path) {
        return add(new Node(path, IcbTag.TYPE_DIRECTORY, null, false, 1, false, -1, 0, 0));
    }

    UdfImageBuilder file(String path, byte[] data) {
        return add(new Node(path, IcbTag.TYPE_FILE, data, false, 1, false, -1, 0, 0));
    }

    UdfImageBuilder embedded(String path, byte[] data) {
        return add(new Node(path, IcbTag.TYPE_FILE, data, true, 1, false, -1, 0, 0));
    }

    /** A file whose data is split in {@code pieces} extents, all but the first described by an AED. */
    UdfImageBuilder fileWithAed(String path, byte[] data, int pieces) {
        return add(new Node(path, IcbTag.TYPE_FILE, data, false, pieces, false, -1, 0, 0));
    }

    /** A file followed by an unrecorded extent of {@code hole} bytes (information length includes it). */
    UdfImageBuilder fileWithTrailingHole(String path, byte[] data, long hole) {
        return add(new Node(path, IcbTag.TYPE_FILE, data, false, 1, false, -1, hole, 0));
    }

    UdfImageBuilder fileWithStreams(String path, byte[] data) {
        return add(new Node(path, IcbTag.TYPE_FILE, data, true, 1, true, -1, 0, 0));
    }

    UdfImageBuilder hidden(String path, byte[] data) {
        return add(new Node(path, IcbTag.TYPE_FILE, data, true, 1, false, -1, 0, FileIdentifierDescriptor.HIDDEN));
    }

    UdfImageBuilder deleted(String path) {
        return add(new Node(path, IcbTag.TYPE_FILE, new byte[0], true, 1, false, -1, 0, FileIdentifierDescriptor.DELETED));
    }

    UdfImageBuilder symlink(String path, String target) {
        ByteBuffer b = ByteBuffer.allocate(4096);
        PathComponent.of(target).forEach(c -> c.encode(b));
        byte[] data = java.util.Arrays.copyOf(b.array(), b.position());
        return add(new Node(path, IcbTag.TYPE_SYMLINK, data, true, 1, false, -1, 0, 0));
    }

    UdfImageBuilder charDevice(String path, long major, long minor) {
        return add(new Node(path, IcbTag.TYPE_CHARACTER_DEVICE, new byte[0], true, 1, false, major << 32 | minor, 0, 0));
    }

    private UdfImageBuilder add(Node n) {
        nodes.put(n.path, n);
        children.put(n.path, new ArrayList<>());
        if (!n.path.equals("/")) {
            String parent = n.path.substring(0, n.path.lastIndexOf('/'));
            children.get(parent.isEmpty() ? "/" : parent).add(n.path);
        }
        return this;
    }

    /** Where a structure was written: "fsd", "icb:/path", "dir:/path", "data:/path", "aed:/path", "pvd", "lvd", ... */
    long sector(String key) {
        Long s = sectors.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no structure " + key + " in " + sectors.keySet());
        }
        return s;
    }

    /** Every sector a structure was written to. */
    long[] structureSectors() {
        return sectors.entrySet().stream().filter(e -> !e.getKey().equals("fsdLbn")).mapToLong(Map.Entry::getValue)
                .sorted().distinct().toArray();
    }

    int icbRef() {
        return layout == Layout.METADATA || layout == Layout.VIRTUAL ? 1 : 0;
    }

    /** The physical sector of block {@code lbn} of the ICB partition. */
    long icbSector(long lbn) {
        return switch (layout) {
            case METADATA -> PART_START + 8 + lbn;
            case VIRTUAL -> PART_START + vat.get((int) lbn);
            default -> PART_START + lbn;
        };
    }

    private long allocIcbSpace(int blocks) {
        if (layout == Layout.METADATA) {
            long l = space;
            space += blocks;
            if (space > META_BLOCKS) {
                throw new IllegalStateException("metadata space full");
            }
            return l;
        }
        if (layout == Layout.VIRTUAL) {
            long l = vat.size();
            for (int i = 0; i < blocks; i++) {
                vat.add(phys++);
            }
            return l;
        }
        long l = phys;
        phys += blocks;
        return l;
    }

    byte[] build() {
        int total = PART_START + PART_LEN + (layout == Layout.SPARABLE ? PACKET : 0) + 1;
        image = ByteBuffer.allocate(total * 2048);
        if (layout == Layout.METADATA) {
            phys = 8 + 2 * META_BLOCKS;  // 0: metadata file FE, 1: mirror FE, 8..: metadata, then its mirror
        }
        long fsd = allocIcbSpace(1);
        for (String p : nodes.keySet()) {
            icbs.put(p, allocIcbSpace(1));
        }
        sectors.put("spare", icbSector(allocIcbSpace(1)));  // free blocks after the last ICB (for strategy 4096)
        sectors.put("spare2", icbSector(allocIcbSpace(1)));
        for (Node n : nodes.values()) {
            writeNode(n);
        }
        writeFsd(fsd);
        finishPartitions();
        writeVolume(total);
        if (layout == Layout.VIRTUAL) {  // a write-once disc ends at its VAT ICB (no anchor at the end)
            return java.util.Arrays.copyOf(image.array(), (int) (sectors.get("vat") + 1) * 2048);
        }
        return image.array();
    }

    private void put(long sector, ByteBuffer content) {
        image.put((int) (sector * 2048), content.array(), 0, content.position());
    }

    private void writeNode(Node n) {
        long icb = icbs.get(n.path);
        byte[] ads;
        int adType;
        long info;
        if (n.fileType == IcbTag.TYPE_DIRECTORY) {
            byte[] fids = fids(n.path);
            int blocks = (fids.length + 2047) / 2048;
            long first = allocIcbSpace(blocks);
            byte[] located = fids(n.path, first);
            for (int i = 0; i < blocks; i++) {
                ByteBuffer b = ByteBuffer.allocate(2048);
                b.put(located, i * 2048, Math.min(2048, located.length - i * 2048));
                put(icbSector(first + i), b);
            }
            sectors.put("dir:" + n.path, icbSector(first));
            ByteBuffer a = ByteBuffer.allocate(8);
            new ShortAllocationDescriptor(0, located.length, first).encode(a);
            ads = a.array();
            adType = IcbTag.AD_SHORT;
            info = located.length;
        } else if (n.embed) {
            ads = n.data;
            adType = IcbTag.AD_EMBEDDED;
            info = n.data.length;
        } else {
            ads = dataDescriptors(n);
            adType = IcbTag.AD_LONG;
            info = n.data.length + n.hole;
        }
        ByteBuffer b = ByteBuffer.allocate(2048);
        entry(n, icb, ads, adType, info).accept(b);
        put(icbSector(icb), b);
        sectors.put("icb:" + n.path, icbSector(icb));
    }

    private java.util.function.Consumer<ByteBuffer> entry(Node n, long icb, byte[] ads, int adType, long info) {
        int ver = efe ? 3 : 2;
        int flags = adType;
        IcbTag tag = new IcbTag(0, 4, 0, 1, n.fileType, new LogicalBlockAddress(0, 0), flags);
        Timestamp t = Timestamp.of(TIME);
        int links = n.fileType == IcbTag.TYPE_DIRECTORY ? 1 + (int) children.get(n.path).stream()
                .filter(c -> nodes.get(c).fileType == IcbTag.TYPE_DIRECTORY).count() : 1;
        long perms = n.fileType == IcbTag.TYPE_DIRECTORY ? 0x1CA5 : 0x1884;  // UDF permissions of 0755 / 0644
        byte[] ea = n.device >= 0 ? deviceEa(icb, n.device) : new byte[0];
        LongAllocationDescriptor none = new LongAllocationDescriptor(0, 0, new LogicalBlockAddress(0, 0), null);
        EntityIdentifier impl = new EntityIdentifier(0, "*discimage test", new byte[8]);
        long blocks = adType == IcbTag.AD_EMBEDDED ? 0 : (info + 2047) / 2048;
        if (efe) {
            LongAllocationDescriptor streams = n.streams ? LongAllocationDescriptor.of(2048, icb, icbRef()) : none;
            ExtendedFileEntry e = new ExtendedFileEntry(DescriptorTag.of(DescriptorTag.ID_EFE, ver, 1, icb), tag, 1000,
                    100, perms, links, 0, 0, 0, info, info, blocks, t, t, t, t, 1, none, streams, impl,
                    icb + 16, ea, ads);
            return e::encode;
        }
        FileEntry e = new FileEntry(DescriptorTag.of(DescriptorTag.ID_FE, ver, 1, icb), tag, 1000, 100, perms, links,
                0, 0, 0, info, blocks, t, t, t, 1, none, impl, icb + 16, ea, ads);
        return e::encode;
    }

    /** An extended attribute space: the header descriptor (ECMA-167 4/14.10.1), then a device specification. */
    private static byte[] deviceEa(long icb, long device) {
        ByteBuffer b = ByteBuffer.allocate(48).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(16, 48).putInt(20, 48);  // implementation and application attributes start after ours
        b.putInt(24, 12).put(28, (byte) 1).putInt(32, 24).putInt(36, 0);
        b.putInt(40, (int) (device >>> 32)).putInt(44, (int) device);
        DescriptorTag.of(0x106, 3, 1, icb).seal(b, 24);
        return b.array();
    }

    /** The long_ads of a file's data in the physical partition, the tail behind an AED if pieces > 1. */
    private byte[] dataDescriptors(Node n) {
        int len = n.data.length;
        int blocks = (len + 2047) / 2048;
        long first = phys;
        phys += blocks;
        for (int i = 0; i < blocks; i++) {
            ByteBuffer b = ByteBuffer.allocate(2048);
            b.put(n.data, i * 2048, Math.min(2048, len - i * 2048));
            put(PART_START + first + i, b);
        }
        sectors.put("data:" + n.path, (long) PART_START + first);
        List<LongAllocationDescriptor> list = new ArrayList<>();
        int per = Math.max(1, blocks / n.pieces);
        for (int done = 0; done < blocks; done += per) {
            int count = Math.min(per, blocks - done);
            long bytes = done + count == blocks ? len - (long) done * 2048 : (long) count * 2048;
            list.add(LongAllocationDescriptor.of(bytes, first + done, 0));
        }
        if (n.hole > 0) {
            list.add(new LongAllocationDescriptor(AllocationDescriptor.NOT_ALLOCATED, n.hole,
                    new LogicalBlockAddress(0, 0), null));
        }
        if (n.pieces == 1 || list.size() == 1) {
            return encode(list);
        }
        long aed = allocIcbSpace(1);
        byte[] rest = encode(list.subList(1, list.size()));
        ByteBuffer b = ByteBuffer.allocate(2048);
        new org.discimage.udf.AllocationExtentDescriptor(DescriptorTag.of(DescriptorTag.ID_AED, efe ? 3 : 2, 1, aed),
                0, rest).encode(b);
        put(icbSector(aed), b);
        sectors.put("aed:" + n.path, icbSector(aed));
        List<LongAllocationDescriptor> head = new ArrayList<>(list.subList(0, 1));
        head.add(new LongAllocationDescriptor(AllocationDescriptor.CONTINUATION, 24 + rest.length,
                new LogicalBlockAddress(aed, icbRef()), null));
        return encode(head);
    }

    private static byte[] encode(List<LongAllocationDescriptor> list) {
        ByteBuffer b = ByteBuffer.allocate(16 * list.size());
        list.forEach(a -> a.encode(b));
        return b.array();
    }

    private byte[] fids(String dir) {
        return fids(dir, 0);
    }

    /** The FIDs of a directory whose data starts at block {@code first}: parent, then children. */
    private byte[] fids(String dir, long first) {
        ByteBuffer b = ByteBuffer.allocate(1 << 20);
        String parent = dir.equals("/") ? "/" : dir.substring(0, Math.max(1, dir.lastIndexOf('/')));
        fid(b, first, FileIdentifierDescriptor.PARENT | FileIdentifierDescriptor.DIRECTORY, parent, new byte[0]);
        for (String c : children.get(dir)) {
            Node n = nodes.get(c);
            int ch = n.characteristics | (n.fileType == IcbTag.TYPE_DIRECTORY ? FileIdentifierDescriptor.DIRECTORY : 0);
            fid(b, first, ch, c, Cs0.encode(c.substring(c.lastIndexOf('/') + 1)));
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    private void fid(ByteBuffer b, long first, int characteristics, String target, byte[] name) {
        long location = first + b.position() / 2048;
        Long icb = icbs.get(target);
        LongAllocationDescriptor ad = LongAllocationDescriptor.of(2048, icb == null ? 0 : icb, icbRef());
        new FileIdentifierDescriptor(DescriptorTag.of(DescriptorTag.ID_FID, efe ? 3 : 2, 1, location), 1,
                characteristics, ad, new byte[0], name).encode(b);
    }

    private void writeFsd(long fsd) {
        Timestamp t = Timestamp.of(TIME);
        LongAllocationDescriptor none = new LongAllocationDescriptor(0, 0, new LogicalBlockAddress(0, 0), null);
        ByteBuffer b = ByteBuffer.allocate(2048);
        new FileSetDescriptor(DescriptorTag.of(DescriptorTag.ID_FSD, efe ? 3 : 2, 1, fsd), t, 3, 3, 1, 1, 0, 0,
                Charspec.OSTA, "TestVolume", Charspec.OSTA, "TestSet", "", "",
                LongAllocationDescriptor.of(2048, icbs.get("/"), icbRef()),
                EntityIdentifier.withRevision(EntityIdentifier.OSTA_DOMAIN, revision), none, none).encode(b);
        put(icbSector(fsd), b);
        sectors.put("fsd", icbSector(fsd));
        sectors.put("fsdLbn", fsd);
    }

    private void finishPartitions() {
        if (layout == Layout.METADATA) {
            for (int i = 0; i < META_BLOCKS; i++) {  // the mirror: a copy of the metadata blocks
                image.put((PART_START + 8 + META_BLOCKS + i) * 2048, image.array(), (PART_START + 8 + i) * 2048, 2048);
            }
            metadataFile(0, IcbTag.TYPE_METADATA, 8, "metafile");
            metadataFile(1, IcbTag.TYPE_METADATA_MIRROR, 8 + META_BLOCKS, "mirror");
        } else if (layout == Layout.SPARABLE) {
            long spare = PART_START + PART_LEN;  // packet 1 (blocks 32..63) moves here; its old place is garbage
            image.put((int) spare * 2048, image.array(), (PART_START + PACKET) * 2048, PACKET * 2048);
            for (int i = (PART_START + PACKET) * 2048; i < (PART_START + 2 * PACKET) * 2048; i++) {
                image.put(i, (byte) 0xEE);
            }
            List<SparingTable.Entry> entries = List.of(new SparingTable.Entry(PACKET, spare),
                    new SparingTable.Entry(0xFFFF_FFFFL, 0));
            for (long at : new long[] {200, 210}) {
                ByteBuffer b = ByteBuffer.allocate(2048);
                new SparingTable(DescriptorTag.of(0, 2, 1, at), EntityIdentifier.withRevision(SparingTable.IDENTIFIER,
                        revision), 1, entries).encode(b);
                put(at, b);
                sectors.put("sparing" + at, at);
            }
        } else if (layout == Layout.VIRTUAL) {
            long vatIcb = phys++;
            int[] entries = vat.stream().mapToInt(Integer::intValue).toArray();
            ByteBuffer v = ByteBuffer.allocate(152 + 4 * entries.length);
            new VirtualAllocationTable("TestVolume", 0xFFFF_FFFFL, 1, 1, revision, revision, revision, new byte[0],
                    entries).encode(v);
            Node n = new Node("VAT", IcbTag.TYPE_VAT, v.array(), true, 1, false, -1, 0, 0);
            ByteBuffer b = ByteBuffer.allocate(2048);
            entry(n, vatIcb, v.array(), IcbTag.AD_EMBEDDED, v.array().length).accept(b);
            put(PART_START + vatIcb, b);
            sectors.put("vat", (long) PART_START + vatIcb);
        }
    }

    private void metadataFile(long lbn, int type, long start, String key) {
        ByteBuffer a = ByteBuffer.allocate(8);
        new ShortAllocationDescriptor(0, META_BLOCKS * 2048L, start).encode(a);
        Node n = new Node(key, type, null, false, 1, false, -1, 0, 0);
        ByteBuffer b = ByteBuffer.allocate(2048);
        entryAsEfe(n, lbn, a.array()).accept(b);
        put(PART_START + lbn, b);
        sectors.put(key, PART_START + lbn);
    }

    private java.util.function.Consumer<ByteBuffer> entryAsEfe(Node n, long lbn, byte[] ads) {
        Timestamp t = Timestamp.of(TIME);
        LongAllocationDescriptor none = new LongAllocationDescriptor(0, 0, new LogicalBlockAddress(0, 0), null);
        ExtendedFileEntry e = new ExtendedFileEntry(DescriptorTag.of(DescriptorTag.ID_EFE, 3, 1, lbn),
                new IcbTag(0, 4, 0, 1, n.fileType, new LogicalBlockAddress(0, 0), IcbTag.AD_SHORT), 0, 0, 0, 1, 0, 0,
                0, META_BLOCKS * 2048L, META_BLOCKS * 2048L, META_BLOCKS, t, t, t, t, 1, none, none,
                new EntityIdentifier(0, "*discimage test", new byte[8]), 0, new byte[0], ads);
        return e::encode;
    }

    private void writeVolume(int total) {
        String nsr = revision >= 0x0200 ? VolumeStructureDescriptor.NSR03 : VolumeStructureDescriptor.NSR02;
        int i = 16;
        for (String id : List.of(VolumeStructureDescriptor.BEA01, nsr, VolumeStructureDescriptor.TEA01)) {
            ByteBuffer b = ByteBuffer.allocate(2048);
            VolumeStructureDescriptor.of(id).encode(b);
            put(i++, b);
        }
        vds(32, "");
        vds(48, "reserve.");
        ByteBuffer lvid = ByteBuffer.allocate(2048);
        int maps = maps().size();
        List<Long> free = java.util.Collections.nCopies(maps, 0L);
        ByteBuffer iu = ByteBuffer.allocate(46).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        EntityIdentifier.withRevision("*discimage test", 0).encode(iu);
        iu.putInt(1).putInt(1).putShort((short) revision).putShort((short) revision).putShort((short) revision);
        new LogicalVolumeIntegrityDescriptor(DescriptorTag.of(DescriptorTag.ID_LVID, efe ? 3 : 2, 1, 64),
                Timestamp.of(TIME), 1, new ExtentAd(0, 0), new byte[32], free, free, iu.array()).encode(lvid);
        put(64, lvid);
        sectors.put("lvid", 64L);
        ByteBuffer td = ByteBuffer.allocate(2048);
        new TerminatingDescriptor(DescriptorTag.of(DescriptorTag.ID_TD, efe ? 3 : 2, 1, 65)).encode(td);
        put(65, td);
        anchor(256);
        if (layout != Layout.VIRTUAL) {
            anchor(total - 1);
        }
    }

    private void anchor(long at) {
        ByteBuffer b = ByteBuffer.allocate(2048);
        new AnchorVolumeDescriptorPointer(DescriptorTag.of(DescriptorTag.ID_AVDP, efe ? 3 : 2, 1, at),
                new ExtentAd(16 * 2048, 32), new ExtentAd(16 * 2048, 48)).encode(b);
        put(at, b);
        sectors.put("avdp" + at, at);
    }

    private List<PartitionMap> maps() {
        return switch (layout) {
            case PLAIN -> List.of(new Type1PartitionMap(1, 0));
            case METADATA -> List.of(new Type1PartitionMap(1, 0), new MetadataPartitionMap(
                    EntityIdentifier.withRevision(MetadataPartitionMap.IDENTIFIER, revision), 1, 0, 0, 1, 0xFFFF_FFFFL,
                    32, 1, 1));
            case SPARABLE -> List.of(new SparablePartitionMap(EntityIdentifier.withRevision(
                    SparablePartitionMap.IDENTIFIER, revision), 1, 0, PACKET, 2048, List.of(200L, 210L)));
            case VIRTUAL -> List.of(new Type1PartitionMap(1, 0), new VirtualPartitionMap(
                    EntityIdentifier.withRevision(VirtualPartitionMap.IDENTIFIER, revision), 1, 0));
        };
    }

    private void vds(long at, String prefix) {
        int ver = efe ? 3 : 2;
        Timestamp t = Timestamp.of(TIME);
        EntityIdentifier impl = new EntityIdentifier(0, "*discimage test", new byte[8]);
        List<java.util.function.Consumer<ByteBuffer>> list = new ArrayList<>();
        long[] loc = {at};
        list.add(b -> new UdfPrimaryVolumeDescriptor(DescriptorTag.of(DescriptorTag.ID_PVD, ver, 1, loc[0]), 1, 0,
                "TestVolume", 1, 1, 2, 3, 1, 1, "0123456789abcdefTest", Charspec.OSTA, Charspec.OSTA,
                new ExtentAd(0, 0), new ExtentAd(0, 0), impl, t, impl, new byte[64], 0, 0).encode(b));
        list.add(b -> new ImplementationUseVolumeDescriptor(DescriptorTag.of(DescriptorTag.ID_IUVD, ver, 1, loc[0]), 2,
                EntityIdentifier.withRevision(ImplementationUseVolumeDescriptor.LV_INFO, revision), new byte[460])
                .encode(b));
        byte[] contents = new byte[128];
        String nsr = efe ? "+NSR03" : "+NSR02";
        list.add(b -> new PartitionDescriptor(DescriptorTag.of(DescriptorTag.ID_PD, ver, 1, loc[0]), 3, 1, 0,
                new EntityIdentifier(0, nsr, new byte[8]), contents, 1, PART_START, PART_LEN, impl, new byte[128])
                .encode(b));
        ByteBuffer fsdAd = ByteBuffer.allocate(16);
        LongAllocationDescriptor.of(4096, sectors.get("fsdLbn"), icbRef()).encode(fsdAd);
        list.add(b -> new LogicalVolumeDescriptor(DescriptorTag.of(DescriptorTag.ID_LVD, ver, 1, loc[0]), 4,
                Charspec.OSTA, "TestVolume", 2048, EntityIdentifier.withRevision(EntityIdentifier.OSTA_DOMAIN, revision),
                fsdAd.array(), impl, new byte[128], new ExtentAd(2 * 2048, 64), maps()).encode(b));
        list.add(b -> new UnallocatedSpaceDescriptor(DescriptorTag.of(DescriptorTag.ID_USD, ver, 1, loc[0]), 5,
                List.of()).encode(b));
        list.add(b -> new TerminatingDescriptor(DescriptorTag.of(DescriptorTag.ID_TD, ver, 1, loc[0])).encode(b));
        String[] names = {"pvd", "iuvd", "pd", "lvd", "usd", "td"};
        for (int i = 0; i < list.size(); i++) {
            ByteBuffer b = ByteBuffer.allocate(2048);
            loc[0] = at + i;
            list.get(i).accept(b);
            put(at + i, b);
            sectors.put(prefix + names[i], at + i);
        }
    }
}
