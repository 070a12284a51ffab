package org.discimage.layout;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImportedSource;
import org.discimage.importer.SectorReader;
import org.discimage.iso9660.naming.IsoNames;
import org.discimage.joliet.JolietNames;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.discimage.tree.Item;
import org.discimage.tree.DeviceItem;
import org.discimage.tree.SymlinkItem;

/**
 * Plans an ISO 9660 image with optional Joliet and Rock Ridge: projects the user tree into each
 * namespace, relocates deep directories, sizes every directory, path table and continuation area,
 * then assigns LBAs. The result is an immutable {@link Layout}; nothing is read or written here.
 *
 * <p>Layout of the image (all LBAs relative to the session start):
 * <pre>
 *   0..15   system area (zeros)                     ECMA-119 6.2.1
 *   16..    PVD, Joliet SVD, terminator             ECMA-119 6.7.1, 8.3-8.5
 *           ISO path tables L, M; Joliet L, M        ECMA-119 9.4
 *           ISO directories, Joliet directories      in path table order
 *           (each ISO directory followed by its Rock Ridge continuation areas, SUSP 1.12 5.1)
 *           one zero block for empty files and links (as xorriso)
 *           file data, in tree order (each file once, shared by every namespace)
 * </pre>
 */
public final class IsoImagePlanner {
    /** ECMA-119 6.8.2.1: at most eight levels of directories, the root being level 1. */
    static final int MAX_ISO_LEVEL = 8;
    /** ECMA-119 9.4.4: path table parent numbers are 16-bit. */
    static final int MAX_DIRECTORIES = 0xFFFF;
    /** ECMA-119 8.4.8: the volume space size is a 32-bit block count. */
    static final long MAX_SECTORS = 0xFFFF_FFFFL;
    private static final long FOUR_GIB = 0x1_0000_0000L;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final PlanRequest request;
    private final boolean joliet;
    private final boolean rockRidge;
    private final List<PlanDir> userDirs = new ArrayList<>();
    private final List<PlanNode> files = new ArrayList<>();
    private PlanDir root;
    private PlanDir rrMoved;
    private long nextInode = 1;
    private boolean needsEmptyBlock;
    /** See {@link #planWithGeneralRecords}. */
    private boolean generalRecords;

    private final LayoutAssembler.Bridge bridge;
    /** The medium the new session is appended to, whose unchanged files keep their extents; or null. */
    private final SectorReader inheritFrom;
    private long inheritedFiles;
    /** The inherited files, for the bridge (UDF File Entries point at the same extents). */
    private final List<PlanNode> inheritedNodes = new ArrayList<>();
    /** The first name of each file met so far; dropped once the tree is walked. */
    private HardLinks<PlanNode> firstNames = new HardLinks<>();
    /** The second and further names of hard-linked files. */
    private final List<PlanNode> linkedNames = new ArrayList<>();

    private IsoImagePlanner(PlanRequest request, LayoutAssembler.Bridge bridge) {
        this(request, bridge, null);
    }

    private IsoImagePlanner(PlanRequest request, LayoutAssembler.Bridge bridge, SectorReader inheritFrom) {
        this.inheritFrom = inheritFrom;
        this.bridge = bridge;
        this.request = request;
        this.joliet = request.fileSystems().contains(FileSystem.JOLIET);
        this.rockRidge = request.fileSystems().contains(FileSystem.ROCK_RIDGE);
    }

    /** Plans the image described by {@code request}. */
    public static Layout plan(PlanRequest request) throws DiscImageException {
        return new IsoImagePlanner(request, null).run();
    }

    /** As {@link #plan(PlanRequest)}, every ISO 9660 record through Rock Ridge entry objects (PlainRecordTest). */
    static Layout planWithGeneralRecords(PlanRequest request) throws DiscImageException {
        IsoImagePlanner p = new IsoImagePlanner(request, null);
        p.generalRecords = true;
        return p.run();
    }

    /**
     * Plans a session appended to {@code medium} at {@code request.sessionStart()}: a file whose
     * content is still the {@link ImportedSource} read from {@code medium}, with its data recorded
     * wholly before the session start in sector-contiguous extents, is <em>inherited</em>: its
     * directory records point at its old extents (absolute LBAs, ECMA-119 9.1.4) and no data is
     * written for it. Everything else (directories, path tables, Joliet, Rock Ridge, new and
     * replaced files) is placed from the session start.
     */
    public static Layout planAppended(PlanRequest request, SectorReader medium) throws DiscImageException {
        return new IsoImagePlanner(request, null, java.util.Objects.requireNonNull(medium, "medium")).run();
    }

    /**
     * As {@link #planAppended(PlanRequest, SectorReader)}, with {@code bridge}'s structures (the UDF
     * volume of an appended ISO/UDF bridge session) placed around the ISO image; inherited files
     * share their old extents with the bridge, which must reach them ({@link LayoutAssembler.Bridge#inheritableFrom()}).
     */
    static Layout planAppended(PlanRequest request, SectorReader medium, LayoutAssembler.Bridge bridge)
            throws DiscImageException {
        return new IsoImagePlanner(request, bridge, java.util.Objects.requireNonNull(medium, "medium")).run();
    }

    /** Plans the ISO image with {@code bridge}'s structures placed around it (the UDF bridge). */
    static Layout plan(PlanRequest request, LayoutAssembler.Bridge bridge) throws DiscImageException {
        return new IsoImagePlanner(request, bridge).run();
    }

    private Layout run() throws DiscImageException {
        collect();
        nameIso();
        if (joliet) {
            nameJoliet();
        }
        List<PlanDir> isoDirs = relocateAndOrder();
        List<PlanDir> jolietDirs = joliet ? jolietPathTableOrder() : List.of();
        if (bridge != null && !inheritedNodes.isEmpty()) {
            bridge.inheritedFiles(inheritedNodes);
        }
        IsoNamespace iso = new IsoNamespace(isoDirs, root, rrMoved, rockRidge, generalRecords);
        iso.plan();
        JolietNamespace jol = new JolietNamespace(jolietDirs);
        if (joliet) {
            jol.plan();
        }
        return new LayoutAssembler(request, iso, jol, isoDirs, jolietDirs, files, needsEmptyBlock, volumeLabel(), bridge).assemble();
    }

    /** Walks the user tree (depth first, children by name) into plan nodes; checks file sizes. */
    private void collect() throws DiscImageException {
        Directory top = request.root();
        root = new PlanDir(top, new PlanNode(top, nextInode++), null);
        root.node.dir = root;
        ArrayDeque<PlanDir> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            PlanDir d = stack.pop();
            userDirs.add(d);
            List<Item> items = d.dir.children();
            List<PlanNode> nodes = new ArrayList<>(items.size());
            List<PlanDir> subdirs = new ArrayList<>();
            for (Item item : items) {
                if ((item instanceof SymlinkItem || item instanceof DeviceItem) && !rockRidge) {
                    continue; // only Rock Ridge can record a symbolic link or a device
                }
                PlanNode n = new PlanNode(item, nextInode++);
                nodes.add(n);
                if (item instanceof Directory sub) {
                    PlanDir pd = new PlanDir(sub, n, d);
                    n.dir = pd;
                    subdirs.add(pd);
                } else if (item instanceof FileItem f) {
                    checkSize(f);
                    if (f.size() == 0) {
                        needsEmptyBlock = true;
                        hardLink(f, n);
                    } else if (inherits(f, n)) {
                        inheritedFiles++;
                        inheritedNodes.add(n);
                        hardLink(f, n);
                    } else if (!hardLink(f, n)) {
                        files.add(n); // a further name of a file met before shares its data
                    }
                } else {
                    needsEmptyBlock = true;
                }
            }
            d.children = nodes.toArray(new PlanNode[0]);
            d.subdirectories = subdirs.size();
            for (int i = subdirs.size() - 1; i >= 0; i--) {
                stack.push(subdirs.get(i));
            }
        }
        countHardLinks();
        if (userDirs.size() > MAX_DIRECTORIES) {
            throw new DiscImageException(ErrorCode.TOO_MANY_DIRS, "the tree holds " + userDirs.size()
                    + " directories; ISO 9660 path tables hold at most " + MAX_DIRECTORIES);
        }
    }

    /**
     * Whether {@code f} keeps its extents on the medium; if so sets {@code n.dataLba}. The planner
     * writes one directory record per section of at most {@link IsoNamespace#MAX_SECTION} bytes at
     * consecutive LBAs from dataLba (ECMA-119 6.5.1 multi-extent), so only data recorded in
     * consecutive sectors can be referred to this way; anything else (interleaved or fragmented
     * extents, data after the session start) is copied.
     */
    private boolean inherits(FileItem f, PlanNode n) {
        if (inheritFrom == null || !(f.source() instanceof ImportedSource src) || src.sectorReader() != inheritFrom
                || src.isEmbedded() || src.size() != f.size()) {
            return false;
        }
        int count = src.extentCount(); // the accessors, not extents(): no list per file
        if (count == 0) {
            return false;
        }
        long lba = src.extentLba(0);
        long next = lba;
        long sum = 0;
        for (int i = 0; i < count; i++) {
            long length = src.extentLength(i);
            boolean last = i == count - 1;
            if (src.extentLba(i) != next || (!last && length % SectorProducer.SECTOR_SIZE != 0)) {
                return false;
            }
            next += (length + SectorProducer.SECTOR_SIZE - 1) / SectorProducer.SECTOR_SIZE;
            sum += length;
        }
        if (sum != f.size() || next > request.sessionStart()) {
            return false; // a tail of zeros is not recorded; data at or after the NWA would be overwritten
        }
        if (bridge != null && lba < bridge.inheritableFrom()) {
            return false; // before the UDF partition: UDF could not point at it, so it is copied
        }
        n.dataLba = lba;
        return true;
    }

    /**
     * Groups the names of one file (hard links, {@link HardLinks}): a further name joins its first
     * name: one PX serial number (RRIP 1.12 4.1.1 st_ino, which {@code xorriso -hardlinks on}
     * compares), the first name's extent (ECMA-119 lets several directory records point at one
     * extent), and as link count the number of names in the new tree, so a removed name lowers it.
     * An inherited file's names all keep the old extent anyway.
     *
     * @return whether {@code n} is a further name, whose data is not placed again
     */
    private boolean hardLink(FileItem f, PlanNode n) {
        PlanNode first = firstNames.firstName(f, n);
        if (first == null) {
            return false;
        }
        n.linkTarget = first;
        n.inode = first.inode;
        first.links = Math.max(1, first.links) + 1;
        linkedNames.add(n);
        return true;
    }

    private void countHardLinks() {
        for (PlanNode n : linkedNames) {
            n.links = n.linkTarget.links;
        }
        firstNames = null;
    }

    /** The number of files inherited by the last plan (for tests and diagnostics). */
    long inheritedFiles() {
        return inheritedFiles;
    }

    private void checkSize(FileItem f) throws DiscImageException {
        if (f.size() >= FOUR_GIB && !request.isoLevel().allowsMultiExtent()) {
            throw new DiscImageException(ErrorCode.DATA_TOO_BIG, f.path() + " holds " + f.size()
                    + " bytes; files of 4 GiB and more need ISO 9660 level 3 (multi-extent), not level "
                    + request.isoLevel().number());
        }
    }

    private void nameIso() throws DiscImageException {
        IsoNames names = new IsoNames(request.isoLevel(), request.namePolicy());
        PerDirectory.run(userDirs, d -> nameIso(names, d));
        root.node.isoId = new byte[] {0};
    }

    private void nameIso(IsoNames names, PlanDir d) throws DiscImageException {
        int n = d.children.length;
        String[] given = new String[n];
        boolean[] isDir = new boolean[n];
        for (int i = 0; i < n; i++) {
            given[i] = d.children[i].item.name();
            isDir[i] = d.children[i].dir != null;
            if (rockRidge) {
                // while the name is at hand (a later pass over 100,000 names pays a cache miss each)
                d.children[i].plainSystemUse = RockRidgeEntries.plainChildLength(d.children[i],
                        RockRidgeEntries.Kind.NORMAL);
            }
        }
        String[] ids = names.assign(d.node.item.path(), given, isDir);
        for (int i = 0; i < n; i++) {
            // identifiers are d-characters (ECMA-119 7.4.1): their ISO 8859-1 bytes are a plain copy
            byte[] id = ids[i].getBytes(StandardCharsets.ISO_8859_1);
            if (!isDir[i]) {
                id = Arrays.copyOf(id, id.length + 2); // ECMA-119 7.5.1: version ";1"
                id[id.length - 2] = ';';
                id[id.length - 1] = '1';
            }
            d.children[i].isoId = id;
        }
    }

    private void nameJoliet() throws DiscImageException {
        JolietNames names = new JolietNames(request.namePolicy());
        PerDirectory.run(userDirs, d -> nameJoliet(names, d));
        root.node.jolietId = new byte[] {0};
    }

    private static void nameJoliet(JolietNames names, PlanDir d) throws DiscImageException {
        PlanNode[] members = Arrays.stream(d.children).filter(c -> !(c.item instanceof SymlinkItem || c.item instanceof DeviceItem))
                .toArray(PlanNode[]::new);
        String[] given = new String[members.length];
        boolean[] isDir = new boolean[members.length];
        for (int i = 0; i < members.length; i++) {
            given[i] = members[i].item.name();
            isDir[i] = members[i].dir != null;
        }
        String[] ids = names.assign(d.node.item.path(), given, isDir);
        String[] sorted = ids.clone();
        for (int i = 0; i < members.length; i++) {
            members[i].jolietId = ids[i].getBytes(StandardCharsets.UTF_16BE);
        }
        Integer[] idx = new Integer[members.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> JolietNames.compare(sorted[a], sorted[b]));
        d.jolietOrder = new PlanNode[members.length];
        for (int i = 0; i < idx.length; i++) {
            d.jolietOrder[i] = members[idx[i]];
        }
    }

    /**
     * Gives every directory its ISO 9660 level and parent, moving those below level 8 into RR_MOVED
     * (RRIP 1.12 4.1.5), sorts each directory's records (ECMA-119 9.3) and returns the directories
     * in path table order (ECMA-119 9.4.3: by level, then parent number, then identifier).
     */
    private List<PlanDir> relocateAndOrder() throws DiscImageException {
        root.isoLevel = 1;
        List<PlanDir> moved = new ArrayList<>();
        for (PlanDir d : userDirs) { // pre-order: a parent's level is known before its children's
            for (PlanNode c : d.children) {
                if (c.dir == null) {
                    continue;
                }
                PlanDir sub = c.dir;
                sub.isoParent = d;
                sub.isoLevel = d.isoLevel + 1;
                if (sub.isoLevel > MAX_ISO_LEVEL) {
                    if (!rockRidge) {
                        throw new DiscImageException(ErrorCode.ISO9660_LEVELS, sub.node.item.path()
                                + " is at ISO 9660 level " + sub.isoLevel + "; more than " + MAX_ISO_LEVEL
                                + " levels need Rock Ridge (which relocates deep directories) or Joliet only");
                    }
                    if (rrMoved == null) {
                        rrMoved = newRrMoved();
                    }
                    sub.relocated = true;
                    sub.isoParent = rrMoved;
                    sub.isoLevel = 3;
                    moved.add(sub);
                }
            }
        }
        if (rrMoved != null) {
            nameMoved(moved);
        }
        PerDirectory.run(userDirs, d -> d.isoOrder = sortIso(rrMoved != null && d == root
                ? append(d.children, rrMoved.node) : d.children, n -> n.isoId));
        List<PlanDir> order = new ArrayList<>();
        ArrayDeque<PlanDir> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            PlanDir d = queue.poll();
            order.add(d);
            d.isoNumber = order.size();
            if (order.size() > MAX_DIRECTORIES) {
                throw new DiscImageException(ErrorCode.TOO_MANY_DIRS, "more than " + MAX_DIRECTORIES
                        + " directories in the ISO 9660 tree");
            }
            for (PlanNode n : d.isoOrder) {
                if (n.dir != null && n.dir.isoParent == d) {
                    queue.add(n.dir);
                }
            }
        }
        return order;
    }

    private PlanDir newRrMoved() throws DiscImageException {
        Directory item = Directory.newRoot(Clock.fixed(request.creationTime(), ZoneOffset.UTC));
        PlanNode node = new PlanNode(item, nextInode++);
        PlanDir d = new PlanDir(null, node, root);
        node.dir = d;
        d.isoParent = root;
        d.isoLevel = 2;
        d.children = new PlanNode[0];
        d.jolietOrder = new PlanNode[0];
        // an ISO name no user directory of the root holds
        String id = "RR_MOVED";
        for (int i = 1; taken(root, id); i++) {
            id = "RR_MOV" + i;
        }
        node.isoId = id.getBytes(StandardCharsets.US_ASCII);
        root.subdirectories++;
        return d;
    }

    private static boolean taken(PlanDir d, String id) {
        byte[] b = id.getBytes(StandardCharsets.US_ASCII);
        for (PlanNode n : d.children) {
            if (Arrays.equals(n.isoId, b) || Arrays.equals(n.isoId, (id + ".;1").getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** Names the relocated directories uniquely inside RR_MOVED and sorts them. */
    private void nameMoved(List<PlanDir> moved) throws DiscImageException {
        IsoNames names = new IsoNames(request.isoLevel(), org.discimage.NamePolicy.MANGLE);
        String[] given = new String[moved.size()];
        boolean[] isDir = new boolean[moved.size()];
        for (int i = 0; i < given.length; i++) {
            given[i] = moved.get(i).node.item.name();
            isDir[i] = true;
        }
        String[] ids = names.assign("/RR_MOVED", given, isDir);
        PlanNode[] nodes = new PlanNode[moved.size()];
        for (int i = 0; i < ids.length; i++) {
            moved.get(i).movedIsoId = ids[i].getBytes(StandardCharsets.US_ASCII);
            nodes[i] = moved.get(i).node;
        }
        rrMoved.isoOrder = sortIso(nodes, n -> n.dir.movedIsoId);
        rrMoved.subdirectories = moved.size();
    }

    private static PlanNode[] append(PlanNode[] a, PlanNode extra) {
        PlanNode[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = extra;
        return r;
    }

    /** Sorts records by ECMA-119 9.3 (identifier without the ";1" version). */
    private static PlanNode[] sortIso(PlanNode[] nodes, java.util.function.Function<PlanNode, byte[]> id) {
        // each key made once, not twice per comparison (a copy of the identifier without ";1"); the
        // sort is stable as before, so the order is the same
        IsoKeyed[] keyed = new IsoKeyed[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            keyed[i] = new IsoKeyed(withoutVersion(id.apply(nodes[i])), nodes[i]);
        }
        Arrays.sort(keyed, IsoKeyed.ORDER);
        PlanNode[] sorted = new PlanNode[nodes.length];
        for (int i = 0; i < keyed.length; i++) {
            sorted[i] = keyed[i].node;
        }
        return sorted;
    }

    /**
     * A node with its sort key, the identifier without its version (ECMA-119 9.3); {@code plain} when
     * the key is d-characters with at most one '.', for which the 9.3 order is the unsigned byte order
     * (see {@link IsoNames#compare}: '.' sorts above the padding and below every d-character).
     */
    private record IsoKeyed(byte[] key, PlanNode node, boolean plain) {
        IsoKeyed(byte[] key, PlanNode node) {
            this(key, node, plain(key));
        }

        private static boolean plain(byte[] key) {
            int dots = 0;
            for (byte b : key) {
                if (b == '.') {
                    dots++;
                } else if (!((b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_')) {
                    return false;
                }
            }
            return dots <= 1;
        }

        /** By key (a class, not a lambda: no bootstrap in a cold JVM). */
        static final Comparator<IsoKeyed> ORDER = new Comparator<>() {
            @Override
            public int compare(IsoKeyed a, IsoKeyed b) {
                return a.plain && b.plain ? Arrays.compareUnsigned(a.key, b.key) : IsoNames.compare(a.key, b.key);
            }
        };
    }

    static byte[] withoutVersion(byte[] id) {
        int n = id.length;
        if (n >= 2 && id[n - 2] == ';' && id[n - 1] == '1') {
            return Arrays.copyOf(id, n - 2);
        }
        return id;
    }

    /** Joliet path table order: breadth first over the user tree, children in Joliet order. */
    private List<PlanDir> jolietPathTableOrder() throws DiscImageException {
        List<PlanDir> order = new ArrayList<>();
        ArrayDeque<PlanDir> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            PlanDir d = queue.poll();
            order.add(d);
            d.jolietNumber = order.size();
            for (PlanNode n : d.jolietOrder) {
                if (n.dir != null) {
                    queue.add(n.dir);
                }
            }
        }
        return order;
    }

    private String volumeLabel() {
        String label = request.identifiers().volumeId();
        return label.isEmpty() ? LABEL.format(request.creationTime()) : label;
    }
}
