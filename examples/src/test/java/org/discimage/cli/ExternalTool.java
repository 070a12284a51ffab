package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reference tool (xorriso, genisoimage). A missing tool skips the test locally and fails it
 * in CI ({@code CI=true}).
 */
final class ExternalTool {
    private ExternalTool() {
    }

    static void require(String tool) {
        if (onPath(tool)) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(tool + " is not installed (CI=true: reference tools are required)");
        }
        assumeTrue(false, tool + " is not installed");
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command, failing the test on a non-zero exit; returns its combined output. */
    static String run(String... command) throws IOException, InterruptedException {
        require(command[0]);
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        pb.environment().put("SOURCE_DATE_EPOCH", "1700000000");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    /** {@code xorriso -as mkisofs -R -J -o image dir} (or genisoimage with the same options). */
    static Path mkisofs(String tool, Path dir, Path image) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (tool.equals("xorriso")) {
            cmd.addAll(List.of("xorriso", "-as", "mkisofs"));
        } else {
            cmd.add(tool);
        }
        cmd.addAll(List.of("-R", "-J", "-quiet", "-o", image.toString(), dir.toString()));
        run(cmd.toArray(new String[0]));
        return image;
    }
}
