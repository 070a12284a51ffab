package org.discimage.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import picocli.CommandLine;

/**
 * The class-data-sharing training run of the {@code discimage} launcher, run by the examples build
 * at {@code package} as {@code java -XX:ArchiveClassesAtExit=target/discimage.jsa -cp
 * target/discimage.jar org.discimage.cli.CdsTraining LAUNCHER_SOURCE target}: it builds a small
 * image of a temporary tree (through picocli and through {@link QuickBuild}, with and without UDF),
 * grows another by two sessions (picocli, then {@link QuickAppend}),
 * lists it (the plain {@link QuickLs} path, long, Joliet), describes it and asks picocli for the
 * version and help, so that the JVM archives the classes (and lambda proxies) those commands load; then it installs the launcher script next to the jar. Output goes
 * nowhere; a failure fails the build.
 */
final class CdsTraining {
    private CdsTraining() {
    }

    /** {@code LAUNCHER_SOURCE TARGET_DIR}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CdsTraining LAUNCHER_SOURCE TARGET_DIR");
        }
        Path work = Files.createTempDirectory("discimage-cds");
        try {
            train(work);
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        Path launcher = Files.copy(Path.of(args[0]), Path.of(args[1]).resolve("discimage"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void train(Path work) throws IOException {
        Path src = Files.createDirectories(work.resolve("tree/dir/sub"));
        for (int i = 0; i < 50; i++) {
            Files.writeString(src.resolve("file" + i + ".txt"), "data " + i);
        }
        Files.createSymbolicLink(work.resolve("tree/link"), Path.of("dir/sub/file1.txt"));
        // enough entries (4,000) for the planner's per-directory steps to run on the common pool
        for (int d = 0; d < 40; d++) {
            Path dir = Files.createDirectories(work.resolve("tree/wide/d" + d));
            for (int i = 0; i < 100; i++) {
                Files.createFile(dir.resolve("e" + i));
            }
        }
        String image = work.resolve("train.iso").toString();
        run("build", "-o", image, work.resolve("tree").toString());
        // the picocli-free common build (QuickBuild), ISO and the UDF bridge
        for (String fs : new String[] {"iso9660,joliet,rockridge", "iso9660,joliet,rockridge,udf"}) {
            String[] build = {"build", "-o", work.resolve("quick.iso").toString(), "--fs", fs, work.resolve("tree").toString()};
            if (QuickBuild.run(build, Map.of("SOURCE_DATE_EPOCH", "1700000000")::get, new PrintWriter(Writer.nullWriter())) != 0) {
                throw new IllegalStateException("training: " + String.join(" ", build) + " failed");
            }
        }
        // append: a grown image made through picocli, then a second session through QuickAppend
        String grown = work.resolve("grown.iso").toString();
        run("append", grown, work.resolve("tree/dir").toString());
        String[] append = {"append", grown, "again=" + work.resolve("tree")};
        if (QuickAppend.run(append, new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter())) != 0) {
            throw new IllegalStateException("training: " + String.join(" ", append) + " failed");
        }
        for (String[] ls : new String[][] {{"ls", image}, {"ls", "-l", image}, {"ls", "--fs", "joliet", image}}) {
            if (QuickLs.run(ls, OutputStream.nullOutputStream(), StandardCharsets.UTF_8,
                    new PrintWriter(Writer.nullWriter())) != 0) {
                throw new IllegalStateException("training: " + String.join(" ", ls) + " failed");
            }
        }
        run("info", image);
        run("--version");
        run("ls", "--help");
    }

    private static void run(String... args) {
        CommandLine cl = DiscImageCli.commandLine(new DiscImageCli(Map.of("SOURCE_DATE_EPOCH", "1700000000")));
        cl.setOut(new PrintWriter(Writer.nullWriter()));
        cl.setErr(new PrintWriter(Writer.nullWriter()));
        int code = cl.execute(args);
        if (code != 0) {
            throw new IllegalStateException("training: discimage " + String.join(" ", args) + " exited " + code);
        }
    }
}
