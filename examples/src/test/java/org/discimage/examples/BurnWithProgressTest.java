package org.discimage.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BurnWithProgress} run twice on the same emulated BD-R: two sessions, the second importing the first;
 * isoinfo finds each session's volume at the start the drive reports, and xorriso ({@code -load sbsector}) and
 * isoinfo ({@code -T}) read each session's tree from the disc's flat image.
 */
class BurnWithProgressTest {
    private static final Pattern SESSION = Pattern.compile("(?m)^session (\\d+): start (\\d+), (\\d+) sectors$");

    @TempDir
    Path tmp;

    private static Tools.Run burn(Path disc, Path folder) {
        Tools.Run r = Tools.example(s -> BurnWithProgress.run(new String[] {disc.toString(), folder.toString()},
                s[0], s[1]));
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }

    private static TreeSet<String> isoinfo(Path disc, long start) throws Exception {
        TreeSet<String> paths = new TreeSet<>();
        for (String line : Tools.run("isoinfo", "-R", "-f", "-T", Long.toString(start), "-i", disc.toString())
                .split("\n")) {
            if (line.startsWith("/")) {
                paths.add(line.strip());
            }
        }
        return paths;
    }

    private static TreeSet<String> xorriso(Path disc, long start) throws Exception {
        TreeSet<String> paths = new TreeSet<>();
        for (String line : Tools.run("xorriso", "-load", "sbsector", Long.toString(start), "-indev", disc.toString(),
                "-find", "/").split("\n")) {
            if (line.startsWith("'/") && !line.equals("'/'")) {
                paths.add(line.substring(1, line.length() - 1));
            }
        }
        return paths;
    }

    @Test
    void twoRunsTwoSessionsReadByXorrisoAndIsoinfo() throws Exception {
        Tools.require("xorriso");
        Tools.require("isoinfo");
        Path a = Files.createDirectories(tmp.resolve("a/docs"));
        Files.writeString(a.resolve("report.txt"), "first\n");
        Files.write(tmp.resolve("a/photo.jpg"), new byte[300_000]);
        Path b = Files.createDirectories(tmp.resolve("b/docs"));
        Files.writeString(b.resolve("report.txt"), "second, replaced\n");
        Path disc = tmp.resolve("disc.bdr");

        Tools.Run first = burn(disc, tmp.resolve("a"));
        assertTrue(first.out().contains("recorder: DISCIMG EMULATED BD-R"), first.toString());
        assertTrue(first.out().contains("disc: BDR [BLANK], 0 sessions, next writable address 0"), first.toString());
        for (String phase : List.of("validating media", "initializing hardware", "writing data", "finalization",
                "verifying", "completed")) {
            assertTrue(first.out().contains("progress " + phase), phase + "\n" + first);
        }
        assertTrue(Pattern.compile("progress completed +100%").matcher(first.out()).find(), first.toString());
        assertTrue(first.out().contains("session 1: start 0, "), first.toString());

        Tools.Run second = burn(disc, tmp.resolve("b"));
        assertTrue(second.out().contains("imported session 1 (volume SESSION_1)"), second.toString());
        assertTrue(second.out().contains("session 2: start "), second.toString());

        // the sessions as the drive lists them; the flat image has no TOC of its own (xorriso -toc of it sees
        // only the first session, whose descriptors are at LBA 16), so the readers are pointed at each start
        List<Long> starts = new ArrayList<>();
        Matcher m = SESSION.matcher(second.out());
        while (m.find()) {
            starts.add(Long.parseLong(m.group(2)));
        }
        assertEquals(2, starts.size(), second.toString());
        assertEquals(0L, starts.get(0));
        assertTrue(starts.get(1) >= 176, second.toString());
        for (int i = 0; i < 2; i++) {
            assertTrue(Tools.run("isoinfo", "-d", "-T", Long.toString(starts.get(i)), "-i", disc.toString())
                    .contains("Volume id: SESSION_" + (i + 1)), "isoinfo -d at " + starts.get(i));
        }
        TreeSet<String> all = new TreeSet<>(List.of("/docs", "/docs/report.txt", "/photo.jpg"));
        for (long start : starts) {
            assertEquals(all, isoinfo(disc, start), "isoinfo at " + start);
            assertEquals(all, xorriso(disc, start), "xorriso at " + start);
        }
        assertEquals("first\n", Tools.run("isoinfo", "-R", "-T", "0", "-i", disc.toString(), "-x", "/docs/report.txt"));
        assertEquals("second, replaced\n", Tools.run("isoinfo", "-R", "-T", Long.toString(starts.get(1)), "-i",
                disc.toString(), "-x", "/docs/report.txt"));
    }

    @Test
    void wrongArgumentsExitTwo() {
        Tools.Run r = Tools.example(s -> BurnWithProgress.run(new String[] {"only-one"}, s[0], s[1]));
        assertEquals(2, r.exitCode(), r.toString());
    }
}
