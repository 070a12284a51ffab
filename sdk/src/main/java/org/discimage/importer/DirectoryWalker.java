package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.discimage.FileSystem;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;
import org.discimage.iso9660.RecordingDateTime;
import org.discimage.tree.ItemType;

/**
 * Walks one directory hierarchy (ISO 9660, Joliet, or ISO 9660 read through Rock Ridge) into a
 * pre-order list of entries. Iterative (an explicit stack, so depth costs no Java stack), every
 * directory extent read once (a revisit is a cycle and fails), and the directory sectors read in
 * total bounded by the size of the medium.
 */
final class DirectoryWalker {
    private static final int SECTOR = SectorReader.SECTOR_SIZE;
    private static final Set<ImportedEntry.Flag> HIDDEN = Set.of(ImportedEntry.Flag.HIDDEN);
    /**
     * Longest path returned, in characters (Linux PATH_MAX). Bounds the memory of deep trees: without
     * it the paths of n nested directories would take O(n^2) characters.
     */
    static final int MAX_PATH_LENGTH = 4096;

    private final SectorReader sectors;
    private final FileSystem namespace;
    private final SystemUseReader systemUse;  // null unless namespace is ROCK_RIDGE
    private final DecodeContext ctx;
    private final Set<Long> visited = new HashSet<>();
    /** The entries of the directories that hold RE records (such as RR_MOVED), by identity. */
    private final Set<ImportedEntry> relocationDirectories = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Extents of the directories marked RE (their records in RR_MOVED) and those reached through CL. */
    private final Map<Long, RecordRef> relocatedExtents = new LinkedHashMap<>();
    private final Set<Long> relocatedReached = new HashSet<>();
    private final ByteBuffer sector = ByteBuffer.allocate(SECTOR);
    /** Sectors of directory extents read at once into {@link #chunk}. */
    private static final int CHUNK_SECTORS = 32;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_SECTORS * SECTOR);
    /** The bytes of the records of the directory being read. */
    private final RecordStore store = new RecordStore();
    /** The LBA of the first sector in {@link #chunk} and how many it holds (0: none). */
    private long chunkStart = -1;
    private int chunkSectors;
    private final long sectorCount;
    private long directorySectorBudget;
    /** The instant {@link #recorded} made last, and its epoch second. */
    private Instant lastRecorded;
    private long lastRecordedSecond;

    DirectoryWalker(SectorReader sectors, FileSystem namespace, SystemUseReader systemUse, DecodeContext ctx)
            throws IOException {
        this.sectors = sectors;
        this.namespace = namespace;
        this.systemUse = systemUse;
        this.ctx = ctx;
        this.sectorCount = sectors.sectorCount();
        this.directorySectorBudget = sectorCount;
    }

    /**
     * A directory found, with where to descend. A directory's children are listed as these and, for
     * everything else, as the bare {@link ImportedEntry}: one object less per file.
     */
    private record Child(ImportedEntry entry, long dirExtent, long dirLength, long originalParent) {
        Child(ImportedEntry entry, long dirExtent, long dirLength) {
            this(entry, dirExtent, dirLength, -1);
        }
    }

    /**
     * A directory being listed: its path (one per directory, for messages), its entry (its children's
     * parent), its children ({@link Child} or {@link ImportedEntry}).
     */
    private record Frame(String path, ImportedEntry entry, Iterator<Object> children) {
    }

    /** The names met in the directory being listed (kept across directories: its table is reused). */
    private Set<String> names = new HashSet<>();

    /** Walks from the root directory record (the one in the volume descriptor). */
    List<ImportedEntry> walk(RecordRef rootRecord) throws IOException {
        List<ImportedEntry> out = new ArrayList<>();
        List<RecordRef> rootRecords = readDirectory(rootRecord.extent(), rootRecord.dataLength(), "/");
        RecordRef dot = rootRecords.get(0);
        RockRidgeAttributes rr = systemUse == null ? null : systemUse.read(dot, true);
        ImportedEntry root = entry(null, "/", ItemType.DIRECTORY, List.of(dot), rr, rootRecord.dataLength());
        out.add(root);
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame("/", root, children("/", root, rootRecord.extent(), rootRecords).iterator()));
        while (!stack.isEmpty()) {
            Child c = nextDirectory(stack.peek(), out);
            if (c == null) {
                stack.pop();
            } else {
                String path = c.entry.path();  // once per directory: the entries hold names, not paths
                List<RecordRef> records = readDirectory(c.dirExtent, c.dirLength, path);
                if (c.originalParent >= 0) {
                    checkParentLink(path, records.get(1), c.originalParent);
                }
                stack.push(new Frame(path, c.entry, children(path, c.entry, c.dirExtent, records).iterator()));
            }
        }
        checkRelocatedReached();
        return withoutEmptyRelocationDirectories(out);
    }

    /**
     * Adds the frame's next children to {@code out} up to and including the next directory, which
     * it returns (null at the end of the frame). A method of its own so that a cold JVM compiles
     * this per-entry loop after a few hundred directories: in {@link #walk}, called once, the loop
     * ran interpreted until on-stack replacement, for about half of a 100,000-entry tree.
     */
    private static Child nextDirectory(Frame f, List<ImportedEntry> out) {
        Iterator<Object> children = f.children;
        while (children.hasNext()) {
            Object o = children.next();
            if (o instanceof Child c) {
                out.add(c.entry);
                return c;
            }
            out.add((ImportedEntry) o);
        }
        return null;
    }

    /**
     * Leaves out a directory that held only relocated directories (RE), such as RR_MOVED: an
     * artefact of ISO 9660's depth limit, not part of the Rock Ridge tree.
     */
    private List<ImportedEntry> withoutEmptyRelocationDirectories(List<ImportedEntry> entries) {
        if (relocationDirectories.isEmpty()) {
            return entries;
        }
        Set<ImportedEntry> nonEmpty = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ImportedEntry e : entries) {
            if (e.parent() != null) {
                nonEmpty.add(e.parent());
            }
        }
        List<ImportedEntry> out = new ArrayList<>(entries.size());
        for (ImportedEntry e : entries) {
            if (!(relocationDirectories.contains(e) && !nonEmpty.contains(e))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Reads every record of a directory extent (LEN_DR 0 skips to the next sector). */
    private List<RecordRef> readDirectory(long extent, long length, String path) throws IOException {
        if (!visited.add(extent)) {
            throw Malformed.at("directory " + path, extent, "its extent is reached twice (a directory cycle)");
        }
        long count = (length + SECTOR - 1) / SECTOR;
        if (length == 0 || extent + count > sectorCount) {
            throw Malformed.at("directory " + path, extent, "extent of " + length
                    + " bytes does not fit the medium of " + sectorCount + " sectors");
        }
        directorySectorBudget -= count;
        if (directorySectorBudget < 0) {
            throw Malformed.at("directory " + path, extent, "the directories overlap: more directory sectors than the medium holds");
        }
        List<RecordRef> records = new ArrayList<>();
        store.clear();  // the previous directory's records are done with (only their numbers are kept)
        int start = 0; // where this sector's records begin: after the tail of one that crossed into it
        long stop = extent + count;
        for (long lba = extent; lba < stop; lba++) {
            int base = load(lba, stop, path);
            int end = (int) Math.min(SECTOR, length - (lba - extent) * SECTOR);
            int offset = start;
            start = 0;
            while (offset < end) {
                int len = chunk.get(base + offset) & 0xFF;
                if (len == 0) {
                    break;
                }
                if (offset + len <= end) {
                    records.add(DirectoryRecords.decode(chunk, base + offset, lba, offset, len, ctx, store));
                    offset += len;
                    continue;
                }
                // ECMA-119 6.8.1.1: records never cross a sector; Linux isofs reads across (fs/isofs/dir.c)
                long tailEnd = (lba + 1 - extent) * SECTOR + (offset + len - SECTOR);
                if (end < SECTOR || tailEnd > length) {
                    throw Malformed.at("directory record of " + path, lba, offset,
                            "LEN_DR " + len + " crosses the end of the directory");
                }
                Malformed.deviation(ctx, "directory record of " + path, lba, offset, "LEN_DR " + len
                        + " crosses the end of the sector", "read across the sector boundary");
                records.add(acrossSectors(lba, base, offset, len, stop, path));
                start = offset + len - SECTOR;
                break;
            }
        }
        if (records.size() < 2 || !records.get(0).isSelfOrParent() || !records.get(1).isSelfOrParent()) {
            throw Malformed.at("directory " + path, extent, "does not start with its \".\" and \"..\" records");
        }
        return records;
    }

    /**
     * Where sector {@code lba} of a directory ending before {@code stop} starts in {@link #chunk},
     * reading it and up to {@link #CHUNK_SECTORS} - 1 following sectors of the directory unless
     * already there: one read per 64 KiB of directory instead of one per sector.
     */
    private int load(long lba, long stop, String path) throws IOException {
        if (lba < chunkStart || lba >= chunkStart + chunkSectors) {
            chunkSectors = 0;
            int n = (int) Math.min(CHUNK_SECTORS, stop - lba);
            chunk.clear().limit(n * SECTOR);
            int read = sectors.read(lba, chunk);
            if (read < 1) {
                throw Malformed.at("directory " + path, lba, "the sector is beyond the end of the medium");
            }
            chunkStart = lba;
            chunkSectors = read;
            chunk.limit(read * SECTOR);
        }
        return (int) (lba - chunkStart) * SECTOR;
    }

    /**
     * A record starting at {@code offset} of sector {@code lba} (at {@code base} in the chunk) and
     * ending in the next one, which is loaded.
     */
    private RecordRef acrossSectors(long lba, int base, int offset, int len, long stop, String path)
            throws IOException {
        byte[] joined = new byte[len];
        int head = SECTOR - offset;
        chunk.get(base + offset, joined, 0, head);
        int next = load(lba + 1, stop, path);
        chunk.get(next, joined, head, len - head);
        return DirectoryRecords.decode(ByteBuffer.wrap(joined), 0, lba, offset, len, ctx);
    }

    private void readSector(long lba, String structure) throws IOException {
        sector.clear();
        if (sectors.read(lba, sector) != 1) {
            throw Malformed.at(structure, lba, "the sector is beyond the end of the medium");
        }
    }

    /** The entries of a directory's records: multi-extent sections joined, Rock Ridge applied. */
    private List<Object> children(String dirPath, ImportedEntry dir, long dirExtent, List<RecordRef> records)
            throws IOException {
        List<Object> out = new ArrayList<>(records.size());
        if (names.size() > 4096) {
            names = new HashSet<>();  // clear() would sweep the large table for every small directory after it
        } else {
            names.clear();
        }
        List<RecordRef> sections = new ArrayList<>();
        String prefix = dirPath.equals("/") ? "/" : dirPath + "/";  // once per directory, not per entry
        for (int i = 2, n = records.size(); i < n; i++) {
            RecordRef r = records.get(i);
            if (r.isSelfOrParent()) {
                throw Malformed.at("directory record of " + dirPath, r.lba(), r.offset(), "a second \".\" or \"..\"");
            }
            if (r.isAssociated() && sections.isEmpty()) {
                continue;
            }
            if (!sections.isEmpty() && !sections.get(0).sameIdentifier(r)) {
                throw Malformed.at("directory record of " + dirPath, r.lba(), r.offset(),
                        "a multi-extent file's last section (flag 0x80 clear) is missing");
            }
            sections.add(r);
            if (r.continues()) {
                if (r.isDirectory()) {
                    throw Malformed.at("directory record of " + dirPath, r.lba(), r.offset(),
                            "a directory with the multi-extent flag");
                }
                continue;
            }
            Object c = child(dirPath, prefix, dir, dirExtent, sections);
            String name = c == null ? null : (c instanceof Child ch ? ch.entry : (ImportedEntry) c).name();
            if (c != null && names.add(name)) {
                out.add(c);
            } else if (c != null) {
                // ECMA-119 7.5.1 allows versions (A;1, A;2) that read as one name; RRIP/Joliet none
                Malformed.deviation(ctx, "directory record of " + dirPath, r.lba(), r.offset(), "a second entry named \""
                        + name + "\"", "it is left out, the first one kept");
            }
            sections.clear();  // child() keeps nothing of the list
        }
        if (!sections.isEmpty()) {
            RecordRef last = sections.get(sections.size() - 1);
            throw Malformed.at("directory record of " + dirPath, last.lba(), last.offset(),
                    "the directory ends inside a multi-extent file");
        }
        return out;
    }

    /** One entry from the sections of one file (one record for everything but multi-extent files). */
    /** A {@link Child} for a directory, the {@link ImportedEntry} for anything else, null for none. */
    private Object child(String dirPath, String prefix, ImportedEntry dir, long dirExtent, List<RecordRef> sections)
            throws IOException {
        RecordRef first = sections.get(0);
        // used (not kept) before the next record's: relocated() reads the "." it points at with read()
        RockRidgeAttributes rr = systemUse == null ? null : systemUse.readTransient(first);
        if (rr != null && rr.relocated) {
            relocationDirectories.add(dir);
            relocatedExtents.putIfAbsent(first.extent(), first);
            return null; // shown at its original place through the CL record
        }
        String name = name(first, rr);
        // the path is checked by its length and made only for a message (the entry links its directory)
        if (prefix.length() + name.length() > MAX_PATH_LENGTH) {
            throw Malformed.at("directory record of " + dirPath, first.lba(), first.offset(), "the path of \""
                    + name + "\" is longer than " + MAX_PATH_LENGTH + " characters");
        }
        if (rr != null && rr.childLink >= 0) {
            return relocated(prefix.concat(name), dir, name, dirExtent, first, rr);
        }
        if (first.isDirectory()) {
            return new Child(entry(dir, name, ItemType.DIRECTORY, sections, rr, first.dataLength()),
                    first.extent(), first.dataLength());
        }
        ItemType type = rr == null ? ItemType.FILE
                : rr.isSymlink() ? ItemType.SYMLINK : rr.isDevice() ? ItemType.DEVICE : ItemType.FILE;
        long size = 0;
        for (int i = 0; i < sections.size(); i++) {  // indexed: no iterator per file
            size += sections.get(i).dataLength();
            if (type == ItemType.FILE) {
                checkFileExtent(prefix, name, sections.get(i));
            }
        }
        return entry(dir, name, type, sections, rr, type == ItemType.FILE ? size : 0);
    }

    /** A file's data must lie on the medium (ECMA-119 6.5.1), unless it has none. */
    private void checkFileExtent(String prefix, String name, RecordRef s) throws DiscImageException {
        long count = (s.dataLength() + SECTOR - 1) / SECTOR;
        if (count > 0 && s.extent() + count > sectorCount) {
            Malformed.deviation(ctx, "directory record of " + prefix + name, s.lba(), s.offset(), "file extent at LBA "
                    + s.extent() + " of " + s.dataLength() + " bytes ends beyond the medium of " + sectorCount
                    + " sectors", "the entry is kept; reading its data will fail");
        }
    }

    /** A CL record: the directory lives in RR_MOVED; its "." record gives its length. */
    private Child relocated(String path, ImportedEntry dir, String name, long parentExtent, RecordRef placeholder,
                            RockRidgeAttributes rr) throws IOException {
        long lba = rr.childLink;
        if (lba >= sectorCount) {
            throw Malformed.at("Rock Ridge CL entry of " + path, placeholder.lba(), placeholder.offset(),
                    "child link to LBA " + lba + " beyond the medium");
        }
        readSector(lba, "relocated directory " + path);
        int len = sector.get(0) & 0xFF;
        RecordRef dot = null;
        try {
            dot = len == 0 ? null : DirectoryRecords.decode(sector, lba, 0, len, ctx);
        } catch (DiscImageException e) {
            // not a directory record at all: the CL entry points at something else (RRIP 1.12 4.1.5.1)
        }
        if (dot == null || !dot.isDot() || !dot.isDirectory() || dot.extent() != lba) {
            throw Malformed.at("relocated directory " + path, lba, "the CL entry at LBA " + placeholder.lba()
                    + " points at a sector whose first record is not a directory's \".\" record");
        }
        RockRidgeAttributes own = systemUse.read(dot, false);
        own.name = rr.name;
        if (own.mode == ImportedEntry.NO_MODE) {
            own.mode = rr.mode;
        }
        relocatedReached.add(lba);
        return new Child(entry(dir, name, ItemType.DIRECTORY, List.of(dot), own, dot.dataLength()), lba,
                dot.dataLength(),
                parentExtent);
    }

    /**
     * RRIP 1.12 4.1.5.2: the ".." record of a directory reached through a CL entry carries a PL entry
     * naming the directory that holds the CL.
     */
    private void checkParentLink(String path, RecordRef dotDot, long expected) throws IOException {
        long parentLink = systemUse.read(dotDot, false).parentLink;
        if (parentLink != expected) {
            Malformed.deviation(ctx, "Rock Ridge PL entry of " + path, dotDot.lba(), dotDot.offset(),
                    (parentLink < 0 ? "missing" : "parent link to LBA " + parentLink)
                            + " in the \"..\" record of a relocated directory whose CL entry is in the directory at LBA "
                            + expected, "the directory is shown where its CL entry is");
        }
    }

    /** RRIP 1.12 4.1.5.3: a directory marked RE is shown through a CL entry; one that none reaches is lost. */
    private void checkRelocatedReached() throws DiscImageException {
        for (RecordRef r : relocatedExtents.values()) {
            if (!relocatedReached.contains(r.extent())) {
                Malformed.deviation(ctx, "Rock Ridge RE entry", r.lba(), r.offset(), "the relocated directory at LBA "
                        + r.extent() + " is not reached by any CL entry", "it is left out with its contents");
            }
        }
    }

    /**
     * The entry of {@code name} in the directory of {@code parent} (null: the root, {@code name} its
     * path "/"). One section (all but multi-extent files) is kept as two numbers, no list.
     */
    private ImportedEntry entry(ImportedEntry parent, String name, ItemType type, List<RecordRef> sections,
                                RockRidgeAttributes rr, long size) {
        RecordRef first = sections.get(0);
        List<FileExtent> extents = null;
        long lba = -1;
        long length = 0;
        if (type != ItemType.FILE && type != ItemType.DIRECTORY) {
            // no data: links and devices
        } else if (sections.size() == 1) {
            lba = first.extent();
            length = first.dataLength();
        } else {
            List<FileExtent> list = new ArrayList<>(sections.size());
            for (RecordRef s : sections) {
                list.add(new FileExtent(s.extent(), s.dataLength()));
            }
            extents = List.copyOf(list);
        }
        if (rr == null) {
            return new ImportedEntry(parent, name, type, size, ImportedEntry.NO_MODE, 0, 0, recorded(first), null, null,
                    null, extents, lba, length, null, 1, -1, -1, first.isHidden() ? HIDDEN : Set.of());
        }
        Instant modified = rr.modified != null ? rr.modified : recorded(first);
        String target = type == ItemType.SYMLINK ? (rr.symlinkTarget == null ? "" : rr.symlinkTarget) : null;
        Set<ImportedEntry.Flag> flags = !first.isHidden() && !rr.zisofs ? Set.of()
                : EnumSet.noneOf(ImportedEntry.Flag.class);
        if (first.isHidden()) {
            flags.add(ImportedEntry.Flag.HIDDEN);
        }
        if (rr.zisofs) {
            flags.add(ImportedEntry.Flag.ZISOFS);
        }
        int links = (int) Math.min(Integer.MAX_VALUE, Math.max(1, rr.links));
        return new ImportedEntry(parent, name, type, size, rr.mode, rr.uid, rr.gid, modified, rr.accessed,
                rr.attributesChanged, target, extents, lba, length, null, links, rr.serial,
                type == ItemType.DEVICE ? rr.device : -1, flags);
    }

    /**
     * The record's date (ECMA-119 9.1.5), the epoch when "not specified"; the instant made last when
     * the second is the same (the records of a tree mostly share a few dates; Instant is immutable).
     */
    private Instant recorded(RecordRef r) {
        long second = r.recordedSecond();
        if (second == RecordingDateTime.UNSPECIFIED_EPOCH_SECOND) {
            return Instant.EPOCH;
        }
        if (lastRecorded == null || lastRecordedSecond != second) {
            lastRecorded = Instant.ofEpochSecond(second);
            lastRecordedSecond = second;
        }
        return lastRecorded;
    }

    /** The name of a record in this namespace, checked to be a usable path component. */
    private String name(RecordRef r, RockRidgeAttributes rr) throws IOException {
        String name;
        if (rr != null && rr.name != null) {
            name = rr.name;
        } else if (namespace == FileSystem.JOLIET) {
            int length = r.identifierLength();
            if (length % 2 != 0) {
                throw Malformed.at("Joliet directory record", r.lba(), r.offset(), "odd identifier length "
                        + length + " for UCS-2");
            }
            name = r.jolietIdentifierWithoutVersion();
        } else {
            String raw = r.identifier(StandardCharsets.ISO_8859_1);
            checkIsoIdentifier(raw, r);
            name = stripVersion(raw);
            if (!r.isDirectory() && name.endsWith(".") && name.length() > 1) {
                name = name.substring(0, name.length() - 1); // "NAME." : empty extension
            }
        }
        if (!usable(name)) {
            throw Malformed.at("directory record", r.lba(), r.offset(), "unusable file name \""
                    + name.replace("\0", "\\0") + "\"");
        }
        return name;
    }

    /**
     * ECMA-119 7.5.1 and 7.6.1: an identifier of the primary tree is d-characters (7.4.1: A-Z, 0-9,
     * '_'), SEPARATOR 1 '.' and, for a file, SEPARATOR 2 ';' and a version number 1..32767.
     * genisoimage and mkisofs write lower case and other characters with -allow-lowercase,
     * -relaxed-filenames or -iso-level 4, and versions are sometimes garbage: lenient takes the
     * identifier as recorded.
     */
    private void checkIsoIdentifier(String id, RecordRef r) throws DiscImageException {
        int semi = id.lastIndexOf(';');
        String base = semi < 0 ? id : id.substring(0, semi);
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.')) {
                Malformed.deviation(ctx, "ISO 9660 directory record", r.lba(), r.offset(), "identifier \""
                        + printable(id) + "\" holds " + printable(String.valueOf(c))
                        + ", not a d-character (ECMA-119 7.4.1)", "the identifier is used as recorded");
                break;
            }
        }
        if (semi >= 0) {
            String version = id.substring(semi + 1);
            boolean digits = !version.isEmpty() && version.length() <= 5;
            for (int i = 0; digits && i < version.length(); i++) {
                digits = version.charAt(i) >= '0' && version.charAt(i) <= '9';  // Latin-1 has no other digits
            }
            int v = digits ? Integer.parseInt(version) : -1;
            if (v < 1 || v > 32767 || !digits) {
                Malformed.deviation(ctx, "ISO 9660 directory record", r.lba(), r.offset(), "identifier \""
                        + printable(id) + "\" has the version \"" + printable(version)
                        + "\", not a number 1..32767 (ECMA-119 7.5.1)", digits ? "the version is dropped"
                        : "the identifier is kept whole, \";\" included");
            }
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return b.toString();
    }

    /**
     * Whether a name is one path component that stays inside its directory wherever it is used:
     * not empty, ".", "..", without '/' or NUL, and without a ".." between backslashes (a Windows
     * separator: "..\\x" would climb out of the target directory there).
     */
    static boolean usable(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            return false;
        }
        if (name.indexOf('\\') >= 0) {
            for (String part : name.split("\\\\", -1)) {
                if (part.equals("..")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Drops a ";version" suffix (ECMA-119 7.5.1; Joliet writers usually omit it). */
    static String stripVersion(String id) {
        int semi = id.lastIndexOf(';');
        if (semi < 0) {
            return id;
        }
        for (int i = semi + 1; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return id;
            }
        }
        return id.substring(0, semi);
    }
}
