package org.discimage.media.grow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritebackTest {
    @TempDir
    Path dir;

    @Test
    void writesGoOnWhileFlushingAndTheChannelStaysOpen() throws Exception {
        Path file = dir.resolve("image");
        byte[] block = new byte[64 * 1024];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            try (Writeback w = Writeback.start(ch)) {
                for (int i = 0; i < 256; i++) {
                    Arrays.fill(block, (byte) i);
                    ByteBuffer b = ByteBuffer.wrap(block);
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                    if (i % 64 == 0) {
                        Thread.sleep(20); // let the flusher run between writes
                    }
                }
            }
            assertTrue(ch.isOpen(), "the flusher must never close the channel (no interrupt inside force)");
            ch.write(ByteBuffer.wrap(new byte[] {1}));
            ch.force(true);
        }
        assertEquals(256L * block.length + 1, Files.size(file));
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer b = ByteBuffer.allocate(block.length);
            ch.read(b, 200L * block.length);
            byte[] expected = new byte[block.length];
            Arrays.fill(expected, (byte) 200);
            assertArrayEquals(expected, b.array());
        }
    }

    @Test
    void aCallerInterruptedWhileClosingStillWaitsAndKeepsTheInterrupt() throws IOException {
        Path file = dir.resolve("image2");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            Writeback w = Writeback.start(ch);
            Thread.currentThread().interrupt();
            w.close();
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            assertFalse(Thread.currentThread().isInterrupted());
            assertTrue(ch.isOpen());
        }
    }

    @Test
    void aChannelClosedUnderneathEndsTheFlusherQuietly() throws Exception {
        Path file = dir.resolve("image3");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        Writeback w = Writeback.start(ch);
        ch.close();
        Thread.sleep(50);
        w.close(); // returns: the flusher stopped on ClosedChannelException
    }
}
