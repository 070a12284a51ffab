package org.discimage.media.grow;

import static org.discimage.media.grow.VolumeDescriptors.isDescriptor;
import static org.discimage.media.grow.VolumeDescriptors.isPrimary;
import static org.discimage.media.grow.VolumeDescriptors.putBothEndian;
import static org.discimage.media.grow.VolumeDescriptors.volumeId;
import static org.discimage.media.grow.VolumeDescriptors.volumeSpace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.media.SessionInfo;

/**
 * The sessions of a random-write medium grown the way libisoburn/xorriso grows one (docs/formats.md
 * 4.2-4.4), and the pointer to the newest one: the one implementation behind image files
 * ({@link org.discimage.media.ImageFileMedium}) and DVD+RW / BD-RE in a drive, which xorriso and
 * growisofs grow exactly alike (formats.md §4: "the same on overwritable media").
 * <ul>
 *   <li>the first session starts at LBA 32, each next one at the previous end rounded up to 32
 *       blocks ({@code Libisoburn_nwa_alignemenT}; 32 is also a whole number of DVD ECC blocks (16)
 *       and BD clusters (32), so sessions start on a write unit);</li>
 *   <li>blocks 0..31 (the 64 KiB header) hold a copy of the newest session's system area and
 *       volume descriptor set with the volume space size raised to the absolute end (ECMA-119
 *       8.4.8 read as "blocks from LBA 0"), zeros after the terminator;</li>
 *   <li>{@link #commit} forces the session before it rewrites the header that points at it
 *       (DESIGN rule 7), so an interrupted append leaves the previous state readable;</li>
 *   <li>an ISO/UDF bridge session also gets its UDF recognition sequence copied into the header and
 *       its anchor copied to absolute block 256 (docs/formats.md 4.4 step 8, 5.15).</li>
 * </ul>
 * Not thread-safe.
 */
public final class GrownSessions {
    /** Bytes per block. */
    private static final int SECTOR = RandomAccessBlocks.BLOCK;
    /** libisoburn: header of 64 KiB, first session at LBA 32, sessions aligned to 32 blocks. */
    public static final int HEADER_SECTORS = 32;
    /** ECMA-119 6.2.1: the system area, blocks 0..15 of a session. */
    private static final int SYSTEM_AREA = 16;
    /** ECMA-167 3/10.2: the anchor's sector in its session, and the sector every grown medium reuses. */
    public static final long UDF_ANCHOR = 256;
    /** libisoburn's TOC scan gives up after this many descriptor sets (guards a cycle-free but absurd chain). */
    private static final int MAX_SESSIONS = 100_000;

    private final RandomAccessBlocks blocks;
    private final List<SessionInfo> sessions = new ArrayList<>();
    private long end;
    private boolean chainLost;

    /**
     * Reads the chain of {@code blocks}.
     *
     * @throws DiscImageException {@code MALFORMED_STRUCTURE} when the medium is neither blank (header
     *                            all zeros) nor an ISO 9660 volume (no primary volume descriptor at 16)
     */
    public GrownSessions(RandomAccessBlocks blocks) throws IOException {
        this.blocks = blocks;
        scan();
    }

    /**
     * Reads the header and walks the session chain as libisoburn's TOC emulation does
     * ({@code isoburn_emulate_toc}, docs/formats.md 4.3).
     */
    public void scan() throws IOException {
        sessions.clear();
        chainLost = false;
        end = 0;
        long readable = blocks.readableBlocks();
        if (readable < SYSTEM_AREA + 1L || isZero(0, HEADER_SECTORS)) {
            return; // blank
        }
        ByteBuffer pvd = sector(SYSTEM_AREA);
        if (!isPrimary(pvd)) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, blocks + ": no ISO 9660 primary volume"
                    + " descriptor at LBA 16 (ECMA-119 8.4) and not blank: not a medium that can be grown");
        }
        end = volumeSpace(pvd);
        long lba = HEADER_SECTORS;
        while (lba < end && sessions.size() < MAX_SESSIONS) {
            if (lba + SYSTEM_AREA + 1 > readable) {
                break;
            }
            ByteBuffer d = sector(lba + SYSTEM_AREA);
            if (!isPrimary(d)) {
                break;
            }
            long size = volumeSpace(d);
            if (size == 0) {
                break;
            }
            sessions.add(new SessionInfo(sessions.size() + 1, lba, size, volumeId(d)));
            lba = align(lba + size);
        }
        if (sessions.isEmpty()) {
            // the first session sits at LBA 0 (or the chain cannot start): one session, as xorriso shows it
            chainLost = true;
            sessions.add(new SessionInfo(1, 0, end, volumeId(pvd)));
        }
    }

    /** The sessions in recording order; empty when the medium is blank. */
    public List<SessionInfo> sessions() {
        return List.copyOf(sessions);
    }

    /** Whether the first session starts at LBA 0, so the next header rewrite loses its descriptors. */
    public boolean chainLost() {
        return chainLost;
    }

    /** The block where the next session starts: 32 on a blank medium, else the end rounded up to 32. */
    public long nextWritableAddress() {
        return sessions.isEmpty() ? HEADER_SECTORS : align(end);
    }

    /** The absolute end of the recorded data (volume space size of the header copy); 0 when blank. */
    public long end() {
        return end;
    }

    /**
     * Whether a session's primary volume descriptor is at {@code start + 16} (a session another tool
     * wrote there).
     *
     * @return its volume space size, or -1 when there is none
     */
    public long sessionAt(long start) throws IOException {
        if (start + SYSTEM_AREA + 1 > blocks.readableBlocks()) {
            return -1;
        }
        ByteBuffer d = sector(start + SYSTEM_AREA);
        return isPrimary(d) ? volumeSpace(d) : -1;
    }

    /**
     * Makes the session written at {@code nwa} (ending before {@code newEnd}) the newest: pads it to
     * the next 32-block boundary (so libisoburn's 64 KiB probe of a session start never reads past the
     * end), forces it (formats.md 4.2 step 4), rewrites the header and the UDF anchor copy, forces
     * them, and reads the chain again.
     *
     * @return the session as now listed
     */
    public SessionInfo commit(long nwa, long newEnd) throws IOException {
        blocks.padTo(newEnd, align(newEnd));
        blocks.force(); // the session is durable before the header points at it (DESIGN rule 7)
        writeHeader(nwa, newEnd);
        blocks.force();
        scan();
        return sessions.get(sessions.size() - 1);
    }

    /**
     * Blocks 0..31: the new session's system area and descriptor set, volume space = absolute end.
     * The blocks after the terminator are zeroed. xorriso does not do so: it rewrites only as many
     * blocks as the new descriptor set has, and the rest of an earlier, longer set stays. Found by
     * experiment (xorriso 1.5.4, a file grown with {@code -joliet on}, then a commit without Joliet):
     * blocks 16..18 then read PVD, terminator, terminator, the last one left from the first
     * session's set PVD, Joliet SVD, terminator (MultisessionInteropTest
     * .theHeaderIsTheNewestDescriptorSetAsXorrisoWritesIt accepts such leftovers in xorriso's
     * header, demands zeros in ours). Readers stop at the first terminator (ECMA-119 8.3), so the
     * leftovers are harmless, but zeros leave nothing a lenient scanner could take for a descriptor.
     *
     * <p>One 64 KiB write (one WRITE(10) of two DVD ECC blocks or one BD cluster on a disc), after
     * the session is forced: a crash during it leaves new blocks before the crash point and old ones
     * after, and every such mix reads as the old or the new tree because the session either one names
     * is already on the medium (tested by MultisessionInteropTest.aTornHeaderLeavesAReadableAndGrowableMedium
     * on copies and by CrashAppendInteropTest, which kills the appending process inside this write).
     */
    private void writeHeader(long nwa, long newEnd) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SECTORS * SECTOR);
        header.limit(SYSTEM_AREA * SECTOR);
        blocks.read(nwa, header);
        for (int i = SYSTEM_AREA; i < HEADER_SECTORS; i++) {
            ByteBuffer d = sector(nwa + i);
            int type = d.get(0) & 0xFF;
            if (!isDescriptor(d)) {
                throw new DiscImageException(ErrorCode.FSI_INTERNAL_ERROR, "no volume descriptor at LBA "
                        + (nwa + i) + " of " + blocks + " before the terminator of the session just written");
            }
            if (type == 1 || type == 2) {
                putBothEndian(d, 80, newEnd); // ECMA-119 8.4.8 / 8.5.7 volume space size
            }
            header.limit((i + 1) * SECTOR);
            header.position(i * SECTOR);
            header.put(d);
            if (type == 255) {
                copyUdfRecognitionSequence(header, nwa, i + 1);
                break; // ECMA-119 8.3 terminator: zeros after it to block 31
            }
        }
        header.clear();
        blocks.write(0, header);
        writeUdfAnchor(nwa, newEnd);
    }

    /**
     * An ISO/UDF bridge session has BEA01, NSR02/NSR03, TEA01 right after the ISO terminator
     * (ECMA-167 2/8.3); the header copy gets them too, so UDF readers that check the recognition
     * sequence at byte 32768 of the medium (udfinfo, the Linux kernel without session=) take it for
     * UDF. Copied from block {@code from} of the session while they are such descriptors.
     */
    private void copyUdfRecognitionSequence(ByteBuffer header, long nwa, int from) throws IOException {
        for (int i = from; i < HEADER_SECTORS; i++) {
            ByteBuffer d = sector(nwa + i);
            String id = new String(d.array(), 1, 5, StandardCharsets.US_ASCII);
            if (d.get(0) != 0 || !(id.equals("BEA01") || id.startsWith("NSR0") || id.equals("TEA01"))) {
                return;
            }
            header.limit((i + 1) * SECTOR);
            header.position(i * SECTOR);
            header.put(d);
            if (id.equals("TEA01")) {
                return;
            }
        }
    }

    /**
     * A session with a UDF volume has its Anchor Volume Descriptor Pointer at session start + 256
     * and in its last sector. Readers of the whole medium (udfinfo, udfclient, 7-Zip, the Linux
     * kernel without session=) look at absolute 256 first, which lies inside the first session (it
     * starts at 32; the bridge keeps its blocks 66..255 zero): it gets a copy of the new session's
     * anchor, as IMAPI2 rewrites the first logical session's anchor on rewritable media
     * (docs/formats.md 5.15). The copy's tag location is 256 (ECMA-167 3/7.2.8; Linux refuses a
     * descriptor whose tag location is not the sector it was read from), so the tag checksum is
     * recomputed; the CRC covers only the body. Block 256 is overwritten only when it is zero or
     * already an anchor, never file data; it is written after the session is forced, so a torn
     * write leaves the new session readable through the last-sector anchor and the old one intact.
     */
    private void writeUdfAnchor(long nwa, long newEnd) throws IOException {
        long at = nwa + UDF_ANCHOR;
        // only an anchor of the session just written: on a disc erased by zeroing its header, an older
        // session's anchor may still sit at nwa + 256 past the end of a shorter ISO-only session
        if (nwa == 0 || at >= newEnd || at + 1 > blocks.readableBlocks()) {
            return;
        }
        ByteBuffer avdp = sector(at);
        if (!isAnchor(avdp, at)) {
            return;
        }
        ByteBuffer old = sector(UDF_ANCHOR);
        if (!isAnchor(old, UDF_ANCHOR) && !isZero(UDF_ANCHOR, 1) && !firstSessionIsUdf()) {
            return;
        }
        avdp.order(ByteOrder.LITTLE_ENDIAN).putInt(12, (int) UDF_ANCHOR);
        int sum = 0;
        for (int i = 0; i < 16; i++) {
            sum += i == 4 ? 0 : avdp.get(i) & 0xFF;
        }
        avdp.put(4, (byte) sum); // ECMA-167 3/7.2.3 tag checksum
        avdp.clear();
        blocks.write(UDF_ANCHOR, avdp);
    }

    /**
     * Whether the first session starts at 32 and has a UDF anchor at its own block 256 (288): then
     * block 256 lies between its integrity sequence and its anchor, which a bridge leaves unused
     * (discimage and genisoimage alike), so a damaged block 256 there may be rewritten too.
     */
    private boolean firstSessionIsUdf() throws IOException {
        long anchor = HEADER_SECTORS + UDF_ANCHOR;
        return !sessions.isEmpty() && sessions.get(0).startLba() == HEADER_SECTORS
                && anchor + 1 <= blocks.readableBlocks() && isAnchor(sector(anchor), anchor);
    }

    /** ECMA-167 3/7.2: tag identifier 2 (AVDP) recorded at {@code lba}. */
    private static boolean isAnchor(ByteBuffer d, long lba) {
        ByteBuffer le = d.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return le.getShort(0) == 2 && Integer.toUnsignedLong(le.getInt(12)) == lba;
    }

    private ByteBuffer sector(long lba) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SECTOR);
        blocks.read(lba, b);
        b.flip();
        return b;
    }

    /** Whether the readable part of blocks {@code lba .. lba+count-1} is all zeros. */
    public boolean isZero(long lba, int count) throws IOException {
        long n = Math.min(count, blocks.readableBlocks() - lba);
        if (n <= 0) {
            return true;
        }
        ByteBuffer b = ByteBuffer.allocate((int) n * SECTOR);
        blocks.read(lba, b);
        for (int i = 0; i < b.capacity(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code lba} rounded up to the 32-block session alignment. */
    public static long align(long lba) {
        return (lba + HEADER_SECTORS - 1) / HEADER_SECTORS * HEADER_SECTORS;
    }

    @Override
    public String toString() {
        return blocks + ": " + sessions.size() + " sessions, end " + end;
    }
}
