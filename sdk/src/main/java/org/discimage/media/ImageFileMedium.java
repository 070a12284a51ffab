package org.discimage.media;

import static org.discimage.media.VolumeDescriptors.isDescriptor;
import static org.discimage.media.VolumeDescriptors.isPrimary;
import static org.discimage.media.VolumeDescriptors.putBothEndian;
import static org.discimage.media.VolumeDescriptors.volumeId;
import static org.discimage.media.VolumeDescriptors.volumeSpace;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.SectorReader;

/**
 * An image file grown session by session the way libisoburn/xorriso grows one (docs/formats.md
 * 4.2-4.4), so that {@code xorriso -indev FILE -toc} lists every session and plain readers, which
 * look only at LBA 16, see the newest tree:
 * <ul>
 *   <li>the first session starts at LBA 32, each next one at the previous end rounded up to 32
 *       blocks ({@code Libisoburn_nwa_alignemenT});</li>
 *   <li>blocks 0..31 (the 64 KiB header) hold a copy of the newest session's system area and
 *       volume descriptor set with the volume space size raised to the absolute end (ECMA-119
 *       8.4.8 read as "blocks from LBA 0"), zeros after the terminator;</li>
 *   <li>the session is written and forced to disk before the header that points at it, so an
 *       interrupted append leaves the previous state readable;</li>
 *   <li>an ISO/UDF bridge session also gets its UDF recognition sequence copied into the header
 *       after the ISO terminator and its anchor copied to absolute block 256 (inside session 1),
 *       where UDF readers of the whole file look, with the header (docs/formats.md 4.4 step 8,
 *       5.15; {@code MultisessionUdfInteropTest} says which reader finds which session).</li>
 * </ul>
 * An image whose first session sits at LBA 0 (genisoimage, {@code xorriso -as mkisofs}) can be
 * appended to as growisofs does, but the header then overwrites that session's descriptors: its
 * own tree (the history) is lost, the files stay reachable from the new tree.
 * {@link #chainLost()} says so before the append. Files such a session keeps inside blocks 0..31
 * are copied into the new session ({@link HeaderAreaCopy}: genisoimage puts a one-file image's
 * data at LBA 31).
 *
 * <pre>{@code
 * try (ImageFileMedium medium = ImageFileMedium.open(Path.of("backup.iso"))) {
 *     FileSystemImage image = new FileSystemImage();
 *     medium.prepare(image);               // imports the newest tree, sets the session start
 *     image.root().addTree(Path.of("today"), false);
 *     medium.append(image.createResultImage());
 * }
 * }</pre>
 */
public final class ImageFileMedium implements Closeable {
    private static final int SECTOR = 2048;
    /** libisoburn: header of 64 KiB, first session at LBA 32, sessions aligned to 32 blocks. */
    static final int HEADER_SECTORS = 32;
    private static final int SYSTEM_AREA = 16;
    /** libisoburn's TOC scan gives up after this many descriptor sets (guards a cycle-free but absurd chain). */
    private static final int MAX_SESSIONS = 100_000;

    private final Path file;
    private final FileChannel channel;
    private final ImageFileSectorReader reader;
    private final long capacitySectors;
    private final List<SessionInfo> sessions = new ArrayList<>();
    private long end;
    private boolean chainLost;

    private ImageFileMedium(Path file, FileChannel channel, long capacitySectors) throws IOException {
        this.file = file;
        this.channel = channel;
        this.reader = ImageFileSectorReader.over(channel);
        this.capacitySectors = capacitySectors;
        scan();
    }

    /** Opens (creating it when absent) an image file of unlimited capacity. */
    public static ImageFileMedium open(Path file) throws IOException {
        return open(file, 0);
    }

    /**
     * Opens (creating it when absent) an image file that may grow to {@code capacitySectors}
     * 2048-byte blocks (0: unlimited), as a disc of that size would allow.
     *
     * @throws DiscImageException {@code MALFORMED_STRUCTURE} when the file is neither empty nor an
     *                            ISO 9660 image (no primary volume descriptor at LBA 16)
     */
    public static ImageFileMedium open(Path file, long capacitySectors) throws IOException {
        return open(file, capacitySectors, ChannelWrap.NONE);
    }

    /** As {@link #open(Path, long)}, the file's channel passed through {@code wrap} (the crash tests' seam). */
    static ImageFileMedium open(Path file, long capacitySectors, ChannelWrap wrap) throws IOException {
        if (capacitySectors < 0) {
            throw new IllegalArgumentException("negative capacity " + capacitySectors);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            return new ImageFileMedium(file, wrap.wrap(file, ch), capacitySectors);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * The sessions of an existing image file, as {@link #sessions()} lists them, read without
     * creating or writing anything (for listing tools).
     *
     * @throws DiscImageException {@code MALFORMED_STRUCTURE} when the file is neither empty nor an
     *                            ISO 9660 image (no primary volume descriptor at LBA 16)
     */
    public static List<SessionInfo> readSessions(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return List.copyOf(new ImageFileMedium(file, ch, 0).sessions);
        }
    }

    /**
     * Reads the header and walks the session chain as libisoburn's TOC emulation does
     * ({@code isoburn_emulate_toc}, docs/formats.md 4.3).
     */
    private void scan() throws IOException {
        sessions.clear();
        chainLost = false;
        end = 0;
        if (channel.size() < (SYSTEM_AREA + 1L) * SECTOR || isZero(0, HEADER_SECTORS)) {
            return; // blank
        }
        ByteBuffer pvd = sector(SYSTEM_AREA);
        if (!isPrimary(pvd)) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, file + ": no ISO 9660 primary volume"
                    + " descriptor at LBA 16 (ECMA-119 8.4) and not blank: not an image this medium can grow");
        }
        end = volumeSpace(pvd);
        long lba = HEADER_SECTORS;
        while (lba < end && sessions.size() < MAX_SESSIONS) {
            if ((lba + SYSTEM_AREA + 1) * SECTOR > channel.size()) {
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

    /** Whether no session is recorded (file empty, or its 64 KiB header all zeros). */
    public boolean isBlank() {
        return sessions.isEmpty();
    }

    /**
     * Whether the image's first session starts at LBA 0, so the next header rewrite loses its
     * descriptors: earlier sessions' own trees will no longer be reachable (their files, imported
     * into the new tree, still are).
     */
    public boolean chainLost() {
        return chainLost;
    }

    /** The block where the next session starts: 32 on a blank medium, else the end rounded up to 32. */
    public long nextWritableAddress() {
        return sessions.isEmpty() ? HEADER_SECTORS : align(end);
    }

    /** The absolute end of the recorded data (volume space size of the header copy); 0 when blank. */
    public long lastWrittenAddress() {
        return end;
    }

    /** Blocks still free before the capacity, or {@link Long#MAX_VALUE} for an unlimited file. */
    public long freeSectors() {
        return capacitySectors == 0 ? Long.MAX_VALUE : Math.max(0, capacitySectors - nextWritableAddress());
    }

    /**
     * The multisession interfaces of this file (IMAPI2 MultisessionInterfaces): one
     * {@link MultisessionRandomWrite} with a write unit of 32 sectors (libisoburn's 64 KiB
     * alignment), never failing, blank or not. Its answers are those of this medium at the time
     * they are asked.
     */
    public List<Multisession> multisessionInterfaces() {
        return List.of(new RandomWrite());
    }

    /** This file as IMAPI2 sees rewritable media. */
    private final class RandomWrite implements MultisessionRandomWrite {
        private boolean inUse;

        @Override
        public boolean isSupportedOnCurrentMediaState() {
            // a first session at LBA 0 needs prepare(), which copies the files the header rewrite overwrites
            return channel.isOpen() && freeSectors() > 0 && !chainLost;
        }

        @Override
        public boolean inUse() {
            return inUse;
        }

        @Override
        public void setInUse(boolean inUse) {
            this.inUse = inUse;
        }

        @Override
        public SectorReader importMedium() {
            return reader;
        }

        @Override
        public int writeUnitSize() {
            return HEADER_SECTORS;
        }

        @Override
        public long lastWrittenAddress() {
            return sessions.isEmpty() ? -1 : end - 1;
        }

        @Override
        public long totalSectorsOnMedia() {
            return capacitySectors == 0 ? 0xFFFF_FFFFL : capacitySectors;
        }
    }

    /** The medium's sectors, for importing; stays open until {@link #close()}. */
    public SectorReader sectors() {
        return reader;
    }

    /**
     * Prepares {@code image} for the next session: imports the newest session's tree (unchanged
     * files then keep their extents) unless the medium is blank, sets the session start block to
     * {@link #nextWritableAddress()} and the free blocks to what the capacity leaves.
     */
    public void prepare(FileSystemImage image) throws IOException {
        if (!sessions.isEmpty()) {
            image.importFileSystem(reader, sessions.get(sessions.size() - 1).startLba());
            if (chainLost) {
                HeaderAreaCopy.copyFilesIn(image.root(), HEADER_SECTORS);
            }
        }
        image.setSessionStartBlock(nextWritableAddress());
        if (capacitySectors > 0) {
            image.setFreeMediaBlocks(Math.max(1, freeSectors()));
        }
    }

    /**
     * Writes {@code session} at {@link #nextWritableAddress()}, forces it to disk, then rewrites the
     * 64 KiB header with a copy of its system area and volume descriptors and forces that.
     *
     * @return the session as now listed
     * @throws DiscImageException {@code INVALID_PARAM} if the result was not planned at the next
     *                            writable address; {@code IMAGE_TOO_BIG} (before a byte is
     *                            written) if it does not fit the capacity
     */
    public SessionInfo append(ImageResult session) throws IOException {
        long nwa = nextWritableAddress();
        if (session.startBlock() != nwa) {
            throw new DiscImageException(ErrorCode.INVALID_PARAM, "the session was planned at LBA "
                    + session.startBlock() + " but " + file + " continues at LBA " + nwa
                    + ": call prepare() before filling the image");
        }
        long newEnd = nwa + session.totalSectors();
        if (capacitySectors > 0 && newEnd > capacitySectors) {
            throw new DiscImageException(ErrorCode.IMAGE_TOO_BIG, "the session needs " + session.totalSectors()
                    + " blocks from LBA " + nwa + " but " + file + " holds " + capacitySectors + " blocks");
        }
        if (newEnd > 0xFFFF_FFFFL) {
            throw new DiscImageException(ErrorCode.IMAGE_SIZE_LIMIT, "the session would end at LBA " + newEnd
                    + ", beyond ISO 9660's 32-bit volume space (ECMA-119 8.4.8)");
        }
        channel.position(nwa * SECTOR);
        session.writeTo(channel);
        // pad to the next 32-block boundary so libisoburn's 64 KiB probe of a later session start,
        // and of this one, never reads past the end of the file
        long padded = align(newEnd) * SECTOR;
        if (channel.size() < padded) {
            channel.write(ByteBuffer.allocate(1), padded - 1);
        }
        channel.force(true); // the session is durable before the header points at it (formats.md 4.2 step 4)
        writeHeader(nwa, newEnd);
        channel.force(true);
        scan();
        return sessions.get(sessions.size() - 1);
    }

    /**
     * Takes over a session another tool wrote at {@link #nextWritableAddress()} (e.g. {@code
     * genisoimage -C last,nwa -M FILE} output placed at byte {@code nwa * 2048}, as a disc would
     * hold it): forces it to disk, then rewrites the header to point at it, as {@link #append} does
     * for its own sessions.
     *
     * @throws DiscImageException {@code MALFORMED_STRUCTURE} if no primary volume descriptor is at
     *                            {@code nwa + 16}
     */
    public SessionInfo adoptWrittenSession() throws IOException {
        long nwa = nextWritableAddress();
        if ((nwa + SYSTEM_AREA + 1) * SECTOR > channel.size() || !isPrimary(sector(nwa + SYSTEM_AREA))) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, file + ": no ISO 9660 primary volume"
                    + " descriptor at LBA " + (nwa + SYSTEM_AREA) + " (ECMA-119 8.4): no session written at the NWA "
                    + nwa);
        }
        long newEnd = nwa + volumeSpace(sector(nwa + SYSTEM_AREA));
        long padded = align(newEnd) * SECTOR;
        if (channel.size() < padded) {
            channel.write(ByteBuffer.allocate(1), padded - 1);
        }
        channel.force(true);
        writeHeader(nwa, newEnd);
        channel.force(true);
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
     * <p>One 64 KiB write, after the session is forced: a crash during it leaves new blocks before
     * the crash point and old ones after, and every such mix reads as the old or the new tree
     * because the session either one names is already on disk (tested by
     * MultisessionInteropTest.aTornHeaderLeavesAReadableAndGrowableMedium on copies and by
     * CrashAppendInteropTest, which kills the appending process inside this write).
     */
    private void writeHeader(long nwa, long newEnd) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SECTORS * SECTOR);
        header.limit(SYSTEM_AREA * SECTOR);
        read(header, nwa * SECTOR);
        for (int i = SYSTEM_AREA; i < HEADER_SECTORS; i++) {
            ByteBuffer d = sector(nwa + i);
            int type = d.get(0) & 0xFF;
            if (!isDescriptor(d)) {
                throw new DiscImageException(ErrorCode.FSI_INTERNAL_ERROR, "no volume descriptor at LBA "
                        + (nwa + i) + " before the terminator of the session just written");
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
        while (header.hasRemaining()) {
            channel.write(header, header.position());
        }
        writeUdfAnchor(nwa);
    }

    /**
     * An ISO/UDF bridge session has BEA01, NSR02/NSR03, TEA01 right after the ISO terminator
     * (ECMA-167 2/8.3); the header copy gets them too, so UDF readers that check the recognition
     * sequence at byte 32768 of the file (udfinfo, the Linux kernel without session=) take the
     * file for UDF. Copied from block {@code from} of the session while they are such descriptors.
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

    /** ECMA-167 3/10.2: the anchor's sector in its session, and the sector every grown file reuses. */
    static final long UDF_ANCHOR = 256;

    /**
     * A session with a UDF volume has its Anchor Volume Descriptor Pointer at session start + 256
     * and in its last sector (which is then the file's last sector). Readers of the whole file
     * (udfinfo, udfclient, 7-Zip, the Linux kernel without session=) look at absolute 256 first,
     * which lies inside the first session (it starts at 32; the bridge keeps its blocks 66..255
     * zero): it gets a copy of the new session's anchor, as IMAPI2 rewrites the first logical
     * session's anchor on rewritable media (docs/formats.md 5.15). The copy's tag location is 256
     * (ECMA-167 3/7.2.8; Linux refuses a descriptor whose tag location is not the sector it was
     * read from), so the tag checksum is recomputed; the CRC covers only the body. Block 256 is
     * overwritten only when it is zero or already an anchor, never file data; it is written
     * after the session is forced to disk, so a torn write leaves the new session readable
     * through the last-sector anchor and the old one intact.
     */
    private void writeUdfAnchor(long nwa) throws IOException {
        long at = nwa + UDF_ANCHOR;
        if (nwa == 0 || (at + 1) * SECTOR > channel.size()) {
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
        while (avdp.hasRemaining()) {
            channel.write(avdp, UDF_ANCHOR * SECTOR + avdp.position());
        }
    }

    /**
     * Whether the first session starts at 32 and has a UDF anchor at its own block 256 (288): then
     * block 256 lies between its integrity sequence and its anchor, which a bridge leaves unused
     * (discimage and genisoimage alike), so a damaged block 256 there may be rewritten too.
     */
    private boolean firstSessionIsUdf() throws IOException {
        long anchor = HEADER_SECTORS + UDF_ANCHOR;
        return !sessions.isEmpty() && sessions.get(0).startLba() == HEADER_SECTORS
                && (anchor + 1) * SECTOR <= channel.size() && isAnchor(sector(anchor), anchor);
    }

    /** ECMA-167 3/7.2: tag identifier 2 (AVDP) recorded at {@code lba}. */
    private static boolean isAnchor(ByteBuffer d, long lba) {
        ByteBuffer le = d.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return le.getShort(0) == 2 && Integer.toUnsignedLong(le.getInt(12)) == lba;
    }

    private ByteBuffer sector(long lba) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SECTOR);
        read(b, lba * SECTOR);
        b.flip();
        return b;
    }

    private void read(ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = channel.read(b, pos);
            if (n < 0) {
                throw new DiscImageException(ErrorCode.IMPORT_READ_FAILURE, file + " ends at byte " + pos
                        + " inside the block being read");
            }
            pos += n;
        }
    }

    private boolean isZero(long lba, int count) throws IOException {
        long bytes = Math.min((long) count * SECTOR, channel.size() - lba * SECTOR);
        ByteBuffer b = ByteBuffer.allocate((int) bytes);
        read(b, lba * SECTOR);
        for (int i = 0; i < bytes; i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static long align(long lba) {
        return (lba + HEADER_SECTORS - 1) / HEADER_SECTORS * HEADER_SECTORS;
    }

    /** Closes the file; imported sources read through {@link #sectors()} stop working. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
