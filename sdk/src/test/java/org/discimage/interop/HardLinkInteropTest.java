package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discimage.media.SessionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hard links recorded by {@code xorriso -hardlinks on} (one extent, RRIP 1.12 PX st_nlink 3 and one
 * st_ino for three names) stay links in the sessions discimage appends: PX carries the number of
 * names the new tree keeps and their common serial number, so isoinfo shows the count and xorriso
 * extracts one inode with three names.
 */
class HardLinkInteropTest {
    /** isoinfo -R -l: mode, links, ..., "[ LBA 00]  name". */
    private static final Pattern ISOINFO = Pattern.compile(
            "^[-dlcb][-rwxsStT]{9}\\s+(\\d+)\\s.*\\[\\s*(\\d+) \\d\\d\\]\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    @TempDir
    Path work;

    private static SessionInfo session(Path img, MultisessionInteropTest.Fill fill) throws IOException {
        return MultisessionInteropTest.session(img, "LINKS", fill);
    }

    /** Name → {links, LBA} from isoinfo's Rock Ridge listing of the newest tree. */
    private static Map<String, long[]> isoinfo(Path img) {
        String listing = ExternalTools.runOk(null, "isoinfo", "-R", "-l", "-i", img.toString()).out();
        Map<String, long[]> m = new HashMap<>();
        Matcher x = ISOINFO.matcher(listing);
        while (x.find()) {
            m.put(x.group(3), new long[] {Long.parseLong(x.group(1)), Long.parseLong(x.group(2))});
        }
        return m;
    }

    /** Path → "nlink ino" of what xorriso extracts with hard links restored. */
    private Map<String, String> xorrisoExtract(Path img, String label) throws IOException {
        Path out = work.resolve("x-" + label);
        ExternalTools.runOk(null, "xorriso", "-hardlinks", "on", "-osirrox", "on", "-indev", img.toString(),
                "-extract", "/", out.toString());
        Map<String, String> m = new HashMap<>();
        for (String p : List.of("a.txt", "b.txt", "sub/c.txt", "single.txt")) {
            Path f = out.resolve(p);
            if (Files.exists(f)) {
                m.put(p, Files.getAttribute(f, "unix:nlink") + " " + Files.getAttribute(f, "unix:ino"));
            }
        }
        return m;
    }

    @Test
    void linksRecordedByXorrisoStayLinksInOurSessions() throws IOException {
        ExternalTools.assumeTool("xorriso", "isoinfo");
        Path src = Files.createDirectories(work.resolve("src/sub"));
        Files.writeString(work.resolve("src/a.txt"), "shared content\n");
        Files.createLink(work.resolve("src/b.txt"), work.resolve("src/a.txt"));
        Files.createLink(src.resolve("c.txt"), work.resolve("src/a.txt"));
        Files.writeString(work.resolve("src/single.txt"), "alone\n");
        Path img = work.resolve("links.iso");
        ExternalTools.runOk(null, "xorriso", "-hardlinks", "on", "-dev", img.toString(), "-map",
                work.resolve("src").toString(), "/", "-commit");

        SessionInfo second = session(img, image -> image.root().addFile("new.txt", "new\n".getBytes()));
        Map<String, long[]> ls = isoinfo(img);
        for (String name : List.of("a.txt", "b.txt", "c.txt")) {
            assertEquals(3, ls.get(name)[0], name + ": PX link count, isoinfo -R -l");
            assertEquals(ls.get("a.txt")[1], ls.get(name)[1], name + " shares a.txt's extent");
        }
        assertTrue(ls.get("a.txt")[1] < second.startLba(), "the extent of xorriso's session");
        assertEquals(1, ls.get("single.txt")[0]);
        assertEquals(1, ls.get("new.txt")[0]);
        Map<String, String> x = xorrisoExtract(img, "2");
        assertTrue(x.get("a.txt").startsWith("3 "), x.toString());
        assertEquals(x.get("a.txt"), x.get("b.txt"), "one inode: " + x);
        assertEquals(x.get("a.txt"), x.get("sub/c.txt"), "one inode: " + x);
        assertNotEquals(x.get("a.txt").split(" ")[1], x.get("single.txt").split(" ")[1]);
        // bsdtar (libarchive) reads files in LBA order: it links b.txt to a.txt, and, as with a
        // second session xorriso appends itself, sees sub/c.txt (in a directory of the new session,
        // after the shared data) as a file of its own; the content is the same either way
        if (ExternalTools.isAvailable("bsdtar")) {
            String tv = ExternalTools.runOk(null, "bsdtar", "-tvf", img.toString()).out();
            assertTrue(tv.contains("b.txt link to a.txt"), tv);
        }

        // session 3 drops one name: the other two count 2
        session(img, image -> image.root().remove("sub/c.txt"));
        Map<String, long[]> ls3 = isoinfo(img);
        assertEquals(2, ls3.get("a.txt")[0]);
        assertEquals(2, ls3.get("b.txt")[0]);
        Map<String, String> x3 = xorrisoExtract(img, "3");
        assertTrue(x3.get("a.txt").startsWith("2 "), x3.toString());
        assertEquals(x3.get("a.txt"), x3.get("b.txt"));
        assertEquals("shared content\n", Files.readString(work.resolve("x-3/b.txt")));
    }

    @Test
    void pycdlibSeesOneSerialNumberForTheLinks() throws IOException {
        ExternalTools.assumeTool("xorriso");
        Path src = Files.createDirectories(work.resolve("p"));
        Files.writeString(src.resolve("a.txt"), "linked\n");
        Files.createLink(src.resolve("b.txt"), src.resolve("a.txt"));
        Files.writeString(src.resolve("c.txt"), "not linked\n");
        Path img = work.resolve("py.iso");
        ExternalTools.runOk(null, "xorriso", "-hardlinks", "on", "-dev", img.toString(), "-map", src.toString(), "/",
                "-commit");
        session(img, image -> image.root().addFile("d.txt", "d\n".getBytes()));
        Path script = work.resolve("px.py");
        Files.writeString(script, String.join("\n",
                "import sys, pycdlib",
                "iso = pycdlib.PyCdlib()",
                "iso.open(sys.argv[1])",
                "for p in ['/a.txt', '/b.txt', '/c.txt', '/d.txt']:",
                "    px = iso.get_record(rr_path=p).rock_ridge.dr_entries.px_record",
                "    print(p, px.posix_file_links, px.posix_serial_number)",
                ""));
        String out = ExternalTools.runOk(null, "/usr/bin/python3", script.toString(), img.toString()).out();
        Map<String, String[]> px = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            px.put(f[0], f);
        }
        assertEquals("2", px.get("/a.txt")[1], out);
        assertEquals("2", px.get("/b.txt")[1], out);
        assertEquals(px.get("/a.txt")[2], px.get("/b.txt")[2], "one st_ino for both names: " + out);
        assertEquals("1", px.get("/c.txt")[1], out);
        assertNotEquals(px.get("/a.txt")[2], px.get("/c.txt")[2], out);
        assertNotEquals(px.get("/a.txt")[2], px.get("/d.txt")[2], out);
    }
}
