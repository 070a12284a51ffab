package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes UDF images with the real producers (mkudffs populated by udfclient, genisoimage, pycdlib)
 * and reads file data back through the imported extents. A missing tool skips the test locally and
 * fails it in CI ({@code CI=true}).
 */
final class UdfTestImages {
    static final String PYTHON = "/usr/bin/python3";

    private UdfTestImages() {
    }

    static void require(String... tools) {
        for (String tool : tools) {
            boolean ok = tool.equals("pycdlib") ? run(List.of(PYTHON, "-c", "import pycdlib"), null, null).exit == 0
                    : onPath(tool);
            if (ok) {
                continue;
            }
            String why = tool + " is not installed (.ci/run installs udftools, udfclient, genisoimage, python3-pycdlib)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " -- CI=true, so this is a failure");
            }
            assumeTrue(false, why);
        }
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
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    record Result(int exit, String out) {
    }

    /** Runs a command with a UTF-8 locale and the given stdin text; output merged. */
    static Result run(List<String> cmd, Path dir, String stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("LANG", "C.UTF-8");
            pb.environment().put("LC_ALL", "C.UTF-8");
            pb.environment().put("TZ", "UTC");
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Path out = Files.createTempFile("udf-tool", ".out");
            pb.redirectOutput(out.toFile());
            if (stdin == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Process p = pb.start();
            if (stdin != null) {
                try (var in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + cmd);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            return new Result(p.exitValue(), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String runOk(List<String> cmd, Path dir, String stdin) {
        Result r = run(cmd, dir, stdin);
        if (r.exit != 0) {
            fail("command failed (" + r.exit + "): " + cmd + "\n" + r.out);
        }
        return r.out;
    }

    /** {@code mkudffs -b 2048 --media-type=MEDIA --udfrev=REV --new-file IMG 20000}. */
    static Path mkudffs(Path img, String media, String rev) {
        require("mkudffs");
        runOk(List.of("mkudffs", "-b", "2048", "--media-type=" + media, "--udfrev=" + rev, "--label=Vol" + media,
                "--uuid=0123456789abcdef", "--new-file", img.toString(), "20000"), null, null);
        return img;
    }

    /**
     * Copies {@code names} (files and directories of {@code src}) into the image with udfclient's
     * batch commands (no mount needed), then {@code mkdir}s the given directories.
     */
    static void udfclientPut(Path img, Path src, List<String> names, List<String> mkdirs) {
        require("udfclient", "udfinfo");
        String vsid = udfinfo(img, "fullvsid");
        String label = udfinfo(img, "lvid");
        StringBuilder cmds = new StringBuilder("cd \"" + vsid + ":" + label + ":" + label + ":" + udfinfo(img, "fsid")
                + "\"\n");
        for (String n : names) {
            cmds.append(Files.isDirectory(src.resolve(n)) ? "mput " : "put ").append(n).append('\n');
        }
        for (String d : mkdirs) {
            cmds.append("mkdir ").append(d).append('\n');
        }
        cmds.append("quit\n");
        String out = runOk(List.of("udfclient", "-b", "2048", "-W", img.toString()), src, cmds.toString());
        if (out.contains("No space left") || out.contains("Can't ")) {
            fail("udfclient could not populate the image:\n" + out);
        }
    }

    /** The names udfclient's {@code ls} lists in directory {@code dir} of the file set, sorted, without . and ..; hidden ones too. */
    static List<String> udfclientLs(Path img, String dir) {
        String label = udfinfo(img, "lvid");
        String cmds = "cd \"" + udfinfo(img, "fullvsid") + ":" + label + ":" + label + ":" + udfinfo(img, "fsid")
                + "\"\n" + (dir.isEmpty() ? "" : "cd " + dir + "\n") + "ls\nquit\n";
        String out = runOk(List.of("udfclient", "-b", "2048", img.toString()), null, cmds);
        List<String> names = new ArrayList<>();
        boolean listing = false;
        for (String line : out.split("\n")) {
            if (line.contains("UDF> Directory listing of")) {
                listing = true;
                names.clear();
                continue;
            }
            if (listing && line.matches("^[-dl][rwxsStT-]{9}\\s+.*")) {
                String name = line.replaceFirst("^\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+", "");
                if (!name.equals(".") && !name.equals("..") && !name.equals("Non-Allocatable Space")) {
                    names.add(name);
                }
            } else if (listing && line.startsWith("UDF>")) {
                listing = false;
            }
        }
        names.sort(null);
        return names;
    }

    /** One {@code key=value} line of udfinfo's output. */
    static String udfinfo(Path img, String key) {
        for (String line : runOk(List.of("udfinfo", img.toString()), null, null).split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        fail("udfinfo prints no " + key);
        return null;
    }

    /** The data of an entry read through its extents or embedded data. */
    static byte[] data(SectorReader sectors, ImportedEntry e) throws IOException {
        if (e.embeddedData() != null) {
            return e.embeddedData();
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(e.size()));
        for (FileExtent x : e.extents()) {
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(x.sectors() * SectorReader.SECTOR_SIZE));
            assertEquals(x.sectors(), sectors.read(x.lba(), buf), "extent " + x + " of " + e.path());
            out.put(buf.array(), 0, (int) Math.min(x.length(), out.remaining()));
        }
        return out.array();  // zeros past the extents: unrecorded tail
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the UDF tree of an image (strict unless {@code lenient}). */
    static List<ImportedEntry> tree(Path img, List<org.discimage.error.Diagnostic> diags) throws IOException {
        try (SectorReader s = ImageFileSectorReader.open(img)) {
            UdfVolumeReader r = UdfVolumeReader.open(s, 0, ImportOptions.strict(diags::add));
            if (r == null) {
                fail("no UDF volume in " + img);
            }
            return new ArrayList<>(r.readTree());
        }
    }
}
