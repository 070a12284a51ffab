package org.discimage.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.discimage.ProgressListener;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.layout.FileDataExtent;
import org.discimage.layout.Layout;
import org.discimage.layout.PlannedExtent;
import org.discimage.layout.ZeroExtent;
import org.discimage.source.ContentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small files read ahead on worker threads give the image the writer's own thread gives: the same
 * bytes, the same failure at the same file, and no thread left behind.
 */
class SmallFileReaderTest {
    @TempDir
    Path tmp;

    /**
     * 700 host files of 1 B to 32 KiB (more chunks than the window holds), broken up by large files,
     * stream sources (not readable concurrently), byte arrays and zeros.
     */
    private Layout layout(List<Path> hostFiles) throws IOException {
        Random random = new Random(11);
        List<PlannedExtent> list = new ArrayList<>();
        long lba = 0;
        list.add(new ZeroExtent(lba, 2, "zeros"));
        lba += 2;
        for (int i = 0; i < 700; i++) {
            ContentSource source;
            String name = "/f" + i;
            if (i % 97 == 50) {
                byte[] big = new byte[40_000 + random.nextInt(100_000)];
                random.nextBytes(big);
                Path p = tmp.resolve("big" + i);
                Files.write(p, big);
                source = ContentSource.of(p);
            } else if (i % 31 == 7) {
                byte[] b = new byte[1 + random.nextInt(5000)];
                random.nextBytes(b);
                source = ContentSource.of(new ByteArrayInputStream(b), b.length);
            } else if (i % 53 == 3) {
                byte[] b = new byte[1 + random.nextInt(3000)];
                random.nextBytes(b);
                source = ContentSource.of(b);
            } else {
                byte[] b = new byte[1 + random.nextInt(i % 5 == 0 ? 32 * 1024 : 6000)];
                random.nextBytes(b);
                Path p = tmp.resolve("small" + i);
                Files.write(p, b);
                hostFiles.add(p);
                source = ContentSource.of(p);
            }
            long sectors = (source.size() + 2047) / 2048;
            list.add(new FileDataExtent(lba, sectors, name, source));
            lba += sectors;
            if (i == 400) {
                list.add(new ZeroExtent(lba, 3, "gap"));
                lba += 3;
            }
        }
        return new Layout(0, list);
    }

    private static byte[] write(Layout layout, int threads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ImageWriter(layout, ProgressListener.NONE, new Cancellation(), threads).writeTo(Channels.newChannel(out));
        return out.toByteArray();
    }

    @Test
    void everyThreadCountGivesTheBytesOfTheWritersOwnThread() throws IOException {
        // a fresh layout per run: stream sources read only once
        byte[] alone = write(layout(new ArrayList<>()), 0);
        assertEquals(layout(new ArrayList<>()).totalSectors() * 2048, alone.length);
        for (int threads = 1; threads <= 3; threads++) {
            assertArrayEquals(alone, write(layout(new ArrayList<>()), threads), threads + " reader threads");
        }
        assertNoReaderThreads();
    }

    @Test
    void aFileThatChangedFailsAtThatFileAsWithoutReaders() throws IOException {
        for (int threads : new int[] {0, 2}) {
            List<Path> files = new ArrayList<>();
            Layout layout = layout(files);
            Path changed = files.get(500);
            Files.write(changed, new byte[(int) Files.size(changed) + 4096]);
            DiscImageException e = assertThrows(DiscImageException.class, () -> write(layout, threads));
            assertEquals(ErrorCode.DATA_STREAM_INCONSISTENCY, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(changed.toString()), e.getMessage());
        }
        assertNoReaderThreads();
    }

    @Test
    void aDeletedFileCannotBeOpenedAsWithoutReaders() throws IOException {
        for (int threads : new int[] {0, 3}) {
            List<Path> files = new ArrayList<>();
            Layout layout = layout(files);
            Path gone = files.get(123);
            Files.delete(gone);
            DiscImageException e = assertThrows(DiscImageException.class, () -> write(layout, threads));
            assertEquals(ErrorCode.DATA_STREAM_CREATE_FAILURE, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(gone.toString()), e.getMessage());
        }
        assertNoReaderThreads();
    }

    @Test
    void cancellingStopsTheReaders() throws IOException {
        Layout layout = layout(new ArrayList<>());
        Cancellation cancellation = new Cancellation();
        int[] events = {0};
        ProgressListener cancelSoon = (item, written, total) -> {
            if (++events[0] == 100) {
                cancellation.cancel();
            }
        };
        DiscImageException e = assertThrows(DiscImageException.class, () -> new ImageWriter(layout, cancelSoon,
                cancellation, 2).writeTo(Channels.newChannel(new ByteArrayOutputStream())));
        assertEquals(ErrorCode.REQUEST_CANCELLED, e.code());
        assertNoReaderThreads();
    }

    private static void assertNoReaderThreads() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertTrue(!t.getName().startsWith("discimage-reader") || !t.isAlive(), "left running: " + t);
        }
    }
}
