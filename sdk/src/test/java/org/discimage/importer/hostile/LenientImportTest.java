package org.discimage.importer.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.discimage.FileSystem;
import org.discimage.error.Diagnostic;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.FileExtent;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.ImportedEntry;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deviations lenient mode accepts: for each, strict fails (see {@link MalformedImagesTest}),
 * lenient reads the tree, reports the deviation exactly once, naming structure and LBA, and reads
 * the value the way the brief and Linux isofs do.
 */
class LenientImportTest {
    private static final Map<String, MalformedImages.Case> CASES = new LinkedHashMap<>();

    static {
        for (MalformedImages.Case c : MalformedImages.all()) {
            CASES.put(c.name(), c);
        }
    }

    private static Map<String, ImportedEntry> seedTree(FileSystem fs) {
        return byPath(read(SeedImage.bytes(), fs, new ArrayList<>()));
    }

    private static List<ImportedEntry> read(byte[] image, FileSystem fs, List<Diagnostic> reports) {
        try {
            return MalformedImagesTest.read(image, fs, ImportOptions.lenient(reports::add));
        } catch (IOException e) {
            throw new AssertionError("lenient import failed: " + e.getMessage(), e);
        }
    }

    static Map<String, ImportedEntry> byPath(List<ImportedEntry> entries) {
        Map<String, ImportedEntry> m = new LinkedHashMap<>();
        for (ImportedEntry e : entries) {
            m.put(e.path(), e);
        }
        return m;
    }

    private static Arguments accepted(String name, String structure, Consumer<Map<String, ImportedEntry>> check) {
        return Arguments.of(name, structure, check);
    }

    static Stream<Arguments> deviations() {
        Map<String, ImportedEntry> iso = seedTree(FileSystem.ISO9660);
        Map<String, ImportedEntry> rr = seedTree(FileSystem.ROCK_RIDGE);
        long aData = iso.get("/A.TXT").extents().get(0).lba();
        return Stream.of(
                accepted("pvd-date-nul", "VolumeDateTime.digits", t -> assertEquals(iso.keySet(), t.keySet())),
                accepted("pvd-date-month-13", "VolumeDateTime", t -> assertEquals(iso.keySet(), t.keySet())),
                accepted("pvd-both-endian-halves-disagree", "PrimaryVolumeDescriptor.volumeSpaceSize",
                        t -> assertEquals(iso.keySet(), t.keySet())),
                // the little-endian half is the one kept (docs/formats.md 1.2, Linux isonum_733)
                accepted("both-endian-halves-disagree", "DirectoryRecord.extentLocation",
                        t -> assertEquals(aData, t.get("/A.TXT").extents().get(0).lba())),
                // a date out of range is "not specified": the entry shows the epoch
                accepted("record-date-month-13", "RecordingDateTime",
                        t -> assertEquals(Instant.EPOCH, t.get("/A.TXT").modified())),
                // a Rock Ridge TF stamp out of range: the directory record's date is shown
                accepted("tf-month-13", "RecordingDateTime",
                        t -> assertEquals(iso.get("/A.TXT").modified(), t.get("/a.txt").modified())),
                // genisoimage's long-symlink SL: the component is read as far as the entry goes
                accepted("sl-component-past-entry", "RRIP SL.component.length",
                        t -> assertEquals("a.txt", t.get("/link").symlinkTarget())),
                // a bad SUSP length ends the area: PX, TF and NM are lost, the ISO name is used
                accepted("susp-length-0", "SUSP PX.length", t -> assertEquals(ImportedEntry.NO_MODE, t.get("/A.TXT").mode())),
                accepted("susp-length-3", "SUSP PX.length", t -> assertEquals(ImportedEntry.NO_MODE, t.get("/A.TXT").mode())),
                accepted("px-length-20", "SUSP PX", t -> assertNull(t.get("/a.txt"))),
                accepted("susp-length-beyond-area", "SUSP NM.length", t -> {
                    assertEquals(rr.get("/a.txt").mode(), t.get("/A.TXT").mode()); // PX and TF before NM kept
                    assertNull(t.get("/a.txt"));
                }),
                accepted("file-extent-past-end", "directory record of /A.TXT",
                        t -> assertEquals(List.of(new FileExtent(1_000_000, 5)), t.get("/A.TXT").extents())),
                accepted("file-length-4gib", "directory record of /b.bin",
                        t -> assertEquals(0xFFFF_FFFFL, t.get("/b.bin").size())),
                accepted("iso-duplicate-name", "directory record of /", t -> {
                    assertEquals(5, t.get("/A.TXT").size()); // the first one kept
                    assertEquals(iso.size() - 1, t.size());
                }),
                accepted("iso-lowercase-name", "ISO 9660 directory record", t -> assertNotNull(t.get("/a.TXT"))),
                accepted("iso-illegal-character", "ISO 9660 directory record", t -> assertNotNull(t.get("/~.TXT"))),
                accepted("iso-version-not-a-number", "ISO 9660 directory record",
                        t -> assertNotNull(t.get("/A.TXT;X"))),
                accepted("iso-version-zero", "ISO 9660 directory record", t -> assertNotNull(t.get("/A.TXT"))),
                accepted("pl-mismatch", "Rock Ridge PL entry", t -> assertEquals(rr.keySet(), t.keySet())),
                accepted("pl-missing", "Rock Ridge PL entry", t -> assertEquals(rr.keySet(), t.keySet())),
                accepted("re-unreached", "Rock Ridge RE entry", t -> assertEquals(ItemType.FILE,
                        t.get(SeedImage.DEEP.substring(0, SeedImage.DEEP.lastIndexOf('/'))).type())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    void lenientAcceptsAndReportsOnce(String name, String structure, Consumer<Map<String, ImportedEntry>> check) {
        MalformedImages.Case c = CASES.get(name);
        DiscImageException strict = assertThrows(DiscImageException.class,
                () -> MalformedImagesTest.read(c.image(), c.tree(), ImportOptions.strict()));
        assertEquals(ErrorCode.MALFORMED_STRUCTURE, strict.code());
        List<Diagnostic> reports = new ArrayList<>();
        Map<String, ImportedEntry> tree = byPath(read(c.image(), c.tree(), reports));
        List<Diagnostic> matching = reports.stream().filter(d -> d.structure().startsWith(structure)).toList();
        assertEquals(1, matching.size(), () -> "reports: " + reports);
        assertEquals(c.lba(), matching.get(0).lba(), () -> "reports: " + reports);
        assertTrue(matching.get(0).message().contains("; "), "says what was done: " + matching.get(0));
        check.accept(tree);
    }

    @Test
    void everyLenientCaseIsInTheCorpus() {
        deviations().forEach(a -> assertNotNull(CASES.get((String) a.get()[0]), () -> a.get()[0] + " missing"));
    }

    @Test
    void theSeedReadsWithoutReportsInBothModes() {
        for (FileSystem fs : List.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE)) {
            List<Diagnostic> reports = new ArrayList<>();
            read(SeedImage.bytes(), fs, reports);
            assertEquals(List.of(), reports, fs::toString);
        }
    }

    @Test
    void anUnknownSuspEntryIsLeftOutAndReportedInBothModes() throws IOException {
        ImageBytes image = new ImageBytes(SeedImage.bytes());
        image.put(image.suspEntry(image.record(23, "A.TXT;1"), "TF"), "ZZ");
        for (boolean lenient : new boolean[] {false, true}) {
            List<Diagnostic> reports = new ArrayList<>();
            ImportOptions options = new ImportOptions(lenient, reports::add);
            Map<String, ImportedEntry> t = byPath(MalformedImagesTest.read(image.image, FileSystem.ROCK_RIDGE, options));
            assertEquals(1, reports.size(), reports::toString);
            assertEquals("SUSP entry \"ZZ\"", reports.get(0).structure());
            assertEquals(23, reports.get(0).lba());
            assertEquals(iso("/A.TXT").modified(), t.get("/a.txt").modified()); // no TF: the record's date
        }
    }

    @Test
    void aDeviationInTheRootsDotRecordIsReportedOncePerTreeReadNotAtOpen() throws IOException {
        ImageBytes image = new ImageBytes(SeedImage.bytes());
        image.put(image.suspEntry(image.record(23, new byte[] {0}), "TF"), "ZZ");
        image.put733BigEndianHalf(image.record(23, new byte[] {0}) + 10, 4096); // "." data length halves disagree
        List<Diagnostic> reports = new ArrayList<>();
        org.discimage.importer.IsoTreeReader reader = org.discimage.importer.IsoTreeReader.open(
                ImageBytes.reader(image.image), 0, ImportOptions.lenient(reports::add));
        assertEquals(List.of(), reports);
        reader.readTree(FileSystem.ROCK_RIDGE);
        assertEquals(List.of("DirectoryRecord.dataLength", "SUSP entry \"ZZ\""),
                reports.stream().map(Diagnostic::structure).toList());
        reports.clear();
        reader.readTree(FileSystem.ISO9660);
        assertEquals(List.of("DirectoryRecord.dataLength"), reports.stream().map(Diagnostic::structure).toList());
    }

    private static ImportedEntry iso(String path) {
        return seedTree(FileSystem.ISO9660).get(path);
    }

    @Test
    void aRecordCrossingASectorIsReadAcrossItWhenLenient() throws IOException {
        byte[] image = SyntheticImages.crossing();
        DiscImageException strict = assertThrows(DiscImageException.class,
                () -> MalformedImagesTest.read(image, FileSystem.ISO9660, ImportOptions.strict()));
        // 68 bytes of "." and "..", then 52 records of 38 bytes: the 53rd starts at 2044
        assertTrue(strict.getMessage().startsWith("directory record of / at LBA 18, offset 2044: LEN_DR 38 crosses "
                + "the end of the sector"), strict::getMessage);
        List<Diagnostic> reports = new ArrayList<>();
        List<ImportedEntry> entries = read(image, FileSystem.ISO9660, reports);
        assertEquals(61, entries.size());
        assertEquals("/CAAAA", entries.get(53).path()); // the crossing record, n = 52
        assertEquals("/CHHHH", entries.get(60).path());
        assertEquals(1, reports.size(), reports::toString);
        assertEquals(18, reports.get(0).lba());
    }

    @Test
    void namesThatEscapeFailInLenientModeToo() {
        for (String name : List.of("iso-name-nul", "iso-name-slash", "iso-name-dotdot", "iso-name-dot-version",
                "joliet-name-slash", "joliet-name-dotdot", "joliet-name-backslash-dotdot", "rr-name-dotdot",
                "rr-name-parent-flag", "rr-name-backslash-dotdot", "rr-name-slash", "rr-name-nul")) {
            MalformedImages.Case c = CASES.get(name);
            DiscImageException e = assertThrows(DiscImageException.class,
                    () -> MalformedImagesTest.read(c.image(), c.tree(), ImportOptions.lenient(d -> { })), name);
            assertTrue(e.getMessage().contains("unusable file name"), e::getMessage);
        }
    }
}
