package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.discimage.FileSystem;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads images made by xorriso and genisoimage and compares every tree with the host tree. */
class IsoTreeReaderInteropTest {
    static final String LONG_NAME = "n".repeat(100) + ".txt";
    static final String DEEP = "a/b/c/d/e/f/g/h/i/j";

    @TempDir
    Path tmp;

    Path src;

    @BeforeEach
    void makeTree() throws IOException {
        src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("readme.txt"), "hello\n");
        Files.createDirectories(src.resolve("docs/deep"));
        byte[] data = new byte[5000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        Files.write(src.resolve("docs/deep/data.bin"), data);
        Files.writeString(src.resolve("docs/Mixed Case Name.text"), "x");
        Files.createDirectories(src.resolve("empty"));
        Files.createDirectories(src.resolve(DEEP));
        Files.writeString(src.resolve(DEEP + "/deep.txt"), "deep down\n");
        Files.writeString(src.resolve(LONG_NAME), "long\n");
        Files.writeString(src.resolve("ünïcødé.txt"), "u");
        Path secret = Files.writeString(src.resolve("secret.txt"), "s");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(src.resolve("empty"), PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(src.resolve("a/rel"), Path.of("../readme.txt"));
        Files.createSymbolicLink(src.resolve("abs"), Path.of("/etc/passwd"));
        Files.writeString(src.resolve("big.bin"), "z".repeat(3 * 2048 + 1));
    }

    private Path image(String tool) throws Exception {
        return ReferenceImages.make(tool, src, tmp.resolve(tool + ".iso"), "-R", "-J");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xorriso", "genisoimage"})
    void rockRidgeTreeMatchesTheHostTree(String tool) throws Exception {
        Path iso = image(tool);
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            IsoTreeReader reader = IsoTreeReader.open(sectors);
            assertEquals(EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE), reader.fileSystems());
            assertEquals(FileSystem.ROCK_RIDGE, reader.preferredFileSystem());
            Map<String, ImportedEntry> entries = byPath(reader.readTree(FileSystem.ROCK_RIDGE));
            assertEquals(hostPaths(), entries.keySet());
            for (ImportedEntry e : entries.values()) {
                Path host = e.path().equals("/") ? src : src.resolve(e.path().substring(1));
                checkAgainstHost(sectors, e, host);
            }
        }
    }

    private void checkAgainstHost(SectorReader sectors, ImportedEntry e, Path host) throws IOException {
        String what = e.path();
        assertTrue(e.hasMode(), what);
        int hostMode = (Integer) Files.getAttribute(host, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if (Files.isSymbolicLink(host)) {
            assertEquals(ItemType.SYMLINK, e.type(), what);
            assertEquals(Files.readSymbolicLink(host).toString(), e.symlinkTarget(), what);
            assertEquals(0, e.size(), what);
            assertTrue(e.extents().isEmpty(), what);
            return;
        }
        assertEquals(hostMode, e.mode(), what + " mode " + Integer.toOctalString(e.mode()));
        assertEquals(Files.getLastModifiedTime(host, LinkOption.NOFOLLOW_LINKS).toInstant().getEpochSecond(),
                e.modified().getEpochSecond(), what);
        if (Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
            assertEquals(ItemType.DIRECTORY, e.type(), what);
            assertEquals(0, e.size() % 2048, what);
        } else {
            assertEquals(ItemType.FILE, e.type(), what);
            assertEquals(Files.size(host), e.size(), what);
            assertArrayEquals(Files.readAllBytes(host), content(sectors, e), what);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xorriso", "genisoimage"})
    void jolietTreeKeepsCaseAndDepth(String tool) throws Exception {
        Path iso = image(tool);
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            Map<String, ImportedEntry> entries = byPath(IsoTreeReader.open(sectors).readTree(FileSystem.JOLIET));
            ImportedEntry mixed = entries.get("/docs/Mixed Case Name.text");
            assertNotNull(mixed, entries.keySet()::toString);
            assertEquals(1, mixed.size());
            assertFalse(mixed.hasMode());
            assertNotNull(entries.get("/ünïcødé.txt"), entries.keySet()::toString);
            ImportedEntry deep = entries.get("/" + DEEP + "/deep.txt");
            assertNotNull(deep, entries.keySet()::toString);
            assertArrayEquals("deep down\n".getBytes(), content(sectors, deep));
            assertEquals(5000, entries.get("/docs/deep/data.bin").size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xorriso", "genisoimage"})
    void primaryTreeHasUpperCaseNamesWithoutVersions(String tool) throws Exception {
        Path iso = image(tool);
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            Map<String, ImportedEntry> entries = byPath(IsoTreeReader.open(sectors).readTree(FileSystem.ISO9660));
            ImportedEntry readme = entries.get("/README.TXT");
            assertNotNull(readme, entries.keySet()::toString);
            assertEquals(6, readme.size());
            assertFalse(readme.hasMode());
            assertEquals(ItemType.DIRECTORY, entries.get("/DOCS").type());
            assertEquals(5000, entries.get("/DOCS/DEEP/DATA.BIN").size());
            assertEquals(3 * 2048 + 1, entries.get("/BIG.BIN").size());
        }
    }

    /** The reference tools write nothing lenient mode has to accept: same trees, no reports. */
    @ParameterizedTest
    @ValueSource(strings = {"xorriso", "genisoimage"})
    void lenientReadsTheSameTreesWithoutReports(String tool) throws Exception {
        Path iso = image(tool);
        List<org.discimage.error.Diagnostic> reports = new java.util.ArrayList<>();
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            IsoTreeReader strict = IsoTreeReader.open(sectors);
            IsoTreeReader lenient = IsoTreeReader.open(sectors, 0, ImportOptions.lenient(reports::add));
            for (FileSystem fs : strict.fileSystems()) {
                assertEquals(strict.readTree(fs), lenient.readTree(fs), fs::toString);
            }
        }
        assertEquals(List.of(), reports);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xorriso", "genisoimage"})
    void plainIsoWithoutExtensions(String tool) throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(plain.resolve("a.txt"), "a");
        Files.createDirectories(plain.resolve("d"));
        Path iso = ReferenceImages.make(tool, plain, tmp.resolve("plain.iso"));
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            IsoTreeReader reader = IsoTreeReader.open(sectors);
            if (tool.equals("xorriso")) {
                // xorriso -as mkisofs writes Rock Ridge even without -R
                assertEquals(Set.of(FileSystem.ISO9660, FileSystem.ROCK_RIDGE), reader.fileSystems());
                assertEquals(List.of("/", "/a.txt", "/d"),
                        reader.readTree(FileSystem.ROCK_RIDGE).stream().map(ImportedEntry::path).sorted().toList());
                return;
            }
            assertEquals(Set.of(FileSystem.ISO9660), reader.fileSystems());
            assertEquals(FileSystem.ISO9660, reader.preferredFileSystem());
            assertEquals(List.of("/", "/A.TXT", "/D"),
                    reader.readTree(FileSystem.ISO9660).stream().map(ImportedEntry::path).sorted().toList());
            assertThrows(IllegalArgumentException.class, () -> reader.readTree(FileSystem.ROCK_RIDGE));
        }
    }

    static Map<String, ImportedEntry> byPath(List<ImportedEntry> list) {
        Map<String, ImportedEntry> m = new LinkedHashMap<>();
        for (ImportedEntry e : list) {
            assertTrue(m.put(e.path(), e) == null, "duplicate " + e.path());
        }
        return m;
    }

    private Set<String> hostPaths() throws IOException {
        Set<String> set = new TreeSet<>();
        try (Stream<Path> s = Files.walk(src)) {
            s.forEach(p -> set.add("/" + src.relativize(p).toString().replace('\\', '/')));
        }
        set.remove("/");
        set.add("/");
        return set;
    }

    /** The file's bytes, read through its extents. */
    static byte[] content(SectorReader sectors, ImportedEntry e) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(e.size()));
        ByteBuffer sector = ByteBuffer.allocate(2048);
        for (FileExtent x : e.extents()) {
            long left = x.length();
            for (long lba = x.lba(); left > 0; lba++) {
                sector.clear();
                assertEquals(1, sectors.read(lba, sector));
                int n = (int) Math.min(left, 2048);
                out.put(sector.flip().limit(n));
                left -= n;
            }
        }
        assertFalse(out.hasRemaining());
        return out.array();
    }
}
