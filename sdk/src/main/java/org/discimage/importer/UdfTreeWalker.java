package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.tree.ItemType;
import org.discimage.udf.AllocationDescriptor;
import org.discimage.udf.DescriptorTag;
import org.discimage.udf.FileIdentifierDescriptor;
import org.discimage.udf.IcbEntry;
import org.discimage.udf.IcbTag;
import org.discimage.udf.LongAllocationDescriptor;
import org.discimage.udf.PathComponent;

/**
 * Walks the directory hierarchy of a UDF file set (ECMA-167 4/8.6) into a pre-order list of entries.
 * Iterative (an explicit stack), every directory ICB read once (a revisit is a cycle and fails),
 * and the directory bytes read in total bounded by the size of the medium.
 */
final class UdfTreeWalker {
    /** The largest symbolic link content read (ECMA-167 4/14.16; a path of 64 KiB is plenty). */
    private static final int MAX_SYMLINK = 65536;

    private final UdfMedium medium;
    private final UdfPartitions partitions;
    private final UdfIcbs icbs;
    private final Set<Long> visited = new HashSet<>();
    private long directoryBudget;

    UdfTreeWalker(UdfMedium medium, UdfPartitions partitions) {
        this.medium = medium;
        this.partitions = partitions;
        this.icbs = new UdfIcbs(medium, partitions);
        this.directoryBudget = medium.sectorCount * UdfMedium.BLOCK;
    }

    /** A directory entry found, with its ICB to descend into if it is a directory. */
    private record Child(ImportedEntry entry, UdfIcbs.Node node) {
    }

    /** A directory being listed: its path (for messages) and its entry (its children's parent). */
    private record Frame(String path, ImportedEntry entry, Iterator<Child> children) {
    }

    /** Walks from the root directory ICB of the File Set Descriptor (read from sector {@code fsdSector}). */
    List<ImportedEntry> walk(LongAllocationDescriptor rootIcb, long fsdSector) throws IOException {
        int ref = rootIcb.location().partitionReferenceNumber();
        long lbn = rootIcb.logicalBlockNumber();
        UdfIcbs.Node root = icbs.read(ref, lbn, "root directory ICB", fsdSector);
        if (root.entry().icbTag().fileType() != IcbTag.TYPE_DIRECTORY) {
            throw Malformed.at("root directory ICB", root.sector(), "file type " + root.entry().icbTag().fileType()
                    + " is not a directory");
        }
        List<ImportedEntry> out = new ArrayList<>();
        ImportedEntry rootEntry = entry(null, "/", "/", root, null);
        out.add(rootEntry);
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame("/", rootEntry, children("/", rootEntry, root).iterator()));
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
                stack.push(new Frame(path, c.entry, children(path, c.entry, c.node).iterator()));
            }
        }
        return out;
    }

    /** Reads the FIDs of a directory (ECMA-167 4/14.4) into its children, skipping deleted and parent FIDs. */
    private List<Child> children(String path, ImportedEntry dirEntry, UdfIcbs.Node dir) throws IOException {
        String s = "directory " + path;
        if (!visited.add(dir.id())) {
            throw Malformed.at(s, dir.sector(), "its ICB is reached twice (a directory cycle)");
        }
        long len = dir.entry().informationLength();
        directoryBudget -= len;
        if (directoryBudget < 0 || len > Integer.MAX_VALUE - 8) {
            throw Malformed.at(s, dir.sector(), "directory of " + len + " bytes: more directory data than the medium"
                    + " holds");
        }
        UdfIcbs.Content content = icbs.content(dir, len, s);
        ByteBuffer d = ByteBuffer.wrap(content.data());
        List<Child> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (d.hasRemaining()) {
            int offset = d.position();
            long address = content.blockLbns() == null ? (long) dir.ref() << 32 | dir.lbn()
                    : content.blockLbns()[offset / UdfMedium.BLOCK];
            long lba = address < 0 ? dir.sector() : partitions.sector((int) (address >>> 32), address & 0xFFFF_FFFFL, s,
                    dir.sector());
            ByteBuffer at = d.slice(offset, d.remaining());
            medium.check(at, DescriptorTag.ID_FID, address & 0xFFFF_FFFFL, "file identifier descriptor in " + s, lba);
            FileIdentifierDescriptor fid;
            try {
                fid = FileIdentifierDescriptor.decode(at, false);
            } catch (DiscImageException e) {
                throw Malformed.wrap("file identifier descriptor in " + s, lba, offset % UdfMedium.BLOCK, e);
            }
            d.position(offset + fid.length());
            if (fid.is(FileIdentifierDescriptor.DELETED) || fid.is(FileIdentifierDescriptor.PARENT)) {
                continue;
            }
            Child c = child(path, dirEntry, fid, lba);
            if (c == null) {
                continue;
            }
            if (!names.add(c.entry.name())) {  // ECMA-167 4/8.6: identifiers in a directory are unique
                medium.strictOrReport("file identifier descriptor in " + s, lba, "a second entry named \""
                        + c.entry.name() + "\"");
                continue;
            }
            out.add(c);
        }
        return out;
    }

    private Child child(String parent, ImportedEntry parentEntry, FileIdentifierDescriptor fid, long lba)
            throws IOException {
        String s = "file identifier descriptor in directory " + parent;
        String name;
        try {
            name = fid.name();
        } catch (DiscImageException e) {
            medium.strictOrReport(s, lba, "undecodable name: " + e.getMessage());
            return null;
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            medium.strictOrReport(s, lba, "invalid name \"" + name.replace("\0", "\\0") + "\"");
            return null;
        }
        String path = (parent.equals("/") ? "/" : parent + "/") + name;
        LongAllocationDescriptor icb = fid.icb();
        UdfIcbs.Node n = icbs.read(icb.location().partitionReferenceNumber(), icb.logicalBlockNumber(), "ICB of " + path,
                lba);
        boolean isDir = n.entry().icbTag().fileType() == IcbTag.TYPE_DIRECTORY;
        if (isDir != fid.is(FileIdentifierDescriptor.DIRECTORY)) {
            medium.strictOrReport("ICB of " + path, n.sector(), "the FID's directory bit disagrees with file type "
                    + n.entry().icbTag().fileType());
            return null;
        }
        ImportedEntry e = entry(parentEntry, name, path, n, fid);
        return e == null ? null : new Child(e, n);
    }

    /** What an ICB file type (ECMA-167 4/14.6.6) becomes: the item type and the POSIX S_IFMT bits. */
    private record Kind(ItemType type, int typeBits) {
    }

    private static Kind kind(int fileType) {
        return switch (fileType) {
            case IcbTag.TYPE_DIRECTORY -> new Kind(ItemType.DIRECTORY, 0040000);
            case IcbTag.TYPE_FILE, IcbTag.TYPE_REAL_TIME -> new Kind(ItemType.FILE, 0100000);
            case IcbTag.TYPE_SYMLINK -> new Kind(ItemType.SYMLINK, 0120000);
            case IcbTag.TYPE_BLOCK_DEVICE -> new Kind(ItemType.DEVICE, 0060000);
            case IcbTag.TYPE_CHARACTER_DEVICE -> new Kind(ItemType.DEVICE, 0020000);
            default -> null;
        };
    }

    /**
     * The entry of an ICB named {@code name} in the directory of {@code parent} (null for the root),
     * or null (with a diagnostic) for a kind of file the tree cannot hold.
     */
    private ImportedEntry entry(ImportedEntry parent, String name, String path, UdfIcbs.Node n,
                                FileIdentifierDescriptor fid) throws IOException {
        IcbEntry e = n.entry();
        String s = "ICB of " + path;
        int fileType = e.icbTag().fileType();
        Kind kind = kind(fileType);
        if (kind == null) {
            if (fileType == IcbTag.TYPE_FIFO || fileType == IcbTag.TYPE_SOCKET) {
                medium.report(s, n.sector(), (fileType == IcbTag.TYPE_FIFO ? "FIFO" : "socket")
                        + " not imported: the tree holds no such entries");
            } else {
                medium.strictOrReport(s, n.sector(), "file type " + fileType + " is not a file, directory,"
                        + " symbolic link or device");
            }
            return null;
        }
        ItemType type = kind.type();
        int typeBits = kind.typeBits();
        int mode = typeBits | UdfAttributes.mode(e.permissions(), e.icbTag().flags());
        Set<ImportedEntry.Flag> flags = EnumSet.noneOf(ImportedEntry.Flag.class);
        if (fid != null && fid.is(FileIdentifierDescriptor.HIDDEN)) {
            flags.add(ImportedEntry.Flag.HIDDEN);
        }
        LongAllocationDescriptor streams = e.streamDirectory();
        if (streams != null && streams.extentLength() != 0) {
            flags.add(ImportedEntry.Flag.NAMED_STREAMS);
            medium.report(s, n.sector(), "named streams (stream directory ICB at block " + streams.logicalBlockNumber()
                    + ") are not imported");
        }
        long size = type == ItemType.SYMLINK || type == ItemType.DEVICE ? 0 : e.informationLength();
        byte[] embedded = null;
        List<FileExtent> extents = List.of();
        String target = null;
        long device = -1;
        if (type == ItemType.SYMLINK) {
            target = symlinkTarget(n, s);
        } else if (type == ItemType.DEVICE) {
            device = UdfAttributes.device(e.extendedAttributes());
            if (device < 0) {
                medium.report(s, n.sector(), "no device specification extended attribute: device number unknown");
            }
        } else if (e.icbTag().allocationDescriptorType() == IcbTag.AD_EMBEDDED) {
            if (type == ItemType.FILE) {
                embedded = icbs.embedded(n, s);
            }
        } else {
            extents = dataExtents(n, s);
            if (extents == null) {
                return null;
            }
        }
        Instant modified = UdfAttributes.instant(e.modificationTime());
        if (modified == null) {
            medium.report(s, n.sector(), "invalid modification time " + e.modificationTime() + "; the epoch is used");
            modified = Instant.EPOCH;
        }
        boolean one = extents.size() == 1;
        return new ImportedEntry(parent, parent == null ? path : name, type, size, mode, UdfAttributes.id(e.uid()),
                UdfAttributes.id(e.gid()), modified, UdfAttributes.instant(e.accessTime()),
                UdfAttributes.instant(e.attributeTime()), target, extents.size() > 1 ? List.copyOf(extents) : null,
                one ? extents.get(0).lba() : -1, one ? extents.get(0).length() : 0, embedded,
                Math.max(1, e.fileLinkCount()), n.id(), device, flags);
    }

    /**
     * The absolute extents of a file's data. Unrecorded extents (types 1 and 2, ECMA-167 4/14.14.1.1)
     * read as zeros: at the end of the file they are left out (the reader zero-fills up to the size,
     * and a diagnostic says so); a hole followed by recorded data cannot be expressed with extents and
     * is FILE_SYSTEM_FEATURE_NOT_SUPPORTED (lenient: a diagnostic and the entry is skipped).
     */
    private List<FileExtent> dataExtents(UdfIcbs.Node n, String s) throws IOException {
        long remaining = n.entry().informationLength();
        long hole = 0;
        List<FileExtent> out = new ArrayList<>();
        for (UdfIcbs.Ad ad : icbs.allocationDescriptors(n, s)) {
            if (remaining == 0) {
                break;
            }
            long len = Math.min(ad.length(), remaining);
            if (ad.type() == AllocationDescriptor.RECORDED) {
                if (hole > 0) {
                    String why = "a hole of " + hole + " bytes before recorded data cannot be imported as extents";
                    if (medium.options.lenient()) {
                        medium.report(s, n.sector(), why + "; skipped");
                        return null;
                    }
                    throw new DiscImageException(ErrorCode.FILE_SYSTEM_FEATURE_NOT_SUPPORTED, s + " at LBA "
                            + n.sector() + ": " + why);
                }
                out.addAll(partitions.runs(ad.ref(), ad.lbn(), len, s, n.sector()));
            } else {
                hole += len;
            }
            remaining -= len;
        }
        if (remaining > 0) {
            throw Malformed.at(s, n.sector(), "allocation descriptors end " + remaining + " bytes before the"
                    + " information length " + n.entry().informationLength());
        }
        if (hole > 0) {
            medium.report(s, n.sector(), "the last " + hole + " bytes are not recorded (zeros): not in the extents");
        }
        return out;
    }

    private String symlinkTarget(UdfIcbs.Node n, String s) throws IOException {
        byte[] data = icbs.content(n, MAX_SYMLINK, s).data();
        try {
            String target = PathComponent.toPath(PathComponent.decodeAll(ByteBuffer.wrap(data)));
            if (target.isEmpty()) {
                throw Malformed.at(s, n.sector(), "symbolic link with an empty target");
            }
            return target;
        } catch (DiscImageException e) {
            throw e.getMessage().contains(" at LBA ") ? e : Malformed.wrap(s, n.sector(), 0, e);
        }
    }
}
