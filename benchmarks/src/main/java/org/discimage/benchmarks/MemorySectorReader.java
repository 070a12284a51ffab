package org.discimage.benchmarks;

import java.nio.ByteBuffer;

import org.discimage.importer.SectorReader;

/**
 * A {@link SectorReader} over an image held in a byte array, so that a decode benchmark measures the
 * importer and not the file system. For small images only (the benchmarks' own).
 */
final class MemorySectorReader implements SectorReader {
    private final byte[] image;

    MemorySectorReader(byte[] image) {
        if (image.length % SECTOR_SIZE != 0) {
            throw new IllegalArgumentException("image of " + image.length + " bytes is not whole sectors");
        }
        this.image = image;
    }

    @Override
    public int read(long lba, ByteBuffer dst) {
        if (lba < 0) {
            throw new IllegalArgumentException("negative LBA " + lba);
        }
        if (dst.remaining() < SECTOR_SIZE) {
            throw new IllegalArgumentException("room for less than one sector: " + dst.remaining());
        }
        long total = sectorCount();
        if (lba >= total) {
            return 0;
        }
        int sectors = (int) Math.min(dst.remaining() / SECTOR_SIZE, total - lba);
        dst.put(image, Math.toIntExact(lba * SECTOR_SIZE), sectors * SECTOR_SIZE);
        return sectors;
    }

    @Override
    public long sectorCount() {
        return image.length / SECTOR_SIZE;
    }
}
