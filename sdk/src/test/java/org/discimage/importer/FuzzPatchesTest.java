package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.discimage.importer.hostile.MalformedImages;
import org.discimage.importer.hostile.SeedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The fuzz input encoding, and the writer of the fuzz tests' seed corpus: every malformed image of
 * {@link MalformedImages} as the patch list that makes it from the seed. Regenerate (after a change
 * of the seed's layout) with
 * {@code mvn -o -q -pl sdk test -Dtest=FuzzPatchesTest -Ddiscimage.writeFuzzSeeds=true}.
 */
class FuzzPatchesTest {
    private static final Path INPUTS = Path.of("src/test/resources/org/discimage/importer/IsoReaderFuzzTestInputs");

    @Test
    void everyMalformedImageIsReachedByItsDiff() {
        byte[] seed = SeedImage.bytes();
        for (MalformedImages.Case c : MalformedImages.all()) {
            assertArrayEquals(c.image(), FuzzPatches.apply(seed, FuzzPatches.diff(seed, c.image())), c.name());
        }
        assertArrayEquals(seed, FuzzPatches.apply(seed, new byte[0]));
    }

    @Test
    void patchesWrapAroundTheRegionAndStopAtTheInputsEnd() {
        byte[] seed = new byte[20 * 2048];
        byte[] out = FuzzPatches.apply(seed, new byte[] {(byte) 0x7F, (byte) 0xFF, (byte) 0xF0, 3, 1, 2});
        int off = 0x7FFFF0 % (20 * 2048);
        assertEquals(1, out[off]);
        assertEquals(2, out[off + 1]);
        assertEquals(0, out[off + 2]);
        assertEquals(17 * 2048, FuzzPatches.apply(seed, new byte[] {(byte) 0xFF, 17}).length);
    }

    @Test
    @EnabledIfSystemProperty(named = "discimage.writeFuzzSeeds", matches = "true")
    void writeSeedCorpus() throws IOException {
        byte[] seed = SeedImage.bytes();
        for (String method : new String[] {"strict", "lenient"}) {
            Path dir = Files.createDirectories(INPUTS.resolve(method));
            Files.write(dir.resolve("seed-unchanged"), new byte[0]);
            for (MalformedImages.Case c : MalformedImages.all()) {
                Files.write(dir.resolve("seed-" + c.name()), FuzzPatches.diff(seed, c.image()));
            }
        }
    }
}
