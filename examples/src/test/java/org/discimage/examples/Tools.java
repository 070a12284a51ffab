package org.discimage.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs the independent readers (isoinfo, xorriso, udfinfo, 7z, tar) and the examples themselves. A
 * missing tool skips the test locally and fails it in CI ({@code CI=true}).
 */
final class Tools {
    private Tools() {
    }

    /** An example's exit code and what it printed. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Runs an example's {@code run(args, out, err)}. */
    static Run example(Function<PrintStream[], Integer> example) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = example.apply(new PrintStream[] {o, e});
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void require(String tool) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, tool))) {
                    return;
                }
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(tool + " is not installed (CI=true: reference tools are required)");
        }
        assumeTrue(false, tool + " is not installed");
    }

    /** Runs the command, failing the test on a non-zero exit; returns standard output and error. */
    static String run(String... command) throws IOException, InterruptedException {
        require(command[0]);
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    /** The set of absolute paths {@code isoinfo OPTION -f} lists (OPTION -R, -J or empty for ISO 9660). */
    static TreeSet<String> isoinfoPaths(Path img, String option) throws IOException, InterruptedException {
        String out = option.isEmpty() ? run("isoinfo", "-f", "-i", img.toString())
                : run("isoinfo", option, "-f", "-i", img.toString());
        return new TreeSet<>(Arrays.asList(out.strip().split("\n")));
    }

    /** A file's content as {@code isoinfo -R -x} extracts it. */
    static String isoinfoCat(Path img, String path) throws IOException, InterruptedException {
        return run("isoinfo", "-R", "-i", img.toString(), "-x", path);
    }
}
