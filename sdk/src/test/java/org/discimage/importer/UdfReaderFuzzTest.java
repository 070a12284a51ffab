package org.discimage.importer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.discimage.codec.UdfCrc;
import org.discimage.error.DiscImageException;
import org.discimage.error.Diagnostics;

/**
 * Fuzzes the UDF reader: valid images of every partition layout, built in memory, mutated at the
 * sectors that hold structures (optionally with the tag CRC and checksum fixed up, so the
 * mutations reach the fields) and truncated. Only a {@link DiscImageException} may come out.
 *
 * <p>Regression mode (what CI runs; only the seeds under
 * {@code src/test/resources/org/discimage/importer/UdfReaderFuzzTestInputs/}):
 * {@code mvn -o -q -pl sdk test -Dtest=UdfReaderFuzzTest}. Fuzzing (about 5,000 runs a second here):
 * {@code JAZZER_FUZZ=1 mvn -o -q -pl sdk test -Dtest=UdfReaderFuzzTest} runs for the annotation's
 * {@code maxDuration}; jazzer-junit 0.24.0 reads no property to override it ({@code -Djazzer.max_duration}
 * is ignored), so edit the annotation to fuzz longer. The corpus Jazzer grows goes to
 * {@code sdk/.cifuzz-corpus/} (git-ignored); a crash would be written next to the seeds.
 */
class UdfReaderFuzzTest {
    private static final byte[][] IMAGES = new byte[UdfImageBuilder.Layout.values().length][];
    private static final long[][] STRUCTURES = new long[IMAGES.length][];

    static {
        for (UdfImageBuilder.Layout layout : UdfImageBuilder.Layout.values()) {
            UdfImageBuilder b = new UdfImageBuilder(layout, layout == UdfImageBuilder.Layout.METADATA ? 0x0250 : 0x0201)
                    .dir("/d").dir("/d/e").file("/d/f.bin", new byte[9000]).embedded("/small", new byte[10])
                    .fileWithAed("/aed", new byte[12_000], 3).symlink("/d/l", "../small")
                    .charDevice("/dev", 1, 2).fileWithStreams("/s", new byte[1]);
            IMAGES[layout.ordinal()] = b.build();
            STRUCTURES[layout.ordinal()] = b.structureSectors();
        }
    }

    @FuzzTest(maxDuration = "2m")
    void onlyDiscImageExceptionComesOut(FuzzedDataProvider data) throws IOException {
        int which = data.consumeInt(0, IMAGES.length - 1);
        byte[] img = IMAGES[which].clone();
        long[] structures = STRUCTURES[which];
        int mutations = data.consumeInt(0, 24);
        for (int i = 0; i < mutations; i++) {
            long sector = data.consumeBoolean() ? structures[data.consumeInt(0, structures.length - 1)]
                    : data.consumeLong(0, img.length / 2048 - 1);
            int offset = data.consumeBoolean() ? data.consumeInt(0, 255) : data.consumeInt(0, 2047);
            int at = (int) (sector * 2048 + offset);
            if (data.consumeBoolean()) {
                img[at] = data.consumeByte();
            } else if (at + 4 <= img.length) {
                ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN).putInt(at, data.consumeInt());
            }
            if (data.consumeBoolean()) {
                reseal(img, (int) sector * 2048);
            }
        }
        int length = data.consumeBoolean() ? img.length : data.consumeInt(0, img.length);
        byte[] cut = length == img.length ? img : java.util.Arrays.copyOf(img, length);
        ImportOptions options = new ImportOptions(data.consumeBoolean(), Diagnostics.IGNORE);
        try (SectorReader sectors = new ByteArraySectorReader(cut)) {
            UdfVolumeReader r = UdfVolumeReader.open(sectors, 0, options);
            if (r != null) {
                r.revision();
                r.volumeName();
                r.readTree();
            }
        } catch (DiscImageException expected) {
            // the one outcome allowed for a broken image
        }
    }

    /** Recomputes CRC (over the tag's CRC length, inside the block) and checksum of a tag at {@code at}. */
    private static void reseal(byte[] img, int at) {
        ByteBuffer d = ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN);
        int crcLen = Math.min(d.getShort(at + 10) & 0xFFFF, 2048 - 16);
        d.putShort(at + 8, (short) UdfCrc.crc(d, at + 16, crcLen));
        d.put(at + 4, (byte) UdfCrc.checksum(d, at));
    }
}
