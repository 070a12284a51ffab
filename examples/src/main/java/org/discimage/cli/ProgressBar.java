package org.discimage.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.discimage.ProgressListener;

/**
 * A one-line progress bar for a terminal: drawn only once a build has run for
 * {@link #SHOW_AFTER_NANOS} (short builds stay quiet), redrawn at most every
 * {@link #REDRAW_NANOS}, erased by {@link #finish()}.
 */
final class ProgressBar implements ProgressListener {
    static final long SHOW_AFTER_NANOS = 500_000_000L;
    static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 30;
    private static final int LINE_WIDTH = 79;

    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastDrawn = Long.MIN_VALUE;
    private boolean drawn;

    ProgressBar(PrintWriter out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    @Override
    public void progress(String currentItem, long sectorsWritten, long totalSectors) {
        long now = nanoClock.getAsLong();
        if (now - started < SHOW_AFTER_NANOS || (drawn && now - lastDrawn < REDRAW_NANOS)) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        out.print('\r');
        out.print(line(currentItem, sectorsWritten, totalSectors, now - started));
        out.flush();
    }

    /** Erases the bar if it was drawn. */
    void finish() {
        if (drawn) {
            out.print('\r' + " ".repeat(LINE_WIDTH) + '\r');
            out.flush();
        }
    }

    static String line(String item, long written, long total, long elapsedNanos) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) written / total);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        double mbps = written * 2048.0 / 1e6 / Math.max(elapsedNanos / 1e9, 1e-9);
        String head = String.format(Locale.ROOT, "[%s%s] %3d%% %7.1f MB/s ", "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), Math.round(fraction * 100), mbps);
        int room = LINE_WIDTH - head.length();
        String shown = item.length() <= room ? item : "..." + item.substring(item.length() - room + 3);
        return head + shown + " ".repeat(room - shown.length());
    }

    /** The summary printed after a build: size, sectors, time, throughput. */
    static String summary(String target, long bytes, long sectors, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        return String.format(Locale.ROOT, "%s: %s (%d sectors) in %.2f s, %.1f MB/s", target, size(bytes),
                sectors, seconds, bytes / 1e6 / Math.max(seconds, 1e-9));
    }

    /** A byte count in kB, MB or GB (powers of 1000, like the MB/s). */
    static String size(long bytes) {
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
