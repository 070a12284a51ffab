package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.discimage.FileSystem;
import org.discimage.tree.ItemType;

/**
 * Walks one directory hierarchy (ISO 9660, Joliet, or ISO 9660 read through Rock Ridge) into a
 * pre-order list of entries. Iterative (an explicit stack, so depth costs no Java stack), every
 * directory extent read once (a revisit is a cycle and fails), and the directory sectors read in
 * total bounded by the size of the medium.
 */
final class DirectoryWalker {
    private static final int SECTOR = SectorReader.SECTOR_SIZE;

    private final SectorReader sectors;
    private final FileSystem namespace;
    private final SystemUseReader systemUse;  // null unless namespace is ROCK_RIDGE
    private final Set<Long> visited = new HashSet<>();
    private final Set<String> relocationDirectories = new HashSet<>();
    private final ByteBuffer sector = ByteBuffer.allocate(SECTOR);
    private final long sectorCount;
    private long directorySectorBudget;

    DirectoryWalker(SectorReader sectors, FileSystem namespace, SystemUseReader systemUse) throws IOException {
        this.sectors = sectors;
        this.namespace = namespace;
        this.systemUse = systemUse;
        this.sectorCount = sectors.sectorCount();
        this.directorySectorBudget = sectorCount;
    }

    /** A directory entry found, with where to descend if it is a directory. */
    private record Child(ImportedEntry entry, long dirExtent, long dirLength) {
    }

    private record Frame(String path, Iterator<Child> children) {
    }

    /** Walks from the root directory record (the one in the volume descriptor). */
    List<ImportedEntry> walk(RecordRef rootRecord) throws IOException {
        List<ImportedEntry> out = new ArrayList<>();
        List<RecordRef> rootRecords = readDirectory(rootRecord.extent(), rootRecord.dataLength(), "/");
        RecordRef dot = rootRecords.get(0);
        RockRidgeAttributes rr = systemUse == null ? null : systemUse.read(dot, true);
        out.add(entry("/", ItemType.DIRECTORY, List.of(dot), rr, rootRecord.dataLength()));
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame("/", children("/", rootRecords).iterator()));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (!f.children.hasNext()) {
                stack.pop();
                continue;
            }
            Child c = f.children.next();
            out.add(c.entry);
            if (c.entry.type() == ItemType.DIRECTORY) {
                String path = c.entry.path();
                stack.push(new Frame(path, children(path, readDirectory(c.dirExtent, c.dirLength, path)).iterator()));
            }
        }
        return withoutEmptyRelocationDirectories(out);
    }

    /**
     * Leaves out a directory that held only relocated directories (RE), such as RR_MOVED: an
     * artefact of ISO 9660's depth limit, not part of the Rock Ridge tree.
     */
    private List<ImportedEntry> withoutEmptyRelocationDirectories(List<ImportedEntry> entries) {
        if (relocationDirectories.isEmpty()) {
            return entries;
        }
        Set<String> nonEmpty = new HashSet<>();
        for (ImportedEntry e : entries) {
            String p = e.path();
            int slash = p.lastIndexOf('/');
            nonEmpty.add(slash == 0 ? "/" : p.substring(0, slash));
        }
        List<ImportedEntry> out = new ArrayList<>(entries.size());
        for (ImportedEntry e : entries) {
            if (!(relocationDirectories.contains(e.path()) && !nonEmpty.contains(e.path()))) {
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
        for (long lba = extent; lba < extent + count; lba++) {
            readSector(lba, "directory " + path);
            int end = (int) Math.min(SECTOR, length - (lba - extent) * SECTOR);
            int offset = 0;
            while (offset < end) {
                int len = sector.get(offset) & 0xFF;
                if (len == 0) {
                    break;
                }
                if (offset + len > end) {
                    throw Malformed.at("directory record of " + path, lba, offset,
                            "LEN_DR " + len + " crosses the end of the sector or of the directory");
                }
                records.add(DirectoryRecords.decode(sector, lba, offset, len));
                offset += len;
            }
        }
        if (records.size() < 2 || !records.get(0).isSelfOrParent() || !records.get(1).isSelfOrParent()) {
            throw Malformed.at("directory " + path, extent, "does not start with its \".\" and \"..\" records");
        }
        return records;
    }

    private void readSector(long lba, String structure) throws IOException {
        sector.clear();
        if (sectors.read(lba, sector) != 1) {
            throw Malformed.at(structure, lba, "the sector is beyond the end of the medium");
        }
    }

    /** The entries of a directory's records: multi-extent sections joined, Rock Ridge applied. */
    private List<Child> children(String dirPath, List<RecordRef> records) throws IOException {
        List<Child> out = new ArrayList<>(records.size());
        List<RecordRef> sections = new ArrayList<>();
        for (RecordRef r : records.subList(2, records.size())) {
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
            Child c = child(dirPath, sections);
            if (c != null) {
                out.add(c);
            }
            sections = new ArrayList<>();
        }
        if (!sections.isEmpty()) {
            RecordRef last = sections.get(sections.size() - 1);
            throw Malformed.at("directory record of " + dirPath, last.lba(), last.offset(),
                    "the directory ends inside a multi-extent file");
        }
        return out;
    }

    /** One entry from the sections of one file (one record for everything but multi-extent files). */
    private Child child(String dirPath, List<RecordRef> sections) throws IOException {
        RecordRef first = sections.get(0);
        RockRidgeAttributes rr = systemUse == null ? null : systemUse.read(first, false);
        if (rr != null && rr.relocated) {
            relocationDirectories.add(dirPath);
            return null; // shown at its original place through the CL record
        }
        String name = name(first, rr);
        String path = (dirPath.equals("/") ? "/" : dirPath + "/") + name;
        if (rr != null && rr.childLink >= 0) {
            return relocated(path, first, rr);
        }
        if (first.isDirectory()) {
            return new Child(entry(path, ItemType.DIRECTORY, sections, rr, first.dataLength()),
                    first.extent(), first.dataLength());
        }
        ItemType type = rr == null ? ItemType.FILE
                : rr.isSymlink() ? ItemType.SYMLINK : rr.isDevice() ? ItemType.DEVICE : ItemType.FILE;
        long size = 0;
        for (RecordRef s : sections) {
            size += s.dataLength();
        }
        return new Child(entry(path, type, sections, rr, type == ItemType.FILE ? size : 0), -1, 0);
    }

    /** A CL record: the directory lives in RR_MOVED; its "." record gives its length. */
    private Child relocated(String path, RecordRef placeholder, RockRidgeAttributes rr) throws IOException {
        long lba = rr.childLink;
        if (lba >= sectorCount) {
            throw Malformed.at("Rock Ridge CL entry of " + path, placeholder.lba(), placeholder.offset(),
                    "child link to LBA " + lba + " beyond the medium");
        }
        readSector(lba, "relocated directory " + path);
        int len = sector.get(0) & 0xFF;
        if (len == 0) {
            throw Malformed.at("relocated directory " + path, lba, "no \".\" record");
        }
        RecordRef dot = DirectoryRecords.decode(sector, lba, 0, len);
        if (!dot.isSelfOrParent() || !dot.isDirectory() || dot.extent() != lba) {
            throw Malformed.at("relocated directory " + path, lba, "the first record is not its \".\" record");
        }
        RockRidgeAttributes own = systemUse.read(dot, false);
        own.name = rr.name;
        if (own.mode == ImportedEntry.NO_MODE) {
            own.mode = rr.mode;
        }
        return new Child(entry(path, ItemType.DIRECTORY, List.of(dot), own, dot.dataLength()), lba, dot.dataLength());
    }

    private ImportedEntry entry(String path, ItemType type, List<RecordRef> sections, RockRidgeAttributes rr,
                                long size) {
        RecordRef first = sections.get(0);
        List<FileExtent> extents = new ArrayList<>(sections.size());
        if (type == ItemType.FILE || type == ItemType.DIRECTORY) {
            for (RecordRef s : sections) {
                extents.add(new FileExtent(s.extent(), s.dataLength()));
            }
        }
        if (rr == null) {
            return ImportedEntry.of(path, type, size, ImportedEntry.NO_MODE, 0, 0, first.recorded(), null, extents,
                    first.isHidden());
        }
        Instant modified = rr.modified != null ? rr.modified : first.recorded();
        String target = type == ItemType.SYMLINK ? (rr.symlinkTarget == null ? "" : rr.symlinkTarget) : null;
        Set<ImportedEntry.Flag> flags = EnumSet.noneOf(ImportedEntry.Flag.class);
        if (first.isHidden()) {
            flags.add(ImportedEntry.Flag.HIDDEN);
        }
        if (rr.zisofs) {
            flags.add(ImportedEntry.Flag.ZISOFS);
        }
        int links = (int) Math.min(Integer.MAX_VALUE, Math.max(1, rr.links));
        return new ImportedEntry(path, type, size, rr.mode, rr.uid, rr.gid, modified, rr.accessed,
                rr.attributesChanged, target, extents, null, links, rr.serial,
                type == ItemType.DEVICE ? rr.device : -1, flags);
    }

    /** The name of a record in this namespace, checked to be a usable path component. */
    private String name(RecordRef r, RockRidgeAttributes rr) throws IOException {
        String name;
        byte[] id = r.record().fileIdentifier();
        if (rr != null && rr.name != null) {
            name = rr.name;
        } else if (namespace == FileSystem.JOLIET) {
            if (id.length % 2 != 0) {
                throw Malformed.at("Joliet directory record", r.lba(), r.offset(), "odd identifier length "
                        + id.length + " for UCS-2");
            }
            name = stripVersion(new String(id, StandardCharsets.UTF_16BE));
        } else {
            name = stripVersion(new String(id, StandardCharsets.ISO_8859_1));
            if (!r.isDirectory() && name.endsWith(".") && name.length() > 1) {
                name = name.substring(0, name.length() - 1); // "NAME." : empty extension
            }
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            throw Malformed.at("directory record", r.lba(), r.offset(), "unusable file name \""
                    + name.replace("\0", "\\0") + "\"");
        }
        return name;
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
