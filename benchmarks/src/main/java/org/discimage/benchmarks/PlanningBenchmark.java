package org.discimage.benchmarks;

import java.util.concurrent.TimeUnit;

import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.error.DiscImageException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The planning stage alone: {@code createResultImage()} of a tree of {@code entries} entries
 * (directories of 99 empty files, {@link Trees}) in the file systems of {@code format}; nothing is
 * written (the metadata is produced only when the result is read, see {@link MetadataBenchmark}). The
 * tree is built once per trial; {@link #buildTree} times building it through the public tree API.
 * The score is milliseconds per plan; {@code -prof gc}'s {@code gc.alloc.rate.norm} divided by
 * {@code entries} is the garbage per entry that planning makes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@State(Scope.Benchmark)
public class PlanningBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int entries;

    @Param({"ISO_JOLIET_RR", "UDF", "BRIDGE"})
    public Trees.Format format;

    private FileSystemImage image;

    /** Builds the tree that {@link #plan} plans, once per trial. */
    @Setup(Level.Trial)
    public void setUp() throws DiscImageException {
        image = Trees.newImage(format);
        Trees.addEntries(image, entries, 0);
    }

    /** Drops the tree, so that the next trial's does not share the heap with it. */
    @TearDown(Level.Trial)
    public void tearDown() {
        image = null;
    }

    /** Plans the whole image: namespaces, names, sizes, the layout; returns the result unwritten. */
    @Benchmark
    public ImageResult plan() throws DiscImageException {
        return image.createResultImage();
    }

    /** Builds the same tree from nothing through {@code Directory.addDirectory/addFile}. */
    @Benchmark
    public FileSystemImage buildTree() throws DiscImageException {
        FileSystemImage fresh = Trees.newImage(format);
        Trees.addEntries(fresh, entries, 0);
        return fresh;
    }
}
