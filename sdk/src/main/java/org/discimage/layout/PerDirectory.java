package org.discimage.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

import org.discimage.error.DiscImageException;

/**
 * Runs a planning step on every directory, several directories at a time: naming, sorting and
 * sizing one directory reads only that directory's plan nodes and writes only their fields, so the
 * directories are independent and the result is the same in any order. For 100,000 files in 2,000
 * directories these steps are a few hundred thousand small string and array operations, and most
 * of their time is memory latency, which a second core halves.
 *
 * <p>A failure (a STRICT name that needs adapting, say) is that of the first failing directory in
 * list order, as a sequential loop would report it.
 */
final class PerDirectory {
    /** Directories per task, at least: below this a thread hand-off costs more than it saves. */
    private static final int MIN_ENTRIES_PER_TASK = 2_000;

    /** A step on one directory. */
    @FunctionalInterface
    interface Step {
        void run(PlanDir d) throws DiscImageException;
    }

    /** One directory after the other on the caller's thread (PerDirectoryTest's reference). */
    static volatile boolean sequential;

    private PerDirectory() {
    }

    /** Runs {@code step} on every directory of {@code dirs}; {@code entries} sizes the work (children). */
    static void run(List<PlanDir> dirs, Step step) throws DiscImageException {
        int parallelism = ForkJoinPool.getCommonPoolParallelism() + 1; // the calling thread works too
        long entries = 0;
        for (PlanDir d : dirs) {
            entries += 2 + (d.children == null ? 0 : d.children.length);
        }
        int tasks = (int) Math.min(parallelism * 4L, entries / MIN_ENTRIES_PER_TASK);
        if (tasks < 2 || parallelism < 2 || sequential) {
            for (PlanDir d : dirs) {
                step.run(d);
            }
            return;
        }
        // contiguous ranges of about equal entry counts
        List<Range> ranges = new ArrayList<>(tasks);
        long per = entries / tasks + 1;
        int from = 0;
        long sum = 0;
        for (int i = 0; i < dirs.size(); i++) {
            PlanDir d = dirs.get(i);
            sum += 2 + (d.children == null ? 0 : d.children.length);
            if (sum >= per || i == dirs.size() - 1) {
                ranges.add(new Range(dirs, from, i + 1, step));
                from = i + 1;
                sum = 0;
            }
        }
        ForkJoinTask.invokeAll(ranges);
        for (Range r : ranges) { // in list order: the first failure as a sequential loop meets it
            if (r.failure != null) {
                if (r.failure instanceof DiscImageException e) {
                    throw e;
                }
                if (r.failure instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) r.failure;
            }
        }
    }

    /** One task: a range of directories, stopping at its first failure. */
    private static final class Range extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient List<PlanDir> dirs;
        private final int from;
        private final int to;
        private final transient Step step;
        private transient Throwable failure;

        Range(List<PlanDir> dirs, int from, int to, Step step) {
            this.dirs = dirs;
            this.from = from;
            this.to = to;
            this.step = step;
        }

        @Override
        protected void compute() {
            try {
                for (int i = from; i < to; i++) {
                    step.run(dirs.get(i));
                }
            } catch (DiscImageException | RuntimeException | Error e) {
                failure = e; // kept, not thrown: the caller picks the first in list order
            }
        }
    }
}
