package org.discimage.recorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DataWriter#write(Path, long)}: an image file recorded as a session (the CLI's {@code burn --image});
 * the readers' view of it is RecorderCliTest's. Here: the bytes on the disc, verification re-reading the file to
 * name a corrupted block, and the refusals.
 */
class DataWriterImageFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    /** A one-session image laid out at LBA 0, written to a file. */
    private Path imageFile(String name) throws IOException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.setVolumeName(name);
        image.root().addFile("a.txt", "a\n".getBytes(StandardCharsets.UTF_8));
        image.root().addFile("z.bin", ContentSource.zeros(500_000));
        Path file = work.resolve(name + ".iso");
        image.createResultImage().writeTo(file);
        return file;
    }

    @Test
    void theFileIsRecordedAtLbaZeroAndVerified() throws IOException {
        Path file = imageFile("FILE");
        Path disc = work.resolve("disc.img");
        try (DiscRecorder r = DiscMaster.open("emulated:dvdplusr:" + disc)) {
            DataWriter w = new DataWriter(r);
            w.setVerification(Verification.FULL);
            w.write(file, 0);
            MediaInfo m = r.media();
            assertEquals(Set.of(MediaState.APPENDABLE), m.states());
            assertEquals(1, m.sessions().size());
            assertEquals(0, m.sessions().get(0).startLba());
        }
        byte[] image = Files.readAllBytes(file);
        assertArrayEquals(image, Arrays.copyOf(Files.readAllBytes(disc), image.length));
    }

    @Test
    void verificationRereadsTheFileToNameTheCorruptedBlock() throws IOException {
        Path file = imageFile("FILE");
        Path disc = work.resolve("corrupt.img");
        long bad = 120; // inside z.bin's zeros
        try (DiscRecorder r = DiscMaster.open("emulated:cdr:" + disc)) {
            DataWriter w = new DataWriter(r);
            w.setVerification(Verification.FULL);
            w.setProgressListener(p -> {
                if (p.action() == WriteAction.VERIFYING && p.sectorsWritten() == 0) {
                    try (FileChannel ch = FileChannel.open(disc, StandardOpenOption.WRITE)) {
                        ch.write(ByteBuffer.wrap(new byte[] {(byte) 0x5A}), bad * 2048 + 3);
                    } catch (IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                }
            });
            DiscImageException e = assertThrows(DiscImageException.class, () -> w.write(file, 0));
            assertEquals(ErrorCode.BURN_VERIFICATION_FAILED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("LBA " + bad + " read back differs"), e.getMessage());
        }
    }

    @Test
    void refusals() throws IOException {
        Path file = imageFile("FILE");
        Path odd = work.resolve("odd.iso");
        Files.write(odd, new byte[2049]);
        try (DiscRecorder r = DiscMaster.open("emulated:bdr:" + work.resolve("b.img"))) {
            DataWriter w = new DataWriter(r);
            DiscImageException partial = assertThrows(DiscImageException.class, () -> w.write(odd, 0));
            assertEquals(ErrorCode.DF2DATA_STREAM_NOT_SUPPORTED, partial.code(), partial.getMessage());
            assertTrue(partial.getMessage().contains("2049 bytes"), partial.getMessage());
            // laid out for LBA 32, the blank disc's NWA is 0
            DiscImageException moved = assertThrows(DiscImageException.class, () -> w.write(file, 32));
            assertEquals(ErrorCode.DF2DATA_STREAM_NOT_SUPPORTED, moved.code(), moved.getMessage());
            assertTrue(moved.getMessage().contains("planned at LBA 32"), moved.getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.write(file, -1));
            assertEquals(Set.of(MediaState.BLANK), r.media().states(), "nothing written");
        }
    }
}
