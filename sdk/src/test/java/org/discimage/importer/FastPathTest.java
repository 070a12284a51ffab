package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.discimage.FileSystem;
import org.discimage.codec.DecodeContext;
import org.discimage.error.DiscImageException;
import org.discimage.iso9660.DirectoryRecord;
import org.discimage.iso9660.RecordingDateTime;
import org.discimage.rockridge.AlternateName;
import org.discimage.rockridge.PosixFileAttributes;
import org.discimage.rockridge.RockRidgeFlags;
import org.discimage.rockridge.SymbolicLink;
import org.discimage.rockridge.SystemUseEntries;
import org.discimage.rockridge.TimeStamps;
import org.discimage.susp.ContinuationArea;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspTerminator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The importer's fast paths ({@link DirectoryRecords} reading a record straight from the sector,
 * {@link SystemUseReader#fast} folding PX/TF/NM/RR/ST without entry objects) give exactly what the
 * checked path gives, on images of independent producers (xorriso, genisoimage, the golden images
 * of genisoimage, pycdlib and xorriso with zisofs) and on hand-made records, and step aside for
 * everything they do not handle.
 */
class FastPathTest {
    /** A reader for {@link SystemUseReader#fast} (which reads no sectors). */
    private static final SystemUseReader FAST = new SystemUseReader(null, 0, DecodeContext.STRICT);

    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        DirectoryRecords.fastPaths = true;
    }

    /** Every tree of the image read with the fast paths, then with the checked path only: equal. */
    private static void assertSameTrees(Path iso) throws IOException {
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            IsoTreeReader reader = IsoTreeReader.open(sectors);
            assertTrue(reader.fileSystems().contains(FileSystem.ROCK_RIDGE), iso + " has Rock Ridge");
            for (FileSystem fs : reader.fileSystems()) {
                DirectoryRecords.fastPaths = true;
                List<ImportedEntry> fast = reader.readTree(fs);
                DirectoryRecords.fastPaths = false;
                List<ImportedEntry> checked = reader.readTree(fs);
                DirectoryRecords.fastPaths = true;
                assertEquals(checked.size(), fast.size(), fs + " of " + iso);
                assertTrue(fast.size() > 3, fs + " of " + iso + " has a tree");
                for (int i = 0; i < fast.size(); i++) {
                    assertEquals(checked.get(i), fast.get(i), fs + " of " + iso + ", entry " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"genisoimage-rr-joliet", "pycdlib-rr109", "xorriso-rr-joliet", "xorriso-zisofs"})
    void goldenImagesReadTheSameBothWays(String name) throws IOException {
        Path iso = tmp.resolve(name + ".iso");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(golden().resolve(name + ".iso.gz")))) {
            Files.copy(in, iso);
        }
        assertSameTrees(iso);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xorriso", "genisoimage"})
    void producerImagesReadTheSameBothWays(String tool) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.createDirectories(src.resolve("a/b/c/d/e/f/g/h/i/j"));  // deeper than 8: relocation (RE, CL, PL)
        Files.writeString(src.resolve("a/b/c/d/e/f/g/h/i/j/deep.txt"), "deep");
        Files.writeString(src.resolve("n".repeat(200) + ".txt"), "long name");
        Files.writeString(src.resolve("ünïcødé.txt"), "u");
        Files.createSymbolicLink(src.resolve("link"), Path.of("a/b/../b/c"));
        Path secret = Files.writeString(src.resolve("secret"), "s");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path many = Files.createDirectories(src.resolve("many"));
        for (int i = 0; i < 1500; i++) {  // more than 32 directory sectors: the 64 KiB reads and their seams
            Files.writeString(many.resolve(String.format("file-%04d.dat", i)), "");
        }
        Path iso = ReferenceImages.make(tool, src, tmp.resolve(tool + ".iso"), "-R", "-J");
        assertSameTrees(iso);
        // the directory of 1500 files spans several 64 KiB reads: every name the producer was given is there
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            IsoTreeReader reader = IsoTreeReader.open(sectors);
            for (FileSystem fs : List.of(FileSystem.ROCK_RIDGE, FileSystem.JOLIET)) {
                java.util.Set<String> listed = new java.util.TreeSet<>();
                for (ImportedEntry e : reader.readTree(fs)) {
                    if (e.path().startsWith("/many/")) {
                        listed.add(e.path().substring(6));
                    }
                }
                java.util.Set<String> given = new java.util.TreeSet<>();
                try (java.util.stream.Stream<Path> files = Files.list(many)) {
                    files.forEach(f -> given.add(f.getFileName().toString()));
                }
                assertEquals(given, listed, fs + " of " + tool);
            }
        }
    }

    /** A record with {@code entries} as its System Use field, as the walker would hold it. */
    private static RecordRef record(List<? extends SuspEntry> entries) throws DiscImageException {
        ByteBuffer su = ByteBuffer.allocate(255);
        SystemUseEntries.encode(su, entries);
        su.flip();
        ByteBuffer b = ByteBuffer.allocate(256);
        DirectoryRecord.encode(b, 20, 100, 1_700_000_000L, 0, "NAME.TXT;1".getBytes(), su);
        b.flip();
        RecordRef r = DirectoryRecords.decode(b, 0, 0, b.remaining(), DecodeContext.STRICT);
        assertEquals(20, r.extent());
        assertEquals(100, r.dataLength());
        assertEquals(1_700_000_000L, r.recorded().getEpochSecond());
        return r;
    }

    private static void assertSameAttributes(RockRidgeAttributes expected, RockRidgeAttributes actual) {
        assertEquals(expected.name, actual.name);
        assertEquals(expected.mode, actual.mode);
        assertEquals(expected.uid, actual.uid);
        assertEquals(expected.gid, actual.gid);
        assertEquals(expected.links, actual.links);
        assertEquals(expected.serial, actual.serial);
        assertEquals(expected.modified, actual.modified);
        assertEquals(expected.accessed, actual.accessed);
        assertEquals(expected.attributesChanged, actual.attributesChanged);
        assertEquals(expected.rockRidgeEntries, actual.rockRidgeEntries);
    }

    @Test
    void commonEntriesFoldLikeTheCheckedPath() throws Exception {
        List<List<SuspEntry>> cases = List.of(
                List.of(new PosixFileAttributes(0100644, 1, 1000, 100, 77), TimeStamps.of(1_600_000_000L,
                        1_600_000_001L, 1_600_000_002L), new AlternateName(0, "readme.txt".getBytes())),
                List.of(new RockRidgeFlags(0x89), new AlternateName(0, "ünï".getBytes("UTF-8")),
                        new PosixFileAttributes(040755, 2, 0, 0, -1)),  // RRIP 1.09 PX of 36 bytes
                List.of(new TimeStamps(TimeStamps.CREATION | TimeStamps.MODIFY, new long[] {
                        RecordingDateTime.UNSPECIFIED_EPOCH_SECOND, -2_000_000_000L}), new SuspTerminator(),
                        new AlternateName(0, "after-ST-ignored".getBytes())),
                List.of(new AlternateName(AlternateName.CONTINUE, "one-entry".getBytes())),
                List.of());
        for (List<SuspEntry> entries : cases) {
            RecordRef r = record(entries);
            RockRidgeAttributes fast = FAST.fast(r, 0);
            assertNotNull(fast, entries.toString());
            RockRidgeAttributes checked = SystemUseReader.interpret(SystemUseEntries.decode(r.systemUseView()), r);
            assertSameAttributes(checked, fast);
        }
    }

    @Test
    void everythingElseIsLeftToTheCheckedPath() throws Exception {
        byte[] two = "two".getBytes();
        List<List<SuspEntry>> cases = List.of(
                List.of(new ContinuationArea(30, 0, 100)),
                List.of(new AlternateName(0, two), new AlternateName(0, two)),
                List.of(new AlternateName(AlternateName.CURRENT, new byte[0])),
                List.of(SymbolicLink.entriesFor("target").get(0)),
                List.of(new TimeStamps(TimeStamps.MODIFY | TimeStamps.LONG_FORM, new long[] {1_600_000_000L})));
        for (List<SuspEntry> entries : cases) {
            assertNull(FAST.fast(record(entries), 0), entries.toString());
        }
        RecordRef px = record(List.of(new PosixFileAttributes(0100644, 1, 0, 0, 1)));
        byte[] b = px.bytes();
        int at = px.systemUseStart();
        b[at + 4 + 8 + 7] ^= 1;   // links: big-endian half disagrees (ECMA-119 7.3.3)
        assertNull(FAST.fast(px, 0));
        b[at + 4 + 8 + 7] ^= 1;
        b[at + 3] = 2;            // version 2
        assertNull(FAST.fast(px, 0));
        b[at + 3] = 1;
        assertNotNull(FAST.fast(px, 0));
        assertNull(FAST.fast(px, px.systemUseLength() + 1), "LEN_SKP past the area");
    }

    @Test
    void recordDatesMatchRecordingDateTime() throws Exception {
        Random random = new Random(42);
        byte[] a = new byte[7];
        for (int i = 0; i < 200_000; i++) {
            a[0] = (byte) random.nextInt(256);
            a[1] = (byte) (random.nextInt(10) == 0 ? random.nextInt(256) : 1 + random.nextInt(12));
            a[2] = (byte) (random.nextInt(10) == 0 ? random.nextInt(256) : 1 + random.nextInt(31));
            a[3] = (byte) random.nextInt(24);
            a[4] = (byte) random.nextInt(60);
            a[5] = (byte) random.nextInt(random.nextInt(10) == 0 ? 256 : 60);
            a[6] = (byte) (random.nextInt(101) - 48);
            long fast = DirectoryRecords.epochSecond(a, 0);
            RecordingDateTime checked;
            try {
                checked = RecordingDateTime.decode(ByteBuffer.wrap(a));
            } catch (DiscImageException e) {
                assertEquals(DirectoryRecords.INVALID, fast, () -> java.util.Arrays.toString(a));
                continue;
            }
            assertEquals(checked.toEpochSecond(), fast, () -> java.util.Arrays.toString(a));
        }
        assertEquals(RecordingDateTime.UNSPECIFIED_EPOCH_SECOND, DirectoryRecords.epochSecond(new byte[7], 0));
    }

    @Test
    void jolietNamesLoseTheirVersionAsStripVersionSays() throws Exception {
        Random random = new Random(7);
        char[] alphabet = {'a', 'Z', ';', '1', '9', '0', '.', '\u00e9', '\ud83d', '\ude00', '\u3b00', '\u003b'};
        for (int i = 0; i < 20_000; i++) {
            char[] id = new char[1 + random.nextInt(12)];
            for (int k = 0; k < id.length; k++) {
                id[k] = alphabet[random.nextInt(alphabet.length)];
            }
            byte[] bytes = new byte[id.length * 2];
            for (int k = 0; k < id.length; k++) {  // raw UCS-2 units, unpaired surrogates included
                bytes[2 * k] = (byte) (id[k] >> 8);
                bytes[2 * k + 1] = (byte) id[k];
            }
            ByteBuffer b = ByteBuffer.allocate(256);
            DirectoryRecord.encode(b, 20, 0, 1_700_000_000L, 0, bytes, null);
            b.flip();
            RecordRef r = DirectoryRecords.decode(b, 0, 0, b.remaining(), DecodeContext.STRICT);
            String expected = DirectoryWalker.stripVersion(r.identifier(java.nio.charset.StandardCharsets.UTF_16BE));
            assertEquals(expected, r.jolietIdentifierWithoutVersion(), () -> java.util.Arrays.toString(bytes));
        }
    }

    @Test
    void badRecordsTakeTheCheckedPathAndFailThere() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(64);
        DirectoryRecord.encode(b, 20, 100, 1_700_000_000L, 0, "A;1".getBytes(), null);
        b.flip();
        b.put(9, (byte) 0x55);  // extent: big-endian half disagrees
        List<String> warnings = new ArrayList<>();
        RecordRef r = DirectoryRecords.decode(b, 0, 5, 0, b.remaining(),
                DecodeContext.of(true, d -> warnings.add(d.toString())));
        assertEquals(20, r.extent());
        assertEquals(1, warnings.size(), warnings.toString());
        DiscImageException e = org.junit.jupiter.api.Assertions.assertThrows(DiscImageException.class,
                () -> DirectoryRecords.decode(b, 0, 5, 0, b.remaining(), DecodeContext.STRICT));
        assertTrue(e.getMessage().contains("LBA 5"), e.getMessage());
    }

    private static Path golden() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("testdata").resolve("golden");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/golden not found");
    }
}
