package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link QuickAppend} appends what picocli's {@code append} appends (xorriso reads both results),
 * fails as it fails, and leaves every other command line to picocli.
 */
class QuickAppendTest {
    @TempDir
    Path tmp;

    Path base;
    Path add;

    @BeforeEach
    void makeBase() throws IOException {
        Path first = Files.createDirectories(tmp.resolve("first/docs"));
        Files.writeString(first.resolve("a.txt"), "first session\n");
        add = tmp.resolve("add");
        Files.createDirectories(add.resolve("sub"));
        Files.writeString(add.resolve("b.txt"), "second session\n");
        Files.write(add.resolve("sub/c.bin"), new byte[70_000]);
        base = tmp.resolve("base.iso");
        CliRun r = CliRun.run("append", base.toString(), tmp.resolve("first").toString());
        assertEquals(0, r.exitCode(), r::toString);
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run quick(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QuickAppend.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** The volume id of a new session is made of the clock's date and time: those differ from run to run. */
    private static String timeless(String out) {
        return out.replaceAll("volume [0-9_]{15}", "volume T");
    }

    private static String ls(Path image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = QuickLs.run(new String[] {"ls", "-l", image.toString()}, out, StandardCharsets.UTF_8,
                new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        // -l lines without the time column (the clock of each run)
        return out.toString(StandardCharsets.UTF_8).replaceAll(" \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ", " T ");
    }

    @Test
    void appendsWhatPicocliAppends() throws Exception {
        ExternalTool.require("xorriso");
        Path viaQuick = Files.copy(base, tmp.resolve("quick.iso"));
        Path viaPicocli = Files.copy(base, tmp.resolve("picocli.iso"));
        String[] sources = {add.toString(), "extra/=" + add.resolve("b.txt")};
        Run quick = quick(concat(viaQuick, sources));
        CliRun picocli = CliRun.run(concat(viaPicocli, sources));
        assertEquals(0, quick.exitCode(), quick::toString);
        assertEquals(picocli.exitCode(), quick.exitCode());
        assertEquals(timeless(picocli.out()), timeless(quick.out()));
        assertEquals(picocli.err(), quick.err());
        assertTrue(quick.out().contains("session 2: "), quick.out());
        assertEquals(ls(viaPicocli), ls(viaQuick));
        assertEquals(Files.size(viaPicocli), Files.size(viaQuick));
        // an independent reader: xorriso loads the grown image and finds both sessions' files
        String found = ExternalTool.run("xorriso", "-indev", viaQuick.toString(), "-find", "/", "-type", "f");
        assertEquals(new TreeSet<>(List.of("'/docs/a.txt'", "'/b.txt'", "'/sub/c.bin'", "'/extra/b.txt'")),
                new TreeSet<>(Arrays.stream(found.split("\n")).filter(l -> l.startsWith("'/")).toList()), found);
        String toc = ExternalTool.run("xorriso", "-indev", viaQuick.toString(), "-toc");
        assertTrue(toc.contains("Media summary: 2 sessions"), toc);
    }

    @Test
    void failsAsPicocliFails() throws IOException {
        Path junk = Files.write(tmp.resolve("junk.iso"), new byte[100 * 2048 + 5]);
        for (String[] args : List.of(new String[] {"append", base.toString(), tmp.resolve("missing").toString()},
                new String[] {"append", junk.toString(), add.toString()})) {
            Path copy = tmp.resolve("copy-" + args[1].hashCode());
            Files.copy(Path.of(args[1]), copy);
            Run quick = quick(args);
            CliRun picocli = CliRun.run("append", copy.toString(), args[2]);
            assertTrue(quick.exitCode() != QuickLs.NOT_HANDLED, String.join(" ", args));
            assertEquals(picocli.exitCode(), quick.exitCode(), picocli + "\n" + quick);
            assertEquals(picocli.err().replace(copy.toString(), args[1]), quick.err());
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        String b = base.toString();
        String s = add.toString();
        String[][] others = {
            {"append", b}, {"append", tmp.resolve("new.iso").toString(), s}, {"append", "-V", "X", b, s},
            {"append", b, "--remove", "/docs"}, {"append", b, "--update", s + "=/x"}, {"append", b, "@args"},
            {"append", b, "x=-"}, {"append", b, "-"}, {"append", "--help"}, {"append", b, s, "--fs", "iso9660"},
            {"ls", b}, {"build", "-o", b, s}, {},
        };
        for (String[] args : others) {
            assertNull(QuickAppend.parse(args), String.join(" ", args));
        }
        assertTrue(Files.notExists(tmp.resolve("new.iso")));
    }

    private static String[] concat(Path media, String... sources) {
        String[] args = new String[sources.length + 2];
        args[0] = "append";
        args[1] = media.toString();
        System.arraycopy(sources, 0, args, 2, sources.length);
        return args;
    }
}
