package org.discimage.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.SectorReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FileSystemImage.setMultisessionInterfaces validates as IMAPI2 does; ImageFileMedium offers one random-write interface. */
class MultisessionInterfacesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    /** A medium of {@code sectors} zero sectors. */
    private static final class Blank implements SectorReader {
        final long sectors;

        Blank(long sectors) {
            this.sectors = sectors;
        }

        @Override
        public int read(long lba, ByteBuffer dst) {
            int n = (int) Math.min(dst.remaining() / SECTOR_SIZE, Math.max(0, sectors - lba));
            dst.position(dst.position() + n * SECTOR_SIZE);
            return n;
        }

        @Override
        public long sectorCount() {
            return sectors;
        }

        @Override
        public void close() {
        }
    }

    private static class Seq implements MultisessionSequential {
        boolean supported = true;
        boolean inUse;
        boolean first;
        long start = 0;
        long last = 999;
        long nwa = 1000 + 11_400;
        long free = 100_000;
        int unit = 1;
        SectorReader medium = new Blank(2000);

        @Override public boolean isSupportedOnCurrentMediaState() { return supported; }
        @Override public boolean inUse() { return inUse; }
        @Override public void setInUse(boolean inUse) { this.inUse = inUse; }
        @Override public SectorReader importMedium() { return medium; }
        @Override public boolean isFirstDataSession() { return first; }
        @Override public long startAddressOfPreviousSession() { return start; }
        @Override public long lastWrittenAddressOfPreviousSession() { return last; }
        @Override public long nextWritableAddress() { return nwa; }
        @Override public long freeSectorsOnMedia() { return free; }
        @Override public int writeUnitSize() { return unit; }
    }

    private static class Rw implements MultisessionRandomWrite {
        boolean supported = true;
        boolean inUse;
        long last = -1;
        long total = 100_000;
        int unit = 16;

        @Override public boolean isSupportedOnCurrentMediaState() { return supported; }
        @Override public boolean inUse() { return inUse; }
        @Override public void setInUse(boolean inUse) { this.inUse = inUse; }
        @Override public SectorReader importMedium() { return new Blank(0); }
        @Override public int writeUnitSize() { return unit; }
        @Override public long lastWrittenAddress() { return last; }
        @Override public long totalSectorsOnMedia() { return total; }
    }

    private static ErrorCode fail(List<? extends Multisession> list) {
        return assertThrows(DiscImageException.class, () -> new FileSystemImage(CLOCK).setMultisessionInterfaces(list))
                .code();
    }

    @Test
    void emptyOrNullListIsABadParameter() {
        assertEquals(ErrorCode.BAD_MULTISESSION_PARAMETER, fail(List.of()));
        assertEquals(ErrorCode.BAD_MULTISESSION_PARAMETER, fail(null));
        assertEquals(ErrorCode.BAD_MULTISESSION_PARAMETER, fail(Arrays.asList(new Seq(), null)));
    }

    @Test
    void twoInUseIsABadParameter() {
        Seq a = new Seq();
        Rw b = new Rw();
        a.inUse = true;
        b.inUse = true;
        assertEquals(ErrorCode.BAD_MULTISESSION_PARAMETER, fail(List.of(a, b)));
    }

    @Test
    void inconsistentAddressesAreBadParameters() {
        Seq s = new Seq();
        s.nwa = s.last; // the next session would overwrite the previous one
        assertEquals(ErrorCode.BAD_MULTISESSION_PARAMETER, fail(List.of(s)));
        Seq u = new Seq();
        u.unit = 0;
        assertEquals(ErrorCode.BAD_MULTISESSION_PARAMETER, fail(List.of(u)));
        Rw r = new Rw();
        r.last = r.total;
        assertEquals(ErrorCode.BAD_MULTISESSION_PARAMETER, fail(List.of(r)));
        Seq m = new Seq();
        m.medium = null;
        assertEquals(ErrorCode.BAD_MULTISESSION_PARAMETER, fail(List.of(m)));
    }

    @Test
    void anUnusableTypeInUseIsIncompatible() {
        Seq s = new Seq();
        s.supported = false;
        s.inUse = true;
        assertEquals(ErrorCode.INCOMPATIBLE_MULTISESSION_TYPE, fail(List.of(s, new Rw())));
        Multisession other = new Multisession() {
            @Override public boolean isSupportedOnCurrentMediaState() { return true; }
            @Override public boolean inUse() { return true; }
            @Override public void setInUse(boolean inUse) { }
            @Override public SectorReader importMedium() { return new Blank(0); }
        };
        assertEquals(ErrorCode.INCOMPATIBLE_MULTISESSION_TYPE, fail(List.of(other)));
    }

    @Test
    void noUsableTypeIsNoCompatibleType() {
        Seq s = new Seq();
        s.supported = false;
        Rw r = new Rw();
        r.supported = false;
        assertEquals(ErrorCode.NO_COMPATIBLE_MULTISESSION_TYPE, fail(List.of(s, r)));
    }

    @Test
    void blankWriteOnceMediaIsNotAllowed() {
        Seq s = new Seq();
        s.first = true;
        assertEquals(ErrorCode.IMPORT_MEDIA_NOT_ALLOWED, fail(List.of(s)));
    }

    @Test
    void anInterfaceThatThrowsIsAnInternalError() {
        Seq s = new Seq() {
            @Override public long nextWritableAddress() { throw new IllegalStateException("drive gone"); }
        };
        assertEquals(ErrorCode.FSI_INTERNAL_ERROR, fail(List.of(s)));
    }

    @Test
    void sequentialSetsSessionStartAndBudget() throws DiscImageException {
        Seq s = new Seq();
        Rw r = new Rw();
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.setMultisessionInterfaces(List.of(s, r));
        assertEquals(s.nwa, image.sessionStartBlock());
        assertEquals(s.free, image.freeMediaBlocks());
        r.inUse = true;
        image.setMultisessionInterfaces(List.of(s, r));
        assertEquals(32, image.sessionStartBlock(), "random-write: after the 64 KiB header, on a write unit");
        r.last = 1000;
        image.setMultisessionInterfaces(List.of(s, r));
        assertEquals(1008, image.sessionStartBlock(), "1001 rounded up to 16");
    }

    @Test
    void importWithoutInterfacesIsNotSetAndBlankOrUnreachableIsASeekFailure() throws DiscImageException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        assertEquals(ErrorCode.MULTISESSION_NOT_SET,
                assertThrows(DiscImageException.class, image::importFileSystem).code());
        image.setMultisessionInterfaces(List.of(new Rw())); // blank random-write: allowed, nothing to import
        assertEquals(ErrorCode.IMPORT_SEEK_FAILURE,
                assertThrows(DiscImageException.class, image::importFileSystem).code());
        Seq s = new Seq();
        s.start = 5000; // beyond the 2000 sectors the medium reads
        s.last = 6000;
        s.nwa = 7000;
        image.setMultisessionInterfaces(List.of(s));
        assertEquals(ErrorCode.IMPORT_SEEK_FAILURE,
                assertThrows(DiscImageException.class, image::importFileSystem).code());
    }

    @Test
    void aFullMediumRefusesTheSession() throws DiscImageException {
        Seq s = new Seq();
        s.free = 0;
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.setMultisessionInterfaces(List.of(s));
        assertEquals(ErrorCode.IMAGE_TOO_BIG,
                assertThrows(DiscImageException.class, image::createResultImage).code());
    }

    @Test
    void anImageFileOffersOneRandomWriteInterfaceBlankOrNot() throws IOException {
        Path img = work.resolve("m.iso");
        List<String> volumes = new ArrayList<>();
        for (String label : List.of("ONE", "TWO")) {
            try (ImageFileMedium medium = ImageFileMedium.open(img)) {
                List<Multisession> offered = medium.multisessionInterfaces();
                assertEquals(1, offered.size());
                assertTrue(offered.get(0) instanceof MultisessionRandomWrite);
                FileSystemImage image = new FileSystemImage(CLOCK);
                image.setMultisessionInterfaces(offered);
                assertEquals(medium.nextWritableAddress(), image.sessionStartBlock());
                if (!medium.isBlank()) {
                    assertEquals(FileSystem.ROCK_RIDGE, image.importFileSystem());
                    assertEquals("ONE", image.importedVolumeName());
                }
                image.setVolumeName(label);
                image.root().addFile(label.toLowerCase() + ".txt", label.getBytes());
                volumes.add(medium.append(image.createResultImage()).volumeId());
            }
        }
        assertEquals(List.of("ONE", "TWO"), volumes);
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            assertEquals(2, medium.sessions().size());
            assertEquals(32, medium.sessions().get(0).startLba());
        }
        assertTrue(Files.size(img) % (32 * 2048) == 0, "padded to the 64 KiB alignment");
    }
}
