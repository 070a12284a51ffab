package org.discimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input through the public API: every failure is a DiscImageException with the right code. */
class BadInputTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    private static FileSystemImage image() {
        return new FileSystemImage(CLOCK);
    }

    /** Root reads every file whatever its mode: the unreadable-file test means nothing then. */
    private static boolean runningAsRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out.equals("0");
        } catch (IOException | InterruptedException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static DiscImageException expect(ErrorCode code, org.junit.jupiter.api.function.Executable body) {
        DiscImageException e = assertThrows(DiscImageException.class, body);
        assertEquals(code, e.code(), () -> "wrong code, message: " + e.getMessage());
        return e;
    }

    @Test
    void unreadableSourceFileNamesThePath() throws IOException {
        assumeFalse(runningAsRoot(), "running as root: a mode-000 file is still readable");
        Path src = Files.createDirectories(work.resolve("src"));
        Path locked = src.resolve("locked.bin");
        Files.write(locked, new byte[100]);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            DiscImageException e = assertThrows(DiscImageException.class, () -> {
                FileSystemImage image = image();
                image.root().addTree(src, false);
                image.createResultImage().writeTo(work.resolve("out.iso"));
            });
            assertTrue(e.getMessage().contains(locked.toString()), () -> "message does not name the path: " + e.getMessage());
            // and the same through addFile: adding or writing fails, naming the file
            DiscImageException e2 = assertThrows(DiscImageException.class, () -> {
                FileSystemImage image = image();
                image.root().addFile("locked.bin", locked);
                image.createResultImage().writeTo(work.resolve("out2.iso"));
            });
            assertTrue(e2.getMessage().contains(locked.toString()), () -> "message does not name the path: " + e2.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void sourceThatGrowsAfterPlanningFailsTheWrite() throws IOException {
        Path f = work.resolve("grows.bin");
        Files.write(f, new byte[5000]);
        FileSystemImage image = image();
        image.root().addFile("grows.bin", f);
        ImageResult result = image.createResultImage();
        try (OutputStream out = Files.newOutputStream(f, StandardOpenOption.APPEND)) {
            out.write(new byte[3000]);
        }
        DiscImageException e = expect(ErrorCode.DATA_STREAM_INCONSISTENCY, () -> result.writeTo(work.resolve("out.iso")));
        assertTrue(e.getMessage().contains(f.toString()), () -> "message does not name the file: " + e.getMessage());
    }

    @Test
    void sourceThatShrinksAfterPlanningFailsTheStream() throws IOException {
        Path f = work.resolve("shrinks.bin");
        Files.write(f, new byte[50_000]);
        FileSystemImage image = image();
        image.root().addFile("shrinks.bin", f);
        ImageResult result = image.createResultImage();
        Files.write(f, new byte[10]);
        IOException e = assertThrows(IOException.class, () -> {
            try (InputStream in = result.openStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        });
        DiscImageException d = unwrap(e);
        assertEquals(ErrorCode.DATA_STREAM_INCONSISTENCY, d.code(), d.getMessage());
    }

    @Test
    void streamSourceDeliveringTooFewBytesFailsTheWrite() throws IOException {
        FileSystemImage image = image();
        image.root().addFile("short.bin", ContentSource.of(() -> InputStream.nullInputStream(), 4096));
        ImageResult result = image.createResultImage();
        expect(ErrorCode.DATA_STREAM_INCONSISTENCY, () -> result.writeTo(work.resolve("out.iso")));
    }

    private static DiscImageException unwrap(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DiscImageException d) {
                return d;
            }
        }
        throw new AssertionError("no DiscImageException in the cause chain", t);
    }

    @Test
    void fileOver4GiBAtLevel1And2IsTooBig() throws IOException {
        for (IsoLevel level : new IsoLevel[] {IsoLevel.LEVEL_1, IsoLevel.LEVEL_2}) {
            FileSystemImage image = image();
            image.setIsoLevel(level);
            image.root().addFile("huge.bin", ContentSource.zeros(5L << 30));
            DiscImageException e = expect(ErrorCode.DATA_TOO_BIG, image::createResultImage);
            assertTrue(e.getMessage().contains("huge.bin"), () -> "message does not name the file: " + e.getMessage());
        }
    }

    @Test
    void fileOver4GiBAtLevel3IsPlanned() throws IOException {
        FileSystemImage image = image();
        image.setIsoLevel(IsoLevel.LEVEL_3);
        image.root().addFile("huge.bin", ContentSource.zeros(5L << 30));
        ImageResult result = image.createResultImage();
        assertTrue(result.sizeInBytes() > (5L << 30), "image smaller than its file: " + result.sizeInBytes());
    }

    @Test
    void strictPolicyRefusesANameThatNeedsMangling() throws IOException {
        FileSystemImage image = image();
        image.setFileSystems(FileSystem.ISO9660);
        image.setIsoLevel(IsoLevel.LEVEL_1);
        image.setNamePolicy(NamePolicy.STRICT);
        image.root().addFile("this name needs mangling.text", new byte[1]);
        DiscImageException e = expect(ErrorCode.INVALID_PATH, image::createResultImage);
        assertTrue(e.getMessage().contains("this name needs mangling.text"),
                () -> "message does not name the item: " + e.getMessage());
    }

    @Test
    void strictPolicyAcceptsAValidName() throws IOException {
        FileSystemImage image = image();
        image.setFileSystems(FileSystem.ISO9660);
        image.setIsoLevel(IsoLevel.LEVEL_1);
        image.setNamePolicy(NamePolicy.STRICT);
        image.root().addFile("VALID.TXT", new byte[1]);
        image.root().addFile("DIR/OTHER_1.DAT", new byte[1]);
        assertTrue(image.createResultImage().totalSectors() > 16);
    }

    @Test
    void duplicateAddIsDupName() throws IOException {
        FileSystemImage image = image();
        image.root().addFile("a/b.txt", new byte[1]);
        expect(ErrorCode.DUP_NAME, () -> image.root().addFile("a/b.txt", new byte[2]));
        expect(ErrorCode.DUP_NAME, () -> image.root().addSymlink("a/b.txt", "x"));
    }

    @Test
    void removingANonEmptyDirectoryIsDirNotEmpty() throws IOException {
        FileSystemImage image = image();
        image.root().addFile("dir/file.txt", new byte[1]);
        expect(ErrorCode.DIR_NOT_EMPTY, () -> image.root().remove("dir"));
        image.root().remove("dir/file.txt");
        image.root().remove("dir");
        assertEquals(0, image.root().count());
    }

    @Test
    void tooFewFreeMediaBlocksIsImageTooBig() throws IOException {
        FileSystemImage image = image();
        image.root().addFile("one-MiB.bin", ContentSource.zeros(1 << 20));
        image.setFreeMediaBlocks(100);
        expect(ErrorCode.IMAGE_TOO_BIG, image::createResultImage);
        image.setFreeMediaBlocks(10_000);
        assertTrue(image.createResultImage().totalSectors() <= 10_000);
    }

    @Test
    void deepTreeWithoutRockRidgeIsIso9660Levels() throws IOException {
        FileSystemImage image = image();
        image.setFileSystems(FileSystem.ISO9660);
        image.root().addFile("l1/l2/l3/l4/l5/l6/l7/l8/l9/deep.txt", new byte[1]);
        expect(ErrorCode.ISO9660_LEVELS, image::createResultImage);
    }

    @Test
    void cancelFromTheProgressListenerIsRequestCancelled() throws IOException {
        FileSystemImage image = image();
        for (int i = 0; i < 20; i++) {
            image.root().addFile("f" + i + ".bin", ContentSource.zeros(1 << 20));
        }
        ImageResult result = image.createResultImage();
        result.setProgressListener((item, written, total) -> {
            if (written > 0) {
                result.cancel();
            }
        });
        expect(ErrorCode.REQUEST_CANCELLED, () -> result.writeTo(work.resolve("cancelled.iso")));
    }

    @Test
    void progressIsMonotonicAndEndsAtTotalSectors() throws IOException {
        FileSystemImage image = image();
        for (int i = 0; i < 10; i++) {
            image.root().addFile("dir" + (i % 3) + "/f" + i + ".bin", ContentSource.zeros((long) i * 700_000 + 1));
        }
        ImageResult result = image.createResultImage();
        List<long[]> calls = new ArrayList<>();
        List<String> items = new ArrayList<>();
        result.setProgressListener((item, written, total) -> {
            calls.add(new long[] {written, total});
            items.add(item);
        });
        long bytes = result.writeTo(work.resolve("progress.iso"));
        assertEquals(result.sizeInBytes(), bytes);
        assertFalse(calls.isEmpty(), "no progress reported");
        long last = -1;
        for (long[] c : calls) {
            assertEquals(result.totalSectors(), c[1], "totalSectors in a progress call");
            assertTrue(c[0] >= last, "progress went backwards: " + last + " then " + c[0]);
            assertTrue(c[0] <= c[1], "progress beyond the total: " + c[0] + " of " + c[1]);
            last = c[0];
        }
        assertEquals(result.totalSectors(), last, "the last progress call is not at totalSectors()");
        assertTrue(items.stream().anyMatch(s -> s.contains("f9.bin")), "no progress call names a file: " + items);
    }

    @Test
    void treeLargerThanTheIso9660VolumeLimitIsRefused() throws Exception {
        // ECMA-119 8.4.8: 2^32 - 1 blocks of 2 KiB (8 TiB); zero sources need no disk, only planning runs
        FileSystemImage image = image();
        for (int i = 0; i < 3; i++) {
            image.root().addFile("huge" + i + ".bin", ContentSource.zeros(3L << 40));
        }
        DiscImageException e = expect(ErrorCode.IMAGE_SIZE_LIMIT, image::createResultImage);
        assertTrue(e.getMessage().contains("/huge"), e.getMessage());
    }

    @Test
    void tooManyDirectoriesForThePathTableAreRefused() throws Exception {
        // ECMA-119 9.4.4: path table parent numbers are 16-bit
        FileSystemImage image = image();
        for (int i = 0; i < 65_536; i++) {
            image.root().addDirectory("d" + i);
        }
        expect(ErrorCode.TOO_MANY_DIRS, image::createResultImage);
    }

    @Test
    void sourceThatCannotBeOpenedAtWriteTimeNamesThePath() throws IOException {
        // works as root too: the file is gone when the image is written
        Path f = work.resolve("vanishes.bin");
        Files.write(f, new byte[4000]);
        FileSystemImage image = image();
        image.root().addFile("vanishes.bin", f);
        ImageResult result = image.createResultImage();
        Files.delete(f);
        DiscImageException e = expect(ErrorCode.DATA_STREAM_CREATE_FAILURE, () -> result.writeTo(work.resolve("v.iso")));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        DiscImageException e2 = expect(ErrorCode.DATA_STREAM_CREATE_FAILURE, () -> result.openStream().readAllBytes());
        assertTrue(e2.getMessage().contains(f.toString()), e2.getMessage());
    }
}
