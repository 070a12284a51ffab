package org.discimage.importer;

import java.io.IOException;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.discimage.FileSystem;
import org.discimage.error.DiscImageException;
import org.discimage.importer.hostile.ImageBytes;
import org.discimage.importer.hostile.SeedImage;

/**
 * Jazzer fuzz tests of the ISO 9660 / Joliet / Rock Ridge importer: the fuzzer's bytes patch the
 * metadata of a small valid seed image built by discimage ({@link SeedImage}), and every tree is
 * read. Only a {@link DiscImageException} may come out; any other exception, a returned path that
 * could leave the target directory, a hang or an OutOfMemoryError is a finding.
 *
 * <p>Regression mode (the default, what CI runs) replays the committed inputs in
 * {@code src/test/resources/org/discimage/importer/IsoReaderFuzzTestInputs/<method>/} in a second:
 * <pre>
 * mvn -o -q -pl sdk test -Dtest=IsoReaderFuzzTest
 * </pre>
 * Fuzzing on demand, one method at a time, for N seconds (here 600) with a small heap (so an
 * allocation sized by the disc shows up as an OutOfMemoryError) and a 10 s limit per input
 * (a hang): the {@code jazzer.internal.arg.*} JUnit parameters are libFuzzer's argv, argument 0
 * ignored, and they come after {@code maxDuration}, so they override it:
 * <pre>
 * JAZZER_FUZZ=1 mvn -o -pl sdk test -Dtest='IsoReaderFuzzTest#strict' -DargLine=-Xmx1g \
 *     -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=600 -Djazzer.internal.arg.2=-timeout=10
 * </pre>
 * (and the same with {@code #lenient}). Findings land in the inputs directory above as
 * {@code crash-*} files and are replayed by every later regression run; fix the importer and keep
 * them. New coverage-increasing inputs go to {@code .cifuzz-corpus/} in the sdk directory (not
 * committed).
 */
class IsoReaderFuzzTest {
    private static final byte[] SEED = SeedImage.bytes();
    private static final List<FileSystem> TREES = List.of(FileSystem.ISO9660, FileSystem.JOLIET,
            FileSystem.ROCK_RIDGE);

    @FuzzTest(maxDuration = "2m")
    void strict(byte[] data) throws IOException {
        readAll(FuzzPatches.apply(SEED, data), ImportOptions.strict());
    }

    @FuzzTest(maxDuration = "2m")
    void lenient(byte[] data) throws IOException {
        readAll(FuzzPatches.apply(SEED, data), ImportOptions.lenient(d -> {
            if (d.structure().isEmpty() || d.message().isEmpty()) {
                throw new AssertionError("an empty diagnostic: " + d);
            }
        }));
    }

    /** Opens the image and reads every tree it records; only DiscImageException may escape. */
    static void readAll(byte[] image, ImportOptions options) throws IOException {
        IsoTreeReader reader;
        try {
            reader = IsoTreeReader.open(ImageBytes.reader(image), 0, options);
        } catch (DiscImageException e) {
            checkMessage(e);
            return;
        }
        for (FileSystem fs : TREES) {
            if (!reader.fileSystems().contains(fs)) {
                continue;
            }
            try {
                for (ImportedEntry e : reader.readTree(fs)) {
                    checkPath(e.path());
                }
            } catch (DiscImageException e) {
                checkMessage(e);
            }
        }
    }

    private static void checkMessage(DiscImageException e) {
        if (!e.getMessage().contains("LBA")) {
            throw new AssertionError("the message names no LBA: " + e.getMessage(), e);
        }
    }

    /** A path is absolute and made of components that stay inside their directory. */
    static void checkPath(String path) {
        if (!path.startsWith("/") || path.indexOf('\0') >= 0) {
            throw new AssertionError("bad path " + path);
        }
        if (path.equals("/")) {
            return;
        }
        for (String part : path.substring(1).split("/", -1)) {
            if (!DirectoryWalker.usable(part)) {
                throw new AssertionError("unusable component \"" + part + "\" in " + path);
            }
        }
    }
}
