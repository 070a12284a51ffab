package org.discimage.media;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * A write-once disc (CD-R, DVD-R, DVD+R, BD-R) modelled by an image file: byte {@code lba * 2048}
 * of the file is block {@code lba} of the disc, so every session sits at its absolute address,
 * with the unwritten gaps a disc leaves between sessions (lead-out, next lead-in, pre-gap:
 * docs/formats.md 6.6) as holes in the file. The disc's table of contents, which a real drive
 * keeps in the lead-in and reports with READ TOC / READ TRACK INFORMATION, is kept beside the
 * image in a sidecar file {@code IMAGE.toc}; it cannot be derived from the image reliably, since
 * a disc's sessions are found through the TOC and not through the data (formats.md 3.4).
 *
 * <p>Sidecar format, UTF-8 text, one item per line, {@code #} lines ignored:
 * <pre>
 * discimage-sequential-toc 1
 * profile DVD+R
 * capacity 2295104
 * state appendable            (or: closed)
 * session 1 0 400             (number, first block, blocks recorded)
 * session 2 38512 48
 * </pre>
 * It is replaced atomically (written to {@code IMAGE.toc.new}, forced, renamed over) only after
 * the session's data is forced to disk: an append interrupted at any point leaves the TOC, and so
 * the medium, in its previous state, as closing a track and session does on a real disc. (A
 * real write-once disc would keep the blocks an interrupted burn wrote as an incomplete track and
 * move its NWA past them; the model treats them as never written, so the next session starts at
 * the same NWA and overwrites them.)
 *
 * <p>Writing happens only at the {@link #nextWritableAddress() NWA}, as a drive writing a
 * sequential medium allows: a whole planned session with {@link #append}, or block by block, as an
 * emulated recorder receives WRITE commands, through {@link #openSession()}; the medium offers IMAPI2's
 * {@link MultisessionSequential} to {@link FileSystemImage#setMultisessionInterfaces}. Public (not
 * test-only) because it is what an emulated recorder writes to, and lets a user rehearse an
 * append to a disc before burning.
 *
 * <pre>{@code
 * try (SequentialImageMedium disc = SequentialImageMedium.open(Path.of("disc.img"), Profile.CD_R)) {
 *     FileSystemImage image = new FileSystemImage();
 *     disc.prepare(image);                 // NWA, free blocks, the newest tree imported
 *     image.root().addTree(Path.of("today"), false);
 *     disc.append(image.createResultImage(), false);
 * }
 * }</pre>
 */
public final class SequentialImageMedium implements Closeable {
    private static final int SECTOR = 2048;
    private static final String MAGIC = "discimage-sequential-toc 1";

    /**
     * The modelled media types: MMC profile number, write unit, minimum track length, the blocks a
     * closed session leaves unwritable before the next one may start, and a nominal capacity.
     */
    public enum Profile {
        /**
         * CD-R, TAO: 2048-byte write unit; a track holds at least 300 blocks (MMC, formats.md 6.4);
         * closing costs 11400 blocks after the first session (lead-out 6750 + lead-in 4500 +
         * pre-gap 150) and 6900 after later ones (2250 + 4500 + 150), libburn's cookbook
         * (formats.md 6.6). Capacity: an 80-minute blank (ATIP lead-out 79:59:72).
         */
        CD_R("CD-R", 0x0009, 1, 300, 11_400, 6_900, 359_847),
        /**
         * DVD-R sequential: 32 KiB ECC blocks; libisoburn notes a gap of about 38100 blocks after
         * the first session (formats.md 6.6). The same is assumed after later ones
         * [unconfirmed: a real drive's NWA rules]. Capacity: single-layer 4.7 GB.
         */
        DVD_MINUS_R("DVD-R", 0x0011, 16, 16, 38_100, 38_100, 2_298_496),
        /**
         * DVD+R: 32 KiB ECC blocks; the session-closing overhead is drive-defined
         * [unconfirmed], modelled as DVD-R's. Capacity: single-layer 4.7 GB.
         */
        DVD_PLUS_R("DVD+R", 0x001B, 16, 16, 38_100, 38_100, 2_295_104),
        /**
         * BD-R SRM: 64 KiB clusters; the session-closing overhead is drive-defined
         * [unconfirmed], modelled as DVD-R's rounded to clusters. Capacity: single-layer 25 GB.
         */
        BD_R("BD-R", 0x0041, 32, 32, 38_112, 38_112, 12_219_392);

        private final String label;
        private final int mmcProfile;
        private final int writeUnit;
        private final int minTrack;
        private final long firstGap;
        private final long laterGap;
        private final long capacity;

        Profile(String label, int mmcProfile, int writeUnit, int minTrack, long firstGap, long laterGap,
                long capacity) {
            this.label = label;
            this.mmcProfile = mmcProfile;
            this.writeUnit = writeUnit;
            this.minTrack = minTrack;
            this.firstGap = firstGap;
            this.laterGap = laterGap;
            this.capacity = capacity;
        }

        /** The name written in the TOC file and shown to users ("CD-R", "DVD+R", ...). */
        public String label() {
            return label;
        }

        /** The MMC current profile (GET CONFIGURATION, formats.md 6.1). */
        public int mmcProfile() {
            return mmcProfile;
        }

        /** Sectors per write unit (IMAPI2 IMultisessionSequential2.WriteUnitSize). */
        public int writeUnitSize() {
            return writeUnit;
        }

        /** The nominal capacity of a blank in 2048-byte blocks. */
        public long capacity() {
            return capacity;
        }

        /** Blocks lost between session {@code number} (1 = first) and the next session's start. */
        public long gapAfterSession(int number) {
            return number == 1 ? firstGap : laterGap;
        }

        static Profile ofLabel(String label) {
            for (Profile p : values()) {
                if (p.label.equals(label)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** One recorded session as the TOC holds it: its first block and the blocks its track covers. */
    private record Entry(int number, long start, long blocks) {
    }

    /**
     * One recorded track (one per session in this model) as the TOC holds it, padding included: what
     * an emulated drive reports in READ TRACK INFORMATION and READ TOC.
     *
     * @param number the track and session number, 1 first
     * @param start  the first block
     * @param blocks the blocks the track covers, padded to the minimum track length and write unit
     */
    public record Track(int number, long start, long blocks) {
    }

    /** The recorded tracks, first first (one per closed session). */
    public List<Track> tracks() {
        List<Track> out = new ArrayList<>(tracks.size());
        for (Entry t : tracks) {
            out.add(new Track(t.number(), t.start(), t.blocks()));
        }
        return out;
    }

    private final Path file;
    private final Path toc;
    private final ChannelWrap wrap;
    private final FileChannel channel;
    private final ImageFileSectorReader reader;
    private final Profile profile;
    private final long capacity;
    private final List<Entry> tracks = new ArrayList<>();
    private boolean closed;
    private SessionWriter writer;

    private SequentialImageMedium(Path file, ChannelWrap wrap, FileChannel channel, Profile profile, long capacity) {
        this.file = file;
        this.toc = tocOf(file);
        this.wrap = wrap;
        this.channel = channel;
        this.reader = ImageFileSectorReader.over(channel);
        this.profile = profile;
        this.capacity = capacity;
    }

    /** The sidecar TOC of {@code image}: the same name with ".toc" appended. */
    public static Path tocOf(Path image) {
        return image.resolveSibling(image.getFileName() + ".toc");
    }

    /**
     * Opens the modelled disc {@code image}; when neither it nor its TOC exists (or the image is
     * empty and has no TOC), creates a blank {@code profile} disc of the profile's nominal
     * capacity, its TOC listing no session.
     *
     * @throws DiscImageException {@code INVALID_PARAM} when the TOC names another profile;
     *                            {@code MALFORMED_STRUCTURE} when the TOC is unreadable, or an
     *                            image with data has none
     */
    public static SequentialImageMedium open(Path image, Profile profile) throws IOException {
        return open(image, profile, profile.capacity());
    }

    /** As {@link #open(Path, Profile)} with a capacity other than the nominal one (a blank only). */
    public static SequentialImageMedium open(Path image, Profile profile, long capacitySectors) throws IOException {
        return open(image, profile, capacitySectors, ChannelWrap.NONE);
    }

    /** As {@link #open(Path, Profile, long)}, every channel passed through {@code wrap} (the crash tests' seam). */
    static SequentialImageMedium open(Path image, Profile profile, long capacitySectors, ChannelWrap wrap)
            throws IOException {
        if (capacitySectors <= 0 || capacitySectors > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("capacity out of range: " + capacitySectors);
        }
        Path toc = tocOf(image);
        Profile recorded = profile;
        long cap = capacitySectors;
        List<Entry> tracks = new ArrayList<>();
        boolean closed = false;
        if (Files.exists(toc)) {
            int n = 0;
            for (String line : Files.readAllLines(toc, StandardCharsets.UTF_8)) {
                n++;
                String[] f = line.strip().split("\\s+");
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    switch (f[0]) {
                        case "discimage-sequential-toc" -> {
                            if (!line.strip().equals(MAGIC)) {
                                throw badToc(toc, n, "unknown version");
                            }
                        }
                        case "profile" -> recorded = Profile.ofLabel(f[1]);
                        case "capacity" -> cap = Long.parseLong(f[1]);
                        case "state" -> closed = f[1].equals("closed");
                        case "session" -> tracks.add(new Entry(Integer.parseInt(f[1]), Long.parseLong(f[2]),
                                Long.parseLong(f[3])));
                        default -> throw badToc(toc, n, "unknown item " + f[0]);
                    }
                } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                    throw badToc(toc, n, e.toString());
                }
            }
            if (recorded == null) {
                throw badToc(toc, n, "unknown profile");
            }
            if (cap <= 0 || cap > 0xFFFF_FFFFL) {
                throw badToc(toc, n, "capacity " + cap + " out of range");
            }
            if (recorded != profile) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, image + " is a " + recorded.label()
                        + " (" + toc + "), not a " + profile.label());
            }
            long next = 0;
            for (int i = 0; i < tracks.size(); i++) {
                Entry t = tracks.get(i);
                if (t.number() != i + 1 || t.start() < next || t.blocks() <= 0 || t.start() + t.blocks() > cap) {
                    throw badToc(toc, n, "session " + t + " out of order or beyond the capacity " + cap);
                }
                next = t.start() + t.blocks();
            }
        } else if (Files.exists(image) && Files.size(image) > 0) {
            throw new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, image + " holds data but has no TOC " + toc
                    + ": not a modelled sequential disc");
        }
        boolean blankWithoutToc = !Files.exists(toc);
        FileChannel ch = FileChannel.open(image, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            SequentialImageMedium m = new SequentialImageMedium(image, wrap, wrap.wrap(image, ch), recorded, cap);
            m.tracks.addAll(tracks);
            m.closed = closed;
            if (blankWithoutToc) {
                // a TOC without sessions from the start: a first session killed half-way then leaves
                // a blank disc with some bytes in it, not an image without a TOC, which is refused
                m.writeToc(List.of(), false);
            }
            return m;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static DiscImageException badToc(Path toc, int line, String why) {
        return new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, toc + " line " + line + ": " + why);
    }

    /** The modelled media type. */
    public Profile profile() {
        return profile;
    }

    /** The capacity in 2048-byte blocks. */
    public long capacity() {
        return capacity;
    }

    /** Whether no session is recorded. */
    public boolean isBlank() {
        return tracks.isEmpty();
    }

    /** Whether the disc was closed (finalized): nothing can be appended. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The recorded sessions as the TOC lists them; {@code sectors} and {@code volumeId} are those
     * of each session's primary volume descriptor at start + 16 (0 and "" where none is readable).
     */
    public List<SessionInfo> sessions() throws IOException {
        List<SessionInfo> out = new ArrayList<>();
        for (Entry t : tracks) {
            long size = 0;
            String id = "";
            if (channel.size() >= (t.start() + 17) * SECTOR) {
                ByteBuffer d = ByteBuffer.allocate(SECTOR);
                while (d.hasRemaining() && channel.read(d, (t.start() + 16) * SECTOR + d.position()) > 0) {
                    // a short read of a regular file only happens at its end, excluded above
                }
                if (VolumeDescriptors.isPrimary(d)) {
                    size = VolumeDescriptors.volumeSpace(d);
                    id = VolumeDescriptors.volumeId(d);
                }
            }
            out.add(new SessionInfo(t.number(), t.start(), size, id));
        }
        return out;
    }

    /**
     * The next writable address: 0 on a blank disc, else behind the last track and the gap its
     * closing left, rounded up to the write unit (formats.md 6.6, 6.7).
     */
    public long nextWritableAddress() {
        if (tracks.isEmpty()) {
            return 0;
        }
        Entry last = tracks.get(tracks.size() - 1);
        return roundUp(last.start() + last.blocks() + profile.gapAfterSession(last.number()));
    }

    /** Blocks writable from the NWA; 0 on a closed or full disc. */
    public long freeSectors() {
        return closed ? 0 : Math.max(0, capacity - nextWritableAddress());
    }

    /** The disc's blocks, for importing; stays open until {@link #close()}. */
    public SectorReader sectors() {
        return reader;
    }

    /**
     * The multisession interfaces of this disc (IMAPI2 MultisessionInterfaces): one
     * {@link MultisessionSequential}, answering from this medium's state when asked; it cannot
     * append when the disc is closed or full.
     */
    public List<Multisession> multisessionInterfaces() {
        return List.of(new Sequential());
    }

    /** This disc as IMAPI2 sees write-once media. */
    private final class Sequential implements MultisessionSequential {
        private boolean inUse;

        @Override
        public boolean isSupportedOnCurrentMediaState() {
            return channel.isOpen() && freeSectors() > 0;
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
        public boolean isFirstDataSession() {
            return tracks.isEmpty();
        }

        /** The first block of the last session; 0 on a blank disc. */
        @Override
        public long startAddressOfPreviousSession() {
            return tracks.isEmpty() ? 0 : tracks.get(tracks.size() - 1).start();
        }

        /** The last block of the last session's track; -1 on a blank disc. */
        @Override
        public long lastWrittenAddressOfPreviousSession() {
            if (tracks.isEmpty()) {
                return -1;
            }
            Entry last = tracks.get(tracks.size() - 1);
            return last.start() + last.blocks() - 1;
        }

        @Override
        public long nextWritableAddress() {
            return SequentialImageMedium.this.nextWritableAddress();
        }

        @Override
        public long freeSectorsOnMedia() {
            return freeSectors();
        }

        @Override
        public int writeUnitSize() {
            return profile.writeUnitSize();
        }
    }

    /**
     * Prepares {@code image} for the next session: on a blank disc sets the session start to 0 and
     * the free blocks to the capacity; otherwise hands over {@link #multisessionInterfaces()} and
     * imports the newest session (IMAPI2 put_MultisessionInterfaces + ImportFileSystem), so every
     * address is absolute from the NWA and unchanged files keep their extents.
     *
     * @throws DiscImageException {@code NO_COMPATIBLE_MULTISESSION_TYPE} on a closed or full disc
     */
    public void prepare(FileSystemImage image) throws IOException {
        if (tracks.isEmpty()) {
            image.setSessionStartBlock(0);
            image.setFreeMediaBlocks(capacity);
        } else {
            image.setMultisessionInterfaces(multisessionInterfaces());
            image.importFileSystem();
        }
    }

    /**
     * Records {@code session} at the NWA as one track (padded to the profile's minimum track
     * length and write unit), forces it to disk, then records it in the TOC; with {@code close}
     * the disc is finalized and takes no further session.
     *
     * @return the session as now listed
     * @throws DiscImageException {@code INVALID_PARAM} if the result was not planned at the NWA;
     *         {@code NO_COMPATIBLE_MULTISESSION_TYPE} on a closed disc; {@code IMAGE_TOO_BIG}, before
     *         a byte is written, if the track does not fit
     */
    public SessionInfo append(ImageResult session, boolean close) throws IOException {
        if (closed) {
            throw new DiscImageException(ErrorCode.NO_COMPATIBLE_MULTISESSION_TYPE, file + " is a closed "
                    + profile.label() + ": nothing can be appended");
        }
        if (writer != null) {
            throw new DiscImageException(ErrorCode.INVALID_PARAM, "a session is being written to " + file
                    + " through a SessionWriter; close it first");
        }
        long nwa = nextWritableAddress();
        if (session.startBlock() != nwa) {
            throw new DiscImageException(ErrorCode.INVALID_PARAM, "the session was planned at LBA "
                    + session.startBlock() + " but the " + profile.label() + " " + file + " continues at its NWA "
                    + nwa + ": call prepare() before filling the image");
        }
        long blocks = roundUp(Math.max(session.totalSectors(), profile.minTrack));
        if (blocks > freeSectors()) {
            throw new DiscImageException(ErrorCode.IMAGE_TOO_BIG, "the session needs " + blocks + " blocks from the"
                    + " NWA " + nwa + " but the " + profile.label() + " " + file + " has " + freeSectors() + " free");
        }
        // straight to the file channel: file data keeps FileChannel.transferTo (a SessionWriter copies)
        channel.position(nwa * SECTOR);
        long written = session.writeTo(channel);
        if (written != session.totalSectors() * SECTOR) {
            throw new DiscImageException(ErrorCode.DATA_STREAM_INCONSISTENCY, "the session delivered " + written
                    + " bytes instead of " + session.totalSectors() * SECTOR);
        }
        return record(nwa, session.totalSectors(), close);
    }

    /**
     * Pads the track from {@code nwa} holding {@code sectors} written blocks to the minimum track
     * length and write unit, forces it, then names it in the TOC (closing the track and session).
     */
    private SessionInfo record(long nwa, long sectors, boolean close) throws IOException {
        long blocks = roundUp(Math.max(sectors, profile.minTrack));
        // the track's padding is written as zeros, as a drive pads a track: blocks a killed earlier
        // attempt left there must not show through
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(blocks - sectors, 32) * SECTOR);
        for (long pos = (nwa + sectors) * SECTOR, end = (nwa + blocks) * SECTOR; pos < end; ) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), end - pos));
            while (zeros.hasRemaining()) {
                pos += channel.write(zeros, pos);
            }
        }
        channel.force(true); // the track is durable before the TOC names it
        List<Entry> next = new ArrayList<>(tracks);
        next.add(new Entry(tracks.size() + 1, nwa, blocks));
        writeToc(next, close);
        tracks.add(next.get(next.size() - 1));
        closed = close;
        List<SessionInfo> s = sessions();
        return s.get(s.size() - 1);
    }

    /**
     * Starts writing a session block by block from the NWA, as a recorder's WRITE commands do: the
     * way an emulated drive feeds this disc ({@link #append} writes a whole planned session). The
     * session is recorded by {@link SessionWriter#closeSession}; a writer closed without it leaves
     * the TOC as it was (the model then treats its blocks as never written).
     *
     * @throws DiscImageException {@code NO_COMPATIBLE_MULTISESSION_TYPE} on a closed or full disc,
     *                            {@code INVALID_PARAM} while another writer is open
     */
    public SessionWriter openSession() throws DiscImageException {
        if (freeSectors() == 0) {
            throw new DiscImageException(ErrorCode.NO_COMPATIBLE_MULTISESSION_TYPE, "the " + profile.label() + " "
                    + file + " is " + (closed ? "closed" : "full") + ": no session can be written");
        }
        if (writer != null) {
            throw new DiscImageException(ErrorCode.INVALID_PARAM, "a session is already being written to " + file);
        }
        writer = new SessionWriter(nextWritableAddress());
        return writer;
    }

    /**
     * One session being written: whole 2048-byte blocks, each write at the address where the
     * previous one ended, within the capacity, as a sequential recorder accepts them (a WRITE at
     * any other address fails on a drive with "invalid address for write", MMC 5/21/02).
     */
    public final class SessionWriter implements Closeable {
        private final long start;
        private long next;
        private boolean open = true;

        private SessionWriter(long start) {
            this.start = start;
            this.next = start;
        }

        /** The session's first block (the NWA when the writer was opened). */
        public long startLba() {
            return start;
        }

        /** The address the next write must start at (the open track's NWA). */
        public long nextAddress() {
            return next;
        }

        /**
         * Writes the whole blocks remaining in {@code blocks} at {@code lba}.
         *
         * @throws DiscImageException {@code INVALID_PARAM} when {@code lba} is not {@link #nextAddress()},
         *         the data is not whole blocks or the writer is closed; {@code IMAGE_TOO_BIG}, before
         *         a byte is written, when the blocks pass the capacity
         */
        public void write(long lba, ByteBuffer blocks) throws IOException {
            if (!open) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, "the session writer of " + file + " is closed");
            }
            if (lba != next) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, "write at LBA " + lba + " but the "
                        + profile.label() + " " + file + " takes data only at its next writable address " + next);
            }
            if (blocks.remaining() % SECTOR != 0) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, blocks.remaining()
                        + " bytes are not whole 2048-byte blocks");
            }
            long count = blocks.remaining() / SECTOR;
            if (lba + count > capacity) {
                throw new DiscImageException(ErrorCode.IMAGE_TOO_BIG, "write of " + count + " blocks at LBA " + lba
                        + " passes the capacity " + capacity + " of the " + profile.label() + " " + file);
            }
            long pos = lba * SECTOR;
            while (blocks.hasRemaining()) {
                pos += channel.write(blocks, pos);
            }
            next = lba + count;
        }

        /**
         * Closes the track and the session: pads it, forces it to disk, records it in the TOC;
         * with {@code finalizeDisc} the disc takes no further session.
         *
         * @return the session as now listed
         * @throws DiscImageException {@code INVALID_PARAM} when nothing was written or the writer
         *                            is closed; {@code IMAGE_TOO_BIG} when the padding does not fit
         */
        public SessionInfo closeSession(boolean finalizeDisc) throws IOException {
            if (!open || next == start) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, open ? "no block was written to the session"
                        : "the session writer of " + file + " is closed");
            }
            if (start + roundUp(Math.max(next - start, profile.minTrack)) > capacity) {
                throw new DiscImageException(ErrorCode.IMAGE_TOO_BIG, "the track padded to "
                        + roundUp(Math.max(next - start, profile.minTrack)) + " blocks passes the capacity " + capacity);
            }
            close();
            return record(start, next - start, finalizeDisc);
        }

        /** Ends the writer; without {@link #closeSession} nothing is recorded. */
        @Override
        public void close() {
            open = false;
            if (writer == this) {
                writer = null;
            }
        }
    }

    /** Replaces the TOC atomically: a new file, forced, renamed over the old one, the directory forced. */
    private void writeToc(List<Entry> next, boolean close) throws IOException {
        StringBuilder text = new StringBuilder(MAGIC).append('\n')
                .append("profile ").append(profile.label()).append('\n')
                .append("capacity ").append(capacity).append('\n')
                .append("state ").append(close ? "closed" : "appendable").append('\n');
        for (Entry t : next) {
            text.append("session ").append(t.number()).append(' ').append(t.start()).append(' ').append(t.blocks())
                    .append('\n');
        }
        Path tmp = toc.resolveSibling(toc.getFileName() + ".new");
        try (FileChannel out = wrap.wrap(tmp, FileChannel.open(tmp, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
            ByteBuffer b = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                out.write(b);
            }
            out.force(true);
        }
        try {
            Files.move(tmp, toc, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, toc, StandardCopyOption.REPLACE_EXISTING);
        }
        Path dir = toc.toAbsolutePath().getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // the rename itself is durable (POSIX: fsync of the directory)
        } catch (IOException e) {
            // platforms that cannot open a directory (Windows) make the rename durable themselves
        }
    }

    private long roundUp(long lba) {
        int u = profile.writeUnitSize();
        return (lba + u - 1) / u * u;
    }

    /** Closes the image file; imported sources read through {@link #sectors()} stop working. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
