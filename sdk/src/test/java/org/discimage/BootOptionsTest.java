package org.discimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.discimage.BootOptions.Emulation;
import org.discimage.BootOptions.Platform;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * El Torito options: IMAPI2's size-based emulation switch, the defaults, and bad input refused
 * with IMAPI2's boot error codes naming the entry. (The catalog itself is proven by the readers in
 * {@code ElToritoInteropTest}.)
 */
class BootOptionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);

    private static void refused(ErrorCode code, String fragment, Executable body) {
        DiscImageException e = assertThrows(DiscImageException.class, body);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static BootOptions bytes(int n) {
        return BootOptions.of(ContentSource.of(new byte[n]));
    }

    @Test
    void assignBootImageSwitchesEmulationBySize() {
        assertEquals(Emulation.FLOPPY_1_2, bytes(1_228_800).emulation());
        assertEquals(Emulation.FLOPPY_1_44, bytes(1_474_560).emulation());
        assertEquals(Emulation.FLOPPY_2_88, bytes(2_949_120).emulation());
        assertEquals(Emulation.NONE, bytes(1_474_561).emulation());
        BootOptions o = bytes(2048);
        assertEquals(BootOptions.DEFAULT_LOAD_SEGMENT, o.loadSegment());
        assertEquals(4, o.sectorCount());
        assertEquals(1, bytes(1_474_560).sectorCount());
        assertEquals(20, bytes(10_000).setPlatform(Platform.EFI).sectorCount());
    }

    @Test
    void badBootInputIsRefused() throws IOException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        refused(ErrorCode.BOOT_IMAGE_DATA, "boot entry 0 has an empty boot image (byte[0])",
                () -> image.setBootImageOptions(List.of(bytes(0))));
        refused(ErrorCode.BOOT_IMAGE_DATA, "boot entry 1 has no boot image",
                () -> image.setBootImageOptions(List.of(bytes(2048), new BootOptions())));
        refused(ErrorCode.INVALID_PARAM, "33 boot entries",
                () -> image.setBootImageOptions(Collections.nCopies(33, bytes(2048))));
        refused(ErrorCode.BOOT_EMULATION_IMAGE_SIZE_MISMATCH, "holds 1474561",
                () -> image.setBootImageOptions(List.of(bytes(1_474_561).setEmulation(Emulation.FLOPPY_1_44))));
        refused(ErrorCode.BOOT_IMAGE_DATA, "too few for a boot-info table",
                () -> image.setBootImageOptions(List.of(bytes(63).setBootInfoTable(true))));
        refused(ErrorCode.BOOT_IMAGE_DATA, "only into a no-emulation image",
                () -> image.setBootImageOptions(List.of(bytes(1_474_560).setBootInfoTable(true))));
        // hard disk without an MBR: refused when the catalog is planned
        image.setBootImageOptions(List.of(bytes(4096).setEmulation(Emulation.HARD_DISK)));
        refused(ErrorCode.BOOT_IMAGE_DATA, "needs an MBR", image::createResultImage);
        // 32 entries are fine
        List<BootOptions> many = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            many.add(bytes(2048));
        }
        image.setBootImageOptions(many);
        assertEquals(32, image.bootImageOptions().size());
        // an entry made bad after it was given is caught when planning (entries are referenced)
        many.get(5).assignBootImage(ContentSource.of(new byte[0]));
        refused(ErrorCode.BOOT_IMAGE_DATA, "boot entry 5 has an empty boot image", image::createResultImage);
    }

    @Test
    void bootNeedsIso9660AndTheFirstSession() throws IOException {
        FileSystemImage udf = new FileSystemImage(CLOCK);
        udf.setFileSystems(FileSystem.UDF);
        udf.setBootImageOptions(List.of(bytes(2048)));
        refused(ErrorCode.BOOT_OBJECT_CONFLICT, "ISO 9660", udf::createResultImage);
        FileSystemImage later = new FileSystemImage(CLOCK);
        later.setSessionStartBlock(1000);
        later.setBootImageOptions(List.of(bytes(2048)));
        refused(ErrorCode.BOOT_OBJECT_CONFLICT, "first session", later::createResultImage);
    }

    /** Same options, same clock: byte-identical images; the boot record sits at LBA 17. */
    @Test
    void deterministicWithBootRecordAt17() throws IOException {
        byte[] a = build();
        byte[] b = build();
        assertTrue(java.util.Arrays.equals(a, b), "two builds differ");
        assertEquals(0, a[17 * 2048]);
        assertEquals("EL TORITO SPECIFICATION", new String(a, 17 * 2048 + 7, 23, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, a[16 * 2048], "PVD at 16");
        assertEquals(2, a[18 * 2048], "Joliet SVD at 18");
        assertEquals((byte) 255, a[19 * 2048], "terminator at 19");
    }

    /** The importer passes over the boot record at 17 and reads the tree of a bootable image. */
    @Test
    void bootableImageImports(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws IOException {
        java.nio.file.Path iso = java.nio.file.Files.write(tmp.resolve("boot.iso"), build());
        try (org.discimage.importer.SectorReader sectors = org.discimage.importer.ImageFileSectorReader.open(iso)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            assertEquals(FileSystem.ROCK_RIDGE, image.importFileSystem(sectors, 0));
            assertTrue(image.root().item("a.txt").isPresent());
            assertEquals(1, image.root().children().size(), "boot image and catalog are hidden");
        }
    }

    /** A boot image (buffered to patch its boot-info table) that shrank after planning is not written. */
    @Test
    void shrunkBootImageIsRefusedWhenWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws IOException {
        java.nio.file.Path boot = java.nio.file.Files.write(tmp.resolve("boot.bin"), new byte[4000]);
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.setBootImageOptions(List.of(BootOptions.of(boot).setBootInfoTable(true)));
        ImageResult result = image.createResultImage();
        java.nio.file.Files.write(boot, new byte[3000]);
        refused(ErrorCode.DATA_STREAM_INCONSISTENCY, "boot.bin", () -> result.writeTo(new ByteArrayOutputStream()));
    }

    private static byte[] build() throws IOException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.root().addFile("a.txt", ContentSource.of("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        image.setBootImageOptions(List.of(bytes(4000).setBootInfoTable(true), bytes(3000).setPlatform(Platform.EFI)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        image.createResultImage().writeTo(out);
        return out.toByteArray();
    }
}
