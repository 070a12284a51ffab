package org.discimage.joliet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.discimage.NamePolicy;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;

class JolietNamesTest {

    private static final JolietNames MANGLE = new JolietNames(NamePolicy.MANGLE);
    private static final JolietNames STRICT = new JolietNames(NamePolicy.STRICT);

    private static String file(String name) throws DiscImageException {
        return MANGLE.assign("/", new String[] {name}, new boolean[] {false})[0];
    }

    private static String dir(String name) throws DiscImageException {
        return MANGLE.assign("/", new String[] {name}, new boolean[] {true})[0];
    }

    private static void assertValid(String id) {
        assertTrue(id.length() >= 1 && id.length() <= JolietNames.MAX_LENGTH, id);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            assertTrue(c >= 0x20 && "*/:;?\\".indexOf(c) < 0, id);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1)), "split pair in " + id);
                i++;
            } else {
                assertFalse(Character.isLowSurrogate(c), "lone low surrogate in " + id);
            }
        }
    }

    @Test
    void legalNamesAreKeptAsTheyAre() throws Exception {
        for (String name : List.of("My Document.final.docx", "Ünïcødé ✓.txt", "日本語のファイル.txt", "😀🎉.png",
                ".bashrc", "README", "a b  c", "...", "   ", "x.", "[brackets] & (parens) #1 'q' \"dq\".txt")) {
            assertEquals(name, file(name));
            assertEquals(name, dir(name));
        }
    }

    @Test
    void forbiddenCharactersBecomeUnderscore() throws Exception {
        assertEquals("Report_ Q1_.txt", file("Report: Q1?.txt"));
        assertEquals("a_b_c_d_e_f", file("a*b\\c:d;e?f"));
        assertEquals("_tab_nl_", file("\ttab\nnl\u001f"));
        assertEquals("x_1", file("x;1"));
        // unpaired surrogates cannot be recorded as UCS-2 text
        assertEquals("a_b", file("a\uD83Db"));
        assertEquals("a_", file("a\uDE00"));
    }

    @Test
    void dotAndDotDotAreReserved() throws Exception {
        assertEquals("_", file("."));
        assertEquals("__", dir(".."));
        assertEquals("_", file(""));
    }

    @Test
    void twoHundredCharacterNameKeepsShortExtension() throws Exception {
        String id = file("n".repeat(200) + ".txt");
        assertEquals("n".repeat(60) + ".txt", id);
        assertEquals(64, id.length());

        id = file("n".repeat(200) + ".12345678");
        assertEquals("n".repeat(55) + ".12345678", id);

        // an extension over 8 units is cut with the name
        id = file("n".repeat(70) + ".verylongextension");
        assertEquals("n".repeat(64), id);

        // exactly 64 stays
        assertEquals("n".repeat(60) + ".txt", file("n".repeat(60) + ".txt"));
        // directories have no extension
        assertEquals("d".repeat(64), dir("d".repeat(200) + ".txt"));
    }

    @Test
    void supplementaryCharactersCountTwoAndAreNeverSplit() throws Exception {
        String emoji = "😀";
        assertEquals(2, emoji.length());
        String id = dir("a".repeat(63) + emoji + emoji);
        assertEquals("a".repeat(63), id);
        assertValid(id);

        id = file("a".repeat(55) + emoji.repeat(5) + ".txt"); // 55 + 10 + 4 = 69 units
        assertEquals("a".repeat(55) + emoji.repeat(2) + ".txt", id); // 55 + 4 + 4 = 63: a pair is not split
        assertValid(id);

        id = file(emoji.repeat(40));
        assertEquals(emoji.repeat(32), id);
        assertValid(id);
    }


    @Test
    void directoryAndFileOfTheSameName() throws Exception {
        String[] ids = MANGLE.assign("/", new String[] {"docs", "docs "}, new boolean[] {true, false});
        assertEquals(2, java.util.Set.of(ids).size());
        assertEquals("docs", ids[0]);
    }

    @Test
    void generatedNameNeverTakesAnotherProjection() throws Exception {
        String long1 = "n".repeat(70) + "a.txt";
        String long2 = "n".repeat(70) + "b.txt";
        String taken = "n".repeat(59) + "1.txt";
        String[] ids = MANGLE.assign("/", new String[] {long1, long2, taken}, new boolean[3]);
        assertEquals("n".repeat(60) + ".txt", ids[0]);
        assertEquals(taken, ids[2]);
        assertEquals("n".repeat(59) + "2.txt", ids[1]);
    }

    @Test
    void collisionsOfTruncatedNamesAreUniqueAndDeterministic() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            names.add("a very long name that is shared by many files of the same directory, number " + i
                    + ".txt");
        }
        String[] ids = MANGLE.assign("/", names.toArray(new String[0]), new boolean[names.size()]);
        Map<String, String> byName = new HashMap<>();
        Set<String> unique = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            assertValid(ids[i]);
            assertTrue(ids[i].endsWith(".txt"), ids[i]);
            assertTrue(unique.add(ids[i].toUpperCase(Locale.ROOT)), ids[i]);
            byName.put(names.get(i), ids[i]);
        }
        String base = "a very long name that is shared by many files of the same di";
        assertEquals(60, base.length());
        assertEquals(base + ".txt", byName.get(names.get(0)));
        assertEquals(base.substring(0, 59) + "1.txt", byName.get(names.get(9))); // "number 10" is second
        assertEquals(base.substring(0, 57) + "149.txt", byName.get(names.get(98))); // "number 99" is last

        for (long seed = 1; seed <= 5; seed++) {
            List<String> shuffled = new ArrayList<>(names);
            Collections.shuffle(shuffled, new Random(seed));
            String[] again = MANGLE.assign("/", shuffled.toArray(new String[0]), new boolean[shuffled.size()]);
            for (int i = 0; i < again.length; i++) {
                assertEquals(byName.get(shuffled.get(i)), again[i]);
            }
        }
    }


    @Test
    void caseOnlyDifferencesStayAsGiven() throws Exception {
        // case-sensitive like xorriso and genisoimage: Linux and 7-Zip show both names
        String[] ids = MANGLE.assign("/", new String[] {"a.txt", "A.txt"}, new boolean[2]);
        assertArrayEquals(new String[] {"a.txt", "A.txt"}, ids);
    }

    @Test
    void hundredThousandCollisions() throws Exception {
        int n = 100_000;
        String[] names = new String[n];
        String prefix = "x".repeat(70);
        for (int i = 0; i < n; i++) {
            names[i] = prefix + i + ".dat";
        }
        String[] ids = MANGLE.assign("/big", names, new boolean[n]);
        Set<String> unique = new HashSet<>(2 * n);
        for (String id : ids) {
            assertTrue(id.length() <= 64 && id.endsWith(".dat"), id);
            assertTrue(unique.add(id), id);
        }
    }

    @Test
    void mismatchedArraysAreACallerMistake() {
        assertThrows(IllegalArgumentException.class,
                () -> MANGLE.assign("/", new String[] {"a"}, new boolean[2]));
    }

    // ---- STRICT ----

    @Test
    void strictAcceptsLegalNames() throws Exception {
        String[] names = {"Ünïcødé ✓.txt", "😀", ".bashrc", "a.txt", "b.TXT"};
        assertArrayEquals(names, STRICT.assign("/", names, new boolean[names.length]));
    }

    @Test
    void strictRejectsForbiddenCharacter() {
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> STRICT.assign("/docs", new String[] {"fine.txt", "a:b.txt"}, new boolean[2]));
        assertEquals(ErrorCode.INVALID_PATH, e.code());
        assertTrue(e.getMessage().contains("/docs/a:b.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("':'"), e.getMessage());

        e = assertThrows(DiscImageException.class,
                () -> STRICT.assign("/", new String[] {"tab\there"}, new boolean[1]));
        assertTrue(e.getMessage().contains("U+0009"), e.getMessage());

        e = assertThrows(DiscImageException.class, () -> STRICT.assign("/", new String[] {".."}, new boolean[] {true}));
        assertEquals(ErrorCode.INVALID_PATH, e.code());
    }

    @Test
    void strictRejectsTooLong() {
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> STRICT.assign("/a", new String[] {"n".repeat(61) + ".txt"}, new boolean[1]));
        assertEquals(ErrorCode.INVALID_PATH, e.code());
        assertTrue(e.getMessage().contains("/a/" + "n".repeat(61) + ".txt"), e.getMessage());
        assertTrue(e.getMessage().contains("longer than 64"), e.getMessage());
    }


    // ---- volume identifier ----

    @Test
    void volumeIdentifier() throws Exception {
        assertEquals("My Backup", JolietNames.volumeIdentifier("My Backup", NamePolicy.STRICT));
        assertEquals("", JolietNames.volumeIdentifier("", NamePolicy.STRICT));
        assertEquals("Ünïcødé ✓", JolietNames.volumeIdentifier("Ünïcødé ✓", NamePolicy.STRICT));
        assertEquals("0123456789abcdef", JolietNames.volumeIdentifier("0123456789abcdefghij", NamePolicy.MANGLE));
        assertEquals("a".repeat(15), JolietNames.volumeIdentifier("a".repeat(15) + "😀", NamePolicy.MANGLE));
        assertEquals("a".repeat(14) + "😀", JolietNames.volumeIdentifier("a".repeat(14) + "😀", NamePolicy.STRICT));
        assertEquals("Backup_ 2024", JolietNames.volumeIdentifier("Backup: 2024", NamePolicy.MANGLE));

        DiscImageException e = assertThrows(DiscImageException.class,
                () -> JolietNames.volumeIdentifier("0123456789abcdefg", NamePolicy.STRICT));
        assertEquals(ErrorCode.INVALID_VOLUME_NAME, e.code());
        e = assertThrows(DiscImageException.class,
                () -> JolietNames.volumeIdentifier("Backup: 2024", NamePolicy.STRICT));
        assertEquals(ErrorCode.INVALID_VOLUME_NAME, e.code());
        assertTrue(e.getMessage().contains("':'"), e.getMessage());
    }

    // ---- order ----

    @Test
    void orderIsUcs2BigEndianByteOrder() {
        List<String> samples = List.of("", "a", "A", "a.txt", "a b", "ab", "a_b", "Z", "é", "日本", "\uE000", "\uFFFD",
                "😀", "😀a", "a😀", "aa", "a.", ".bashrc", "_", " ");
        for (String x : samples) {
            for (String y : samples) {
                int bytewise = Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_16BE),
                        y.getBytes(StandardCharsets.UTF_16BE));
                assertEquals(Integer.signum(bytewise), Integer.signum(JolietNames.compare(x, y)), x + " vs " + y);
            }
        }
        List<String> expected = List.of(" ", ".bashrc", "A", "Z", "_", "a", "a b", "a.", "a.txt", "a_b", "aa", "ab",
                "a😀", "é", "日本", "😀", "😀a", "\uE000", "\uFFFD");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(3));
        shuffled.sort(JolietNames::compare);
        assertEquals(expected, shuffled);
    }
}
