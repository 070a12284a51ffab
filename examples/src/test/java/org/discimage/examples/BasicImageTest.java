package org.discimage.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BasicImage}: isoinfo reads the three namespaces it writes; a bad folder exits 1 with its code. */
class BasicImageTest {
    @TempDir
    Path tmp;

    private Path folder() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in/Documents/Reports 2026"));
        Files.writeString(in.resolve("quarterly-report-final.txt"), "numbers\n");
        Files.write(tmp.resolve("in/data.bin"), new byte[300_000]);
        Files.createSymbolicLink(tmp.resolve("in/latest"), Path.of("Documents/Reports 2026"));
        return tmp.resolve("in");
    }

    @Test
    void imageIsReadByIsoinfoInEveryNamespace() throws Exception {
        Path in = folder();
        Path img = tmp.resolve("basic.iso");
        Tools.Run r = Tools.example(s -> BasicImage.run(new String[] {in.toString(), img.toString()}, s[0], s[1]));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains(img + ": " + Files.size(img) / 2048 + " sectors (" + Files.size(img) + " bytes)"),
                r.toString());
        assertTrue(r.out().contains("progress 100% (done)\n"), r.toString());
        assertTrue(r.out().contains("written in "), r.toString());

        Set<String> expected = new TreeSet<>(Set.of("/Documents", "/Documents/Reports 2026",
                "/Documents/Reports 2026/quarterly-report-final.txt", "/data.bin", "/latest"));
        assertEquals(expected, Tools.isoinfoPaths(img, "-R"));
        // Joliet keeps the long mixed-case names but has no symbolic links: the link is left out there
        expected.remove("/latest");
        assertEquals(expected, Tools.isoinfoPaths(img, "-J"));
        // plain ISO 9660: upper-case d-characters, ";1" versions (ECMA-119 7.5)
        assertTrue(Tools.isoinfoPaths(img, "").contains("/DATA.BIN;1"));
        assertEquals("numbers\n", Tools.isoinfoCat(img, "/Documents/Reports 2026/quarterly-report-final.txt"));
        String longListing = Tools.run("isoinfo", "-R", "-l", "-i", img.toString());
        assertTrue(longListing.contains("latest -> Documents/Reports 2026"), longListing);
        String d = Tools.run("isoinfo", "-d", "-i", img.toString());
        assertTrue(d.contains("Volume id: BACKUP"), d);
        assertTrue(d.contains("Joliet with UCS level 3 found"), d);
        assertTrue(d.contains("Rock Ridge signatures version 1 found"), d);
    }

    @Test
    void sameFolderAndClockGiveTheSameBytes() throws Exception {
        Path in = folder();
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        BasicImage.build(in, tmp.resolve("a.iso"), clock, quiet);
        BasicImage.build(in, tmp.resolve("b.iso"), clock, quiet);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a.iso")), Files.readAllBytes(tmp.resolve("b.iso")));
    }

    @Test
    void missingFolderExitsOneWithTheErrorCode() {
        Tools.Run r = Tools.example(s -> BasicImage.run(new String[] {tmp.resolve("nope").toString(),
                tmp.resolve("x.iso").toString()}, s[0], s[1]));
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("BasicImage: ") && r.err().contains("IMAPI_E_"), r.toString());
        assertEquals(2, Tools.example(s -> BasicImage.run(new String[0], s[0], s[1])).exitCode());
    }
}
