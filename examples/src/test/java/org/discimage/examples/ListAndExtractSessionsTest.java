package org.discimage.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ListAndExtractSessions} on an image grown by xorriso itself (two sessions, the second
 * deleting a file): the sessions listed are those {@code xorriso -toc} lists, and each session's
 * tree extracts as xorriso recorded it.
 */
class ListAndExtractSessionsTest {
    private static final Pattern TOC = Pattern.compile("ISO session\\s*:\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)s\\s*,\\s*(\\S*)");

    @TempDir
    Path tmp;

    private Path xorrisoTwoSessions() throws Exception {
        Files.createDirectories(tmp.resolve("one/d"));
        Files.writeString(tmp.resolve("one/d/a.txt"), "first\n");
        Files.createSymbolicLink(tmp.resolve("one/link"), Path.of("d/a.txt"));
        Files.createDirectories(tmp.resolve("two"));
        Files.writeString(tmp.resolve("two/b.txt"), "second\n");
        Path img = tmp.resolve("grown.iso");
        Tools.run("xorriso", "-dev", img.toString(), "-map", tmp.resolve("one").toString(), "/", "-commit");
        Tools.run("xorriso", "-dev", img.toString(), "-map", tmp.resolve("two").toString(), "/",
                "-rm", "/d/a.txt", "--", "-commit");
        return img;
    }

    private Tools.Run run(String... args) {
        return Tools.example(s -> ListAndExtractSessions.run(args, s[0], s[1]));
    }

    @Test
    void listsTheSessionsXorrisoListsAndExtractsEach() throws Exception {
        Path img = xorrisoTwoSessions();
        Tools.Run list = run(img.toString());
        assertEquals(0, list.exitCode(), list.toString());
        Matcher m = TOC.matcher(Tools.run("xorriso", "-indev", img.toString(), "-toc"));
        List<String> toc = new ArrayList<>();
        while (m.find()) {
            toc.add("session " + m.group(1) + ": start " + m.group(2) + ", " + m.group(3) + " sectors, volume "
                    + m.group(4) + ", file systems [ISO9660, ROCK_RIDGE]");
        }
        assertEquals(2, toc.size(), toc.toString());
        assertEquals(String.join("\n", toc) + "\n", list.out());

        Tools.Run one = run(img.toString(), "1", tmp.resolve("out1").toString());
        assertEquals(0, one.exitCode(), one.toString());
        assertEquals("first\n", Files.readString(tmp.resolve("out1/d/a.txt")));
        assertEquals(Path.of("d/a.txt"), Files.readSymbolicLink(tmp.resolve("out1/link")));
        assertFalse(Files.exists(tmp.resolve("out1/b.txt")), "b.txt came with session 2");

        Tools.Run two = run(img.toString(), "2", tmp.resolve("out2").toString());
        assertEquals(0, two.exitCode(), two.toString());
        assertEquals("second\n", Files.readString(tmp.resolve("out2/b.txt")));
        assertTrue(Files.isDirectory(tmp.resolve("out2/d")));
        assertFalse(Files.exists(tmp.resolve("out2/d/a.txt")), "a.txt was removed in session 2");
    }

    @Test
    void noSuchSessionAndExistingFilesAreRefused() throws Exception {
        Path img = xorrisoTwoSessions();
        Tools.Run r = run(img.toString(), "3", tmp.resolve("out").toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("has 2 sessions: no session 3") && r.err().contains("IMAPI_E_INVALID_PARAM"),
                r.toString());
        assertEquals(0, run(img.toString(), "2", tmp.resolve("out").toString()).exitCode());
        Tools.Run again = run(img.toString(), "2", tmp.resolve("out").toString());   // nothing is overwritten
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("FileAlreadyExistsException"), again.toString());
        assertEquals(2, run(img.toString(), "1").exitCode());
    }
}
