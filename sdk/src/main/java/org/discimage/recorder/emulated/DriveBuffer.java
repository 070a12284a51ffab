package org.discimage.recorder.emulated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The simulated write speed and drive buffer. Data enters with each WRITE and leaves at the write speed while
 * a track is being recorded: the laser starts once the buffer has filled up (or the host flushes it), as a
 * drive starts recording only with data in hand, and stops at a flush (SYNCHRONIZE CACHE, CLOSE), after which it
 * fills up again before it resumes [model: real drives start at a fill threshold of their own; not measured].
 * Before that first fill nothing drains, so a slow first WRITE is no underrun. The drain is computed from the clock with the
 * sub-byte remainder carried over, so many short intervals drain exactly as much as one long one. A WRITE
 * that does not fit is refused (the drive answers 2/04/08, formats.md §6.8); a WRITE arriving after the
 * buffer ran empty mid-track counts an underrun.
 */
final class DriveBuffer {
    private static final long NANOS = 1_000_000_000L;

    private Clock clock;
    private long bytesPerSecond;
    private long capacity;
    private long fill;
    /** The instant up to which the drain has been accounted (advances by whole drained bytes only). */
    private Instant accounted;
    private long underruns;
    private boolean wasFull;
    /** The laser runs: the buffer was full since the last flush, so it drains while a track is active. */
    private boolean recording;
    private long minimumFill = -1;

    /** A buffer of {@code capacity} bytes that is not simulated (no clock): READ BUFFER CAPACITY reports it empty. */
    DriveBuffer(long capacity) {
        this.capacity = capacity;
    }

    void simulate(Clock clock, long bytesPerSecond, long capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bytesPerSecond = bytesPerSecond;
        this.capacity = capacity;
        this.fill = 0;
        this.accounted = clock.instant();
        this.wasFull = false;
        this.recording = false;
        this.minimumFill = -1;
    }

    boolean simulated() {
        return clock != null;
    }

    /**
     * The selected speed takes over the recording (SET CD SPEED / SET STREAMING): what drained at the old
     * speed up to now is accounted first.
     */
    void speed(long bytesPerSecond, boolean trackActive) {
        if (clock != null) {
            drain(trackActive);
            this.bytesPerSecond = bytesPerSecond;
        }
    }

    long capacity() {
        return capacity;
    }

    long fill() {
        return fill;
    }

    long underruns() {
        return underruns;
    }

    long minimumFill() {
        return minimumFill;
    }

    /**
     * Takes a WRITE of {@code bytes}; false when it does not fit (2/04/08). {@code trackActive}: blocks of the
     * current track were written before, so the buffer has been draining since the last command.
     */
    boolean offer(long bytes, boolean trackActive) {
        if (clock == null) {
            return true;
        }
        drain(trackActive);
        if (fill > 0 && fill + bytes > capacity) {
            markFull();
            return false;
        }
        fill += bytes;
        if (fill >= capacity) {
            markFull();
        }
        return true;
    }

    /** The host waits for the buffer to be written (SYNCHRONIZE CACHE, CLOSE): it empties without an underrun. */
    void flush() {
        if (clock != null) {
            fill = 0;
            recording = false;
            accounted = clock.instant();
        }
    }

    /** Brings the fill up to the clock's now (READ BUFFER CAPACITY reports it). */
    void observe(boolean trackActive) {
        if (clock != null) {
            drain(trackActive);
        }
    }

    private void markFull() {
        wasFull = true;
        recording = true;
        if (minimumFill < 0 || fill < minimumFill) {
            minimumFill = fill;
        }
    }

    private void drain(boolean trackActive) {
        Instant now = clock.instant();
        long elapsed = Math.max(0, Duration.between(accounted, now).toNanos());
        if (!trackActive || !recording || fill == 0) {
            accounted = now;
            return;
        }
        // time to empty the buffer; comparing first keeps elapsed × speed below fill × 10^9 (no overflow)
        long emptyAfter = fill > Long.MAX_VALUE / NANOS ? Long.MAX_VALUE : fill * NANOS / bytesPerSecond;
        if (elapsed > emptyAfter) {
            underruns++; // it ran dry before this command arrived: the laser stopped mid-track
            fill = 0;
            accounted = now;
        } else {
            long drained = elapsed * bytesPerSecond / NANOS;
            fill -= drained;
            accounted = accounted.plusNanos(drained * NANOS / bytesPerSecond);
        }
        if (wasFull && fill < minimumFill) {
            minimumFill = fill;
        }
    }
}
