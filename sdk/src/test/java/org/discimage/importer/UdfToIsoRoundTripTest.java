package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A UDF tree of every partition kind (physical, metadata, sparable with a remapped packet, VAT),
 * with embedded data, an AED chain and an unrecorded tail, imported into a {@link FileSystemImage}
 * and written as ISO 9660 + Rock Ridge: xorriso must extract the same bytes. Shows that imported
 * UDF extents and embedded data feed the writer as any other source.
 */
class UdfToIsoRoundTripTest {
    @TempDir
    Path tmp;

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 131 + seed * 7 + (i >> 8));
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(UdfImageBuilder.Layout.class)
    void udfTreeWrittenAsIsoReadsTheSameInXorriso(UdfImageBuilder.Layout layout) throws IOException {
        UdfTestImages.require("xorriso");
        byte[] plain = bytes(5000, 1);
        byte[] tiny = "embedded in its ICB\n".getBytes();
        byte[] pieces = bytes(9000, 2);
        byte[] head = bytes(3000, 3);
        UdfImageBuilder builder = new UdfImageBuilder(layout, layout == UdfImageBuilder.Layout.METADATA ? 0x0250 : 0x0201)
                .dir("/d").file("/d/plain.bin", plain).embedded("/tiny.txt", tiny)
                .fileWithAed("/d/pieces.bin", pieces, 3).fileWithTrailingHole("/hole.bin", head, 4000);
        Path udf = Files.write(tmp.resolve("in.udf"), builder.build());
        Path iso = tmp.resolve("out.iso");
        try (SectorReader sectors = ImageFileSectorReader.open(udf)) {
            FileSystemImage image = new FileSystemImage(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"),
                    ZoneOffset.UTC));
            image.importSpecificFileSystem(sectors, 0, FileSystem.UDF, ImportOptions.lenient(d -> { }));
            image.createResultImage().writeTo(iso);
        }
        Path out = tmp.resolve("x");
        UdfTestImages.runOk(List.of("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/",
                out.toString()), null, null);
        assertArrayEquals(plain, Files.readAllBytes(out.resolve("d/plain.bin")));
        assertArrayEquals(tiny, Files.readAllBytes(out.resolve("tiny.txt")));
        assertArrayEquals(pieces, Files.readAllBytes(out.resolve("d/pieces.bin")));
        byte[] hole = Files.readAllBytes(out.resolve("hole.bin"));
        assertEquals(7000, hole.length);
        assertArrayEquals(head, java.util.Arrays.copyOf(hole, 3000));
        assertArrayEquals(new byte[4000], java.util.Arrays.copyOfRange(hole, 3000, 7000));
    }
}
