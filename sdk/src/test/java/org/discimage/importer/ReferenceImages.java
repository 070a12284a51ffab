package org.discimage.importer;

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
 * Makes images with the reference tools (xorriso, genisoimage). A missing tool skips the test
 * locally and fails it in CI ({@code CI=true}).
 */
final class ReferenceImages {
    private ReferenceImages() {
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

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, tool))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code xorriso -as mkisofs ARGS -o image dir} or {@code genisoimage ARGS -o image dir}, with
     * SOURCE_DATE_EPOCH set.
     */
    static Path make(String tool, Path dir, Path image, String... args) throws IOException, InterruptedException {
        require(tool);
        List<String> cmd = new ArrayList<>();
        if (tool.equals("xorriso")) {
            cmd.addAll(List.of("xorriso", "-as", "mkisofs"));
        } else {
            cmd.add(tool);
        }
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-quiet", "-o", image.toString(), dir.toString()));
        run(cmd);
        return image;
    }

    static String run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SOURCE_DATE_EPOCH", "1700000000");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish");
        }
        assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }
}
