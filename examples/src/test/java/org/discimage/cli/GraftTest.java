package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.discimage.tree.Directory;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraftTest {
    @TempDir
    Path tmp;

    @Test
    void parsesPlainAndGraftedSources() {
        assertEquals(new Graft("", Path.of("dir")), Graft.parse("dir"));
        assertEquals(new Graft("a/b", Path.of("local/x")), Graft.parse("a/b=local/x"));
        assertEquals(new Graft("a=b", Path.of("c")), Graft.parse("a\\=b=c"));
        assertEquals(new Graft("x", Path.of("y=z")), Graft.parse("x=y=z"));
        assertThrows(IllegalArgumentException.class, () -> Graft.parse("x="));
    }

    @Test
    void addsFilesAndDirectoriesWhereTheGraftSays() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("d/sub"));
        Path file = Files.writeString(tmp.resolve("f.txt"), "abc");
        Files.writeString(dir.resolve("inner.txt"), "i");
        Directory root = Directory.newRoot(Clock.systemUTC());
        Graft.parse(tmp.resolve("d").toString()).addTo(root);
        Graft.parse("put/here=" + tmp.resolve("d")).addTo(root);
        Graft.parse("renamed.txt=" + file).addTo(root);
        Graft.parse("into/=" + file).addTo(root);
        Graft.parse(file.toString()).addTo(root);
        assertEquals(ItemType.FILE, root.exists("sub/inner.txt"));
        assertEquals(ItemType.FILE, root.exists("put/here/sub/inner.txt"));
        assertEquals(ItemType.FILE, root.exists("renamed.txt"));
        assertEquals(ItemType.FILE, root.exists("into/f.txt"));
        assertEquals(ItemType.FILE, root.exists("f.txt"));
        Exception e = assertThrows(Exception.class, () -> Graft.parse("x=" + tmp.resolve("nope")).addTo(root));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void progressLineFitsAndSummaryHasUnits() {
        String line = ProgressBar.line("/a/very/long/path/".repeat(10) + "file.bin", 50, 100, 1_000_000_000L);
        assertEquals(79, line.length());
        assertTrue(line.startsWith("[###############               ]  50%"), line);
        String s = ProgressBar.summary("out.iso", 4_096_000, 2000, 2_000_000_000L);
        assertEquals("out.iso: 4.1 MB (2000 sectors) in 2.00 s, 2.0 MB/s", s);
        assertEquals("47.1 kB", ProgressBar.size(47_104));
        assertEquals("5.37 GB", ProgressBar.size(5_368_709_120L));
    }
}
