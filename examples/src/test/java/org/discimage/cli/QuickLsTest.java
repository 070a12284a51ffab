package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@link QuickLs} prints what picocli's {@code ls} prints, fails as it fails, and leaves every
 * other command line to picocli. The images come from xorriso (an independent producer) and from
 * {@code discimage build}.
 */
class QuickLsTest {
    @TempDir
    Path tmp;

    Path src;

    @BeforeEach
    void makeTree() throws IOException {
        src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("readme.txt"), "hello\n");
        Files.createDirectories(src.resolve("docs/deep"));
        Files.write(src.resolve("docs/deep/data.bin"), new byte[5000]);
        Files.writeString(src.resolve("tab\there"), "control character in a name");
        Files.writeString(src.resolve("ünïcødé.txt"), "not ASCII");
        Files.createDirectories(src.resolve("many"));
        for (int i = 0; i < 3000; i++) {  // more than one 64 KiB buffer of lines
            Files.writeString(src.resolve(String.format("many/a-rather-long-file-name-%04d.data", i)), "");
        }
        Files.createSymbolicLink(src.resolve("link"), Path.of("readme.txt"));
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run quick(String... args) {
        return quick(StandardCharsets.UTF_8, args);
    }

    private static Run quick(Charset charset, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = QuickLs.run(args, out, charset, new PrintWriter(err, true));
        return new Run(code, out.toString(charset), err.toString());
    }

    private void assertSameAsPicocli(String... args) {
        assertSameAsPicocli(StandardCharsets.UTF_8, args);
        assertSameAsPicocli(StandardCharsets.UTF_16LE, args);  // no ASCII shortcut: the encoder's way
    }

    private void assertSameAsPicocli(Charset charset, String... args) {
        Run quick = quick(charset, args);
        CliRun picocli = CliRun.run(args);
        String what = String.join(" ", args);
        assertEquals(picocli.exitCode(), quick.exitCode(), what);
        assertEquals(picocli.out(), quick.out(), what);
        assertEquals(picocli.err(), quick.err(), what);
    }

    @Test
    void listsAsPicocliDoes() throws Exception {
        Path xorriso = ExternalTool.mkisofs("xorriso", src, tmp.resolve("xorriso.iso"));
        CliRun build = CliRun.run("build", "-o", tmp.resolve("built.iso").toString(), src.toString());
        assertEquals(0, build.exitCode(), build::toString);
        CliRun bridge = CliRun.run("build", "--fs", "iso9660,joliet,rockridge,udf", "-o",
                tmp.resolve("bridge.iso").toString(), src.toString());
        assertEquals(0, bridge.exitCode(), bridge::toString);
        assertSameAsPicocli("ls", "--fs", "udf", tmp.resolve("bridge.iso").toString());
        assertSameAsPicocli("ls", "-l", "--fs", "udf", tmp.resolve("bridge.iso").toString());
        for (Path iso : List.of(xorriso, tmp.resolve("built.iso"))) {
            String image = iso.toString();
            Run plain = quick("ls", image);
            assertEquals(0, plain.exitCode(), plain::toString);
            assertTrue(plain.out().startsWith("/\n") && plain.out().contains("/docs/deep/data.bin\n")
                    && plain.out().contains("/tab\\x09here\n"), plain.out());
            assertSameAsPicocli("ls", image);
            assertSameAsPicocli("ls", "-l", image);
            assertSameAsPicocli("ls", image, "-l");
            assertSameAsPicocli("ls", "--fs", "joliet", image);
            assertSameAsPicocli("ls", "--fs=iso9660", "-l", image);
            assertSameAsPicocli("ls", "--fs", "rr", image);
            assertSameAsPicocli("ls", "--fs", "udf", image);  // FILE_SYSTEM_NOT_FOUND, exit 1
        }
        assertSameAsPicocli("ls", tmp.resolve("missing.iso").toString());
        Path junk = Files.write(tmp.resolve("junk.iso"), new byte[40 * 2048]);
        assertSameAsPicocli("ls", junk.toString());
    }

    @Test
    void aClosedOutputIsNotAFailure() throws Exception {
        Path iso = ExternalTool.mkisofs("xorriso", src, tmp.resolve("xorriso.iso"));
        java.io.OutputStream closed = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        StringWriter err = new StringWriter();
        assertEquals(0, QuickLs.run(new String[] {"ls", iso.toString()}, closed, StandardCharsets.UTF_8,
                new PrintWriter(err, true)), "as picocli's ls, whose PrintWriter swallows the error");
        assertEquals("", err.toString());
    }

    @Test
    void leavesEverythingElseToPicocli() {
        List<String[]> others = List.of(new String[] {"ls"}, new String[] {"ls", "--help"},
                new String[] {"ls", "-h", "x.iso"}, new String[] {"ls", "-l", "-l", "x.iso"},
                new String[] {"ls", "--lenient", "x.iso"}, new String[] {"ls", "--session-start", "0", "x.iso"},
                new String[] {"ls", "@args.txt"}, new String[] {"ls", "a.iso", "b.iso"},
                new String[] {"ls", "--fs", "hfs", "x.iso"}, new String[] {"ls", "--fs", "joliet", "--fs", "rr", "x.iso"},
                new String[] {"ls", "x.iso", "--fs"}, new String[] {"ls", "--", "x.iso"}, new String[] {"ls", ""},
                new String[] {"info", "x.iso"}, new String[] {"extract", "x.iso"}, new String[] {"--version"},
                new String[] {});
        for (String[] args : others) {
            Run r = quick(args);
            assertEquals(QuickLs.NOT_HANDLED, r.exitCode(), String.join(" ", args));
            assertEquals("", r.out() + r.err());
        }
    }

    /**
     * QuickLs runs {@code ls} with every option it does not parse at its default: a new option of
     * {@code ls} must be looked at there (taught to QuickLs, or its default shown to keep a plain
     * {@code ls IMAGE} meaning the same) before it is added to this list.
     */
    @Test
    void lsHasNoOptionQuickLsDoesNotKnow() {
        CommandLine top = DiscImageCli.commandLine(new DiscImageCli());
        CommandLine ls = top.getSubcommands().get("ls");
        Set<String> names = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : ls.getCommandSpec().options()) {
            names.addAll(List.of(o.names()));
        }
        assertEquals(new TreeSet<>(List.of("-h", "--help", "--fs", "-l", "--lenient", "--session-start", "--session")),
                names);
        List<String> positional = new ArrayList<>();
        ls.getCommandSpec().positionalParameters().forEach(p -> positional.add(p.paramLabel()));
        assertEquals(List.of("IMAGE"), positional);
        CommandLine.ParseResult parsed = top.parseArgs("ls", "x.iso");
        LsCommand command = ls.getCommand();
        assertEquals(0, command.importOptions.sessionStart, "QuickLs reads the session at LBA 0");
        assertFalse(command.importOptions.lenient, "QuickLs is strict");
        assertEquals(null, command.tree.fileSystem);
        assertFalse(command.longListing);
        assertTrue(parsed.originalArgs().contains("x.iso"));
    }
}
