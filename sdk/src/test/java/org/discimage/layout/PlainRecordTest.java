package org.discimage.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.discimage.FileSystem;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.ProgressListener;
import org.discimage.VolumeIdentifiers;
import org.discimage.pipeline.Cancellation;
import org.discimage.pipeline.ImageWriter;
import org.discimage.source.ContentSource;
import org.discimage.tree.DeviceItem;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.junit.jupiter.api.Test;

/**
 * The records of plain files and directories are written without Rock Ridge entry objects
 * ({@link RockRidgeEntries#putPlainChild}); they must be the bytes the entry objects give. Every
 * kind of record the general path knows is in the tree, so a divergence in sizing (planning) or in
 * bytes (emission) shows as a different image.
 */
class PlainRecordTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T21:30:00Z"), ZoneOffset.UTC);

    @Test
    void plainRecordsAreTheBytesOfTheEntryObjects() throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        for (int i = 0; i < 120; i++) {
            root.addFile("dir" + (i % 7) + "/file-" + i + ".txt", new byte[i * 37]);
        }
        root.addFile("Ünïcödé/naïve café.txt", new byte[10]);
        root.addFile("日本語/ファイル名.dat", new byte[2049]);
        root.addFile("emoji/\uD83D\uDE00 smile", new byte[1]);
        root.addFile("odd/lone \uD800 surrogate", new byte[1]); // UTF-8 writes '?': as many bytes as chars
        root.addFile("odd/latin-1 \u00e9\u00ff", new byte[1]);
        root.addFile("long/" + "n".repeat(100) + ".txt", new byte[5]); // fits in the record
        root.addFile("long/" + "m".repeat(180) + ".txt", new byte[5]); // NM needs a continuation area
        root.addFile("long/" + "é".repeat(140), new byte[5]); // 280 UTF-8 bytes: two NM entries
        root.addFile("long/" + "x".repeat(255), new byte[5]); // the longest name
        FileItem hidden = root.addFile("hidden.bin", new byte[3]);
        hidden.setHidden(true);
        hidden.setMode(0600);
        hidden.setOwner(-2, 70000);
        hidden.setTimes(Instant.parse("1890-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59Z"));
        Directory hiddenDir = root.addDirectory("hidden-dir");
        hiddenDir.setHidden(true);
        FileItem linked = root.addFile("links/a", new byte[100]);
        root.addHardLink("links/b", linked);
        root.addHardLink("links/sub/c", linked);
        root.addSymlink("links/sym", "../hidden.bin");
        root.addDevice("dev/sda", DeviceItem.Kind.BLOCK, 8, 0);
        root.addFile("empty", new byte[0]);
        root.addFile("huge.bin", ContentSource.zeros(0x1_0000_0000L + 5)); // multi-extent: two records
        root.addFile("a/b/c/d/e/f/g/h/i/j/deep.txt", new byte[7]); // relocated, stub and RE records
        PlanRequest request = new PlanRequest(root, EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET,
                FileSystem.ROCK_RIDGE), IsoLevel.LEVEL_3, NamePolicy.MANGLE, VolumeIdentifiers.defaults(),
                CLOCK.instant(), 0);
        Layout fast = IsoImagePlanner.plan(request);
        Layout general = IsoImagePlanner.planWithGeneralRecords(request);
        assertEquals(general.totalSectors(), fast.totalSectors());
        assertArrayEquals(metadata(general), metadata(fast));
    }

    @Test
    void aPlainFileRecordHoldsPxTfAndOneNm() throws IOException {
        Directory root = Directory.newRoot(CLOCK);
        FileItem f = root.addFile("readme.txt", new byte[1]);
        PlanNode n = new PlanNode(f, 7);
        assertEquals(44 + 26 + 5 + 10, RockRidgeEntries.plainChildLength(n, RockRidgeEntries.Kind.NORMAL));
        assertEquals(-1, RockRidgeEntries.plainChildLength(n, RockRidgeEntries.Kind.RELOCATED));
        PlanNode link = new PlanNode(root.addSymlink("l", "readme.txt"), 8);
        assertEquals(-1, RockRidgeEntries.plainChildLength(link, RockRidgeEntries.Kind.NORMAL));
    }

    /** The image up to the file data (the 4 GiB of zeros are the same either way). */
    private static byte[] metadata(Layout layout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new ImageWriter(layout, ProgressListener.NONE, new Cancellation()).writeTo(
                    Channels.newChannel(new LimitedStream(out, 8L << 20)));
        } catch (LimitedStream.Full expected) {
            // stopped inside the file data
        }
        return out.toByteArray();
    }

    /** A stream that stops the writer after {@code limit} bytes. */
    private static final class LimitedStream extends java.io.OutputStream {
        static final class Full extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }

        private final ByteArrayOutputStream out;
        private final long limit;

        LimitedStream(ByteArrayOutputStream out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (out.size() + len > limit) {
                throw new Full();
            }
            out.write(b, off, len);
        }
    }
}
