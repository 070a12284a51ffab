package org.discimage.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.benchmarks.PipelineThroughputBenchmark.Bytes;
import org.discimage.benchmarks.PipelineThroughputBenchmark.NullChannel;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Metadata generation alone: an image of {@code entries} empty files (directories of 99, {@link Trees})
 * is planned once per trial, and each invocation emits it into a channel that drops the bytes. With
 * only empty files there is no file data, so the image is all metadata: volume descriptors, path
 * tables and directories of ISO 9660 / Joliet with their Rock Ridge System Use entries, or UDF's
 * descriptors, File Entries and File Identifier Descriptors. Comparing {@code format = ISO9660} with
 * {@code ISO_RR} gives the cost of Rock Ridge; {@code UDF} and {@code BRIDGE} the cost of UDF. The
 * score is whole images per second; {@code :megabytesPerSecond} is the metadata rate (10^6 bytes per
 * second).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class MetadataBenchmark {
    @Param({"100000"})
    public int entries;

    @Param({"ISO9660", "ISO_RR", "ISO_JOLIET_RR", "UDF", "BRIDGE"})
    public Trees.Format format;

    private ImageResult result;

    /** Builds and plans the image once per trial; {@link #emit} only produces its sectors. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        FileSystemImage image = Trees.newImage(format);
        Trees.addEntries(image, entries, 0);
        result = image.createResultImage();
    }

    /** Produces every sector of the planned image (all metadata) into a null channel. */
    @Benchmark
    public long emit(Bytes counter) throws IOException {
        long n = result.writeTo(new NullChannel());
        counter.add(n);
        return n;
    }
}
