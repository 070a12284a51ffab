package org.discimage.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.apache.commons.io.file.PathUtils;
import org.discimage.FileSystemImage;
import org.discimage.benchmarks.PipelineThroughputBenchmark.Bytes;
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
 * The pipeline's data path against plain-Java copies of the same bytes. The SDK has no switch between
 * heap and direct buffers or between {@code transferTo} and a copy loop (its writer always moves
 * host-file data by {@code FileChannel.transferTo} and produces metadata into pooled direct buffers),
 * so the choice is measured outside it: {@code files} host files of {@code fileSize} random bytes are
 * concatenated into one output file by
 * <ul>
 *   <li>{@code HEAP}: {@code FileChannel.read/write} through one 64 KiB heap {@code ByteBuffer} (the JDK
 *       copies each chunk through a temporary direct buffer);</li>
 *   <li>{@code DIRECT}: the same loop with one 64 KiB direct buffer;</li>
 *   <li>{@code TRANSFER_TO}: {@code FileChannel.transferTo} per file (copy_file_range/sendfile on Linux);</li>
 *   <li>{@code SDK}: {@code addTree} of the same directory, {@code createResultImage()} and
 *       {@code ImageResult.writeTo(FileChannel)}: the planned ISO 9660 + Joliet + Rock Ridge image,
 *       i.e. the same data plus its metadata, planning included — what a user of the SDK waits for.</li>
 * </ul>
 * {@code :megabytesPerSecond} counts the bytes written (10^6 per second); the score is
 * whole copies per second. The files stay in the page cache, so this is memory bandwidth and
 * system-call cost, not disk speed.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class CopyBaselineBenchmark {
    /** How the bytes move. */
    public enum Copy { HEAP, DIRECT, TRANSFER_TO, SDK }

    @Param({"HEAP", "DIRECT", "TRANSFER_TO", "SDK"})
    public Copy copy;

    @Param({"16"})
    public int files;

    @Param({"4194304"})
    public int fileSize;

    private Path workDir;
    private Path hostTree;
    private Path[] hostFiles;
    private FileChannel out;
    private ByteBuffer buffer;

    /** Writes the host files and opens the output file, once per trial. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        workDir = Files.createTempDirectory("discimage-copy-bench");
        hostTree = Files.createDirectories(workDir.resolve("tree"));
        SplittableRandom random = new SplittableRandom(42);
        byte[] b = new byte[fileSize];
        hostFiles = new Path[files];
        for (int i = 0; i < files; i++) {
            random.nextBytes(b);
            hostFiles[i] = Files.write(hostTree.resolve(String.format("file%04d.bin", i)), b);
        }
        out = FileChannel.open(workDir.resolve("out"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        buffer = copy == Copy.DIRECT ? ByteBuffer.allocateDirect(1 << 16) : ByteBuffer.allocate(1 << 16);
    }

    /** Closes the output and deletes the temporary directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        out.close();
        PathUtils.deleteDirectory(workDir);
    }

    /** Copies every host file (or the image of them, for {@code SDK}) into the output file. */
    @Benchmark
    public long copy(Bytes counter) throws IOException {
        out.position(0);
        long n = 0;
        if (copy == Copy.SDK) {
            FileSystemImage image = new FileSystemImage(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
            image.root().addTree(hostTree, false);
            n = image.createResultImage().writeTo(out);
        } else {
            for (Path file : hostFiles) {
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    n += copy == Copy.TRANSFER_TO ? transfer(in) : loop(in);
                }
            }
        }
        out.truncate(n);
        counter.add(n);
        return n;
    }

    private long transfer(FileChannel in) throws IOException {
        long size = in.size();
        long done = 0;
        while (done < size) {
            long moved = in.transferTo(done, size - done, out);
            if (moved <= 0) {
                throw new IOException("transferTo moved nothing at " + done + " of " + size);
            }
            done += moved;
        }
        return done;
    }

    private long loop(FileChannel in) throws IOException {
        long done = 0;
        while (in.read(buffer.clear()) >= 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                done += out.write(buffer);
            }
        }
        return done;
    }
}
