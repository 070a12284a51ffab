package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The parsers and comparisons on canned tool output: needs no tool installed. */
class HarnessSelfTest {

    @Test
    void parsesIsoinfoRockRidgeListing() {
        String out = """

                Directory listing of /
                drwxr-xr-x  10    0    0            2048 Nov 23 2026 [     28 02]  .\s
                drwxr-xr-x  10    0    0            2048 Nov 23 2026 [     28 02]  ..\s
                -rw-------   1    0    0               9 Nov 23 2026 [     67 00]  name with spaces.txt\s
                drwxr-xr-x   2    0    0            2048 Nov 23 2026 [     47 02]  links\s

                Directory listing of /links/
                lrwxrwxrwx   1    0    0               0 Nov 23 2026 [   2523 00]  to-unicode -> ../docs/Café.txt
                -rwsr-xr-x   1    0    0              42 Nov 23 2026 [   2539 00]  suid\s
                """;
        List<Readers.IsoinfoLine> lines = Readers.parseIsoinfoListing(out, Readers.Namespace.ROCK_RIDGE);
        assertEquals(4, lines.size(), lines::toString);
        assertEquals("/name with spaces.txt", lines.get(0).path());
        assertEquals(9, lines.get(0).size());
        assertEquals(67, lines.get(0).extent());
        assertEquals(0600, lines.get(0).mode());
        assertEquals(Entry.Type.DIR, lines.get(1).type());
        assertEquals("/links/to-unicode", lines.get(2).path());
        assertEquals("../docs/Café.txt", lines.get(2).target());
        assertEquals(04755, lines.get(3).mode());
    }

    @Test
    void parsesIsoinfoPlainListingWithVersions() {
        String out = "Directory listing of /DOCS/\n"
                + "----------   0    0    0              31 Nov 23 2026 [   2531 00]  CAF___CR.TXT;1 \n";
        Readers.IsoinfoLine l = Readers.parseIsoinfoListing(out, Readers.Namespace.ISO9660).get(0);
        assertEquals("/DOCS/CAF___CR.TXT;1", l.path());
        assertNull(l.mode());
    }

    @Test
    void parsesXorrisoLsdlQuoting() {
        String out = """
                drwxr-xr-x    1 0        0               0 Nov 23 09:01 '/'
                -rw-r-----    1 0        0              11 Nov 23 09:01 '/it'"'"'s here'
                lrwxrwxrwx    1 0        0               0 Nov 23 09:01 '/links/x' -> '../a b/'"'"'c'
                drwx------    1 0        0               0 Jan  1  2020 '/dir'
                """;
        ReaderListing l = Readers.parseXorrisoLsdl(out);
        assertEquals(3, l.size(), l::toString);
        assertEquals(0640, l.get("/it's here").mode());
        assertEquals(11, l.get("/it's here").size());
        assertEquals("../a b/'c", l.get("/links/x").target());
        assertEquals(0700, l.get("/dir").mode());
    }

    @Test
    void parsesPycdlibLines() {
        String out = "d\t-\t755\t-\t-\t/docs\n"
                + "f\t31\t600\tabc\t-\t/docs/Caf%C3%A9 %25.txt\n"
                + "l\t-\t777\t-\t..%2Fx\t/l\n";
        ReaderListing l = Readers.parsePycdlib(out, "pycdlib");
        assertEquals(0600, l.get("/docs/Café %.txt").mode());
        assertEquals("../x", l.get("/l").target());
    }

    @Test
    void graftsRelocatedDirectoriesBack() {
        ReaderListing l = new ReaderListing("t");
        l.add(Entry.dir("/a", 0755));
        l.add(Entry.dir("/a/deep", 0755));
        l.add(Entry.dir("/rr_moved", 0555));
        l.add(Entry.dir("/rr_moved/deep", 0700));
        l.add(Entry.dir("/rr_moved/deep/sub", 0755));
        l.add(Entry.file("/rr_moved/deep/sub/f", 1, "h", 0644));
        l.graftRelocatedDirectories();
        assertEquals(0700, l.get("/a/deep").mode());
        assertEquals(1, l.get("/a/deep/sub/f").size());
        assertNull(l.get("/rr_moved/deep"));
    }

    @Test
    void comparisonsReportEveryDifference() {
        ReaderListing exp = new ReaderListing("expected");
        exp.add(Entry.dir("/d", 0755));
        exp.add(Entry.file("/d/f", 3, "aaa", 0600));
        exp.add(Entry.symlink("/l", "target", 0777));
        ReaderListing act = new ReaderListing("reader");
        act.add(Entry.dir("/d", 0755));
        act.add(Entry.file("/d/f", 3, "bbb", 0644));
        act.add(Entry.symlink("/l", "other", 0777));
        act.add(Entry.dir("/rr_moved", 0555));
        act.add(Entry.file("/extra", 0, "e", 0644));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> TreeAssert.assertRockRidgeView(exp, act, TreeAssert.Checks.rockRidge()));
        String m = e.getMessage();
        assertTrue(m.contains("/d/f: expected sha256 aaa, actual bbb"), m);
        assertTrue(m.contains("/d/f: expected mode 0600, actual 0644"), m);
        assertTrue(m.contains("/l: expected link target 'target', actual 'other'"), m);
        assertTrue(m.contains("/extra: expected NOTHING"), m);
        assertTrue(m.contains("4 difference(s)"), m);
    }

    @Test
    void isoNameRules() {
        TreeAssert.IsoNames l1 = TreeAssert.IsoNames.level(1, true);
        TreeAssert.IsoNames l3 = TreeAssert.IsoNames.level(3, true);
        assertNull(TreeAssert.badIsoFileName("README.TXT;1", l1));
        assertNull(TreeAssert.badIsoFileName("MAKEFILE.;1", l1));
        assertTrue(TreeAssert.badIsoFileName("LONGNAME1.TXT;1", l1) != null);
        assertTrue(TreeAssert.badIsoFileName("README.TEXT;1", l1) != null);
        assertTrue(TreeAssert.badIsoFileName("readme.txt;1", l3) != null);
        assertTrue(TreeAssert.badIsoFileName("README.TXT", l1) != null);
        assertNull(TreeAssert.badIsoFileName("ABCDEFGHIJKLMNOPQRSTUVWXYZ.ABC;1", l3));
        assertTrue(TreeAssert.badIsoFileName("ABCDEFGHIJKLMNOPQRSTUVWXYZ0.ABCD;1", l3) != null);
        assertNull(TreeAssert.badIsoDirName("RR_MOVED", l1));
        assertTrue(TreeAssert.badIsoDirName("NINECHARS", l1) != null);
    }

    @Test
    void jolietNamesThatReadersShowAsIs() {
        assertTrue(TreeAssert.jolietExactName("Café.txt", TreeAssert.LATIN1));
        assertTrue(!TreeAssert.jolietExactName("日本.txt", TreeAssert.LATIN1));
        assertTrue(TreeAssert.jolietExactName("日本.txt", TreeAssert.ANY));
        assertTrue(!TreeAssert.jolietExactName("rocket-🚀.txt", TreeAssert.ANY));
        assertTrue(!TreeAssert.jolietExactName("x".repeat(65), TreeAssert.ANY));
        assertTrue(!TreeAssert.jolietExactName("trailing.", TreeAssert.SEVEN_ZIP));
    }
}
