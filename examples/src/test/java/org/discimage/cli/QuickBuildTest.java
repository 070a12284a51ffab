package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@link QuickBuild} writes the image picocli's {@code build} writes, byte for byte, fails as it
 * fails, and leaves every other command line to picocli.
 */
class QuickBuildTest {
    private static final Map<String, String> ENV = Map.of(BuildCommand.SOURCE_DATE_EPOCH, "1700000000");

    @TempDir
    Path tmp;

    Path src;

    @BeforeEach
    void makeTree() throws IOException {
        src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("readme.txt"), "hello\n");
        Files.createDirectories(src.resolve("docs/deep"));
        Files.write(src.resolve("docs/deep/data.bin"), new byte[5000]);
        Files.writeString(src.resolve("ünïcødé name with spaces.txt"), "not ASCII");
        Files.createSymbolicLink(src.resolve("link"), Path.of("readme.txt"));
    }

    private record Run(int exitCode, String err) {
    }

    private static Run quick(Map<String, String> env, String... args) {
        StringWriter err = new StringWriter();
        int code = QuickBuild.run(args, env::get, new PrintWriter(err, true));
        return new Run(code, err.toString());
    }

    /** The summary line names the elapsed time and speed: those differ from run to run. */
    private static String timeless(String err) {
        return err.replaceAll(" in [0-9.]+ s, [0-9.]+ [kMGT]?B/s", " in T");
    }

    /**
     * Runs {@code args} (with OUT standing for the output file) both ways, each into its own
     * output, and checks exit code, messages and image bytes.
     */
    private void assertSameAsPicocli(Map<String, String> env, String... args) throws IOException {
        Path viaQuick = tmp.resolve("quick.iso");
        Path viaPicocli = tmp.resolve("picocli.iso");
        Files.deleteIfExists(viaQuick);
        Files.deleteIfExists(viaPicocli);
        Run quick = quick(env, with(args, viaQuick));
        CliRun picocli = CliRun.run(env, with(args, viaPicocli));
        String what = String.join(" ", args);
        assertTrue(quick.exitCode() != QuickLs.NOT_HANDLED, "not taken by QuickBuild: " + what);
        assertEquals(picocli.exitCode(), quick.exitCode(), what + "\n" + picocli + "\n" + quick);
        assertEquals(timeless(picocli.err()).replace(viaPicocli.toString(), "OUT"),
                timeless(quick.err()).replace(viaQuick.toString(), "OUT"), what);
        assertEquals(Files.exists(viaPicocli), Files.exists(viaQuick), what);
        if (Files.exists(viaPicocli)) {
            assertArrayEquals(Files.readAllBytes(viaPicocli), Files.readAllBytes(viaQuick), what);
        }
    }

    private static String[] with(String[] args, Path out) {
        List<String> list = new ArrayList<>();
        for (String a : args) {
            list.add(a.replace("OUT", out.toString()));
        }
        return list.toArray(new String[0]);
    }

    @Test
    void writesTheImagePicocliWrites() throws IOException {
        String s = src.toString();
        assertSameAsPicocli(ENV, "build", "-o", "OUT", s);
        assertSameAsPicocli(ENV, "build", s, "--output", "OUT");
        assertSameAsPicocli(ENV, "build", "--output=OUT", "--fs=iso9660,joliet", s);
        assertSameAsPicocli(ENV, "build", "-o", "OUT", "--fs", "iso9660,joliet,rockridge,udf", "-V", "BACKUP_2026", s);
        assertSameAsPicocli(ENV, "build", "-o", "OUT", "--fs", "udf", "--udf-revision", "2.50", s);
        assertSameAsPicocli(ENV, "build", "-o", "OUT", "--volume-id=Vol", s, "extra/=" + src.resolve("readme.txt"),
                "more=" + src.resolve("docs"));
        Run r = quick(ENV, "build", "-o", tmp.resolve("q.iso").toString(), s);
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith(tmp.resolve("q.iso") + ": ") && r.err().contains(" sectors) in "), r.err());
    }

    @Test
    void failsAsPicocliFails() throws IOException {
        assertSameAsPicocli(ENV, "build", "-o", "OUT", tmp.resolve("missing").toString());
        assertSameAsPicocli(Map.of(BuildCommand.SOURCE_DATE_EPOCH, "yesterday"), "build", "-o", "OUT", src.toString());
        assertSameAsPicocli(ENV, "build", "-o", "OUT", "a=");   // a graft point naming no local file
        assertSameAsPicocli(ENV, "build", "-o", tmp.resolve("no/such/dir/out.iso").toString(), src.toString());
    }

    @Test
    void leavesEverythingElseToPicocli() {
        String s = src.toString();
        String o = tmp.resolve("x.iso").toString();
        String[][] others = {
            {"build", "--help"}, {"build", "-o", o}, {"build", s}, {"build", "-o", o, "-o", o, s},
            {"build", "-o", o, "--fs", "bogus", s}, {"build", "-o", o, "--fs", "rockridge", s},
            {"build", "-o", o, "--fs", "iso9660,,joliet", s}, {"build", "-o", o, "--udf-revision", "2.01", s},
            {"build", "-o", o, "--fs", "udf", "--udf-revision", "3.00", s}, {"build", "-o", o, "--iso-level", "1", s},
            {"build", "-o", o, "--boot", "boot.img", s}, {"build", "-o", o, "@args.txt"},
            {"build", "-o", o, "x=-"}, {"build", "-o", o, "-"}, {"build", "-o", "--fs", s},
            {"build", "-o", o, "-V", "-x", s}, {"build", "-o", o, "--", s}, {"build", "-o", o, "--archive", "a.tar", s},
            {"ls", o}, {"info", o}, {"append", o, s}, {"--version"}, {},
        };
        for (String[] args : others) {
            assertNull(QuickBuild.parse(args), String.join(" ", args));
            assertEquals(QuickLs.NOT_HANDLED, QuickBuild.run(args, ENV::get, new PrintWriter(new StringWriter())),
                    String.join(" ", args));
        }
        assertFalse(Files.exists(tmp.resolve("x.iso")));
        assertNotNull(QuickBuild.parse(new String[] {"build", "-o", "-", s}), "standard output is an output");
    }

    @Test
    void theOptionsItTakesAreOptionsOfBuild() {
        CommandLine.Model.CommandSpec build = DiscImageCli.commandLine(new DiscImageCli(ENV))
                .getSubcommands().get("build").getCommandSpec();
        for (String name : List.of("-o", "--output", "--fs", "--udf-revision", "-V", "--volume-id")) {
            assertNotNull(build.findOption(name), "build has no option " + name);
        }
        assertEquals("output", build.findOption("-o").longestName().substring(2));
        assertTrue(build.findOption("--fs").splitRegex().equals(","), "--fs splits at commas");
    }
}
