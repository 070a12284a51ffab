package org.discimage.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.benchmarks.PipelineThroughputBenchmark.NullChannel;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SessionReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The field codecs, measured per directory record. The codecs ({@code org.discimage.codec}: both-endian
 * numbers, ECMA-119 and UDF dates, d-/a-strings, UCS-2, CS0, CRC and tag checksums) are internal to the
 * SDK's module and not exported, so they are not called one by one here: a tiny image of one
 * directory of {@value #FILES} empty files is encoded (every sector of the planned image produced into a
 * null channel: the directory records with their dates, names and System Use entries, or UDF's File
 * Entries and File Identifier Descriptors with their tags) and decoded (the session opened from an
 * in-memory copy and its tree read through {@code SessionReader.readTree}). The score is nanoseconds
 * per file record; the descriptors and the root add a fixed share that the small image keeps visible
 * (about 20 sectors beside the directory).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class CodecBenchmark {
    /** Files in the one directory: the records per invocation. */
    static final int FILES = 1000;

    /**
     * Which records: {@code ISO9660} plain ECMA-119 records (level 1 names), {@code JOLIET} UCS-2
     * records of the Joliet tree, {@code ROCK_RIDGE} ISO 9660 records with their SUSP/RRIP entries
     * (PX, TF, NM, ...), {@code UDF} File Entries and FIDs (UDF alone).
     */
    @Param({"ISO9660", "JOLIET", "ROCK_RIDGE", "UDF"})
    public FileSystem fileSystem;

    private ImageResult result;
    private byte[] encoded;

    /** Plans the image, keeps its bytes for {@link #decode}, and checks that they decode to every entry. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        FileSystemImage image = Trees.newImage(Trees.Format.ISO9660);
        switch (fileSystem) {
            case ISO9660 -> image.setFileSystems(FileSystem.ISO9660);
            case JOLIET -> image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET);
            case ROCK_RIDGE -> image.setFileSystems(FileSystem.ISO9660, FileSystem.ROCK_RIDGE);
            case UDF -> image.setFileSystems(FileSystem.UDF);
        }
        var dir = image.root().addDirectory("d");
        for (int i = 0; i < FILES; i++) {
            // 8.3 names, so that every file system records the same name without mapping it
            dir.addFile(String.format("F%07d.DAT", i), org.discimage.source.ContentSource.zeros(0));
        }
        result = image.createResultImage();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.toIntExact(result.sizeInBytes()));
        result.writeTo(out);
        encoded = out.toByteArray();
        int found = decode().size();
        if (found != FILES + 2) { // the root, d and its files
            throw new IllegalStateException("decoded " + found + " entries of " + fileSystem + ", expected " + (FILES + 2));
        }
    }

    /** Encodes the records: produces every sector of the planned image into a null channel. */
    @Benchmark
    @OperationsPerInvocation(FILES)
    public long encode() throws IOException {
        return result.writeTo(new NullChannel());
    }

    /** Decodes the records: opens the session from memory and reads the whole tree of {@code fileSystem}. */
    @Benchmark
    @OperationsPerInvocation(FILES)
    public List<ImportedEntry> decode() throws IOException {
        return SessionReader.open(new MemorySectorReader(encoded), 0, ImportOptions.strict()).readTree(fileSystem);
    }
}
