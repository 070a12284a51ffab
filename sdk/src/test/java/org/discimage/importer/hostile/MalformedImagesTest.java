package org.discimage.importer.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.discimage.FileSystem;
import org.discimage.error.DiscImageException;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.IsoTreeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every image of {@link MalformedImages}: a strict import fails, naming the structure and its LBA. */
class MalformedImagesTest {
    static List<MalformedImages.Case> cases() {
        return MalformedImages.all();
    }

    static List<ImportedEntry> read(byte[] image, FileSystem tree, ImportOptions options) throws IOException {
        return IsoTreeReader.open(ImageBytes.reader(image), 0, options).readTree(tree);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void strictImportFailsNamingStructureAndLba(MalformedImages.Case c) {
        DiscImageException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DiscImageException.class, () -> read(c.image(), c.tree(), ImportOptions.strict())));
        assertEquals(c.code(), e.code(), e::getMessage);
        assertTrue(e.getMessage().contains(c.structure()), () -> "expected \"" + c.structure() + "\" in " + e.getMessage());
        assertTrue(Pattern.compile("LBA " + c.lba() + "\\b").matcher(e.getMessage()).find(),
                () -> "expected LBA " + c.lba() + " in " + e.getMessage());
    }

    @Test
    void theSeedReadsInEveryTree() throws IOException {
        byte[] seed = SeedImage.bytes();
        for (FileSystem fs : List.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE)) {
            List<ImportedEntry> entries = read(seed, fs, ImportOptions.strict());
            assertEquals(fs == FileSystem.ISO9660 ? 19 : fs == FileSystem.JOLIET ? 16 : 17, entries.size(), fs::toString);
        }
    }

    @Test
    void casesHaveDistinctNamesAndImages() {
        List<MalformedImages.Case> all = cases();
        assertEquals(all.size(), all.stream().map(MalformedImages.Case::name).distinct().count());
        assertTrue(all.size() >= 50, "corpus of " + all.size());
    }
}
