package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Compares what a reader shows with the expected tree, per namespace, and fails with every
 * difference listed (reader, path, expected, actual).
 */
final class TreeAssert {
    private TreeAssert() {
    }

    /** What to compare beyond names, types and sizes. */
    record Checks(boolean contentHashes, boolean fileModes, boolean dirModes, boolean symlinks) {
        /** Everything a Rock Ridge reader can show. */
        static Checks rockRidge() {
            return new Checks(true, true, true, true);
        }

        Checks withoutHashes() {
            return new Checks(false, fileModes, dirModes, symlinks);
        }

        Checks withoutDirModes() {
            return new Checks(contentHashes, fileModes, false, symlinks);
        }
    }

    // ------------------------------------------------------------------ Rock Ridge: the original tree

    /**
     * A Rock Ridge reader must show the original tree: every name, type and size, and as
     * {@code checks} says content hashes, modes and symlink targets. A top-level relocation
     * directory (rr_moved, .rr_moved, RR_MOVED) is ignored.
     */
    static void assertRockRidgeView(ReaderListing expected, ReaderListing actual, Checks checks) {
        ReaderListing act = actual.copy(actual.reader());
        String moved = act.relocationDir();
        if (moved != null && expected.get(moved) == null) {
            act.removeTree(moved);
        }
        List<String> diffs = new ArrayList<>();
        for (Entry e : expected.entries()) {
            if (!checks.symlinks() && e.type() == Entry.Type.SYMLINK) {
                continue;
            }
            Entry a = act.get(e.path());
            if (a == null) {
                diffs.add(e.path() + ": expected " + e + ", actual MISSING");
                continue;
            }
            compareEntry(e, a, checks, diffs);
        }
        for (Entry a : act.entries()) {
            if (expected.get(a.path()) == null) {
                diffs.add(a.path() + ": expected NOTHING, actual " + a);
            }
        }
        report(actual.reader() + " (Rock Ridge view)", diffs, expected, actual);
    }

    private static void compareEntry(Entry e, Entry a, Checks checks, List<String> diffs) {
        String p = e.path();
        if (e.type() != a.type()) {
            diffs.add(p + ": expected " + e + ", actual " + a);
            return;
        }
        switch (e.type()) {
            case FILE -> {
                if (e.size() != a.size()) {
                    diffs.add(p + ": expected size " + e.size() + ", actual " + a.size());
                } else if (checks.contentHashes() && !e.sha256().equals(a.sha256())) {
                    diffs.add(p + ": expected sha256 " + e.sha256() + ", actual " + a.sha256());
                }
                if (checks.fileModes()) {
                    compareMode(e, a, diffs);
                }
            }
            case DIR -> {
                if (checks.dirModes()) {
                    compareMode(e, a, diffs);
                }
            }
            case SYMLINK -> {
                if (!e.target().equals(a.target())) {
                    diffs.add(p + ": expected link target '" + e.target() + "', actual '" + a.target() + "'");
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void compareMode(Entry e, Entry a, List<String> diffs) {
        if (e.mode() == null) {
            return;
        }
        if (a.mode() == null) {
            diffs.add(e.path() + ": expected mode " + String.format("%04o", e.mode()) + ", actual none reported");
        } else if (!e.mode().equals(a.mode())) {
            diffs.add(e.path() + ": expected mode " + String.format("%04o", e.mode()) + ", actual "
                    + String.format("%04o", a.mode()));
        }
    }

    // ------------------------------------------------------------------ Joliet

    /** Characters Joliet forbids in names (Joliet spec 3.3.1 plus the separators). */
    static boolean jolietLegal(int c) {
        return c >= 0x20 && "*/:;?\\".indexOf(c) < 0;
    }

    /** Which names a Joliet reader can report faithfully: BMP (no surrogates), legal, ≤ 64 units. */
    static boolean jolietExactName(String name, JolietReader reader) {
        if (name.length() > 64 || !reader.canShow().test(name)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isSurrogate(c) || !jolietLegal(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a Joliet reader can show as recorded, and the longest name it may show.
     *
     * @param canShow    names the reader reports unchanged
     * @param maxNameLen the longest name allowed in the listing (64 for Joliet; xorriso's own images
     *                   hold 65-character names, so the reference tests pass 65 for them)
     */
    record JolietReader(java.util.function.Predicate<String> canShow, int maxNameLen) {
        JolietReader withMaxNameLen(int n) {
            return new JolietReader(canShow, n);
        }
    }

    /** A reader that shows every UCS-2 name as recorded (pycdlib). */
    static final JolietReader ANY = new JolietReader(n -> true, 64);
    /** isoinfo -J prints ISO 8859-1 and '_' for everything else. */
    static final JolietReader LATIN1 = new JolietReader(n -> n.chars().allMatch(c -> c <= 0xFF), 64);
    /** 7-Zip drops trailing dots and spaces (a Windows rule) when it extracts. */
    static final JolietReader SEVEN_ZIP = new JolietReader(n -> !n.endsWith(".") && !n.endsWith(" "), 64);

    /**
     * A Joliet reader: no symlinks; entries whose every path component is a legal BMP name of up to 64
     * UTF-16 units (and printable by the reader) must appear under their own path with the same type,
     * size and content; the others (long, non-BMP or illegal names, and everything below such a
     * directory) are matched by content: the same number of directories and the same multiset of
     * (size, sha256) of files. Every name the reader shows must be ≤ 64 characters.
     */
    static void assertJolietView(ReaderListing expectedAll, ReaderListing actual, JolietReader reader,
                                 boolean symlinksAsEmptyFiles) {
        List<String> diffs = new ArrayList<>();
        ReaderListing expected = new ReaderListing("expected");
        for (Entry e : expectedAll.entries()) {
            if (e.type() == Entry.Type.SYMLINK) {
                if (symlinksAsEmptyFiles) {
                    expected.add(Entry.file(e.path(), 0, ReaderListing.sha256(new byte[0]), null));
                }
            } else {
                expected.add(e);
            }
        }
        ReaderListing act = actual.copy(actual.reader());
        List<Entry> adaptedExpected = new ArrayList<>();
        for (Entry e : expected.entries()) {
            if (!allComponents(e.path(), n -> jolietExactName(n, reader))) {
                adaptedExpected.add(e);
                continue;
            }
            Entry a = act.get(e.path());
            if (a == null) {
                diffs.add(e.path() + ": expected " + e + ", actual MISSING");
                continue;
            }
            compareEntry(e, a, new Checks(a.sha256() != null, false, false, false), diffs);
            act.remove(e.path());
        }
        for (Entry a : act.entries()) {
            for (String n : a.path().substring(1).split("/")) {
                if (n.length() > reader.maxNameLen()) {
                    diffs.add(a.path() + ": Joliet name of " + n.length() + " characters (max "
                            + reader.maxNameLen() + "): " + n);
                }
            }
        }
        compareByContent(adaptedExpected, new ArrayList<>(act.entries()), diffs, "adapted Joliet names");
        report(actual.reader() + " (Joliet view)", diffs, expectedAll, actual);
    }

    private interface NameTest {
        boolean test(String name);
    }

    private static boolean allComponents(String path, NameTest t) {
        for (String n : path.substring(1).split("/")) {
            if (!t.test(n)) {
                return false;
            }
        }
        return true;
    }

    /** Compares entries whose names were adapted: directory counts, file (size, sha256) multisets. */
    private static void compareByContent(List<Entry> expected, List<Entry> actual, List<String> diffs, String what) {
        long expDirs = expected.stream().filter(e -> e.type() == Entry.Type.DIR).count();
        long actDirs = actual.stream().filter(e -> e.type() == Entry.Type.DIR).count();
        if (expDirs != actDirs) {
            diffs.add(what + ": expected " + expDirs + " directories, actual " + actDirs + ": "
                    + actual.stream().filter(e -> e.type() == Entry.Type.DIR).map(Entry::path).toList());
        }
        Map<String, List<String>> exp = fileKeys(expected);
        Map<String, List<String>> act = fileKeys(actual);
        boolean hashes = actual.stream().allMatch(e -> e.type() != Entry.Type.FILE || e.sha256() != null);
        if (!hashes) {
            exp = sizeKeys(expected);
            act = sizeKeys(actual);
        }
        for (Map.Entry<String, List<String>> e : exp.entrySet()) {
            List<String> a = act.getOrDefault(e.getKey(), List.of());
            if (a.size() != e.getValue().size()) {
                diffs.add(what + ": file content " + e.getKey() + " expected " + e.getValue().size() + "x "
                        + e.getValue() + ", actual " + a.size() + "x " + a);
            }
        }
        for (Map.Entry<String, List<String>> a : act.entrySet()) {
            if (!exp.containsKey(a.getKey())) {
                diffs.add(what + ": unexpected file content " + a.getKey() + " at " + a.getValue());
            }
        }
        for (Entry a : actual) {
            if (a.type() == Entry.Type.SYMLINK) {
                diffs.add(a.path() + ": a symlink where only files and directories can be: " + a);
            }
        }
    }

    private static Map<String, List<String>> fileKeys(List<Entry> entries) {
        Map<String, List<String>> m = new TreeMap<>();
        for (Entry e : entries) {
            if (e.type() == Entry.Type.FILE) {
                m.computeIfAbsent("size=" + e.size() + " sha256=" + e.sha256(), k -> new ArrayList<>()).add(e.path());
            }
        }
        return m;
    }

    private static Map<String, List<String>> sizeKeys(List<Entry> entries) {
        Map<String, List<String>> m = new TreeMap<>();
        for (Entry e : entries) {
            if (e.type() == Entry.Type.FILE) {
                m.computeIfAbsent("size=" + e.size(), k -> new ArrayList<>()).add(e.path());
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ plain ISO 9660

    /** What plain ISO 9660 names must look like. */
    record IsoNames(int maxFileName, int maxExtension, int maxNameAndExtension, int maxDirName, int maxDepth,
                    boolean versionRequired) {
        static IsoNames level(int level, boolean versionRequired) {
            return level == 1 ? new IsoNames(8, 3, 11, 8, 8, versionRequired)
                    : new IsoNames(30, 30, 30, 31, 8, versionRequired);
        }

        IsoNames withoutDepthLimit() {
            return new IsoNames(maxFileName, maxExtension, maxNameAndExtension, maxDirName, Integer.MAX_VALUE,
                    versionRequired);
        }
    }

    private static final Pattern D_CHARS = Pattern.compile("[A-Z0-9_]*");

    /**
     * A plain ISO 9660 reader: names are mangled, so the check is on counts and content: the same
     * number of directories (plus the relocation directory, if any), the same multiset of file
     * (size, sha256) (a Rock Ridge symlink is a 0-byte file here; a relocated directory leaves a
     * 0-byte placeholder file), and every name valid for the level: d-characters, 8.3 at level 1,
     * 30 characters at levels 2 and 3, ";1" versions, at most 8 directory levels.
     */
    static void assertIsoView(ReaderListing expectedAll, ReaderListing actual, IsoNames rules, boolean rockRidge) {
        List<String> diffs = new ArrayList<>();
        List<Entry> expected = new ArrayList<>();
        for (Entry e : expectedAll.entries()) {
            if (e.type() == Entry.Type.SYMLINK) {
                if (rockRidge) {
                    expected.add(Entry.file(e.path(), 0, ReaderListing.sha256(new byte[0]), null));
                }
            } else {
                expected.add(e);
            }
        }
        ReaderListing act = actual.copy(actual.reader());
        String moved = act.relocationDir();
        if (moved != null) {
            removeRelocationPlaceholders(act, moved, diffs);
            act.remove(moved);
        }
        for (Entry a : act.entries()) {
            String[] parts = a.path().substring(1).split("/");
            int dirDepth = a.type() == Entry.Type.DIR ? parts.length + 1 : parts.length;
            if (dirDepth > rules.maxDepth()) {
                diffs.add(a.path() + ": directory level " + dirDepth + " (ISO 9660 allows " + rules.maxDepth() + ")");
            }
            for (int i = 0; i < parts.length; i++) {
                boolean isFile = i == parts.length - 1 && a.type() != Entry.Type.DIR;
                String why = isFile ? badIsoFileName(parts[i], rules) : badIsoDirName(parts[i], rules);
                if (why != null) {
                    diffs.add(a.path() + ": invalid ISO 9660 " + (isFile ? "file" : "directory") + " name '"
                            + parts[i] + "': " + why);
                }
            }
        }
        compareByContent(expected, new ArrayList<>(act.entries()), diffs, "ISO 9660 names");
        report(actual.reader() + " (ISO 9660 view)", diffs, expectedAll, actual);
    }

    /**
     * A relocated directory leaves, where it was, an entry of the same name (Rock Ridge CL) that plain
     * ISO 9660 readers show as an empty file (isoinfo, without ";1") or an empty directory (pycdlib).
     * Each relocated directory must have exactly one; they are removed before the names are checked.
     */
    private static void removeRelocationPlaceholders(ReaderListing act, String moved, List<String> diffs) {
        List<Entry> relocated = new ArrayList<>();
        for (Entry e : act.entries()) {
            if (e.parent().equals(moved) && e.type() == Entry.Type.DIR) {
                relocated.add(e);
            }
        }
        for (Entry r : relocated) {
            List<Entry> found = new ArrayList<>();
            for (Entry e : act.entries()) {
                if (e.path().startsWith(moved + "/")) {
                    continue;
                }
                boolean sameName = e.name().equals(r.name()) || e.name().equals(r.name() + ";1")
                        || e.name().equals(r.name() + ".;1");
                boolean empty = e.type() == Entry.Type.FILE ? e.size() == 0
                        : e.type() == Entry.Type.DIR && act.asMap().subMap(e.path() + "/", e.path() + "/\uffff").isEmpty();
                if (sameName && empty) {
                    found.add(e);
                }
            }
            if (found.size() != 1) {
                diffs.add(r.path() + ": relocated directory should leave exactly one placeholder of its name, found "
                        + found);
            } else {
                act.remove(found.get(0).path());
            }
        }
    }

    static String badIsoDirName(String n, IsoNames rules) {
        if (n.isEmpty() || n.length() > rules.maxDirName()) {
            return "length " + n.length() + " (1.." + rules.maxDirName() + ")";
        }
        return D_CHARS.matcher(n).matches() ? null : "not d-characters";
    }

    static String badIsoFileName(String n, IsoNames rules) {
        String base = n;
        int semi = n.indexOf(';');
        if (semi >= 0) {
            if (!n.substring(semi).equals(";1")) {
                return "version is not ;1";
            }
            base = n.substring(0, semi);
        } else if (rules.versionRequired()) {
            return "no ;1 version";
        }
        int dot = base.indexOf('.');
        String name = dot < 0 ? base : base.substring(0, dot);
        String ext = dot < 0 ? "" : base.substring(dot + 1);
        if (!D_CHARS.matcher(name).matches() || !D_CHARS.matcher(ext).matches()) {
            return "not d-characters (one dot separates name and extension)";
        }
        if (name.isEmpty() && ext.isEmpty()) {
            return "empty name and extension";
        }
        if (name.length() > rules.maxFileName() || ext.length() > rules.maxExtension()
                || name.length() + ext.length() > rules.maxNameAndExtension()) {
            return "name " + name.length() + " + extension " + ext.length() + " characters exceed the level's "
                    + rules.maxFileName() + "." + rules.maxExtension() + " / " + rules.maxNameAndExtension();
        }
        return null;
    }

    // ------------------------------------------------------------------ reporting

    private static void report(String who, List<String> diffs, ReaderListing expected, ReaderListing actual) {
        if (diffs.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(who).append(": ").append(diffs.size()).append(" difference(s)\n");
        for (String d : diffs) {
            sb.append("  ").append(d).append('\n');
        }
        sb.append("\n--- expected ---\n").append(expected).append("\n--- ").append(actual);
        fail(sb.toString());
    }

    /** A count by type, for quick sanity checks. */
    static Map<Entry.Type, Integer> counts(ReaderListing l) {
        Map<Entry.Type, Integer> m = new HashMap<>();
        for (Entry e : l.entries()) {
            m.merge(e.type(), 1, Integer::sum);
        }
        return m;
    }
}
