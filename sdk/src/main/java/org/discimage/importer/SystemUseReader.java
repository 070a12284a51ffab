package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;
import org.discimage.iso9660.RecordingDateTime;
import org.discimage.rockridge.AlternateName;
import org.discimage.rockridge.ChildLink;
import org.discimage.rockridge.ParentLink;
import org.discimage.rockridge.PosixDeviceNumber;
import org.discimage.rockridge.PosixFileAttributes;
import org.discimage.rockridge.RelocatedDirectory;
import org.discimage.rockridge.RockRidgeFlags;
import org.discimage.rockridge.SymbolicLink;
import org.discimage.rockridge.SystemUseEntries;
import org.discimage.rockridge.TimeStamps;
import org.discimage.susp.ContinuationArea;
import org.discimage.susp.ExtensionReference;
import org.discimage.susp.SharingProtocolIndicator;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.UnknownSuspEntry;

/**
 * Reads the SUSP / Rock Ridge entries of a directory record (SUSP 1.12, RRIP 1.12) through
 * {@link SystemUseEntries}, following continuation areas (CE): at most {@link #MAX_CONTINUATIONS}
 * per record, never the same one twice, each inside one sector of the medium.
 */
final class SystemUseReader {
    /** CE hops followed per record (Linux follows 32). */
    static final int MAX_CONTINUATIONS = 32;
    private static final int SECTOR = SectorReader.SECTOR_SIZE;

    private final SectorReader sectors;
    private final int skip;
    private final DecodeContext ctx;
    private final ByteBuffer sector = ByteBuffer.allocate(SECTOR);
    /** The LBA whose sector {@link #sector} holds, or -1. */
    private long loaded = -1;
    /** The attributes {@link #readTransient} fills. */
    private final RockRidgeAttributes scratch = new RockRidgeAttributes();
    /** Per stamp (modify, access, attributes): the instant {@link #instant} made last, and its epoch second. */
    private final Instant[] lastInstant = new Instant[3];
    private final long[] lastSecond = new long[3];
    /** Bytes of continuation data this reader may still read; -1 until first used. */
    private long budget = -1;

    /**
     * A reader skipping {@code skip} bytes (the SP's LEN_SKP) at the start of every System Use area,
     * strict or lenient as {@code ctx} says.
     */
    SystemUseReader(SectorReader sectors, int skip, DecodeContext ctx) {
        this.sectors = sectors;
        this.skip = skip;
        this.ctx = ctx;
    }

    /** The Rock Ridge attributes of a record; {@code rootDot} for the root's "." (no LEN_SKP skip). */
    RockRidgeAttributes read(RecordRef record, boolean rootDot) throws IOException {
        int skipBytes = rootDot ? 0 : skip;
        RockRidgeAttributes a = DirectoryRecords.fastPaths ? fast(record, skipBytes) : null;
        return a != null ? a : interpret(entries(record, skipBytes), record);
    }

    /**
     * The attributes of a System Use area holding only well-formed PX, TF (short form), one NM, RR
     * and ST entries, read straight from the record's bytes; null for anything else (a CE, SL, PN,
     * CL, PL, RE, SP, ER, ZF or unknown entry, a second NM, NM flags other than CONTINUE, a long-form
     * or out-of-range TF stamp, disagreeing both-endian halves, a bad length or version), which
     * {@link #entries} and {@link #interpret} then read with their checks and diagnostics. What
     * mkisofs, xorriso and discimage write for files and directories takes this path: it allocates
     * the attributes, one name string and the instants, nothing per entry.
     */
    RockRidgeAttributes fast(RecordRef record, int skipBytes) {
        return fast(record, skipBytes, new RockRidgeAttributes());
    }

    /**
     * As {@link #read(RecordRef, boolean) read(record, false)}, but what the fast path reads lands in
     * one object this reader reuses: valid until the next call of this method. For the walker's
     * one-record-at-a-time use (an object per entry less); a caller that keeps the attributes, or
     * reads another record's while using them, calls {@link #read}.
     */
    RockRidgeAttributes readTransient(RecordRef record) throws IOException {
        RockRidgeAttributes a = DirectoryRecords.fastPaths ? fast(record, skip, scratch.clear()) : null;
        return a != null ? a : interpret(entries(record, skip), record);
    }

    /** As {@link #fast(RecordRef, int)}, into {@code a} (fresh or cleared). */
    private RockRidgeAttributes fast(RecordRef record, int skipBytes, RockRidgeAttributes a) {
        byte[] b = record.bytes();
        int length = record.systemUseLength();
        if (length != 0 && skipBytes > length) {
            return null;  // the slow path names the error
        }
        int p = record.systemUseStart() + (length == 0 ? 0 : skipBytes);
        int end = record.systemUseStart() + length;
        int nameAt = -1;
        int nameLength = 0;
        while (end - p >= 4) {  // SUSP 1.12 4: fewer than 4 bytes left is padding
            int len = b[p + 2] & 0xFF;
            if (len < 4 || len > end - p || b[p + 3] != 1) {
                return null;
            }
            int sig = (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
            if (sig == ('P' << 8 | 'X')) {
                // RRIP 1.12 4.1.1: mode, links, uid, gid (and, in 1.12, the serial number), all 733
                if (len != 44 && len != 36 || !bothEndian(b, p + 4, len == 44 ? 5 : 4)) {
                    return null;
                }
                a.mode = (int) (le32(b, p + 4) & 0xFFFF);
                a.links = le32(b, p + 12);
                a.uid = le32(b, p + 20);
                a.gid = le32(b, p + 28);
                a.serial = len == 44 ? le32(b, p + 36) : -1;
            } else if (sig == ('T' << 8 | 'F')) {
                if (!timeStamps(b, p, len, a)) {
                    return null;
                }
            } else if (sig == ('N' << 8 | 'M')) {
                // RRIP 1.12 4.1.4: one NM entry without CURRENT or PARENT is the whole name
                if (len < 5 || nameAt >= 0 || (b[p + 4] & (AlternateName.CURRENT | AlternateName.PARENT)) != 0) {
                    return null;
                }
                nameAt = p + 5;
                nameLength = len - 5;
            } else if (sig == ('R' << 8 | 'R')) {
                if (len != 5) {
                    return null;
                }
            } else if (sig == ('S' << 8 | 'T')) {
                if (len != 4) {
                    return null;
                }
                break;  // SUSP 1.12 5.4: the end of the area
            } else {
                return null;
            }
            a.rockRidgeEntries = true;
            p += len;
        }
        if (nameAt >= 0) {
            a.name = new String(b, nameAt, nameLength, StandardCharsets.UTF_8);
        }
        return a;
    }

    /**
     * A short-form TF entry (RRIP 1.12 4.1.6) into {@code a} as {@link #interpret} takes it: the
     * modification time when specified, access and attribute-change times (null when absent or
     * unspecified). False for a long form, a length not matching the flags or a stamp out of range.
     */
    private boolean timeStamps(byte[] b, int p, int len, RockRidgeAttributes a) {
        int flags = b[p + 4] & 0xFF;
        int count = Integer.bitCount(flags & 0x7F);
        if ((flags & TimeStamps.LONG_FORM) != 0 || len != 5 + 7 * count) {
            return false;
        }
        long modify = RecordingDateTime.UNSPECIFIED_EPOCH_SECOND;
        long access = RecordingDateTime.UNSPECIFIED_EPOCH_SECOND;
        long change = RecordingDateTime.UNSPECIFIED_EPOCH_SECOND;
        int at = p + 5;
        for (int bit = 1; bit < TimeStamps.LONG_FORM; bit <<= 1) {
            if ((flags & bit) == 0) {
                continue;
            }
            long t = DirectoryRecords.epochSecond(b, at);
            if (t == DirectoryRecords.INVALID) {
                return false;
            }
            if (bit == TimeStamps.MODIFY) {
                modify = t;
            } else if (bit == TimeStamps.ACCESS) {
                access = t;
            } else if (bit == TimeStamps.ATTRIBUTES) {
                change = t;
            }
            at += 7;
        }
        if (modify != RecordingDateTime.UNSPECIFIED_EPOCH_SECOND) {
            a.modified = instant(0, modify);
        }
        a.accessed = access == RecordingDateTime.UNSPECIFIED_EPOCH_SECOND ? null : instant(1, access);
        a.attributesChanged = change == RecordingDateTime.UNSPECIFIED_EPOCH_SECOND ? null : instant(2, change);
        return true;
    }

    /**
     * The instant of an epoch second for stamp {@code kind} (0 modify, 1 access, 2 attributes), the
     * last one made for that stamp (or a file's modify stamp) when the second is the same: the files
     * of a tree often share their times (Instant is immutable). One slot per stamp, because a file's
     * three stamps often differ (a tree written by xorriso from files just made and read records
     * three times per file, and one slot missed on every stamp).
     */
    private Instant instant(int kind, long second) {
        Instant last = lastInstant[kind];
        if (last != null && lastSecond[kind] == second) {
            return last;
        }
        Instant modify = lastInstant[0];
        Instant made = kind != 0 && modify != null && lastSecond[0] == second ? modify : Instant.ofEpochSecond(second);
        lastInstant[kind] = made;
        lastSecond[kind] = second;
        return made;
    }

    /** Whether the {@code count} 733 numbers (ECMA-119 7.3.3) at {@code p} have agreeing halves. */
    private static boolean bothEndian(byte[] b, int p, int count) {
        for (int i = 0; i < count; i++, p += 8) {
            if (b[p] != b[p + 7] || b[p + 1] != b[p + 6] || b[p + 2] != b[p + 5] || b[p + 3] != b[p + 4]) {
                return false;
            }
        }
        return true;
    }

    private static long le32(byte[] b, int p) {
        return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
    }

    /** Every entry of the record's System Use area and its continuation areas, in order. */
    List<SuspEntry> entries(RecordRef record, int skipBytes) throws IOException {
        ByteBuffer su = record.systemUseView();
        int length = su.remaining();
        if (length == 0) {
            return List.of();
        }
        if (skipBytes > length) {
            throw Malformed.at("System Use area", record.lba(), record.offset(),
                    "LEN_SKP " + skipBytes + " exceeds the area of " + length + " bytes");
        }
        List<SuspEntry> all = new ArrayList<>(4);
        List<ContinuationArea> pending = decodeInto(su.position(skipBytes), all, null, record.lba(), record.offset(),
                ctx);
        if (pending == null) {
            return all;  // no continuation area: the common case
        }
        Set<Long> seen = new HashSet<>();
        int hops = 0;
        while (!pending.isEmpty()) {
            ContinuationArea ce = pending.remove(0);
            if (++hops > MAX_CONTINUATIONS) {
                throw Malformed.at("SUSP CE chain", ce.blockLocation(), (int) Math.min(ce.offset(), SECTOR),
                        "more than " + MAX_CONTINUATIONS + " continuation areas for the record at LBA "
                                + record.lba() + ", offset " + record.offset());
            }
            checkContinuation(ce, record);
            if (!seen.add(ce.blockLocation() * SECTOR + ce.offset())) {
                throw Malformed.at("SUSP CE chain", ce.blockLocation(), (int) ce.offset(),
                        "the continuation area is reached twice (a loop)");
            }
            load(ce);
            ByteBuffer area = sector.duplicate().limit((int) (ce.offset() + ce.lengthOfContinuationArea()))
                    .position((int) ce.offset());
            pending = decodeInto(area, all, pending, ce.blockLocation(), (int) ce.offset(), ctx);
        }
        return all;
    }

    /**
     * Reads the continuation area's sector, unless it is the one read last (producers pack the areas
     * of many records into shared blocks), and charges the work to the walk's budget: a sector
     * read costs 2048 bytes, an area its length (at least a CE entry's 28). The budget, twice the
     * medium's bytes plus 1 MiB, keeps a disc whose every record sends its 32 continuation hops
     * through the same sectors from costing more than a few passes over the medium.
     */
    private void load(ContinuationArea ce) throws IOException {
        long cost = Math.max(ContinuationArea.LENGTH, ce.lengthOfContinuationArea());
        if (ce.blockLocation() != loaded) {
            loaded = -1;
            sector.clear();
            if (sectors.read(ce.blockLocation(), sector) != 1) {
                throw Malformed.at("SUSP continuation area", ce.blockLocation(), "beyond the end of the medium");
            }
            loaded = ce.blockLocation();
            cost += SECTOR;
        }
        if (budget < 0) {
            budget = 2 * sectors.sectorCount() * SECTOR + (1 << 20);
        }
        budget -= cost;
        if (budget < 0) {
            throw Malformed.at("SUSP continuation area", ce.blockLocation(), (int) ce.offset(),
                    "more continuation data read than twice the medium holds (continuation areas shared by many records)");
        }
    }

    private static void checkContinuation(ContinuationArea ce, RecordRef record) throws DiscImageException {
        if (ce.offset() >= SECTOR || ce.lengthOfContinuationArea() > SECTOR - ce.offset()) {
            throw Malformed.at("SUSP CE entry", record.lba(), record.offset(), "continuation area of "
                    + ce.lengthOfContinuationArea() + " bytes at offset " + ce.offset() + " of LBA "
                    + ce.blockLocation() + " does not fit one sector");
        }
    }

    /**
     * Decodes one area into {@code all}, its CE entries into {@code pending}. An entry of unknown
     * signature (SUSP 1.12 4: other extensions, AAIP "AL", Apple "AA", the sparse-file "SF") is
     * left out and reported in both modes; zisofs "ZF" is interpreted as a flag.
     */
    private static List<ContinuationArea> decodeInto(ByteBuffer area, List<SuspEntry> all,
                                                     List<ContinuationArea> pending, long lba, int offset,
                                                     DecodeContext ctx) throws DiscImageException {
        List<SuspEntry> entries;
        try {
            entries = SystemUseEntries.decode(area, ctx.at(lba));
        } catch (DiscImageException | RuntimeException e) {
            throw Malformed.wrap("System Use area", lba, offset, e);
        }
        for (SuspEntry e : entries) {
            if (e instanceof ContinuationArea ce) {
                if (pending == null) {
                    pending = new ArrayList<>(2);
                }
                pending.add(ce);
            } else {
                if (e instanceof UnknownSuspEntry u && !u.signature().equals("ZF")) {
                    ctx.at(lba).report("SUSP entry \"" + printable(u.signature()) + "\"", "offset " + offset
                            + ": an entry of unknown signature (" + u.length() + " bytes) is left out");
                }
                all.add(e);
            }
        }
        return pending;
    }

    private static String printable(String sig) {
        StringBuilder s = new StringBuilder();
        for (char c : sig.toCharArray()) {
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return s.toString();
    }

    /** Folds the entries into attributes (NM and SL entries are joined in order). */
    static RockRidgeAttributes interpret(List<SuspEntry> entries, RecordRef record) throws DiscImageException {
        RockRidgeAttributes a = new RockRidgeAttributes();
        List<AlternateName> names = null;
        List<SymbolicLink> links = null;
        for (SuspEntry e : entries) {
            if (e instanceof AlternateName nm) {
                names = names == null ? new ArrayList<>(1) : names;
                names.add(nm);
            } else if (e instanceof PosixFileAttributes px) {
                a.mode = (int) (px.mode() & 0xFFFF);
                a.uid = px.uid();
                a.gid = px.gid();
                a.links = px.links();
                a.serial = px.serialNumber();
            } else if (e instanceof PosixDeviceNumber pn) {
                a.device = majorMinor(pn.high() << 32 | pn.low());
            } else if (e instanceof UnknownSuspEntry u && u.signature().equals("ZF")) {
                a.zisofs = true;
            } else if (e instanceof SymbolicLink sl) {
                links = links == null ? new ArrayList<>(1) : links;
                links.add(sl);
            } else if (e instanceof TimeStamps tf) {
                long m = tf.get(TimeStamps.MODIFY);
                if (m != RecordingDateTime.UNSPECIFIED_EPOCH_SECOND) {
                    a.modified = Instant.ofEpochSecond(m);
                }
                a.accessed = time(tf, TimeStamps.ACCESS);
                a.attributesChanged = time(tf, TimeStamps.ATTRIBUTES);
            } else if (e instanceof ChildLink cl) {
                a.childLink = cl.childDirectoryLocation();
            } else if (e instanceof ParentLink pl) {
                a.parentLink = pl.parentDirectoryLocation();
            } else if (e instanceof RelocatedDirectory) {
                a.relocated = true;
            } else if (e instanceof SharingProtocolIndicator sp) {
                a.sharingProtocolSkip = sp.bytesSkipped();
            } else if (e instanceof ExtensionReference er) {
                a.rockRidgeExtension |= isRockRidge(er);
            }
            if (e instanceof AlternateName || e instanceof PosixFileAttributes || e instanceof SymbolicLink
                    || e instanceof TimeStamps || e instanceof RockRidgeFlags || e instanceof ChildLink
                    || e instanceof ParentLink || e instanceof RelocatedDirectory) {
                a.rockRidgeEntries = true;
            }
        }
        if (names != null && names.size() == 1 && names.get(0).isPlainName()) {
            a.name = names.get(0).nameString();  // the usual case: one NM entry
        } else if (names != null) {
            a.name = new String(AlternateName.join(names), StandardCharsets.UTF_8);
        }
        if (links != null) {
            a.symlinkTarget = SymbolicLink.target(links);
        }
        return a;
    }

    /**
     * PN holds a Linux dev_t in two 32-bit halves as libisofs and mkisofs write it (RRIP 1.12 4.1.2
     * leaves the encoding to the system); glibc's gnu_dev_major/minor split it into the
     * {@code major << 32 | minor} of {@link ImportedEntry#device()}.
     */
    static long majorMinor(long devT) {
        long major = ((devT >>> 8) & 0xFFFL) | ((devT >>> 32) & ~0xFFFL);
        long minor = (devT & 0xFFL) | ((devT >>> 12) & ~0xFFL);
        return (major & 0xFFFF_FFFFL) << 32 | (minor & 0xFFFF_FFFFL);
    }

    private static Instant time(TimeStamps tf, int bit) {
        long t = tf.get(bit);
        return t == RecordingDateTime.UNSPECIFIED_EPOCH_SECOND ? null : Instant.ofEpochSecond(t);
    }

    /** RRIP 1.09/1.10 ("RRIP_1991A") or 1.12 ("IEEE_P1282", "IEEE_1282"). */
    private static boolean isRockRidge(ExtensionReference er) {
        String id = er.identifier();
        return id.equals("RRIP_1991A") || id.equals("IEEE_P1282") || id.equals("IEEE_1282");
    }
}
