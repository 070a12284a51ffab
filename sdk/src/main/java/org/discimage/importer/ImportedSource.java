package org.discimage.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.util.List;
import java.util.Objects;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.discimage.tree.ItemType;

/**
 * The content of a file imported from a medium: its recorded extents (or the data embedded in its
 * UDF ICB), read from the {@link SectorReader} only when the content is opened. Nothing is copied
 * at import time; the extents stay where they are on the medium, so a later session can refer to
 * them instead of writing the data again (DESIGN rule 6).
 *
 * <p>The source stays usable only while its {@code SectorReader} is open.
 *
 * <p>Compact on purpose (an imported tree holds one per file, 100,000 in a large session, for as
 * long as the tree lives): a single extent is two numbers, the list is made only when
 * {@link #extents()} is asked for ({@link #extentCount()}, {@link #extentLba(int)} and
 * {@link #extentLength(int)} read without allocating); the path for messages is the directory's
 * entry, shared by all files of the directory, and the file's name, shared with its tree item.
 */
public final class ImportedSource implements ContentSource {
    private static final int SECTOR = SectorReader.SECTOR_SIZE;

    private final SectorReader sectors;
    /** The entry of the file's directory (shared), or null: then {@link #name} is the whole path. */
    private final ImportedEntry dir;
    private final String name;
    /** Two or more extents ({@code List<FileExtent>}), the embedded data ({@code byte[]}), or null. */
    private final Object more;
    /** The single extent's LBA (-1: none, or see {@link #more}) and length. */
    private final long lba;
    private final long length;
    private final long size;
    private final int linkCount;

    private ImportedSource(SectorReader sectors, ImportedEntry entry) {
        this.sectors = sectors;
        this.dir = entry.parent();
        this.name = dir != null ? entry.name() : entry.path();
        int count = entry.extentCount();
        this.more = entry.embeddedData() != null ? entry.embeddedData() : count > 1 ? entry.extents() : null;
        this.lba = count == 1 ? entry.extentLba(0) : -1;
        this.length = count == 1 ? entry.extentLength(0) : 0;
        this.size = entry.size();
        this.linkCount = Math.max(1, entry.linkCount());
    }

    /**
     * The content of {@code entry}, a {@link ItemType#FILE}, read through {@code sectors}.
     *
     * <p>A size beyond the sum of the extents reads as zeros after them: a UDF file ending in
     * unrecorded extents (ECMA-167 4/14.14.1.1 types 1 and 2) is imported that way.
     *
     * @throws IllegalArgumentException if the entry is not a file, or its extents (or embedded
     *                                  data) hold more than its size
     */
    public static ImportedSource of(SectorReader sectors, ImportedEntry entry) {
        Objects.requireNonNull(sectors, "sectors");
        if (entry.type() != ItemType.FILE) {
            throw new IllegalArgumentException("not a file: " + entry.path() + " is a " + entry.type());
        }
        long sum = 0;
        if (entry.embeddedData() != null) {
            sum = entry.embeddedData().length;
        } else {
            for (int i = 0, n = entry.extentCount(); i < n; i++) {
                sum = Math.addExact(sum, entry.extentLength(i));
            }
        }
        if (sum > entry.size() || (entry.embeddedData() != null && sum != entry.size())) {
            throw new IllegalArgumentException(entry.path() + ": size " + entry.size() + " but the extents hold " + sum);
        }
        return new ImportedSource(sectors, entry);
    }

    /**
     * The hard link count the medium recorded for the file (Rock Ridge PX st_nlink, UDF File Link
     * Count; 1 when unrecorded). A count above 1 tells a later session that other names sharing
     * these extents are links of one file, not copies (RRIP 1.12 4.1.1).
     */
    public int linkCount() {
        return linkCount;
    }

    /**
     * The extents on the medium, in file-offset order (empty for embedded data); a single extent's
     * list is made on each call.
     */
    public List<FileExtent> extents() {
        return CompactExtents.list(many(), lba, length);
    }

    /** The number of {@link #extents()}, without making the list. */
    public int extentCount() {
        return CompactExtents.count(many(), lba);
    }

    /** The first LBA of extent {@code i} ({@code 0 <= i < extentCount()}), without making the list. */
    public long extentLba(int i) {
        return CompactExtents.lba(many(), lba, i);
    }

    /** The length in bytes of extent {@code i} ({@code 0 <= i < extentCount()}), without making the list. */
    public long extentLength(int i) {
        return CompactExtents.length(many(), lba, length, i);
    }

    @SuppressWarnings("unchecked")
    private List<FileExtent> many() {
        return more instanceof List<?> list ? (List<FileExtent>) list : null;
    }

    /** The path of the file in the medium's tree, made for messages. */
    String path() {
        if (dir == null) {
            return name;
        }
        String d = dir.path();
        return d.endsWith("/") ? d + name : d + "/" + name;
    }

    /**
     * The medium the extents lie on: a later session appended to this same medium may refer to
     * them instead of copying the data (DESIGN rule 6).
     */
    public SectorReader sectorReader() {
        return sectors;
    }

    /** Whether the data is embedded in the file's ICB rather than in extents. */
    public boolean isEmbedded() {
        return more instanceof byte[];
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String description() {
        return "imported " + path();
    }

    @Override
    public ReadableByteChannel openChannel() {
        return new ExtentChannel();
    }

    /** Reads the extents in order: whole sectors straight into the caller's buffer where they fit. */
    private final class ExtentChannel implements ReadableByteChannel {
        private final ByteBuffer scratch = ByteBuffer.allocate(SECTOR);
        private int extentIndex;
        private long offsetInExtent;
        private long embeddedOffset;
        /** Bytes of the unrecorded tail delivered (zeros after the last extent). */
        private long tail;
        private long tailLength = -1;
        private boolean open = true;

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
            if (more instanceof byte[] embedded) {
                if (embeddedOffset >= embedded.length) {
                    return -1;
                }
                int n = (int) Math.min(dst.remaining(), embedded.length - embeddedOffset);
                dst.put(embedded, (int) embeddedOffset, n);
                embeddedOffset += n;
                return n;
            }
            int count = extentCount();
            while (extentIndex < count && offsetInExtent >= extentLength(extentIndex)) {
                extentIndex++;
                offsetInExtent = 0;
            }
            if (extentIndex >= count) {
                return zeroTail(dst);
            }
            if (!dst.hasRemaining()) {
                return 0;
            }
            long lba = extentLba(extentIndex) + offsetInExtent / SECTOR;
            long left = extentLength(extentIndex) - offsetInExtent;
            int n;
            if (offsetInExtent % SECTOR == 0 && left >= SECTOR && dst.remaining() >= SECTOR) {
                long whole = Math.min(left / SECTOR, dst.remaining() / SECTOR);
                ByteBuffer view = dst.duplicate();
                view.limit(view.position() + (int) whole * SECTOR);
                int got = sectors.read(lba, view);
                if (got <= 0) {
                    throw unreadable(lba);
                }
                n = got * SECTOR;
                dst.position(dst.position() + n);
            } else {
                scratch.clear();
                if (sectors.read(lba, scratch) != 1) {
                    throw unreadable(lba);
                }
                int from = (int) (offsetInExtent % SECTOR);
                n = (int) Math.min(Math.min(SECTOR - from, left), dst.remaining());
                dst.put(scratch.array(), from, n);
            }
            offsetInExtent += n;
            return n;
        }

        private int zeroTail(ByteBuffer dst) {
            if (tailLength < 0) {
                long recorded = 0;
                for (int i = 0, n = extentCount(); i < n; i++) {
                    recorded += extentLength(i);
                }
                tailLength = size - recorded;
            }
            if (tail >= tailLength) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), tailLength - tail);
            for (int i = 0; i < n; i++) {
                dst.put((byte) 0);
            }
            tail += n;
            return n;
        }

        private DiscImageException unreadable(long lba) {
            return new DiscImageException(ErrorCode.IMPORT_READ_FAILURE, "data of imported " + path() + ": LBA " + lba
                    + " is beyond the end of the medium (" + describe() + ")");
        }

        private String describe() {
            try {
                return sectors.sectorCount() + " sectors";
            } catch (IOException ex) {
                return "size unknown";
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
