package org.discimage.media;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.SectorReader;
import org.discimage.media.grow.FileChannelBlocks;
import org.discimage.media.grow.GrownSessions;
import org.discimage.media.grow.Writeback;

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
    /** libisoburn: header of 64 KiB, first session at LBA 32, sessions aligned to 32 blocks. */
    static final int HEADER_SECTORS = GrownSessions.HEADER_SECTORS;
    /** ECMA-119 6.2.1: a session's system area. */
    private static final int SYSTEM_AREA = 16;

    private final Path file;
    private final FileChannel channel;
    private final ImageFileSectorReader reader;
    private final long capacitySectors;
    /** The session chain and the header rewrite, shared with DVD+RW / BD-RE in a drive. */
    private final GrownSessions chain;

    private ImageFileMedium(Path file, FileChannel channel, long capacitySectors) throws IOException {
        this.file = file;
        this.channel = channel;
        this.reader = ImageFileSectorReader.over(channel);
        this.capacitySectors = capacitySectors;
        this.chain = new GrownSessions(new FileChannelBlocks(file, channel));
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
            return new ImageFileMedium(file, ch, 0).sessions();
        }
    }

    /** The sessions in recording order; empty when the medium is blank. */
    public List<SessionInfo> sessions() {
        return chain.sessions();
    }

    /** Whether no session is recorded (file empty, or its 64 KiB header all zeros). */
    public boolean isBlank() {
        return chain.sessions().isEmpty();
    }

    /**
     * Whether the image's first session starts at LBA 0, so the next header rewrite loses its
     * descriptors: earlier sessions' own trees will no longer be reachable (their files, imported
     * into the new tree, still are).
     */
    public boolean chainLost() {
        return chain.chainLost();
    }

    /** The block where the next session starts: 32 on a blank medium, else the end rounded up to 32. */
    public long nextWritableAddress() {
        return chain.nextWritableAddress();
    }

    /** The absolute end of the recorded data (volume space size of the header copy); 0 when blank. */
    public long lastWrittenAddress() {
        return chain.end();
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
            return channel.isOpen() && freeSectors() > 0 && !chain.chainLost();
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
            return isBlank() ? -1 : chain.end() - 1;
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
        List<SessionInfo> sessions = chain.sessions();
        if (!sessions.isEmpty()) {
            image.importFileSystem(reader, sessions.get(sessions.size() - 1).startLba());
            if (chain.chainLost()) {
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
        channel.position(nwa * FileChannelBlocks.BLOCK);
        try (Writeback early = Writeback.start(channel)) {
            session.writeTo(channel);
        }
        return chain.commit(nwa, newEnd); // pad, force, then the header (formats.md 4.2 step 4)
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
        long size = chain.sessionAt(nwa);
        if (size < 0) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, file + ": no ISO 9660 primary volume"
                    + " descriptor at LBA " + (nwa + SYSTEM_AREA) + " (ECMA-119 8.4): no session written at the NWA "
                    + nwa);
        }
        return chain.commit(nwa, nwa + size);
    }

    /** Closes the file; imported sources read through {@link #sectors()} stop working. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
