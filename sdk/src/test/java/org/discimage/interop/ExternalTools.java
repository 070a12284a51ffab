package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds and runs the external readers the interop tests compare against (isoinfo, xorriso, 7z,
 * bsdtar, genisoimage, pycdlib under /usr/bin/python3). A missing tool skips the test locally and
 * fails it when the environment variable {@code CI} is {@code true}.
 */
final class ExternalTools {
    /** The Python that has Debian's python3-pycdlib (not a pyenv/venv python that may be first on PATH). */
    static final String PYTHON = "/usr/bin/python3";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private static final Map<String, Boolean> AVAILABLE = new ConcurrentHashMap<>();

    private ExternalTools() {
    }

    /** Whether the tests run in CI, where a missing reader is a failure, not a skip. */
    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Whether the tool can be run: an executable on PATH, or "pycdlib" importable by /usr/bin/python3. */
    static boolean isAvailable(String tool) {
        return AVAILABLE.computeIfAbsent(tool, ExternalTools::probe);
    }

    private static boolean probe(String tool) {
        if (tool.equals("pycdlib")) {
            if (!Files.isExecutable(Path.of(PYTHON))) {
                return false;
            }
            try {
                return run(Duration.ofSeconds(60), null, List.of(PYTHON, "-c", "import pycdlib")).exitCode() == 0;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return onPath(tool) != null;
    }

    static Path onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, exe);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Skips the calling test when a tool is missing; under {@code CI=true} fails it instead.
     * Also checks that the JVM encodes file names as UTF-8 (the trees hold non-ASCII names).
     */
    static void assumeTool(String... tools) {
        requireUtf8FileNames();
        for (String tool : tools) {
            if (isAvailable(tool)) {
                continue;
            }
            String why = "interop reader '" + tool + "' is not installed"
                    + (tool.equals("pycdlib") ? " (/usr/bin/python3 -c 'import pycdlib' failed)" : " (not on PATH)")
                    + "; .ci/run installs: apt-get install -y xorriso genisoimage p7zip-full libarchive-tools"
                    + " python3-pycdlib udftools udfclient";
            if (inCi()) {
                fail(why + " -- CI=true, so this is a failure, not a skip");
            }
            Assumptions.assumeTrue(false, why);
        }
    }

    /** Fails (or skips locally) when the JVM cannot represent non-ASCII file names. */
    static void requireUtf8FileNames() {
        String jnu = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
        if (!Charset.forName(jnu).equals(StandardCharsets.UTF_8)) {
            String why = "the JVM encodes file names as " + jnu + ", not UTF-8: run with LANG=C.UTF-8 (or another"
                    + " UTF-8 locale), or the Unicode names of the test trees cannot be created";
            if (inCi()) {
                fail(why);
            }
            Assumptions.assumeTrue(false, why);
        }
    }

    /** What a finished process produced. */
    record Result(List<String> command, int exitCode, byte[] stdout, byte[] stderr, boolean timedOut) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String err() {
            return new String(stderr, StandardCharsets.UTF_8);
        }

        String describe() {
            return "command: " + String.join(" ", command) + "\nexit code: " + (timedOut ? "TIMED OUT" : exitCode)
                    + "\n--- stdout ---\n" + truncate(out()) + "\n--- stderr ---\n" + truncate(err());
        }

        private static String truncate(String s) {
            return s.length() <= 20_000 ? s : s.substring(0, 20_000) + "\n... (" + s.length() + " chars in all)";
        }
    }

    /** Runs a command with the default timeout; fails with the full output unless it exits with 0. */
    static Result runOk(Path workDir, String... command) {
        return runOk(DEFAULT_TIMEOUT, workDir, List.of(command));
    }

    /** Runs a command; fails with the full output unless it exits with 0 within the timeout. */
    static Result runOk(Duration timeout, Path workDir, List<String> command) {
        Result r = run(timeout, workDir, command);
        if (r.timedOut() || r.exitCode() != 0) {
            fail("external tool failed\n" + r.describe());
        }
        return r;
    }

    /**
     * Runs a command with a UTF-8 locale, no stdin, stdout and stderr captured into temporary files
     * (so neither pipe can fill up and block the tool).
     */
    static Result run(Duration timeout, Path workDir, List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("discimage-tool-", ".out");
            err = Files.createTempFile("discimage-tool-", ".err");
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
            configure(pb, workDir);
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return new Result(List.copyOf(command), done ? p.exitValue() : -1, Files.readAllBytes(out),
                    Files.readAllBytes(err), !done);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Consumes a command's stdout as a stream (for outputs too large to buffer, e.g. a 4.5 GiB file). */
    interface StdoutConsumer {
        void accept(InputStream stdout) throws IOException;
    }

    /** Runs a command, hands its stdout to {@code consumer}, fails with stderr unless it exits with 0. */
    static void runStreaming(Duration timeout, List<String> command, StdoutConsumer consumer) {
        Path err = null;
        try {
            err = Files.createTempFile("discimage-tool-", ".err");
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
            configure(pb, null);
            pb.redirectError(err.toFile());
            Process p = pb.start();
            try (InputStream in = p.getInputStream()) {
                consumer.accept(in);
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            if (!done || p.exitValue() != 0) {
                fail("external tool failed: " + String.join(" ", command) + "\nexit code: "
                        + (done ? p.exitValue() : "TIMED OUT") + "\n--- stderr ---\n" + Files.readString(err));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(err);
        }
    }

    private static void configure(ProcessBuilder pb, Path workDir) {
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("TZ", "UTC");
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
