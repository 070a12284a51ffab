package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discimage append}: sessions grown in an image file, checked by xorriso and isoinfo. */
class AppendCommandTest {
    @TempDir
    Path work;

    @Test
    void threeAppendsAddReplaceAndRemove() throws Exception {
        ExternalTool.require("xorriso");
        ExternalTool.require("isoinfo");
        Path d1 = Files.createDirectories(work.resolve("d1/docs"));
        Files.writeString(d1.resolve("a.txt"), "a1\n");
        Files.writeString(work.resolve("d1/keep.txt"), "kept\n");
        Path a2 = work.resolve("a.txt");
        Files.writeString(a2, "a2, replaced\n");
        Path media = work.resolve("media.iso");

        CliRun r1 = CliRun.run("append", "-V", "ONE", media.toString(), work.resolve("d1").toString());
        assertEquals(0, r1.exitCode(), r1.toString());
        assertTrue(r1.out().contains("session 1: start 32, "), r1.toString());
        CliRun r2 = CliRun.run("append", "-V", "TWO", media.toString(), "docs/=" + a2);
        assertEquals(0, r2.exitCode(), r2.toString());
        assertTrue(r2.out().contains("session 2: start "), r2.toString());
        CliRun r3 = CliRun.run("append", "-V", "THREE", "--remove", "/docs", media.toString());
        assertEquals(0, r3.exitCode(), r3.toString());
        assertTrue(r3.out().contains("session 3: start ") && r3.out().contains("volume THREE"), r3.toString());

        String toc = ExternalTool.run("xorriso", "-indev", media.toString(), "-toc");
        assertEquals(3, toc.split("ISO session", -1).length - 1, toc);
        String newest = ExternalTool.run("isoinfo", "-R", "-f", "-i", media.toString());
        assertTrue(newest.contains("/keep.txt"), newest);
        assertFalse(newest.contains("/docs"), newest);
        assertEquals("kept\n", ExternalTool.run("isoinfo", "-R", "-i", media.toString(), "-x", "/keep.txt"));
    }

    @Test
    void aMissingRemovePathFailsWithItsCode() throws Exception {
        Path media = work.resolve("m.iso");
        Files.createDirectories(work.resolve("s"));
        Files.writeString(work.resolve("s/x.txt"), "x\n");
        assertEquals(0, CliRun.run("append", media.toString(), work.resolve("s").toString()).exitCode());
        long before = Files.size(media);
        CliRun r = CliRun.run("append", "--remove", "nope", media.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("ITEM_NOT_FOUND") || r.err().contains("0xC0AAB118"), r.toString());
        assertEquals(before, Files.size(media));
    }

    /**
     * An ISO/UDF bridge grown three times: later appends keep UDF and its revision without being
     * told; udfinfo reads the newest session of the file, and UDF cannot be dropped.
     */
    @Test
    void aBridgeStaysABridge() throws Exception {
        ExternalTool.require("udfinfo");
        Path d1 = Files.createDirectories(work.resolve("b1"));
        Files.writeString(d1.resolve("keep.txt"), "kept\n");
        Path two = work.resolve("two.txt");
        Files.writeString(two, "two\n");
        Path media = work.resolve("bridge.iso");
        CliRun r1 = CliRun.run("append", "--fs", "iso9660,joliet,rockridge,udf", "--udf-revision", "2.50", "-V", "ONE",
                media.toString(), d1.toString());
        assertEquals(0, r1.exitCode(), r1.toString());
        CliRun r2 = CliRun.run("append", "-V", "TWO", media.toString(), "two.txt=" + two);
        assertEquals(0, r2.exitCode(), r2.toString());
        String info = ExternalTool.run("udfinfo", media.toString());
        assertTrue(info.contains("lvid=TWO") && info.contains("udfrev=2.50") && info.contains("numfiles=2"), info);
        CliRun r3 = CliRun.run("append", "--fs", "iso9660,rockridge", media.toString());
        assertEquals(1, r3.exitCode(), r3.toString());
        assertTrue(r3.err().contains("0xC0AAB163") || r3.err().contains("FILE_SYSTEM_CHANGE_NOT_ALLOWED"), r3.toString());
        CliRun r4 = CliRun.run("append", "--udf-revision", "2.01", media.toString());
        assertEquals(1, r4.exitCode(), r4.toString());
        assertTrue(r4.err().contains("0xC0AAB161") || r4.err().contains("UDF_REVISION_CHANGE_NOT_ALLOWED"), r4.toString());
    }
}
