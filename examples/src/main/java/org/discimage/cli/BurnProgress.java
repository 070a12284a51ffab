package org.discimage.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.discimage.recorder.WriteAction;
import org.discimage.recorder.WriteProgress;
import org.discimage.recorder.WriteProgressListener;

/**
 * The progress line of a recording on a terminal, in {@link ProgressBar}'s style: phase, bar, percent of the
 * session written (or verified), the fill of the host ring and of the drive's buffer (an emptying drive buffer
 * is what precedes a buffer underrun). The writer reports about every 0.5 s, so each event is drawn;
 * {@link #finish()} erases the line.
 */
final class BurnProgress implements WriteProgressListener {
    private static final int BAR_WIDTH = 20;
    private static final int LINE_WIDTH = 79;

    private final PrintWriter out;
    private boolean drawn;

    BurnProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void update(WriteProgress p) {
        drawn = true;
        out.print('\r');
        out.print(line(p));
        out.flush();
    }

    /** Erases the line if it was drawn. */
    void finish() {
        if (drawn) {
            out.print('\r' + " ".repeat(LINE_WIDTH) + '\r');
            out.flush();
        }
    }

    /** {@code writing data          [##########          ]  50%  ring  98%  drive  50%}, padded to the line width. */
    static String line(WriteProgress p) {
        long total = Math.max(1, p.sectorCount());
        double fraction = p.action() == WriteAction.COMPLETED ? 1
                : Math.max(0, Math.min(1, (double) p.sectorsWritten() / total));
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        String s = String.format(Locale.ROOT, "%-21s [%s%s] %3d%%  ring %s  drive %s",
                p.action().name().toLowerCase(Locale.ROOT).replace('_', ' '), "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), Math.round(fraction * 100), percent(p.bufferUsed(), p.bufferBytes()),
                percent(p.driveBufferUsed(), p.driveBufferBytes()));
        return s.length() >= LINE_WIDTH ? s.substring(0, LINE_WIDTH) : s + " ".repeat(LINE_WIDTH - s.length());
    }

    /** {@code  87%}, or {@code   --} when the size is not known. */
    private static String percent(long used, long size) {
        if (size <= 0 || used < 0) {
            return "  --";
        }
        return String.format(Locale.ROOT, "%3d%%", Math.round(100.0 * Math.min(used, size) / size));
    }
}
