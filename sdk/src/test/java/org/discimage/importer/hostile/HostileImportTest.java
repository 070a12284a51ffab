package org.discimage.importer.hostile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.ImportedEntry;
import org.junit.jupiter.api.Test;

/** Truncation, depth and width: every answer a tree or a DiscImageException, in bounded time and memory. */
class HostileImportTest {
    private static final List<FileSystem> TREES = List.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);

    @Test
    void everyTruncationOfTheSeedFailsNamingAnLba() {
        byte[] seed = SeedImage.bytes();
        int sectors = seed.length / ImageBytes.SECTOR;
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int n = 0; n < sectors; n++) {
                byte[] cut = Arrays.copyOf(seed, n * ImageBytes.SECTOR);
                for (FileSystem fs : TREES) {
                    DiscImageException e = assertThrows(DiscImageException.class,
                            () -> MalformedImagesTest.read(cut, fs, ImportOptions.strict()), "cut at sector " + n + ", " + fs);
                    assertEquals(n <= 16 ? ErrorCode.EMPTY_DISC : ErrorCode.MALFORMED_STRUCTURE, e.code(), e::getMessage);
                    assertTrue(e.getMessage().contains(" LBA "), e::getMessage);
                    lenientReadsOrFails(cut, fs, n);
                }
            }
        });
    }

    /** Lenient: files whose data was cut off are kept (and reported); missing metadata still fails. */
    private static void lenientReadsOrFails(byte[] image, FileSystem fs, int n) {
        List<org.discimage.error.Diagnostic> reports = new java.util.ArrayList<>();
        try {
            MalformedImagesTest.read(image, fs, ImportOptions.lenient(reports::add));
            assertTrue(!reports.isEmpty(), "cut at sector " + n + " read without a report");
        } catch (DiscImageException e) {
            assertTrue(e.getMessage().contains(" LBA "), e::getMessage);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("cut at sector " + n + ", " + fs + ": " + e, e);
        }
    }

    @Test
    void tenThousandNestedDirectoriesFailOnThePathLengthWithoutStackOverflow() {
        byte[] image = SyntheticImages.nested(10_000);
        DiscImageException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                DiscImageException.class, () -> MalformedImagesTest.read(image, FileSystem.ISO9660, ImportOptions.strict())));
        assertEquals(ErrorCode.MALFORMED_STRUCTURE, e.code());
        assertTrue(e.getMessage().contains("longer than 4096 characters"), e::getMessage);
        // the directory holding the record whose path is too long: /A repeated 2048 times, at LBA 18 + 2048
        assertTrue(e.getMessage().contains("at LBA " + (SyntheticImages.ROOT + 2048) + ","), e::getMessage);
    }

    @Test
    void twoThousandNestedDirectoriesRead() throws IOException {
        List<ImportedEntry> entries = MalformedImagesTest.read(SyntheticImages.nested(2000), FileSystem.ISO9660,
                ImportOptions.strict());
        assertEquals(2001, entries.size());
        assertEquals(2 * 2000, entries.get(2000).path().length());
    }

    @Test
    void aMillionEntriesInOneDirectoryReadInBoundedTime() {
        int files = 1_000_000;
        byte[] image = SyntheticImages.wide(files);
        List<ImportedEntry> entries = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> MalformedImagesTest.read(image, FileSystem.ISO9660, ImportOptions.strict()));
        assertEquals(files + 1, entries.size());
        assertEquals("/00000", entries.get(1).path());
        assertEquals("/0LFLR", entries.get(files).path()); // 999999 in base 36
    }

    @Test
    void continuationAreasSharedByManyRecordsAreBoundedByTheMedium() {
        assertEquals(21, SyntheticImages.sharedContinuations(10).length / ImageBytes.SECTOR);
        for (ImportOptions options : List.of(ImportOptions.strict(), ImportOptions.lenient(d -> { }))) {
            // 10 records of 31 hops between two sectors: within budget; 400: beyond it
            assertDoesNotThrow(() -> MalformedImagesTest.read(SyntheticImages.sharedContinuations(10),
                    FileSystem.ROCK_RIDGE, options));
            DiscImageException e = assertThrows(DiscImageException.class, () -> MalformedImagesTest.read(
                    SyntheticImages.sharedContinuations(400), FileSystem.ROCK_RIDGE, options));
            assertTrue(e.getMessage().startsWith("SUSP continuation area at LBA "), e::getMessage);
            assertTrue(e.getMessage().contains("more continuation data read than twice the medium holds"), e::getMessage);
        }
    }

    @Test
    void aDirectoryClaimingMoreThanTheMediumFailsBeforeReading() {
        byte[] image = SyntheticImages.wide(1000);
        // the root's data length as recorded in the PVD (ECMA-119 8.4.18): 4 GiB - 1
        new ImageBytes(image).put733(16 * ImageBytes.SECTOR + 156 + 10, 0xFFFF_FFFFL);
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> MalformedImagesTest.read(image, FileSystem.ISO9660, ImportOptions.strict()));
        assertTrue(e.getMessage().startsWith("directory / at LBA 18: extent of 4294967295 bytes does not fit"),
                e::getMessage);
    }
}
