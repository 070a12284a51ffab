package org.discimage.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.error.DiscImageException;

/**
 * The heap a large tree keeps: builds {@code entries} entries (directories of 99 empty files,
 * {@link Trees}) in the file systems of a {@link Trees.Format}, plans the image, and prints the heap
 * in use after full collections, less what was in use before the tree existed (the JVM's own footprint,
 * JMH's and the class loading of the first plan of a tiny tree excluded), per entry: once with the tree
 * alone and once with the tree and the planned {@link ImageResult} both reachable. Not a JMH benchmark:
 * JMH measures time and garbage, not what stays reachable.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.discimage.benchmarks.MemoryFootprint [entries [format]]
 * </pre>
 *
 * The target of issue 9: at 1,000,000 entries at most 1 KiB per entry beyond the JVM's own footprint.
 * {@code System.gc()} is a request; after a few rounds on an otherwise idle JVM the used heap settles
 * (G1, Serial and Parallel all honour it unless {@code -XX:+DisableExplicitGC}).
 */
public final class MemoryFootprint {
    private MemoryFootprint() {
    }

    /**
     * What one measure found.
     *
     * @param entries       entries in the tree
     * @param treeBytes     heap kept by the tree alone
     * @param plannedBytes  heap kept by the tree and its planned result together
     * @param peakRssBytes  the process's peak resident set (VmHWM) at the end, or -1 where unknown
     */
    public record Footprint(long entries, long treeBytes, long plannedBytes, long peakRssBytes) {
        /** Bytes per entry kept by the tree alone. */
        public double treeBytesPerEntry() {
            return (double) treeBytes / entries;
        }

        /** Bytes per entry kept by the tree and the plan. */
        public double plannedBytesPerEntry() {
            return (double) plannedBytes / entries;
        }
    }

    /** Builds and plans a tree of about {@code entries} entries and measures the heap each keeps. */
    public static Footprint measure(long entries, Trees.Format format) throws DiscImageException {
        // load and initialise the classes of building and planning first, so they count as the JVM's
        warmUp(format);
        long before = usedAfterGc();
        FileSystemImage image = Trees.newImage(format);
        long added = Trees.addEntries(image, entries, 0);
        long tree = usedAfterGc() - before;
        ImageResult result = image.createResultImage();
        long planned = usedAfterGc() - before;
        if (result.totalSectors() <= 0 || image.root().count() == 0) { // and keeps both reachable until here
            throw new IllegalStateException("empty plan");
        }
        return new Footprint(added, tree, planned, peakRss());
    }

    private static void warmUp(Trees.Format format) throws DiscImageException {
        FileSystemImage small = Trees.newImage(format);
        Trees.addEntries(small, 200, 0);
        small.createResultImage();
    }

    /** The used heap once full collections stop freeing anything (at most ten rounds). */
    static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used - (64 << 10)) { // settled within 64 KiB
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }

    /** VmHWM of /proc/self/status in bytes, or -1 off Linux. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** {@code MemoryFootprint [entries [format]]}: defaults 1,000,000 and ISO_JOLIET_RR. */
    public static void main(String[] args) throws DiscImageException {
        long entries = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        Trees.Format format = args.length > 1 ? Trees.Format.valueOf(args[1]) : Trees.Format.ISO_JOLIET_RR;
        Footprint f = measure(entries, format);
        System.out.printf(Locale.ROOT, "%s, %d entries: tree %.1f MB (%.0f B per entry), tree + plan %.1f MB"
                        + " (%.0f B per entry), peak RSS %.1f MB, max heap %.0f MB%n",
                format, f.entries(), f.treeBytes() / 1e6, f.treeBytesPerEntry(), f.plannedBytes() / 1e6,
                f.plannedBytesPerEntry(), f.peakRssBytes() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }
}
