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
 */
public final class ImportedSource implements ContentSource {
    private static final int SECTOR = SectorReader.SECTOR_SIZE;

    private final SectorReader sectors;
    private final String path;
    private final List<FileExtent> extents;
    private final byte[] embedded;
    private final long size;
    private final int linkCount;

    private ImportedSource(SectorReader sectors, String path, List<FileExtent> extents, byte[] embedded, long size,
                           int linkCount) {
        this.sectors = sectors;
        this.path = path;
        this.extents = extents;
        this.embedded = embedded;
        this.size = size;
        this.linkCount = linkCount;
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
            for (FileExtent e : entry.extents()) {
                sum = Math.addExact(sum, e.length());
            }
        }
        if (sum > entry.size() || (entry.embeddedData() != null && sum != entry.size())) {
            throw new IllegalArgumentException(entry.path() + ": size " + entry.size() + " but the extents hold " + sum);
        }
        return new ImportedSource(sectors, entry.path(), entry.extents(), entry.embeddedData(), entry.size(),
                Math.max(1, entry.linkCount()));
    }

    /**
     * The hard link count the medium recorded for the file (Rock Ridge PX st_nlink, UDF File Link
     * Count; 1 when unrecorded). A count above 1 tells a later session that other names sharing
     * these extents are links of one file, not copies (RRIP 1.12 4.1.1).
     */
    public int linkCount() {
        return linkCount;
    }

    /** The extents on the medium, in file-offset order (empty for embedded data). */
    public List<FileExtent> extents() {
        return extents;
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
        return embedded != null;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String description() {
        return "imported " + path;
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
            if (embedded != null) {
                if (embeddedOffset >= embedded.length) {
                    return -1;
                }
                int n = (int) Math.min(dst.remaining(), embedded.length - embeddedOffset);
                dst.put(embedded, (int) embeddedOffset, n);
                embeddedOffset += n;
                return n;
            }
            while (extentIndex < extents.size() && offsetInExtent >= extents.get(extentIndex).length()) {
                extentIndex++;
                offsetInExtent = 0;
            }
            if (extentIndex >= extents.size()) {
                return zeroTail(dst);
            }
            if (!dst.hasRemaining()) {
                return 0;
            }
            FileExtent e = extents.get(extentIndex);
            long lba = e.lba() + offsetInExtent / SECTOR;
            long left = e.length() - offsetInExtent;
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
                for (FileExtent e : extents) {
                    recorded += e.length();
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
            return new DiscImageException(ErrorCode.IMPORT_READ_FAILURE, "data of imported " + path + ": LBA " + lba
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
