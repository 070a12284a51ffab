package org.discimage.importer;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * How {@link IsoReaderFuzzTest} turns the fuzzer's bytes into an image: a list of patches over the
 * seed's bytes (the system area, where a hostile disc may hide continuation areas, the volume
 * descriptors, directories, continuation areas and file data), so that short inputs reach every
 * structure.
 *
 * <pre>
 * input := [0xFF n] patch*          0xFF n first: keep only n sectors (a truncated image)
 * patch := off2 off1 off0 len data  offset (24-bit big endian, modulo the patched region),
 *                                   len bytes of data (fewer if the input ends)
 * </pre>
 * The empty input is the seed itself.
 */
final class FuzzPatches {
    /** The first patched byte. */
    static final int START = 0;

    private FuzzPatches() {
    }

    /** The seed with the input's patches applied. */
    static byte[] apply(byte[] seed, byte[] input) {
        byte[] image = seed.clone();
        int region = image.length - START;
        int i = 0;
        if (input.length >= 2 && (input[0] & 0xFF) == 0xFF) {
            image = Arrays.copyOf(image, Math.min(image.length, (input[1] & 0xFF) * SectorReader.SECTOR_SIZE));
            region = Math.max(1, image.length - START);
            i = 2;
        }
        while (i + 4 <= input.length) {
            int off = ((input[i] & 0xFF) << 16 | (input[i + 1] & 0xFF) << 8 | (input[i + 2] & 0xFF)) % region;
            int len = input[i + 3] & 0xFF;
            i += 4;
            for (int k = 0; k < len && i < input.length; k++, i++) {
                if (START + off + k < image.length) {
                    image[START + off + k] = input[i];
                }
            }
        }
        return image;
    }

    /** The input that turns {@code seed} into {@code image} (same length): one patch per run of changed bytes. */
    static byte[] diff(byte[] seed, byte[] image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (image.length < seed.length) {
            out.write(0xFF);
            out.write(image.length / SectorReader.SECTOR_SIZE);
        }
        int n = Math.min(seed.length, image.length);
        for (int p = START; p < n; ) {
            if (seed[p] == image[p]) {
                p++;
                continue;
            }
            int end = p;
            while (end < n && end - p < 255 && seed[end] != image[end]) {
                end++;
            }
            int off = p - START;
            out.write(off >>> 16);
            out.write(off >>> 8);
            out.write(off);
            out.write(end - p);
            out.write(image, p, end - p);
            p = end;
        }
        return out.toByteArray();
    }
}
