package org.discimage.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NightlyBackup} run three nights with changes in between, then once more without: xorriso's
 * TOC lists three sessions, isoinfo reads the newest tree, xorriso the first session's, and an
 * unchanged file is not written again.
 */
class NightlyBackupTest {
    private static final Pattern TOC = Pattern.compile("ISO session\\s*:\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)s\\s*,\\s*(\\S*)");

    @TempDir
    Path tmp;

    private Tools.Run night(Path img, Path src) {
        Tools.Run r = Tools.example(s -> NightlyBackup.run(new String[] {img.toString(), src.toString()}, s[0], s[1]));
        assertEquals(0, r.exitCode(), r.toString());
        return r;
    }

    /** The LBA {@code isoinfo -R -l} gives for {@code name} in the newest tree. */
    private static long lba(Path img, String name) throws Exception {
        Matcher m = Pattern.compile("\\[\\s*(\\d+) \\d+\\]\\s+" + Pattern.quote(name) + "\\s*$", Pattern.MULTILINE)
                .matcher(Tools.run("isoinfo", "-R", "-l", "-i", img.toString()));
        assertTrue(m.find(), name);
        return Long.parseLong(m.group(1));
    }

    @Test
    void threeNightsThreeSessionsOnlyChangesWritten() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/docs"));
        Files.writeString(src.resolve("report.txt"), "monday\n");
        Files.write(tmp.resolve("src/photo.jpg"), new byte[150_000]);
        Path img = tmp.resolve("backup.iso");

        Tools.Run first = night(img, tmp.resolve("src"));
        assertTrue(first.out().contains("+ /docs\n") && first.out().contains("+ /photo.jpg\n"), first.toString());
        assertTrue(first.out().contains("session 1: start 32,"), first.toString());

        Files.writeString(src.resolve("report.txt"), "tuesday!\n");                  // size differs
        Files.writeString(src.resolve("notes.txt"), "new\n");
        Tools.Run second = night(img, tmp.resolve("src"));
        assertTrue(second.out().contains("~ /docs/report.txt\n") && second.out().contains("+ /docs/notes.txt\n"),
                second.toString());
        assertTrue(second.out().contains("1 added, 1 replaced, 0 removed"), second.toString());

        Files.delete(src.resolve("notes.txt"));
        Files.writeString(src.resolve("report.txt"), "wednesday"); // same size as "tuesday!\n": found by its time
        Files.setLastModifiedTime(src.resolve("report.txt"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        Tools.Run third = night(img, tmp.resolve("src"));
        assertTrue(third.out().contains("- /docs/notes.txt\n") && third.out().contains("~ /docs/report.txt\n"),
                third.toString());

        Tools.Run fourth = night(img, tmp.resolve("src"));
        assertTrue(fourth.out().contains("nothing changed: no session written"), fourth.toString());

        // xorriso lists exactly the sessions the example printed
        Matcher m = TOC.matcher(Tools.run("xorriso", "-indev", img.toString(), "-toc"));
        List<String> toc = new ArrayList<>();
        while (m.find()) {
            toc.add("session " + m.group(1) + ": start " + m.group(2) + ", " + m.group(3) + " sectors, volume "
                    + m.group(4));
        }
        assertEquals(3, toc.size(), toc.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals("BACKUP_" + (i + 1), toc.get(i).substring(toc.get(i).lastIndexOf(' ') + 1));
            assertTrue(fourth.out().contains(toc.get(i) + "\n"), toc.get(i) + "\n" + fourth);
        }

        // the newest tree, as isoinfo reads it
        assertEquals(new TreeSet<>(Set.of("/docs", "/docs/report.txt", "/photo.jpg")), Tools.isoinfoPaths(img, "-R"));
        assertEquals("wednesday", Tools.isoinfoCat(img, "/docs/report.txt"));
        // the photo was written once, in session 1, which ends before session 2 starts
        long session2 = Long.parseLong(toc.get(1).replaceAll(".*start (\\d+),.*", "$1"));
        assertTrue(lba(img, "photo.jpg") < session2, "photo.jpg rewritten");

        // the first night's tree is still there (xorriso loading session 1 by its start)
        String first1 = Tools.run("xorriso", "-load", "sbsector", "32", "-indev", img.toString(),
                "-osirrox", "on", "-extract", "/docs/report.txt", tmp.resolve("monday.txt").toString());
        assertEquals("monday\n", Files.readString(tmp.resolve("monday.txt")), first1);
    }
}
