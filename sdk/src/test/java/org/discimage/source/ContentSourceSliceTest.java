package org.discimage.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ContentSource#slice(ContentSource, long, long)}: the parts of a file split across discs. */
class ContentSourceSliceTest {
    @TempDir
    Path tmp;

    private static byte[] read(ContentSource s) throws IOException {
        try (ReadableByteChannel ch = s.openChannel(); InputStream in = Channels.newInputStream(ch)) {
            return in.readAllBytes();
        }
    }

    @Test
    void sliceOfAHostFileIsAFileChannelViewOfTheRightBytes() throws IOException {
        byte[] data = new byte[10_000];
        new Random(1).nextBytes(data);
        Path f = Files.write(tmp.resolve("f"), data);
        ContentSource part = ContentSource.slice(ContentSource.of(f), 4096, 5000);
        assertArrayEquals(Arrays.copyOfRange(data, 4096, 9096), read(part));
        try (ReadableByteChannel ch = part.openChannel()) {
            assertTrue(ch instanceof FileChannel, "a slice of a file must allow transferTo: " + ch);
        }
        // a slice of a slice stays a range of the same file
        ContentSource inner = ContentSource.slice(part, 100, 50);
        assertArrayEquals(Arrays.copyOfRange(data, 4196, 4246), read(inner));
    }

    @Test
    void sliceOfOtherRepeatableSourcesSkipsToTheOffset() throws IOException {
        byte[] data = new byte[3000];
        new Random(2).nextBytes(data);
        assertArrayEquals(Arrays.copyOfRange(data, 1000, 2999), read(ContentSource.slice(ContentSource.of(data),
                1000, 1999)));
    }

    @Test
    void rangesOutsideTheSourceAndOneShotStreamsAreRefused() {
        ContentSource bytes = ContentSource.of(new byte[10]);
        assertThrows(IllegalArgumentException.class, () -> ContentSource.slice(bytes, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> ContentSource.slice(bytes, -1, 2));
        ContentSource once = ContentSource.of(InputStream.nullInputStream(), 0);
        assertThrows(IllegalArgumentException.class, () -> ContentSource.slice(once, 0, 0));
    }
}
