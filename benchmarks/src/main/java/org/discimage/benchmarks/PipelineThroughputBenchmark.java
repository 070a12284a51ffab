package org.discimage.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
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
import org.discimage.ImageResult;
import org.discimage.source.ContentSource;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Throughput of the whole build pipeline: plan an image of {@code files} files of {@code fileSize}
 * bytes (ISO 9660 + Joliet + Rock Ridge) and emit it, from in-memory sources or host files, into
 * a file ({@code FileChannel}, the transferTo path), a null channel, or by reading
 * {@code openStream()}. The {@code megabytesPerSecond} counter is the figure of merit (10^6 bytes
 * of image per second); the primary score counts whole images per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class PipelineThroughputBenchmark {
    /** Where file contents come from. */
    public enum Origin { MEMORY, HOST_FILES }

    @Param({"MEMORY", "HOST_FILES"})
    public Origin origin;

    @Param({"64"})
    public int files;

    @Param({"4194304"})
    public int fileSize;

    private Path workDir;
    private Path hostTree;
    private Path imageFile;
    private FileChannel imageChannel;
    private byte[][] contents;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(1 << 16);
    private final byte[] streamBuffer = new byte[1 << 16];

    /** Image bytes moved, reported by JMH as a rate (10^6 bytes per second). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        private long bytes;

        void add(long n) {
            bytes += n;
        }

        /** MB (10^6 bytes) of image emitted; JMH divides by the time: MB/s. */
        public double megabytesPerSecond() {
            return bytes / 1e6;
        }

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        workDir = Files.createTempDirectory("discimage-bench");
        imageFile = workDir.resolve("out.iso");
        imageChannel = FileChannel.open(imageFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        SplittableRandom random = new SplittableRandom(42);
        contents = new byte[files][];
        for (int i = 0; i < files; i++) {
            byte[] b = new byte[fileSize];
            random.nextBytes(b);
            contents[i] = b;
        }
        if (origin == Origin.HOST_FILES) {
            hostTree = Files.createDirectories(workDir.resolve("tree"));
            for (int i = 0; i < files; i++) {
                Files.write(hostTree.resolve(fileName(i)), contents[i]);
            }
            contents = null; // measure the host-file path, not a heap full of copies
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        imageChannel.close();
        PathUtils.deleteDirectory(workDir);
    }

    private static String fileName(int i) {
        return String.format("file%04d.bin", i);
    }

    /** Builds the tree (fixed clock, so every invocation plans the same image) and plans it. */
    private ImageResult plan() throws IOException {
        FileSystemImage image = new FileSystemImage(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
        if (origin == Origin.HOST_FILES) {
            image.root().addTree(hostTree, false);
        } else {
            for (int i = 0; i < files; i++) {
                image.root().addFile("data/" + fileName(i), ContentSource.of(contents[i]));
            }
        }
        return image.createResultImage();
    }

    /** Emits the image into a file through a FileChannel (the transferTo path for host files). */
    @Benchmark
    public long toFileChannel(Bytes counter) throws IOException {
        ImageResult result = plan();
        imageChannel.position(0);
        long n = result.writeTo(imageChannel);
        imageChannel.truncate(n);
        counter.add(n);
        return n;
    }

    /** Emits the image into a channel that discards everything (the pipeline without a disk). */
    @Benchmark
    public long toNullChannel(Bytes counter) throws IOException {
        long n = plan().writeTo(new NullChannel());
        counter.add(n);
        return n;
    }

    /** Pulls the image through {@code openStream()} in 64 KiB reads (a consumer-driven sink). */
    @Benchmark
    public long readStream(Bytes counter) throws IOException {
        long n = 0;
        try (InputStream in = plan().openStream()) {
            for (int r; (r = in.read(streamBuffer)) >= 0; ) {
                n += r;
            }
        }
        counter.add(n);
        return n;
    }

    /** Pulls the image through {@code openChannel()} into one reused 64 KiB buffer. */
    @Benchmark
    public long readChannel(Bytes counter) throws IOException {
        long n = 0;
        try (var ch = plan().openChannel()) {
            for (int r; (r = ch.read(readBuffer.clear())) >= 0; ) {
                n += r;
            }
        }
        counter.add(n);
        return n;
    }

    /** A channel that accepts and drops every byte. */
    static final class NullChannel implements WritableByteChannel {
        private boolean open = true;

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            src.position(src.limit());
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
