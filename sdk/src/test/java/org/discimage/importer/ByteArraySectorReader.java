package org.discimage.importer;

import java.nio.ByteBuffer;

/** Sectors of an image held in memory (a trailing partial sector is not readable), for tests. */
final class ByteArraySectorReader implements SectorReader {
    private final byte[] image;

    ByteArraySectorReader(byte[] image) {
        this.image = image;
    }

    @Override
    public int read(long lba, ByteBuffer dst) {
        if (lba < 0) {
            throw new IllegalArgumentException("negative LBA " + lba);
        }
        int wanted = dst.remaining() / SECTOR_SIZE;
        if (wanted == 0) {
            throw new IllegalArgumentException("buffer holds less than one sector");
        }
        long count = sectorCount();
        if (lba >= count) {
            return 0;
        }
        int n = (int) Math.min(wanted, count - lba);
        dst.put(image, (int) (lba * SECTOR_SIZE), n * SECTOR_SIZE);
        return n;
    }

    @Override
    public long sectorCount() {
        return image.length / SECTOR_SIZE;
    }
}
