package org.discimage.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SessionReader;
import org.discimage.source.ContentSource;
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
 * Time to import one session of {@code dirs × filesPerDir} files plus their directories (default
 * 1,000 × 99: 100,000 entries below the root) from an image file in the page cache: open the image,
 * identify the file systems ({@code SessionReader.open}) and read the whole tree of
 * {@code fileSystem} in pre-order. The image (ISO 9660 + Joliet + Rock Ridge, fixed clock, files of
 * {@code fileSize} zero bytes) is built once per trial in a temporary file. Divide the score by
 * {@code dirs × (filesPerDir + 1) + 1} for the time per entry; {@code -prof gc} shows the bytes
 * allocated per tree.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class ImportBenchmark {
    @Param({"ROCK_RIDGE", "JOLIET", "ISO9660"})
    public FileSystem fileSystem;

    @Param({"1000"})
    public int dirs;

    @Param({"99"})
    public int filesPerDir;

    @Param({"64"})
    public int fileSize;

    private Path workDir;
    private Path image;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        workDir = Files.createTempDirectory("discimage-import-bench");
        image = workDir.resolve("tree.iso");
        build(image, dirs, filesPerDir, fileSize);
    }

    /** Writes an image of {@code dirs} directories of {@code filesPerDir} files each to {@code target}. */
    static void build(Path target, int dirs, int filesPerDir, int fileSize) throws IOException {
        FileSystemImage fsi = new FileSystemImage(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
        fsi.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
        for (int d = 0; d < dirs; d++) {
            String dir = String.format("dir%04d/", d);
            fsi.root().addDirectory(dir.substring(0, dir.length() - 1));
            for (int f = 0; f < filesPerDir; f++) {
                fsi.root().addFile(dir + String.format("file%03d.dat", f), ContentSource.zeros(fileSize));
            }
        }
        fsi.createResultImage().writeTo(target);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(image);
        Files.deleteIfExists(workDir);
    }

    /** Open the image, identify its file systems, read the whole tree of {@code fileSystem}. */
    @Benchmark
    public List<ImportedEntry> readTree() throws IOException {
        try (ImageFileSectorReader sectors = ImageFileSectorReader.open(image)) {
            return SessionReader.open(sectors, 0, ImportOptions.strict()).readTree(fileSystem);
        }
    }

    /** Builds the image alone, for the comparison script: {@code ImportBenchmark OUT.iso [dirs [filesPerDir]]}. */
    public static void main(String[] args) throws IOException {
        int dirs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int files = args.length > 2 ? Integer.parseInt(args[2]) : 99;
        build(Path.of(args[0]), dirs, files, 64);
    }
}
