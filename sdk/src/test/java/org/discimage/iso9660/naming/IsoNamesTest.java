package org.discimage.iso9660.naming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;

class IsoNamesTest {

    private static final Pattern LEVEL1_FILE = Pattern.compile("[A-Z0-9_]{1,8}\\.[A-Z0-9_]{0,3}");
    private static final Pattern LEVEL1_DIR = Pattern.compile("[A-Z0-9_]{1,8}");
    private static final Pattern D_FILE = Pattern.compile("[A-Z0-9_]*\\.[A-Z0-9_]*");
    private static final Pattern D_DIR = Pattern.compile("[A-Z0-9_]+");

    private static final IsoNames L1 = new IsoNames(IsoLevel.LEVEL_1, NamePolicy.MANGLE);
    private static final IsoNames L2 = new IsoNames(IsoLevel.LEVEL_2, NamePolicy.MANGLE);
    private static final IsoNames L3 = new IsoNames(IsoLevel.LEVEL_3, NamePolicy.MANGLE);

    private static String file(IsoNames names, String name) throws DiscImageException {
        return names.assign("/", new String[] {name}, new boolean[] {false})[0];
    }

    private static String dir(IsoNames names, String name) throws DiscImageException {
        return names.assign("/", new String[] {name}, new boolean[] {true})[0];
    }

    private static String[] files(IsoNames names, String... n) throws DiscImageException {
        return names.assign("/d", n, new boolean[n.length]);
    }

    private static void assertLevel(IsoLevel level, String id, boolean directory) {
        if (level == IsoLevel.LEVEL_1) {
            assertTrue((directory ? LEVEL1_DIR : LEVEL1_FILE).matcher(id).matches(), id);
        } else {
            assertTrue((directory ? D_DIR : D_FILE).matcher(id).matches(), id);
            assertTrue(id.length() <= 31, id); // directory: 31; file: 30 plus the separator
            assertTrue(directory || !id.startsWith("."), id);
        }
    }

    // ---- characters and 8.3 ----

    @Test
    void level1MangleOfMultiDotName() throws Exception {
        assertEquals("MY_DOCUM.DOC", file(L1, "My Document.final.docx"));
        assertEquals("REPORT_2.PDF", file(L1, "report-2024.pdf"));
        assertEquals("ARCHIVE_.GZ", file(L1, "archive.tar.gz"));
    }

    @Test
    void lowerCaseIsUpperCasedAndFitsUnchanged() throws Exception {
        assertEquals("README.TXT", file(L1, "readme.txt"));
        assertEquals("A.B", file(L1, "a.b"));
        assertEquals("A1_Z9.C_D", file(L1, "a1_z9.c_d"));
    }

    @Test
    void fileWithoutExtensionKeepsTheSeparator() throws Exception {
        assertEquals("MAKEFILE.", file(L1, "Makefile"));
        assertEquals("README.", file(L2, "README"));
        assertEquals("README.", file(L2, "README."));
        assertEquals("A_B.", file(L2, "a.b."));
    }

    @Test
    void level2And3KeepLongerNames() throws Exception {
        assertEquals("MY_DOCUMENT_FINAL.DOCX", file(L2, "My Document.final.docx"));
        assertEquals("MY_DOCUMENT_FINAL.DOCX", file(L3, "My Document.final.docx"));
        assertEquals("ARCHIVE_TAR.GZ", file(L2, "archive.tar.gz"));
    }

    @Test
    void level2TruncationKeepsTheExtension() throws Exception {
        String id = file(L2, "a".repeat(200) + ".txt");
        assertEquals("A".repeat(27) + ".TXT", id);

        // name and extension both long: extension keeps 8
        id = file(L2, "n".repeat(200) + "." + "e".repeat(20));
        assertEquals("N".repeat(22) + "." + "E".repeat(8), id);

        // short name, long extension: the extension takes what the name leaves
        id = file(L2, "ab." + "e".repeat(40));
        assertEquals("AB." + "E".repeat(28), id);

        // the dot is not counted: exactly 30 characters stay as they are
        id = file(L2, "n".repeat(26) + ".ext1");
        assertEquals("N".repeat(26) + ".EXT1", id);
        assertEquals(31, id.length());
    }

    @Test
    void level1TruncatesNameAndExtensionSeparately() throws Exception {
        assertEquals("ABCDEFGH.JPE", file(L1, "abcdefghijkl.jpeg"));
        assertEquals("A.JPE", file(L1, "a.jpeg"));
    }

    @Test
    void twoHundredCharacterNames() throws Exception {
        String longName = "x".repeat(200);
        for (IsoNames names : List.of(L1, L2, L3)) {
            String f = file(names, longName);
            String d = dir(names, longName);
            assertLevel(names.level(), f, false);
            assertLevel(names.level(), d, true);
        }
        assertEquals("X".repeat(8), dir(L1, longName));
        assertEquals("X".repeat(31), dir(L2, longName));
        assertEquals("X".repeat(30) + ".", file(L2, longName));
        assertEquals("X".repeat(8) + ".", file(L1, longName));
    }

    @Test
    void directoriesHaveNoDots() throws Exception {
        assertEquals("MY_DIREC", dir(L1, "my.directory.name"));
        assertEquals("MY_DIRECTORY_NAME", dir(L2, "my.directory.name"));
        assertEquals("_GIT", dir(L2, ".git"));
        assertEquals("SRC", dir(L1, "src"));
    }

    @Test
    void unicodeNames() throws Exception {
        // Ü ï é have a base letter; ø, space and ✓ do not
        assertEquals("UNIC_DE__.TXT", file(L2, "Ünïcødé ✓.txt"));
        assertEquals("UNIC_DE_.TXT", file(L1, "Ünïcødé ✓.txt"));
        assertEquals("___.TXT", file(L2, "日本語.txt"));
        // one '_' per code point, also for supplementary characters (a surrogate pair)
        assertEquals("_.TXT", file(L2, "😀.txt"));
        assertEquals("A__B.", file(L2, "a😀🎉b"));
        assertEquals("CAFE.", file(L2, "Café"));
        assertEquals("NOEL.", file(L2, "Noël"));
        assertEquals("SMORGAS.", file(L2, "Smörgås"));
        // accents in the extension
        assertEquals("X.EEE", file(L2, "x.éÈê"));
    }

    @Test
    void dotFiles() throws Exception {
        assertEquals("_BASHRC.", file(L2, ".bashrc"));
        assertEquals("_BASHRC.", file(L1, ".bashrc"));
        assertEquals("_CONFIG.JSO", file(L1, ".config.json"));
        assertEquals("_CONFIG.JSON", file(L2, ".config.json"));
    }

    @Test
    void namesOfOnlyDotsOrSpaces() throws Exception {
        assertEquals("__.", file(L2, "..."));
        assertEquals("___.", file(L2, "   "));
        assertEquals("_._", file(L2, " . "));
        assertEquals("___", dir(L2, "..."));
        assertEquals("___", dir(L1, "   "));
        assertEquals("_.", file(L2, ""));
        assertEquals("_", dir(L2, ""));
        String[] ids = files(L2, "...", "....", "   ", "  ");
        assertEquals(4, new HashSet<>(Arrays.asList(ids)).size(), Arrays.toString(ids));
        for (String id : ids) {
            assertLevel(IsoLevel.LEVEL_2, id, false);
        }
    }

    // ---- uniqueness ----

    @Test
    void oneHundredFiftyCollisionsUnder83AreUniqueAndDeterministic() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            names.add("longfilename" + i + ".txt");
        }
        String[] ids = files(L1, names.toArray(new String[0]));
        Set<String> unique = new HashSet<>();
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            assertLevel(IsoLevel.LEVEL_1, ids[i], false);
            assertTrue(ids[i].endsWith(".TXT"), ids[i]);
            assertTrue(unique.add(ids[i]), "duplicate " + ids[i]);
            byName.put(names.get(i), ids[i]);
        }
        // the smallest original name keeps the projection, the next ones count up
        assertEquals("LONGFILE.TXT", byName.get("longfilename1.txt"));
        assertEquals("LONGFIL1.TXT", byName.get("longfilename10.txt"));
        assertEquals("LONGFIL2.TXT", byName.get("longfilename100.txt"));
        assertEquals("LONGFI10.TXT", byName.get("longfilename108.txt"));
        assertEquals("LONGF149.TXT", byName.get("longfilename99.txt"));

        for (long seed = 1; seed <= 5; seed++) {
            List<String> shuffled = new ArrayList<>(names);
            Collections.shuffle(shuffled, new Random(seed));
            String[] again = files(L1, shuffled.toArray(new String[0]));
            for (int i = 0; i < again.length; i++) {
                assertEquals(byName.get(shuffled.get(i)), again[i], shuffled.get(i));
            }
        }
    }

    @Test
    void generatedNameNeverTakesAnotherFilesProjection() throws Exception {
        String[] ids = files(L2, "abc.txt", "ABC.txt", "abc1.txt");
        assertArrayEquals(new String[] {"ABC2.TXT", "ABC.TXT", "ABC1.TXT"}, ids);
        ids = files(L2, "abc1.txt", "abc.txt", "ABC.txt");
        assertArrayEquals(new String[] {"ABC1.TXT", "ABC2.TXT", "ABC.TXT"}, ids);
    }

    @Test
    void directoryAndFileOfTheSameProjectedName() throws Exception {
        // the file "DOCS." and the directory "DOCS" would show as one name on Linux
        String[] names = {"docs", "Docs"};
        String[] ids = L2.assign("/", names, new boolean[] {true, false});
        assertArrayEquals(new String[] {"DOCS1", "DOCS."}, ids);
        ids = L2.assign("/", new String[] {"Docs", "docs"}, new boolean[] {false, true});
        assertArrayEquals(new String[] {"DOCS.", "DOCS1"}, ids);
        // different projections do not collide
        ids = L2.assign("/", new String[] {"docs", "docs.txt"}, new boolean[] {true, false});
        assertArrayEquals(new String[] {"DOCS", "DOCS.TXT"}, ids);
    }

    @Test
    void directoryCollisionsAtLevel1StayWithinEight() throws Exception {
        String[] names = new String[120];
        for (int i = 0; i < names.length; i++) {
            names[i] = "directory" + i;
        }
        boolean[] dirs = new boolean[names.length];
        Arrays.fill(dirs, true);
        String[] ids = L1.assign("/", names, dirs);
        Set<String> unique = new HashSet<>();
        for (String id : ids) {
            assertLevel(IsoLevel.LEVEL_1, id, true);
            assertTrue(unique.add(id), id);
        }
        assertEquals("DIRECTOR", ids[0]);
        assertEquals("DIRECTO1", ids[1]); // "directory1" is second in original-name order
    }

    @Test
    void suffixShortensTheExtensionWhenTheNameCannotGiveRoom() throws Exception {
        String ext = "e".repeat(40);
        String[] ids = files(L2, "a." + ext, "A." + ext);
        assertEquals("A." + "E".repeat(29), ids[1]);
        assertEquals("A1." + "E".repeat(28), ids[0]);
    }

    @Test
    void hundredThousandCollisionsInOneDirectory() throws Exception {
        int n = 100_000;
        String prefix = "a-very-long-common-prefix-of-many-files-";
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = prefix + i + ".dat";
        }
        for (IsoNames level : List.of(L2, L3)) {
            String[] ids = level.assign("/big", names, new boolean[n]);
            Set<String> unique = new HashSet<>(2 * n);
            for (String id : ids) {
                assertTrue(id.length() <= 31 && id.endsWith(".DAT"), id);
                assertTrue(unique.add(id), id);
            }
            assertEquals("A_VERY_LONG_COMMON_PREFIX_O.DAT", ids[0]);
        }
    }

    @Test
    void manyCollisionsAtLevel1() throws Exception {
        int n = 20_000;
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = "photo_" + i + ".jpeg";
        }
        String[] ids = L1.assign("/", names, new boolean[n]);
        Set<String> unique = new HashSet<>(2 * n);
        for (String id : ids) {
            assertLevel(IsoLevel.LEVEL_1, id, false);
            assertTrue(unique.add(id), id);
        }
    }

    @Test
    void mismatchedArraysAreACallerMistake() {
        assertThrows(IllegalArgumentException.class,
                () -> L2.assign("/", new String[] {"a", "b"}, new boolean[] {false}));
    }

    @Test
    void emptyDirectory() throws Exception {
        assertEquals(0, L2.assign("/", new String[0], new boolean[0]).length);
    }

    // ---- STRICT ----

    @Test
    void strictAcceptsUpperCasing() throws Exception {
        IsoNames strict = new IsoNames(IsoLevel.LEVEL_1, NamePolicy.STRICT);
        assertArrayEquals(new String[] {"README.TXT", "SRC", "MAKEFILE."},
                strict.assign("/", new String[] {"readme.txt", "src", "Makefile"}, new boolean[] {false, true, false}));
    }

    @Test
    void strictRejectsMappedCharacterWithPath() {
        IsoNames strict = new IsoNames(IsoLevel.LEVEL_2, NamePolicy.STRICT);
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> strict.assign("/docs", new String[] {"ok.txt", "My Document.docx"}, new boolean[2]));
        assertEquals(ErrorCode.INVALID_PATH, e.code());
        assertTrue(e.getMessage().contains("/docs/My Document.docx"), e.getMessage());
        assertTrue(e.getMessage().contains("not a d-character: ' '"), e.getMessage());

        e = assertThrows(DiscImageException.class,
                () -> strict.assign("/", new String[] {"café.txt"}, new boolean[1]));
        assertTrue(e.getMessage().contains("/café.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("'é'"), e.getMessage());

        e = assertThrows(DiscImageException.class,
                () -> strict.assign("/", new String[] {"archive.tar.gz"}, new boolean[1]));
        assertTrue(e.getMessage().contains("'.'"), e.getMessage());

        e = assertThrows(DiscImageException.class,
                () -> strict.assign("/", new String[] {".bashrc"}, new boolean[1]));
        assertTrue(e.getMessage().contains("/.bashrc"), e.getMessage());
    }

    @Test
    void strictRejectsTruncation() {
        IsoNames strict1 = new IsoNames(IsoLevel.LEVEL_1, NamePolicy.STRICT);
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> strict1.assign("/a/b", new String[] {"longfilename.txt"}, new boolean[1]));
        assertEquals(ErrorCode.INVALID_PATH, e.code());
        assertTrue(e.getMessage().contains("/a/b/longfilename.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("longer than 8.3 at level 1"), e.getMessage());

        e = assertThrows(DiscImageException.class,
                () -> strict1.assign("/", new String[] {"a.jpeg"}, new boolean[1]));
        assertTrue(e.getMessage().contains("8.3"), e.getMessage());

        e = assertThrows(DiscImageException.class,
                () -> strict1.assign("/", new String[] {"directory"}, new boolean[] {true}));
        assertTrue(e.getMessage().contains("directory name longer than 8"), e.getMessage());

        IsoNames strict2 = new IsoNames(IsoLevel.LEVEL_2, NamePolicy.STRICT);
        e = assertThrows(DiscImageException.class,
                () -> strict2.assign("/", new String[] {"x".repeat(31)}, new boolean[1]));
        assertTrue(e.getMessage().contains("longer than 30"), e.getMessage());
    }

    @Test
    void strictRejectsCollisions() {
        IsoNames strict = new IsoNames(IsoLevel.LEVEL_2, NamePolicy.STRICT);
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> strict.assign("/x", new String[] {"a.txt", "A.TXT"}, new boolean[2]));
        assertEquals(ErrorCode.INVALID_PATH, e.code());
        assertTrue(e.getMessage().contains("/x/a.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("A.TXT"), e.getMessage());
    }

    @Test
    void strictRejectsEmptyName() {
        IsoNames strict = new IsoNames(IsoLevel.LEVEL_2, NamePolicy.STRICT);
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> strict.assign("/", new String[] {""}, new boolean[1]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    // ---- volume and PVD identifiers ----

    @Test
    void volumeIdentifier() throws Exception {
        assertEquals("MY_DISC", IsoNames.volumeIdentifier("My Disc", NamePolicy.MANGLE));
        assertEquals("BACKUP_2024", IsoNames.volumeIdentifier("backup_2024", NamePolicy.STRICT));
        assertEquals("", IsoNames.volumeIdentifier("", NamePolicy.STRICT));
        assertEquals("A".repeat(32), IsoNames.volumeIdentifier("a".repeat(40), NamePolicy.MANGLE));
        assertEquals("A".repeat(32), IsoNames.volumeIdentifier("a".repeat(32), NamePolicy.STRICT));
        assertEquals("FERIEN_SOMMER", IsoNames.volumeIdentifier("Férien Sommer", NamePolicy.MANGLE));

        DiscImageException e = assertThrows(DiscImageException.class,
                () -> IsoNames.volumeIdentifier("My Disc", NamePolicy.STRICT));
        assertEquals(ErrorCode.INVALID_VOLUME_NAME, e.code());
        assertTrue(e.getMessage().contains("My Disc"), e.getMessage());
        e = assertThrows(DiscImageException.class,
                () -> IsoNames.volumeIdentifier("a".repeat(33), NamePolicy.STRICT));
        assertEquals(ErrorCode.INVALID_VOLUME_NAME, e.code());
    }

    @Test
    void aAndDCharacters() {
        assertEquals("HELLO, WORLD! _", IsoNames.aCharacters("Hello, World! ~", 128));
        assertEquals("A/B;C=D?E<F>G\"H%'()*+-.:", IsoNames.aCharacters("a/b;c=d?e<f>g\"h%'()*+-.:", 128));
        assertEquals("HELLO", IsoNames.aCharacters("hello world", 5));
        assertEquals("HELLO_WORLD", IsoNames.dCharacters("Hello-World", 128));
        assertEquals("E_", IsoNames.dCharacters("é日", 128));
        assertEquals("AB", IsoNames.dCharacters("abc", 2));
        assertEquals("", IsoNames.dCharacters("abc", 0));
        assertThrows(IllegalArgumentException.class, () -> IsoNames.dCharacters("abc", -1));
    }

    // ---- ECMA-119 9.3 order ----

    private static int cmp(String a, String b) {
        return IsoNames.compare(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void orderPerEcma119Clause9_3() {
        assertTrue(cmp("A.B", "A.B0") < 0);
        assertTrue(cmp("A.B0", "A.B") > 0);
        assertTrue(cmp("A.", "A.B") < 0);
        assertTrue(cmp("AB", "A_B") < 0); // 'B' 0x42 < '_' 0x5F
        assertTrue(cmp("A", "A_B") < 0); // "A  " padded against "A_B"
        assertTrue(cmp("A.Z", "AA.A") < 0); // names first: "A " < "AA"
        assertTrue(cmp("Z.A", "AA.Z") > 0);
        assertTrue(cmp("A1", "A.") > 0);
        assertEquals(0, cmp("A.", "A"));
        assertEquals(0, cmp("ABC.TXT", "ABC.TXT"));
        // explicit versions: descending
        assertTrue(cmp("A.B;2", "A.B;1") < 0);
        assertTrue(cmp("A.B;1", "A.B;10") > 0);
        assertEquals(0, cmp("A.B;1", "A.B"));

        List<String> expected = List.of("A.", "A.B", "A.B0", "A.C", "A0.", "AA", "AB.", "AB.A", "AB0", "A_B",
                "B", "B.A", "Z.ZZZ", "ZZ", "_", "__.A");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(42));
        shuffled.sort(IsoNamesTest::cmp);
        assertEquals(expected, shuffled);
    }

    @Test
    void orderDiffersFromBytewiseOnlyForBytesBelowTheSeparator() {
        byte[] a = "A.X".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "A-.X".getBytes(StandardCharsets.US_ASCII);
        assertTrue(IsoNames.compare(a, b) < 0); // 9.3: "A " < "A-"
        assertTrue(Arrays.compareUnsigned(a, b) > 0); // byte-wise: '.' > '-'
        // bytes above 0x7F compare unsigned
        assertTrue(IsoNames.compare(new byte[] {'A', (byte) 0xE9}, new byte[] {'A', 'Z'}) > 0);
    }

    @Test
    void orderEqualsBytewiseForDCharacterIdentifiers() {
        Random random = new Random(7);
        String alphabet = "AB_09Z";
        for (int round = 0; round < 20_000; round++) {
            String x = randomIdentifier(random, alphabet);
            String y = randomIdentifier(random, alphabet);
            byte[] bx = x.getBytes(StandardCharsets.US_ASCII);
            byte[] by = y.getBytes(StandardCharsets.US_ASCII);
            int expected = Integer.signum(Arrays.compareUnsigned(bx, by));
            // the only ties 9.3 has that bytes do not: "A." and "A" (file without extension, directory)
            if (!x.replaceAll("\\.$", "").equals(y.replaceAll("\\.$", ""))) {
                assertEquals(expected, Integer.signum(IsoNames.compare(bx, by)), x + " vs " + y);
            }
            assertEquals(-Integer.signum(IsoNames.compare(bx, by)), Integer.signum(IsoNames.compare(by, bx)));
        }
    }

    private static String randomIdentifier(Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        int nameLen = 1 + random.nextInt(4);
        for (int i = 0; i < nameLen; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (random.nextBoolean()) {
            sb.append('.');
            int extLen = random.nextInt(3);
            for (int i = 0; i < extLen; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return sb.toString();
    }

    @Test
    void assignedIdentifiersSortStrictly() throws Exception {
        String[] names = {"b.txt", "a.txt", "a.txt0", "A_B", "ab", "README", "readme.md", "z"};
        String[] ids = L2.assign("/", names, new boolean[names.length]);
        byte[][] bytes = new byte[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            bytes[i] = ids[i].getBytes(StandardCharsets.US_ASCII);
        }
        Arrays.sort(bytes, IsoNames::compare);
        for (int i = 1; i < bytes.length; i++) {
            assertTrue(IsoNames.compare(bytes[i - 1], bytes[i]) < 0);
        }
        assertEquals("A.TXT", new String(bytes[0], StandardCharsets.US_ASCII));
        assertEquals("A.TXT0", new String(bytes[1], StandardCharsets.US_ASCII));
        assertNotEquals(ids[0], ids[1]);
    }
}
