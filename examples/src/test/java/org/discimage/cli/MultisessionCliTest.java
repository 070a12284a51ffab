package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code info} and {@code ls --session} on images grown by xorriso; {@code append --update} and {@code --fs}. */
class MultisessionCliTest {
    private static final Pattern XORRISO_TOC = Pattern.compile(
            "ISO session\\s*:\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)s\\s*,\\s*(\\S*)");
    private static final Pattern INFO_SESSION = Pattern.compile(
            "session (\\d+):\\s+start (\\d+), (\\d+) sectors, volume (\\S*), file systems (.*)");

    @TempDir
    Path work;

    /** Two sessions by xorriso: one.txt, then /two/two.txt. */
    private Path xorrisoGrown() throws Exception {
        Path x1 = Files.createDirectories(work.resolve("x1"));
        Path x2 = Files.createDirectories(work.resolve("x2"));
        Files.writeString(x1.resolve("one.txt"), "one\n");
        Files.writeString(x2.resolve("two.txt"), "two\n");
        Path img = work.resolve("xgrown.iso");
        ExternalTool.run("xorriso", "-dev", img.toString(), "-volid", "FIRST", "-map", x1.toString(), "/", "-commit");
        ExternalTool.run("xorriso", "-dev", img.toString(), "-volid", "SECOND", "-map", x2.toString(), "/two",
                "-commit");
        return img;
    }

    private static List<String> sessions(Pattern p, String text) {
        List<String> list = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            list.add(m.group(1) + "," + m.group(2) + "," + m.group(3) + "," + m.group(4));
        }
        return list;
    }

    @Test
    void infoListsTheSessionsXorrisoLists() throws Exception {
        ExternalTool.require("xorriso");
        Path img = xorrisoGrown();
        CliRun info = CliRun.run("info", img.toString());
        assertEquals(0, info.exitCode(), info.toString());
        List<String> ours = sessions(INFO_SESSION, info.out());
        List<String> theirs = sessions(XORRISO_TOC, ExternalTool.run("xorriso", "-indev", img.toString(), "-toc"));
        assertEquals(2, theirs.size(), theirs.toString());
        assertEquals(theirs, ours, info.out());
        assertTrue(info.out().contains("sessions:         2"), info.out());
        Matcher m = INFO_SESSION.matcher(info.out());
        while (m.find()) {
            assertEquals("iso9660, rockridge", m.group(5), "xorriso writes Rock Ridge, no Joliet by default");
        }
        // info --session 1 describes the first session: its volume and its one file
        CliRun first = CliRun.run("info", "--session", "1", img.toString());
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("session start:    32"), first.out());
        assertTrue(first.out().contains("volume rockridge: FIRST"), first.out());
        assertTrue(first.out().contains("files:            1"), first.out());
    }

    @Test
    void infoOnAUdfOnlyImageSaysThereIsNoSessionChain() throws Exception {
        ExternalTool.require("mkudffs");
        Path img = work.resolve("u.img");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(img.toFile(), "rw")) {
            f.setLength(4 << 20);
        }
        ExternalTool.run("mkudffs", "-b", "2048", "--media-type=hd", img.toString());
        CliRun info = CliRun.run("info", img.toString());
        assertEquals(0, info.exitCode(), info.toString());
        assertTrue(info.out().contains("file systems:     udf"), info.out());
        assertTrue(info.out().contains("sessions:         no ISO 9660 session chain"), info.out());
        CliRun ls = CliRun.run("ls", "--session", "1", img.toString());
        assertEquals(1, ls.exitCode(), ls.toString());
        assertTrue(ls.err().contains("has no ISO 9660 session chain") && ls.err().contains("--session-start"),
                ls.toString());
    }

    @Test
    void lsSessionListsThatSessionsOwnTree() throws Exception {
        ExternalTool.require("xorriso");
        Path img = xorrisoGrown();
        CliRun one = CliRun.run("ls", img.toString(), "--session", "1");
        assertEquals(0, one.exitCode(), one.toString());
        assertEquals("/\n/one.txt\n", one.out());
        CliRun two = CliRun.run("ls", "--session", "2", img.toString());
        assertEquals("/\n/one.txt\n/two\n/two/two.txt\n", two.out(), two.toString());
        assertEquals(two.out(), CliRun.run("ls", img.toString()).out(), "the default is the newest session");
        Path out = work.resolve("out1");
        CliRun extract = CliRun.run("extract", "--session", "1", img.toString(), out.toString());
        assertEquals(0, extract.exitCode(), extract.toString());
        assertEquals("one\n", Files.readString(out.resolve("one.txt")));
        assertFalse(Files.exists(out.resolve("two")));

        CliRun none = CliRun.run("ls", "--session", "3", img.toString());
        assertEquals(1, none.exitCode(), none.toString());
        assertTrue(none.err().contains("has 2 sessions: no session 3") && none.err().contains("0xC0AAB101"),
                none.toString());
        CliRun both = CliRun.run("ls", "--session", "1", "--session-start", "32", img.toString());
        assertEquals(2, both.exitCode(), both.toString());
        CliRun zero = CliRun.run("ls", "--session", "0", img.toString());
        assertEquals(2, zero.exitCode(), zero.toString());
    }

    @Test
    void appendUpdateMirrorsALocalDirectory() throws Exception {
        ExternalTool.require("isoinfo");
        ExternalTool.require("xorriso");
        Path docs = Files.createDirectories(work.resolve("docs/sub"));
        Files.writeString(docs.resolve("keep.txt"), "kept\n");
        Files.writeString(work.resolve("docs/change.txt"), "v1\n");
        Files.writeString(work.resolve("docs/gone.txt"), "gone\n");
        Path media = work.resolve("backup.iso");
        CliRun r1 = CliRun.run("append", "-V", "ONE", "--update", work.resolve("docs") + "=/backup/docs",
                media.toString());
        assertEquals(0, r1.exitCode(), r1.toString());
        assertTrue(r1.out().contains("update /backup/docs from " + work.resolve("docs") + ": 6 added, 0 replaced, "
                + "0 removed"), r1.out()); // backup, docs, sub, keep.txt, change.txt, gone.txt

        Files.writeString(work.resolve("docs/change.txt"), "version 2\n");
        Files.setLastModifiedTime(work.resolve("docs/change.txt"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        Files.delete(work.resolve("docs/gone.txt"));
        Files.writeString(work.resolve("docs/new.txt"), "new\n");
        CliRun r2 = CliRun.run("append", "-V", "TWO", "--update", work.resolve("docs") + "=/backup/docs",
                media.toString());
        assertEquals(0, r2.exitCode(), r2.toString());
        assertTrue(r2.out().contains(": 1 added, 1 replaced, 1 removed, "), r2.out());
        assertTrue(r2.out().contains("session 2: start "), r2.out());

        String listing = ExternalTool.run("isoinfo", "-R", "-f", "-i", media.toString());
        assertTrue(listing.contains("/backup/docs/new.txt") && listing.contains("/backup/docs/sub/keep.txt"), listing);
        assertFalse(listing.contains("gone.txt"), listing);
        assertEquals("version 2\n", ExternalTool.run("isoinfo", "-R", "-i", media.toString(), "-x",
                "/backup/docs/change.txt"));
        // session 1 still holds the old state, as xorriso reads it
        CliRun old = CliRun.run("ls", "--session", "1", media.toString());
        assertTrue(old.out().contains("/backup/docs/gone.txt\n"), old.toString());

        CliRun bad = CliRun.run("append", "--update", "no-equals-sign", media.toString());
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("LOCAL_DIR=IMAGE/PATH"), bad.toString());
    }

    @Test
    void checksumKeepsATouchedFileWhoseContentIsTheSame() throws Exception {
        ExternalTool.require("isoinfo");
        Path docs = Files.createDirectories(work.resolve("c"));
        Files.writeString(docs.resolve("same.txt"), "same bytes\n");
        Path media = work.resolve("c.iso");
        assertEquals(0, CliRun.run("append", "--update", docs + "=/c", media.toString()).exitCode());
        String before = ExternalTool.run("isoinfo", "-R", "-l", "-i", media.toString());
        Files.setLastModifiedTime(docs.resolve("same.txt"), FileTime.from(Instant.parse("2031-01-01T00:00:00Z")));
        CliRun r = CliRun.run("append", "--checksum", "--update", docs + "=/c", media.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains(": 0 added, 0 replaced, 0 removed, 1 attributes updated, 1 unchanged"), r.out());
        String after = ExternalTool.run("isoinfo", "-R", "-l", "-i", media.toString());
        assertEquals(extentOf(before, "same.txt"), extentOf(after, "same.txt"), "the data of session 1 is kept");
        assertTrue(after.contains("2031"), after);
        // without --checksum the new time alone makes it a new file
        Files.setLastModifiedTime(docs.resolve("same.txt"), FileTime.from(Instant.parse("2032-01-01T00:00:00Z")));
        CliRun quick = CliRun.run("append", "--update", docs + "=/c", media.toString());
        assertTrue(quick.out().contains(": 0 added, 1 replaced, 0 removed"), quick.out());
    }

    /** The "[ LBA 00]" extent isoinfo -l shows for {@code name}. */
    private static String extentOf(String listing, String name) {
        for (String line : listing.split("\n")) {
            if (line.trim().endsWith(" " + name)) {
                return line.substring(line.indexOf('['), line.indexOf(']') + 1);
            }
        }
        throw new AssertionError(name + " not in " + listing);
    }

    @Test
    void appendFsChoosesTheNewSessionsFileSystemsAndRefusesAddingUdf() throws Exception {
        ExternalTool.require("isoinfo");
        Files.createDirectories(work.resolve("s"));
        Files.writeString(work.resolve("s/x.txt"), "x\n");
        Path media = work.resolve("m.iso");
        assertEquals(0, CliRun.run("append", media.toString(), work.resolve("s").toString()).exitCode());
        CliRun joliet = CliRun.run("append", "--fs", "iso9660,joliet", media.toString(), "y.txt=" + work.resolve(
                "s/x.txt"));
        assertEquals(0, joliet.exitCode(), joliet.toString());
        CliRun info = CliRun.run("info", media.toString());
        List<String> fs = new ArrayList<>();
        Matcher m = INFO_SESSION.matcher(info.out());
        while (m.find()) {
            fs.add(m.group(5));
        }
        assertEquals(List.of("iso9660, joliet, rockridge", "iso9660, joliet"), fs, info.out());
        String pvd = ExternalTool.run("isoinfo", "-d", "-i", media.toString());
        assertTrue(pvd.contains("NO Rock Ridge present"), pvd);
        assertTrue(ExternalTool.run("isoinfo", "-J", "-f", "-i", media.toString()).contains("/y.txt"));

        long before = Files.size(media);
        CliRun udf = CliRun.run("append", "--fs", "iso9660,udf", media.toString(), work.resolve("s").toString());
        assertEquals(1, udf.exitCode(), udf.toString());
        // block 256, where UDF readers of the file look first, may hold data of the ISO-only session 1
        assertTrue(udf.err().contains("UDF cannot be added")
                && udf.err().contains("FILE_SYSTEM_CHANGE_NOT_ALLOWED"), udf.toString());
        assertEquals(before, Files.size(media));
    }
}
