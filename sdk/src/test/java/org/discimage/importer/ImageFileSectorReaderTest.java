package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileSectorReaderTest {
    @TempDir
    Path tmp;

    private Path image(int sectors, int extraBytes) throws IOException {
        byte[] b = new byte[sectors * 2048 + extraBytes];
        for (int s = 0; s < sectors; s++) {
            b[s * 2048] = (byte) s;
            b[s * 2048 + 2047] = (byte) ~s;
        }
        return Files.write(tmp.resolve("img"), b);
    }

    @Test
    void readsWholeSectorsByLba() throws IOException {
        try (ImageFileSectorReader r = ImageFileSectorReader.open(image(5, 0))) {
            assertEquals(5, r.sectorCount());
            ByteBuffer dst = ByteBuffer.allocate(2 * 2048);
            assertEquals(2, r.read(3, dst));
            assertEquals(4096, dst.position());
            assertEquals(3, dst.get(0));
            assertEquals((byte) ~3, dst.get(2047));
            assertEquals(4, dst.get(2048));
        }
    }

    @Test
    void shortAtTheEndAndZeroPastIt() throws IOException {
        try (ImageFileSectorReader r = ImageFileSectorReader.open(image(5, 100))) {
            assertEquals(5, r.sectorCount(), "a trailing partial sector is not readable");
            ByteBuffer dst = ByteBuffer.allocate(3 * 2048);
            assertEquals(1, r.read(4, dst));
            assertEquals(2048, dst.position());
            assertEquals(0, r.read(5, ByteBuffer.allocate(2048)));
            assertEquals(0, r.read(Long.MAX_VALUE / 4096, ByteBuffer.allocate(2048)));
        }
    }

    @Test
    void readsIntoTheMiddleOfADirectBuffer() throws IOException {
        try (ImageFileSectorReader r = ImageFileSectorReader.open(image(3, 0))) {
            ByteBuffer dst = ByteBuffer.allocateDirect(3 * 2048 + 10).position(10);
            assertEquals(2, r.read(1, dst.limit(10 + 2 * 2048 + 5)));
            assertEquals(10 + 4096, dst.position());
            assertEquals(1, dst.get(10));
            assertEquals(2, dst.get(10 + 2048));
        }
    }

    @Test
    void rejectsCallerMistakes() throws IOException {
        try (ImageFileSectorReader r = ImageFileSectorReader.open(image(2, 0))) {
            assertThrows(IllegalArgumentException.class, () -> r.read(-1, ByteBuffer.allocate(2048)));
            assertThrows(IllegalArgumentException.class, () -> r.read(0, ByteBuffer.allocate(2047)));
        }
    }

    @Test
    void missingFileIsADiscImageException() {
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> ImageFileSectorReader.open(tmp.resolve("missing.iso")));
        assertEquals(ErrorCode.DATA_STREAM_CREATE_FAILURE, e.code());
    }
}
