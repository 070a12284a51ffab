package org.discimage.recorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.importer.SectorReader;
import org.discimage.recorder.mmc.CapacityData;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.Read10;
import org.discimage.recorder.mmc.ReadCapacity;

/**
 * The recorded blocks of the disc in a drive, read by READ(10) (MMC 6.15) straight into the caller's buffer.
 * The readable count is read once per reader: a reader belongs to one import, made after the disc state it
 * describes.
 */
final class DriveSectorReader implements SectorReader {
    /** Blocks per READ(10): 64 KiB, what every transport passes without splitting. */
    private static final int MAX_BLOCKS = 32;

    private final DiscRecorder recorder;
    private long count = -1;

    DriveSectorReader(DiscRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public int read(long lba, ByteBuffer dst) throws IOException {
        if (lba < 0 || dst.remaining() < SECTOR_SIZE) {
            throw new IllegalArgumentException("LBA " + lba + ", room for " + dst.remaining() + " bytes");
        }
        long n = Math.min(Math.min(dst.remaining() / SECTOR_SIZE, MAX_BLOCKS), sectorCount() - lba);
        if (n <= 0) {
            return 0;
        }
        Read10 c = new Read10(lba, (int) n);
        ByteBuffer slice = dst.duplicate();
        slice.limit(slice.position() + c.transferLength());
        MmcExecutor.execute(recorder.transport(), c, slice, c.defaultTimeout());
        dst.position(dst.position() + c.transferLength());
        return (int) n;
    }

    /**
     * The end of the newest complete session's last track (READ TRACK INFORMATION), or READ CAPACITY's count on
     * a disc without one: READ CAPACITY is not trustworthy on CD-R/RW (libburn ignores it there, formats.md
     * §6.3), the track table is.
     */
    @Override
    public long sectorCount() throws DiscImageException {
        if (count < 0) {
            List<RecordedSession> sessions = recorder.media().sessions();
            if (sessions.isEmpty()) {
                count = CapacityData.decode(recorder.fetch(new ReadCapacity())).blocks();
            } else {
                RecordedSession last = sessions.get(sessions.size() - 1);
                count = last.startLba() + last.blocks();
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return recorder.device();
    }
}
