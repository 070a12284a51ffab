package org.discimage.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ContentSource#of(Path, BasicFileAttributes)}: the size comes from the attributes a walk
 * has already read (no second stat), and a file changed since is still caught when it is opened.
 */
class ContentSourceOfAttributesTest {
    @TempDir
    Path tmp;

    private static BasicFileAttributes attrs(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void takesTheSizeOfTheAttributesAndReadsTheFileThroughAFileChannel() throws IOException {
        Path f = Files.writeString(tmp.resolve("f"), "hello, world");
        ContentSource s = ContentSource.of(f, attrs(f));
        assertEquals(12, s.size());
        try (ReadableByteChannel ch = s.openChannel(); InputStream in = Channels.newInputStream(ch)) {
            assertTrue(ch instanceof FileChannel, "transferTo needs a FileChannel: " + ch);
            assertArrayEquals("hello, world".getBytes(), in.readAllBytes());
        }
    }

    @Test
    void aFileThatChangedSinceItsAttributesWereReadFailsWhenOpened() throws IOException {
        Path f = Files.writeString(tmp.resolve("f"), "short");
        ContentSource s = ContentSource.of(f, attrs(f));
        Files.writeString(f, "longer than it was");
        DiscImageException e = assertThrows(DiscImageException.class, s::openChannel);
        assertEquals(ErrorCode.DATA_STREAM_INCONSISTENCY, e.code());
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("5 bytes then, 18 now"),
                e.getMessage());
    }

    @Test
    void aNameInADirectoryIsTheFileThereAndSlicesStayFileChannels() throws IOException {
        Path f = Files.writeString(tmp.resolve("in dir.txt"), "0123456789");
        ContentSource s = ContentSource.of(tmp, "in dir.txt", attrs(f));
        assertEquals(10, s.size());
        assertEquals(f.toString(), s.description());
        try (ReadableByteChannel ch = s.openChannel(); InputStream in = Channels.newInputStream(ch)) {
            assertTrue(ch instanceof FileChannel, "transferTo needs a FileChannel: " + ch);
            assertArrayEquals("0123456789".getBytes(), in.readAllBytes());
        }
        try (ReadableByteChannel ch = ContentSource.slice(s, 3, 4).openChannel(); InputStream in = Channels.newInputStream(ch)) {
            assertTrue(ch instanceof FileChannel, "a slice of a host file is a FileChannel view: " + ch);
            assertArrayEquals("3456".getBytes(), in.readAllBytes());
        }
        Files.writeString(f, "changed!");
        DiscImageException e = assertThrows(DiscImageException.class, s::openChannel);
        assertEquals(ErrorCode.DATA_STREAM_INCONSISTENCY, e.code());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        for (String bad : new String[] {"", ".", "..", "a/b"}) {
            assertThrows(IllegalArgumentException.class, () -> ContentSource.of(tmp, bad, attrs(f)), bad);
        }
    }

    @Test
    void attributesOfADirectoryAreRefused() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> ContentSource.of(tmp, attrs(tmp)));
        assertThrows(IllegalArgumentException.class, () -> ContentSource.of(tmp.getParent(), tmp.getFileName().toString(), attrs(tmp)));
    }
}
