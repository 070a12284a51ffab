package org.discimage.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.media.SequentialImageMedium.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TOC file of the modelled sequential disc: what it says, and refusals of a broken one. */
class SequentialImageMediumTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    private static MultisessionSequential seq(SequentialImageMedium disc) {
        return (MultisessionSequential) disc.multisessionInterfaces().get(0);
    }

    @Test
    void aBlankDiscAndOneSessionAsTheTocRecordsIt() throws IOException {
        Path img = work.resolve("bd.img");
        try (SequentialImageMedium disc = SequentialImageMedium.open(img, Profile.BD_R)) {
            assertTrue(disc.isBlank());
            assertTrue(seq(disc).isFirstDataSession());
            assertEquals(0, disc.nextWritableAddress());
            assertEquals(Profile.BD_R.capacity(), disc.freeSectors());
            assertEquals(32, seq(disc).writeUnitSize());
            // IMAPI2: multisession interfaces are refused on a blank write-once disc
            assertEquals(ErrorCode.IMPORT_MEDIA_NOT_ALLOWED, assertThrows(DiscImageException.class,
                    () -> new FileSystemImage(CLOCK).setMultisessionInterfaces(disc.multisessionInterfaces())).code());
            FileSystemImage image = new FileSystemImage(CLOCK);
            disc.prepare(image);
            image.root().addFile("x.txt", "x\n".getBytes(StandardCharsets.UTF_8));
            long sectors = image.createResultImage().totalSectors();
            disc.append(image.createResultImage(), false);
            long track = (sectors + 31) / 32 * 32;
            assertFalse(seq(disc).isFirstDataSession());
            assertEquals(0, seq(disc).startAddressOfPreviousSession());
            assertEquals(track - 1, seq(disc).lastWrittenAddressOfPreviousSession());
            assertEquals((track + 38_112 + 31) / 32 * 32, seq(disc).nextWritableAddress());
            FileSystemImage next = new FileSystemImage(CLOCK);
            disc.prepare(next);
            assertEquals(seq(disc).nextWritableAddress(), next.sessionStartBlock());
            assertEquals(Profile.BD_R.capacity() - next.sessionStartBlock(), next.freeMediaBlocks());
            assertTrue(next.root().children().stream().anyMatch(i -> i.name().equals("x.txt")), "imported");
        }
        assertEquals("discimage-sequential-toc 1\nprofile BD-R\ncapacity 12219392\nstate appendable\nsession 1 0 "
                + Files.size(img) / 2048 + "\n", Files.readString(SequentialImageMedium.tocOf(img)));
        assertEquals(0, Files.size(img) % (32 * 2048), "the track is padded to whole 64 KiB clusters");
    }

    @Test
    void aSessionWriterStopsAtTheCapacityBeforeWriting() throws IOException {
        Path img = work.resolve("small.img");
        try (SequentialImageMedium disc = SequentialImageMedium.open(img, Profile.CD_R, 1000)) {
            try (SequentialImageMedium.SessionWriter w = disc.openSession()) {
                w.write(0, ByteBuffer.allocate(900 * 2048));
                DiscImageException e = assertThrows(DiscImageException.class,
                        () -> w.write(900, ByteBuffer.allocate(101 * 2048)));
                assertEquals(ErrorCode.IMAGE_TOO_BIG, e.code());
                assertEquals(900 * 2048L, Files.size(img), "nothing of the refused write reached the file");
                assertEquals(ErrorCode.INVALID_PARAM, assertThrows(DiscImageException.class,
                        () -> w.write(900, ByteBuffer.allocate(100))).code(), "not whole blocks");
                w.write(900, ByteBuffer.allocate(100 * 2048));
                assertEquals(ErrorCode.INVALID_PARAM, assertThrows(DiscImageException.class,
                        disc::openSession).code(), "one writer at a time");
                // 1000 blocks of zeros: no volume descriptors, but the model records what was written
                w.closeSession(false);
            }
            assertEquals(0, disc.freeSectors(), "the gap after the session lies beyond the capacity");
            assertEquals(ErrorCode.NO_COMPATIBLE_MULTISESSION_TYPE, assertThrows(DiscImageException.class,
                    disc::openSession).code());
            assertEquals(1, disc.sessions().size());
            assertEquals(0, disc.sessions().get(0).sectors(), "no PVD in the session: size unknown");
        }
    }

    @Test
    void aBrokenTocOrAnImageWithoutOneIsRefused() throws IOException {
        Path img = work.resolve("cd.img");
        Files.write(img, new byte[40 * 2048]);
        DiscImageException e = assertThrows(DiscImageException.class, () -> SequentialImageMedium.open(img,
                Profile.CD_R));
        assertEquals(ErrorCode.MALFORMED_STRUCTURE, e.code());
        assertTrue(e.getMessage().contains("no TOC"), e.getMessage());
        Path toc = SequentialImageMedium.tocOf(img);
        for (String bad : new String[] {
            "discimage-sequential-toc 2\n",
            "discimage-sequential-toc 1\nprofile CD-ROM\n",
            "discimage-sequential-toc 1\nprofile CD-R\nsession 1 0\n",
            "discimage-sequential-toc 1\nprofile CD-R\nsession 1 0 300\nsession 2 100 300\n",
            "discimage-sequential-toc 1\nprofile CD-R\ncapacity 1000\nsession 1 0 3000\n",
            "discimage-sequential-toc 1\nprofile CD-R\nsession 2 0 300\n",
            "discimage-sequential-toc 1\nprofile CD-R\nwhatever 1\n"}) {
            Files.writeString(toc, bad);
            DiscImageException b = assertThrows(DiscImageException.class, () -> SequentialImageMedium.open(img,
                    Profile.CD_R), bad);
            assertEquals(ErrorCode.MALFORMED_STRUCTURE, b.code(), bad);
            assertTrue(b.getMessage().contains(toc.toString()), b.getMessage());
        }
        Files.writeString(toc, "discimage-sequential-toc 1\nprofile DVD-R\n");
        assertEquals(ErrorCode.INVALID_PARAM, assertThrows(DiscImageException.class,
                () -> SequentialImageMedium.open(img, Profile.CD_R)).code());
    }
}
