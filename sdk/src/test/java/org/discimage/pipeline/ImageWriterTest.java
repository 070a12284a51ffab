package org.discimage.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.discimage.ProgressListener;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.layout.FileDataExtent;
import org.discimage.layout.Layout;
import org.discimage.layout.MetadataExtent;
import org.discimage.layout.PlannedExtent;
import org.discimage.layout.ZeroExtent;
import org.discimage.source.ContentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageWriterTest {
    @TempDir
    Path tmp;

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A layout of zeros, numbered metadata sectors, an in-memory file and a host file. */
    private Layout layout(Path hostFile, byte[] mem) throws IOException {
        List<PlannedExtent> list = new ArrayList<>();
        list.add(new ZeroExtent(0, 3, "zeros"));
        list.add(new MetadataExtent(3, 40, "meta", () -> new org.discimage.layout.SectorProducer() {
            int i;

            @Override
            public void next(ByteBuffer dst) {
                int start = dst.position();
                dst.putInt(0x5EC70000 + i++);
                dst.position(start + SECTOR_SIZE);
            }
        }));
        list.add(new FileDataExtent(43, (mem.length + 2047) / 2048, "/mem", ContentSource.of(mem)));
        long host = Files.size(hostFile);
        list.add(new FileDataExtent(43 + (mem.length + 2047) / 2048, (host + 2047) / 2048, "/host",
                ContentSource.of(hostFile)));
        return new Layout(0, list);
    }

    private byte[] expected(byte[] mem, byte[] host) {
        ByteBuffer b = ByteBuffer.allocate((int) (43 + (mem.length + 2047) / 2048 + (host.length + 2047) / 2048) * 2048);
        b.position(3 * 2048);
        for (int i = 0; i < 40; i++) {
            b.putInt((3 + i) * 2048, 0x5EC70000 + i);
        }
        b.position(43 * 2048);
        b.put(mem);
        b.position(43 * 2048 + (mem.length + 2047) / 2048 * 2048);
        b.put(host);
        return b.array();
    }

    @Test
    void channelStreamAndFileWritesAreIdentical() throws IOException {
        byte[] mem = random(100_001, 1);
        byte[] host = random(9_000_000, 2);
        Path hostFile = tmp.resolve("host.bin");
        Files.write(hostFile, host);
        Layout layout = layout(hostFile, mem);
        byte[] want = expected(mem, host);

        Path out = tmp.resolve("out.img");
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long n = new ImageWriter(layout, ProgressListener.NONE, new Cancellation()).writeTo(ch);
            assertEquals(want.length, n);
        }
        assertArrayEquals(want, Files.readAllBytes(out));

        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        new ImageWriter(layout, ProgressListener.NONE, new Cancellation()).writeTo(Channels.newChannel(bos));
        assertArrayEquals(want, bos.toByteArray());

        // the pull channel, read with odd-sized buffers
        ByteArrayOutputStream pulled = new ByteArrayOutputStream();
        try (ReadableByteChannel in = new ImageChannel(layout, new Cancellation())) {
            ByteBuffer b = ByteBuffer.allocate(777);
            while (in.read(b) >= 0) {
                b.flip();
                pulled.write(b.array(), 0, b.limit());
                b.clear();
            }
        }
        assertArrayEquals(want, pulled.toByteArray());
    }

    /**
     * Small files go through the writer's batch buffer (no transferTo): many of them, of sizes around
     * the sector and the batch limits, between metadata and large files, land where they belong,
     * whatever the target.
     */
    @Test
    void smallFilesBetweenMetadataAndLargeFilesLandWhereTheyBelong() throws IOException {
        List<PlannedExtent> list = new ArrayList<>();
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        Random sizes = new Random(7);
        long lba = 0;
        for (int i = 0; i < 300; i++) {
            int size = i % 50 == 49 ? ImageWriter.SMALL_FILE + 1 + sizes.nextInt(100_000)   // a transferTo one
                    : i % 7 == 0 ? ImageWriter.SMALL_FILE - sizes.nextInt(3)                  // at the limit
                    : i % 5 == 0 ? 2048 * (1 + sizes.nextInt(3))                             // whole sectors
                    : sizes.nextInt(20_000);                                                  // 0 included
            byte[] data = random(size, i);
            Path f = Files.write(tmp.resolve("f" + i), data);
            long sectors = (size + 2047) / 2048;
            list.add(new FileDataExtent(lba, sectors, "/f" + i, i % 3 == 0 ? ContentSource.of(data) : ContentSource.of(f)));
            want.write(data);
            want.write(new byte[(int) (sectors * 2048 - size)]);
            lba += sectors;
            if (i % 40 == 39) {   // metadata between the files flushes the batch first
                final int mark = i;
                list.add(new MetadataExtent(lba, 2, "meta" + i, () -> new org.discimage.layout.SectorProducer() {
                    @Override
                    public void next(ByteBuffer dst) {
                        int start = dst.position();
                        dst.putInt(0x3E7A0000 + mark);
                        dst.position(start + SECTOR_SIZE);
                    }
                }));
                for (int k = 0; k < 2; k++) {
                    byte[] sector = new byte[2048];
                    ByteBuffer.wrap(sector).putInt(0x3E7A0000 + mark);
                    want.write(sector);
                }
                lba += 2;
            }
        }
        Layout layout = new Layout(0, list);
        assertTrue(want.size() > 2 * ImageWriter.BATCH, "more than one batch: " + want.size());

        Path out = tmp.resolve("small.img");
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertEquals(want.size(), new ImageWriter(layout, ProgressListener.NONE, new Cancellation()).writeTo(ch));
        }
        assertArrayEquals(want.toByteArray(), Files.readAllBytes(out));
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        new ImageWriter(layout, ProgressListener.NONE, new Cancellation()).writeTo(Channels.newChannel(bos));
        assertArrayEquals(want.toByteArray(), bos.toByteArray());
    }

    @Test
    void aSmallFileThatGrewOrShrankFailsTheWrite() throws IOException {
        for (int now : new int[] {999, 1001}) {
            Path hostFile = Files.write(tmp.resolve("changes" + now), random(1000, 9));
            Layout layout = new Layout(0, List.of(new FileDataExtent(0, 1, "/changes", ContentSource.of(hostFile))));
            Files.write(hostFile, random(now, 9));
            DiscImageException e = assertThrows(DiscImageException.class, () ->
                    new ImageWriter(layout, ProgressListener.NONE, new Cancellation())
                            .writeTo(Channels.newChannel(OutputStreamNull.INSTANCE)));
            assertEquals(ErrorCode.DATA_STREAM_INCONSISTENCY, e.code());
            assertTrue(e.getMessage().contains(hostFile.toString()), e.getMessage());
        }
    }

    @Test
    void progressIsMonotonicAndEndsAtTotal() throws IOException {
        byte[] host = random(20_000_000, 3);
        Path hostFile = tmp.resolve("h");
        Files.write(hostFile, host);
        Layout layout = layout(hostFile, new byte[10]);
        List<Long> seen = new ArrayList<>();
        new ImageWriter(layout, (item, written, total) -> {
            assertEquals(layout.totalSectors(), total);
            seen.add(written);
        }, new Cancellation()).writeTo(Channels.newChannel(OutputStreamNull.INSTANCE));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress went backwards: " + seen);
        }
        assertEquals(layout.totalSectors(), seen.get(seen.size() - 1));
        assertTrue(seen.size() > 4, "a 20 MB file reports progress inside the file: " + seen);
    }

    @Test
    void fileThatShrankFailsTheWrite() throws IOException {
        Path hostFile = tmp.resolve("shrinks");
        Files.write(hostFile, random(50_000, 4));
        Layout layout = layout(hostFile, new byte[1]);
        Files.write(hostFile, random(40_000, 4));
        DiscImageException e = assertThrows(DiscImageException.class, () ->
                new ImageWriter(layout, ProgressListener.NONE, new Cancellation())
                        .writeTo(Channels.newChannel(OutputStreamNull.INSTANCE)));
        assertEquals(ErrorCode.DATA_STREAM_INCONSISTENCY, e.code());
        assertTrue(e.getMessage().contains(hostFile.toString()), e.getMessage());
    }

    @Test
    void shortStreamFailsTheWrite() throws IOException {
        List<PlannedExtent> list = List.of(new FileDataExtent(0, 1, "/s",
                ContentSource.of(new java.io.ByteArrayInputStream(new byte[100]), 200)));
        Layout layout = new Layout(0, list);
        DiscImageException e = assertThrows(DiscImageException.class, () ->
                new ImageWriter(layout, ProgressListener.NONE, new Cancellation())
                        .writeTo(Channels.newChannel(OutputStreamNull.INSTANCE)));
        assertEquals(ErrorCode.DATA_STREAM_INCONSISTENCY, e.code());
    }

    @Test
    void longStreamFailsTheRead() throws IOException {
        List<PlannedExtent> list = List.of(new FileDataExtent(0, 1, "/s",
                ContentSource.of(new java.io.ByteArrayInputStream(new byte[300]), 200)));
        Layout layout = new Layout(0, list);
        try (ReadableByteChannel in = new ImageChannel(layout, new Cancellation())) {
            DiscImageException e = assertThrows(DiscImageException.class, () -> {
                ByteBuffer b = ByteBuffer.allocate(4096);
                while (in.read(b) >= 0) {
                    b.clear();
                }
            });
            assertEquals(ErrorCode.DATA_STREAM_INCONSISTENCY, e.code());
        }
    }

    @Test
    void cancellationStopsTheWrite() throws IOException {
        Path hostFile = tmp.resolve("big");
        Files.write(hostFile, random(30_000_000, 5));
        Layout layout = layout(hostFile, new byte[1]);
        Cancellation c = new Cancellation();
        DiscImageException e = assertThrows(DiscImageException.class, () ->
                new ImageWriter(layout, (item, written, total) -> {
                    if (written > 0) {
                        c.cancel();
                    }
                }, c).writeTo(Channels.newChannel(OutputStreamNull.INSTANCE)));
        assertEquals(ErrorCode.REQUEST_CANCELLED, e.code());
    }

    /** Discards everything. */
    static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
