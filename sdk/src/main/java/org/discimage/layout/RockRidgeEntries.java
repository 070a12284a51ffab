package org.discimage.layout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.discimage.rockridge.AlternateName;
import org.discimage.rockridge.ChildLink;
import org.discimage.rockridge.ParentLink;
import org.discimage.rockridge.PosixDeviceNumber;
import org.discimage.rockridge.PosixFileAttributes;
import org.discimage.rockridge.RelocatedDirectory;
import org.discimage.rockridge.SymbolicLink;
import org.discimage.rockridge.TimeStamps;
import org.discimage.susp.ExtensionReference;
import org.discimage.susp.SharingProtocolIndicator;
import org.discimage.susp.SuspEntry;
import org.discimage.tree.Item;
import org.discimage.tree.ItemType;
import org.discimage.tree.DeviceItem;
import org.discimage.tree.SymlinkItem;

/**
 * The Rock Ridge entries (RRIP 1.12) of each kind of ISO 9660 directory record. Addresses
 * (CL, PL) are taken from the plan; while planning they may still be 0, which does not change any
 * entry's length.
 */
final class RockRidgeEntries {
    /** POSIX file type bits (RRIP 1.12 4.1.1, as st_mode). */
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;
    static final int S_IFBLK = 0060000;
    static final int S_IFCHR = 0020000;
    /** TF with modification, access and attribute-change times, short form (as xorriso writes). */
    static final int TF_FLAGS = TimeStamps.MODIFY | TimeStamps.ACCESS | TimeStamps.ATTRIBUTES;

    /** The Rock Ridge name of the directory that receives relocated deep directories. */
    static final String RR_MOVED_NAME = ".rr_moved";

    private RockRidgeEntries() {
    }

    /** The "." record: attributes of the directory itself; the root's starts with SP and ends with ER. */
    static List<SuspEntry> dot(PlanDir d, boolean root) {
        List<SuspEntry> list = new ArrayList<>(4);
        if (root) {
            // SUSP 1.12 5.3: SP first in the System Use area of the root's first record
            list.add(new SharingProtocolIndicator(0));
        }
        addAttributes(list, d.node, d);
        if (root) {
            // SUSP 1.12 5.5: ER in the root "." record (or its continuation)
            list.add(ExtensionReference.RRIP_1_12);
        }
        return list;
    }

    /** The ".." record: attributes of the parent; a relocated directory's adds PL (RRIP 1.12 4.1.5.2). */
    static List<SuspEntry> dotDot(PlanDir d) {
        List<SuspEntry> list = new ArrayList<>(3);
        PlanDir parent = d.isoParent == null ? d : d.isoParent;
        if (d.relocated) {
            // the real parent is the one in the user tree; plain ISO readers see RR_MOVED
            addAttributes(list, d.parent.node, d.parent);
            list.add(new ParentLink(d.parent.isoLba));
        } else {
            addAttributes(list, parent.node, parent);
        }
        return list;
    }

    /** A child's record in its ISO directory. */
    static List<SuspEntry> child(PlanNode n, Kind kind) {
        List<SuspEntry> list = new ArrayList<>(5);
        addAttributes(list, n, n.dir);
        String name = kind == Kind.RR_MOVED_ITSELF ? RR_MOVED_NAME : n.item.name();
        list.addAll(AlternateName.entriesFor(name.getBytes(StandardCharsets.UTF_8)));
        if (n.item instanceof SymlinkItem s) {
            list.addAll(SymbolicLink.entriesFor(s.target()));
        } else if (n.item instanceof DeviceItem dev) {
            // RRIP 1.12 4.1.2 leaves the encoding open. libisofs writes the host dev_t split in 32-bit
            // halves and libarchive reads it so; Linux decodes high 0 / low = (major << 8 | minor) the
            // same way for major < 4096, minor < 256. Writing high = major, low = minor instead made
            // bsdtar 3.6 show "0,8388608" for 8,0 (DeviceInteropTest).
            long devT = linuxDevT(dev.major(), dev.minor());
            list.add(new PosixDeviceNumber(devT >>> 32, devT & 0xFFFF_FFFFL));
        }
        if (kind == Kind.RELOCATION_STUB) {
            // RRIP 1.12 4.1.5.1: the file record left at the original place points at the directory
            list.add(new ChildLink(n.dir.isoLba));
        } else if (kind == Kind.RELOCATED) {
            // RRIP 1.12 4.1.5.3: RR readers hide the directory's record inside RR_MOVED
            list.add(new RelocatedDirectory());
        }
        return list;
    }

    /** How a child record is recorded. */
    enum Kind {
        /** An ordinary file, link or directory record. */
        NORMAL,
        /** A deep directory's record inside RR_MOVED (with RE). */
        RELOCATED,
        /** The file record with CL left where a deep directory was. */
        RELOCATION_STUB,
        /** RR_MOVED's own record in the root. */
        RR_MOVED_ITSELF
    }

    /** glibc's makedev: the 64-bit Linux dev_t of a major and minor number. */
    static long linuxDevT(long major, long minor) {
        return (minor & 0xFFL) | ((major & 0xFFFL) << 8) | ((minor & ~0xFFL) << 12) | ((major & ~0xFFFL) << 32);
    }

    /**
     * The System Use length of a <em>plain</em> child record: a file or directory recorded normally,
     * whose entries are PX, TF and NM only; -1 for any other record (links, devices, relocation), which
     * takes {@link #child(PlanNode, Kind)}. {@link #putPlainChild} writes these bytes, the same as
     * encoding {@code child(n, kind)}'s entries (PlainRecordTest compares both); no entry object or
     * name array is made for a US-ASCII name — 100,000 files make 100,000 such records per session.
     */
    static int plainChildLength(PlanNode n, Kind kind) {
        if (kind != Kind.NORMAL) {
            return -1;
        }
        ItemType type = n.item.type();
        if (type != ItemType.FILE && type != ItemType.DIRECTORY) {
            return -1;
        }
        int utf8 = n.item.name().getBytes(StandardCharsets.UTF_8).length;
        return PosixFileAttributes.LENGTH + TimeStamps.SHORT_FORM_3_LENGTH + AlternateName.entriesLength(utf8);
    }

    /** Writes the entries of a record {@link #plainChildLength} accepted, {@code length} bytes as it said. */
    static void putPlainChild(ByteBuffer b, PlanNode n, int length) {
        Item item = n.item;
        PosixFileAttributes.put(b, mode(item), links(n, n.dir), item.uid() & 0xFFFF_FFFFL, item.gid() & 0xFFFF_FFFFL,
                n.inode);
        TimeStamps.putShortForm(b, TF_FLAGS, item.lastModifiedEpochSecond(), item.lastAccessedEpochSecond(),
                item.attributesChangedEpochSecond());
        String name = item.name();
        int utf8 = length - PosixFileAttributes.LENGTH - TimeStamps.SHORT_FORM_3_LENGTH;
        utf8 -= 5 * ((utf8 + AlternateName.MAX_NAME_BYTES + 4) / (AlternateName.MAX_NAME_BYTES + 5));
        // as many UTF-8 bytes as characters: every character is US-ASCII or an unpaired surrogate,
        // which both charsets write as '?'; for a Latin-1 string the ISO 8859-1 bytes are a plain copy
        AlternateName.putEntries(b, name.getBytes(utf8 == name.length() ? StandardCharsets.ISO_8859_1
                : StandardCharsets.UTF_8));
    }

    private static void addAttributes(List<SuspEntry> list, PlanNode n, PlanDir dirOrNull) {
        Item item = n.item;
        list.add(new PosixFileAttributes(mode(item), links(n, dirOrNull), item.uid() & 0xFFFF_FFFFL,
                item.gid() & 0xFFFF_FFFFL, n.inode));
        list.add(new TimeStamps(TF_FLAGS, new long[] {item.lastModifiedEpochSecond(),
            item.lastAccessedEpochSecond(), item.attributesChangedEpochSecond()}));
    }

    /** PX st_mode: the file type bits and the permissions (RRIP 1.12 4.1.1). */
    private static long mode(Item item) {
        return switch (item.type()) {
            case DIRECTORY -> S_IFDIR | item.mode();
            case DEVICE -> (((DeviceItem) item).kind() == DeviceItem.Kind.BLOCK ? S_IFBLK : S_IFCHR) | item.mode();
            case SYMLINK -> S_IFLNK | item.mode();
            default -> S_IFREG | item.mode();
        };
    }

    /** PX st_nlink: a directory's 2 + subdirectories, a file's names (hard links), else 1. */
    private static long links(PlanNode n, PlanDir dirOrNull) {
        return switch (n.item.type()) {
            case DIRECTORY -> 2L + (dirOrNull == null ? 0 : dirOrNull.subdirectories);
            case DEVICE, SYMLINK -> 1;
            default -> Math.max(1, n.links);
        };
    }
}
