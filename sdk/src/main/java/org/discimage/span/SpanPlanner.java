package org.discimage.span;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.discimage.tree.Item;

/**
 * Spreads a tree over a set of discs of one capacity, for backups larger than one disc.
 *
 * <p><b>Algorithm.</b> Every directory's own files, links and device nodes form one group (an empty
 * directory is a group of its own); a split file's parts are groups of one. Groups are packed
 * first-fit-decreasing by an estimate (data blocks plus one block per item, {@link Piece#estimate()})
 * against the room a disc has besides its file systems and the catalog (measured: the real size of
 * an image holding only the catalog). A group larger than that room is spilled: its items are placed
 * one by one, first-fit, in path order. Then every disc's image is planned for real
 * ({@link org.discimage.FileSystemImage#usedBlocks()}: directories, path tables, Rock Ridge
 * continuation areas, UDF descriptors all count); while a disc is over the capacity its
 * last-placed (smallest) group is taken off — a disc left with a single group over the capacity has it
 * split into its items — the disc is closed to further groups, and what was taken off is packed
 * again onto the open discs or new ones, which are measured in turn.
 *
 * <p><b>Guarantees.</b> No disc's image is larger than the capacity (measured, not estimated; no
 * safety margin is needed). Every file lies on exactly one disc, or its parts on one disc each.
 * A directory's files share a disc whenever the group fits a disc by itself and first-fit found room
 * for it; it is spilled only when it does not fit an empty disc. First-fit-decreasing is not optimal:
 * its bound of 11/9 of the fewest bins plus 6/9 (Dósa 2007) holds for the estimates, not for the
 * measured sizes, and groups kept whole cost room; with many files per disc the discs come out about
 * 99% full (100,000 files of up to 400 kB on DVDs: 5 discs, the lower bound, planned in 2.5 s). It is
 * deterministic: groups are ordered by estimate then path, so the same tree and options give the same set.
 *
 * <p><b>Large files.</b> A file that does not fit an empty disc fails the plan with IMAGE_TOO_BIG,
 * unless {@link SpanOptions#split()} is on: then it is cut into parts of the room of an empty disc,
 * named {@code NAME.part001}, {@code NAME.part002}, … (three digits, at most 999 parts), each a slice
 * of the source ({@link ContentSource#slice(ContentSource, long, long)}, nothing is copied). The parts
 * joined in order give the file back: {@code cat NAME.part001 NAME.part002 ... > NAME}.
 *
 * <p><b>Catalog.</b> Every disc carries the same catalog (see {@link DiscSet#catalogText()}) in its
 * root listing every file and part of the set and its disc, so any one disc tells where a file is.
 * Its length does not depend on the packing (fixed-width numbers), so it is counted in every
 * measurement before the packing starts.
 */
public final class SpanPlanner {
    /** Blocks kept free when cutting parts, for the catalog lines the parts themselves add. */
    private static final long PART_SLACK_BLOCKS = 2;

    private final Directory root;
    private final SpanOptions options;
    private final long capacity;
    private final Map<Piece, String> hashes = new IdentityHashMap<>();
    private byte[] placeholderCatalog;
    /** One read buffer for all hashing, allocated on first use. */
    private ByteBuffer hashBuffer;

    private SpanPlanner(Directory root, SpanOptions options) {
        this.root = root;
        this.options = options;
        this.capacity = options.capacity().blocks();
    }

    /**
     * Plans the set of discs for the tree under {@code root}.
     *
     * @throws DiscImageException IMAGE_TOO_BIG for a file larger than a disc without splitting (or a
     *                            capacity that does not even hold the file systems and the catalog),
     *                            IMAGE_SIZE_LIMIT for more than 999 discs or parts, DUP_NAME when the
     *                            tree already has an item named like the catalog in its root, and the
     *                            errors of {@link org.discimage.FileSystemImage#usedBlocks()}
     */
    public static DiscSet plan(Directory root, SpanOptions options) throws IOException {
        return new SpanPlanner(root, options).plan();
    }

    private DiscSet plan() throws IOException {
        if (root.child(options.catalogName()).isPresent()) {
            throw new DiscImageException(ErrorCode.DUP_NAME, "the tree already holds /" + options.catalogName()
                    + ", the name of the disc set catalog: choose another catalog name");
        }
        List<Piece> whole = new ArrayList<>();
        collect(root, whole);
        // the parts' own catalog lines take room from every disc: cut again until the room is stable
        byte[] wholeCatalog = Catalog.encode(entries(whole, null));
        long room = roomFor(wholeCatalog);
        long slack = PART_SLACK_BLOCKS * MediaCapacity.BLOCK_SIZE;
        List<Piece> pieces = cut(whole, room - PART_SLACK_BLOCKS, wholeCatalog.length + slack);
        for (int i = 0; i < 8; i++) {
            byte[] catalog = Catalog.encode(entries(pieces, null));
            long now = roomFor(catalog);
            if (now >= room) {
                break;
            }
            room = now;
            pieces = cut(whole, room - PART_SLACK_BLOCKS, catalog.length + slack);
        }
        if (options.hash()) {
            for (Piece p : pieces) {
                if (p.catalogued()) {
                    hashes.put(p, sha256(p));
                }
            }
        }
        placeholderCatalog = Catalog.encode(entries(pieces, null));
        room = roomFor(placeholderCatalog);
        List<Bin> bins = pack(groups(pieces), room);
        return result(bins);
    }

    /** The blocks left for files on a disc holding only the catalog {@code catalog}. */
    private long roomFor(byte[] catalog) throws IOException {
        long base = DiscTrees.build(options, root, List.of(), ContentSource.zeros(catalog.length)).usedBlocks();
        if (base + 2 > capacity) {
            throw new DiscImageException(ErrorCode.IMAGE_TOO_BIG, "a disc of " + options.capacity().label() + " ("
                    + capacity + " blocks) cannot hold even the file systems and the catalog: " + base + " blocks");
        }
        return capacity - base;
    }

    /** Walks the tree in name order: files, links and devices, and empty directories. */
    private void collect(Directory dir, List<Piece> out) {
        List<Item> children = new ArrayList<>(dir.children());
        children.sort(Comparator.comparing(Item::name));
        for (Item c : children) {
            String path = dir.parent() == null ? "/" + c.name() : dir.path() + "/" + c.name();
            if (c instanceof Directory d) {
                if (d.count() == 0) {
                    out.add(new Piece(path, dir, d, null, 1, 1));
                } else {
                    collect(d, out);
                }
            } else if (c instanceof FileItem f) {
                out.add(new Piece(path, dir, f, f.source(), 1, 1));
            } else {
                out.add(new Piece(path, dir, c, null, 1, 1));
            }
        }
    }

    /** Replaces every file over {@code room} by its parts, or refuses it when splitting is off. */
    private List<Piece> cut(List<Piece> whole, long room, long catalogBytes) throws IOException {
        List<Piece> out = new ArrayList<>();
        for (Piece p : whole) {
            // + 2: the group of one file costs its estimate and its directory (see groups())
            if (p.estimate() + 2 <= room) {
                out.add(p);
                continue;
            }
            if (!options.split()) {
                throw new DiscImageException(ErrorCode.IMAGE_TOO_BIG, p.path() + " (" + p.size() + " bytes) is larger"
                        + " than one disc of " + options.capacity().label() + " (" + capacity + " blocks, " + room
                        + " of them for files): enable splitting to cut it into parts");
            }
            long partBytes = partBlocks(p, room - 3, catalogBytes) * MediaCapacity.BLOCK_SIZE;
            long n = (p.size() + partBytes - 1) / partBytes;
            if (partBytes <= 0 || n > Catalog.MAX_NUMBER) {
                throw new DiscImageException(ErrorCode.IMAGE_SIZE_LIMIT, p.path() + " (" + p.size() + " bytes) would"
                        + " need " + n + " parts of " + partBytes + " bytes; at most " + Catalog.MAX_NUMBER + " are written");
            }
            for (int i = 0; i < n; i++) {
                long off = i * partBytes;
                ContentSource slice = ContentSource.slice(p.content(), off, Math.min(partBytes, p.size() - off));
                String path = p.path() + String.format(Locale.ROOT, ".part%03d", i + 1);
                out.add(new Piece(path, p.parent(), p.item(), slice, i + 1, (int) n));
            }
        }
        return out;
    }

    /**
     * The largest part, in blocks, at most {@code blocks}, that fits an empty disc with the catalog,
     * measured by bisection (the image size grows monotonically with the part): the overhead of a
     * file system is not linear in its content. Measured here: a UDF image whose last block would lie
     * past block 512 gains the anchor at N-256 (ECMA-167 3/8.4.2.1) and jumps by about 256 blocks —
     * UDF 2.50 alone: a 150-block file gives a 504-block image, a 200-block file an 810-block one.
     */
    private long partBlocks(Piece file, long blocks, long catalogBytes) throws IOException {
        if (fits(file, blocks, catalogBytes)) {
            return blocks;
        }
        long lo = 0;
        long hi = blocks; // lo fits (or is 0), hi does not
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (fits(file, mid, catalogBytes)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            throw new DiscImageException(ErrorCode.IMAGE_TOO_BIG, "no part of " + file.path() + " fits a disc of "
                    + options.capacity().label() + " (" + capacity + " blocks) beside the file systems and the catalog");
        }
        return lo;
    }

    private boolean fits(Piece file, long blocks, long catalogBytes) throws IOException {
        Piece probe = new Piece(file.path() + ".part001", file.parent(), file.item(),
                ContentSource.zeros(blocks * MediaCapacity.BLOCK_SIZE), 1, 2);
        return DiscTrees.build(options, root, List.of(probe), ContentSource.zeros(catalogBytes)).usedBlocks()
                <= capacity;
    }

    /** One group per directory of its pieces in path order, a group of one per part. */
    private static List<Group> groups(List<Piece> pieces) {
        List<Group> groups = new ArrayList<>();
        Group current = null;
        for (Piece p : pieces) {
            if (p.parts() > 1 || p.item() instanceof Directory) {
                groups.add(new Group(List.of(p)));
                current = null;
            } else if (current != null && current.pieces.get(0).parent() == p.parent()) {
                current.pieces.add(p);
            } else {
                current = new Group(new ArrayList<>(List.of(p)));
                groups.add(current);
            }
        }
        // collect() visits a directory's files before and after its subdirectories: merge those runs
        Map<Directory, Group> byDir = new IdentityHashMap<>();
        List<Group> merged = new ArrayList<>();
        for (Group g : groups) {
            Piece first = g.pieces.get(0);
            if (first.parts() > 1 || first.item() instanceof Directory) {
                merged.add(g);
                continue;
            }
            Group earlier = byDir.putIfAbsent(first.parent(), g);
            if (earlier == null) {
                merged.add(g);
            } else {
                earlier.pieces.addAll(g.pieces);
            }
        }
        return merged;
    }

    /** First-fit-decreasing by estimate, then measured and corrected until every disc fits. */
    private List<Bin> pack(List<Group> groups, long room) throws IOException {
        groups.sort(Comparator.comparingLong(Group::estimate).reversed().thenComparing(g -> g.pieces.get(0).path()));
        List<Bin> bins = new ArrayList<>();
        for (Group g : groups) {
            place(g, bins, room);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            List<Group> overflow = new ArrayList<>();
            for (Bin b : bins) {
                if (!b.measured) {
                    overflow.addAll(measure(b));
                }
            }
            for (Group g : overflow) {
                place(g, bins, room);
                changed = true;
            }
        }
        if (bins.isEmpty()) {
            bins.add(new Bin());
            measure(bins.get(0));
        }
        if (bins.size() > Catalog.MAX_NUMBER) {
            throw new DiscImageException(ErrorCode.IMAGE_SIZE_LIMIT, "the tree needs " + bins.size() + " discs of "
                    + options.capacity().label() + "; at most " + Catalog.MAX_NUMBER + " are written");
        }
        return bins;
    }

    /** Puts {@code g} on the first open disc with room for its estimate; spills a group too large for any disc. */
    private static void place(Group g, List<Bin> bins, long room) {
        if (g.estimate() > room && g.pieces.size() > 1) {
            for (Piece p : g.pieces) {
                place(new Group(new ArrayList<>(List.of(p))), bins, room);
            }
            return;
        }
        for (Bin b : bins) {
            if (!b.closed && b.estimate + g.estimate() <= room) {
                b.add(g);
                return;
            }
        }
        Bin b = new Bin();
        b.add(g);
        bins.add(b);
    }

    /**
     * Measures the disc's real image size and takes groups off, last placed first, until it fits;
     * returns what was taken off.
     */
    private List<Group> measure(Bin b) throws IOException {
        List<Group> off = new ArrayList<>();
        while (true) {
            long used = DiscTrees.build(options, root, b.pieces(), ContentSource.zeros(placeholderCatalog.length))
                    .usedBlocks();
            if (used <= capacity) {
                b.blocks = used;
                b.measured = true;
                return off;
            }
            b.closed = true;
            Group last = b.groups.remove(b.groups.size() - 1);
            b.estimate -= last.estimate();
            if (b.groups.isEmpty()) {
                if (last.pieces.size() == 1) {
                    Piece p = last.pieces.get(0);
                    throw new DiscImageException(ErrorCode.IMAGE_TOO_BIG, p.path() + " (" + p.size() + " bytes) alone"
                            + " makes an image of " + used + " blocks, over the capacity of " + options.capacity().label()
                            + " (" + capacity + " blocks)");
                }
                for (Piece p : last.pieces) {
                    b.add(new Group(new ArrayList<>(List.of(p))));
                }
            } else {
                off.add(last);
            }
        }
    }

    private DiscSet result(List<Bin> bins) {
        Map<Piece, Integer> discOf = new IdentityHashMap<>();
        for (int i = 0; i < bins.size(); i++) {
            for (Piece p : bins.get(i).pieces()) {
                discOf.put(p, i + 1);
            }
        }
        List<Piece> all = new ArrayList<>(discOf.keySet());
        all.sort(Comparator.comparing(Piece::path));
        List<CatalogEntry> catalog = entries(all, discOf);
        byte[] bytes = Catalog.encode(catalog);
        if (bytes.length != placeholderCatalog.length) {
            throw new IllegalStateException("catalog length changed with the packing: " + placeholderCatalog.length
                    + " then, " + bytes.length + " now");
        }
        List<DiscPlan> discs = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            List<Piece> mine = bins.get(i).pieces();
            mine.sort(Comparator.comparing(Piece::path));
            int disc = i + 1;
            List<CatalogEntry> own = catalog.stream().filter(e -> e.disc() == disc).toList();
            discs.add(new DiscPlan(disc, options, root, mine, own, bins.get(i).blocks, bytes));
        }
        return new DiscSet(discs, catalog);
    }

    /** Catalog entries of the catalogued pieces, in path order; disc 1 for all when {@code discOf} is null. */
    private List<CatalogEntry> entries(List<Piece> pieces, Map<Piece, Integer> discOf) {
        List<CatalogEntry> out = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.catalogued()) {
                String sha = options.hash() ? hashes.getOrDefault(p, "0".repeat(64)) : null;
                out.add(new CatalogEntry(discOf == null ? 1 : discOf.get(p), p.path(), p.size(), p.part(), p.parts(),
                        sha));
            }
        }
        return out;
    }

    private String sha256(Piece p) throws IOException {
        if (!p.content().isRepeatable()) {
            throw new DiscImageException(ErrorCode.INVALID_PARAM, p.path() + " comes from " + p.content().description()
                    + ", which can be read only once: it cannot be hashed for the catalog and written too");
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        if (hashBuffer == null) {
            hashBuffer = ByteBuffer.allocate(1 << 20);
        }
        ByteBuffer buf = hashBuffer.clear();
        long total = 0;
        try (ReadableByteChannel ch = p.content().openChannel()) {
            int n;
            while ((n = ch.read(buf)) >= 0) {
                if (n == 0 && !buf.hasRemaining()) {
                    continue;
                }
                buf.flip();
                md.update(buf);
                total += n;
                buf.clear();
            }
        }
        if (total != p.size()) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, p.content().description() + " gave "
                    + total + " bytes, not the " + p.size() + " planned");
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A directory's files (or one part, one empty directory), kept on one disc where possible. */
    private static final class Group {
        final List<Piece> pieces;

        Group(List<Piece> pieces) {
            this.pieces = pieces;
        }

        /** The pieces' estimates plus two blocks for the directory itself (ISO, Joliet and UDF records). */
        long estimate() {
            long e = 2;
            for (Piece p : pieces) {
                e += p.estimate();
            }
            return e;
        }
    }

    /** One disc being filled. */
    private static final class Bin {
        final List<Group> groups = new ArrayList<>();
        long estimate;
        long blocks;
        boolean closed;
        boolean measured;

        void add(Group g) {
            groups.add(g);
            estimate += g.estimate();
            measured = false;
        }

        List<Piece> pieces() {
            List<Piece> out = new ArrayList<>();
            for (Group g : groups) {
                out.addAll(g.pieces);
            }
            return out;
        }
    }
}
