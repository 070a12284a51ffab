package org.discimage.recorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;

import org.discimage.error.DiscImageException;
import org.discimage.media.grow.RandomAccessBlocks;
import org.discimage.recorder.mmc.Disposition;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.Read10;
import org.discimage.recorder.mmc.ScsiCommandException;
import org.discimage.recorder.mmc.SynchronizeCache;
import org.discimage.recorder.mmc.Write10;

/**
 * A DVD+RW or BD-RE in a drive as {@link RandomAccessBlocks}: READ(10) and WRITE(10) (MMC 6.15, 6.44) of at
 * most 64 KiB each, SYNCHRONIZE CACHE (MMC 6.41) as the force.
 *
 * <p>Writes go to the drive in whole write units (16 blocks, one ECC block, on DVD+RW; 32, one cluster, on
 * BD-RE): a write that does not cover whole units is widened to them by reading the units first. A drive would
 * do this read-modify-write itself (MMC: overwritable media take any 2048-byte block), but more slowly and, on
 * DVD+RW, with the whole ECC block at stake on a power loss anyway; doing it here keeps the WRITEs this class
 * sends aligned, as growisofs aligns its own. Only the UDF anchor copy (block 256) and the padding of a session
 * end need it; the session data itself goes through {@link DataWriter}'s ring, whose last WRITE may end inside
 * a unit (the padding then rewrites that unit whole).
 */
final class DriveBlocks implements RandomAccessBlocks {
    /** Blocks per command: 64 KiB, a whole number of DVD ECC blocks and BD clusters. */
    private static final int MAX_BLOCKS = DataWriter.BLOCKS_PER_BUFFER;
    /** The pause before re-sending a WRITE the drive refused with 2/04/08 (its buffer is full). */
    private static final long LONG_WRITE_PAUSE_NANOS = 1_000_000L;

    private final DiscRecorder recorder;
    private final int unit;
    private final long capacity;

    /**
     * The blocks of the disc in {@code recorder}.
     *
     * @param unit     blocks per write unit (16 DVD, 32 BD)
     * @param capacity the formatted capacity in blocks
     */
    DriveBlocks(DiscRecorder recorder, int unit, long capacity) {
        if (unit < 1 || MAX_BLOCKS % unit != 0 || capacity < 0) {
            throw new IllegalArgumentException("write unit " + unit + ", capacity " + capacity);
        }
        this.recorder = recorder;
        this.unit = unit;
        this.capacity = capacity;
    }

    @Override
    public void read(long lba, ByteBuffer dst) throws IOException {
        check(lba, dst.remaining());
        while (dst.hasRemaining()) {
            int n = Math.min(dst.remaining() / BLOCK, MAX_BLOCKS);
            Read10 c = new Read10(lba, n);
            ByteBuffer slice = dst.duplicate();
            slice.limit(slice.position() + c.transferLength());
            MmcExecutor.execute(recorder.transport(), c, slice, c.defaultTimeout());
            dst.position(dst.position() + c.transferLength());
            lba += n;
        }
    }

    @Override
    public void write(long lba, ByteBuffer src) throws IOException {
        check(lba, src.remaining());
        long blocks = src.remaining() / BLOCK;
        if (lba % unit == 0 && blocks % unit == 0) {
            writeAligned(lba, src);
            return;
        }
        long first = lba / unit * unit;
        long end = Math.min(capacity, (lba + blocks + unit - 1) / unit * unit);
        ByteBuffer units = ByteBuffer.allocate((int) ((end - first) * BLOCK));
        read(first, units);
        units.position((int) ((lba - first) * BLOCK));
        units.put(src);
        units.clear();
        writeAligned(first, units);
    }

    private void writeAligned(long lba, ByteBuffer src) throws DiscImageException {
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining() / BLOCK, MAX_BLOCKS);
            Write10 c = new Write10(lba, n);
            ByteBuffer slice = src.duplicate();
            slice.limit(slice.position() + c.transferLength());
            send(c, slice);
            src.position(src.position() + c.transferLength());
            lba += n;
        }
    }

    /**
     * One WRITE(10), re-sent after a pause while the drive answers 2/04/08 "long write in progress": right after
     * the session's data its buffer may still be full when the padding arrives (growisofs' reaction, formats.md
     * §6.8, as {@link DataWriter} does for the data; found by OverwritableDiscTest.thePaddingWaitsForAFullDriveBuffer).
     */
    private void send(Write10 c, ByteBuffer slice) throws DiscImageException {
        long deadline = System.nanoTime() + c.defaultTimeout().toNanos();
        int position = slice.position();
        while (true) {
            try {
                MmcExecutor.execute(recorder.transport(), c, slice, c.defaultTimeout());
                return;
            } catch (ScsiCommandException e) {
                if (e.sense().key().value() == 7) {
                    recorder.noteWriteProtected(); // DATA PROTECT 7/27/00
                }
                if (e.disposition() != Disposition.WAIT_LONG_WRITE_IN_PROGRESS || System.nanoTime() > deadline) {
                    throw e;
                }
                slice.position(position);
                LockSupport.parkNanos(LONG_WRITE_PAUSE_NANOS);
            }
        }
    }

    @Override
    public long readableBlocks() {
        return capacity;
    }

    /** Writes zeros over {@code from .. to - 1}: never-written blocks of a real disc need not read as zeros. */
    @Override
    public void padTo(long from, long to) throws IOException {
        if (to > from) {
            write(from, ByteBuffer.allocate((int) (to - from) * BLOCK));
        }
    }

    @Override
    public void force() throws IOException {
        MmcExecutor.execute(recorder.transport(), new SynchronizeCache(false));
    }

    private void check(long lba, int bytes) {
        if (lba < 0 || bytes % BLOCK != 0 || lba + bytes / BLOCK > capacity) {
            throw new IllegalArgumentException("blocks " + lba + " + " + bytes + " bytes on a disc of " + capacity
                    + " blocks");
        }
    }

    @Override
    public String toString() {
        return recorder.device();
    }
}
