package org.discimage.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Set;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;

/**
 * The compact forms of {@link ImportedEntry} (linked to its directory, one extent as numbers) and
 * {@link ImportedSource}: they answer as the whole-path, list-holding forms did.
 */
class ImportedEntryTest {
    @Test
    void aLinkedEntryBuildsItsPathAndEqualsTheEntryMadeFromThePath() {
        ImportedEntry root = LinkedEntries.root();
        ImportedEntry d = LinkedEntries.dir(root, "docs");
        ImportedEntry sub = LinkedEntries.dir(d, "sub dir");
        ImportedEntry f = LinkedEntries.file(sub, "a.txt", 40, 5);
        assertEquals("/", root.path());
        assertEquals("", root.name());
        assertNull(root.parent());
        assertEquals("/docs", d.path());
        assertEquals("/docs/sub dir/a.txt", f.path());
        assertEquals("a.txt", f.name());
        assertSame(sub, f.parent());

        ImportedEntry byPath = new ImportedEntry("/docs/sub dir/a.txt", ItemType.FILE, 5, 0100640, 7, 8,
                LinkedEntries.TIME, null, null, null, List.of(new FileExtent(40, 5)), null, 1, -1, -1, Set.of());
        assertNull(byPath.parent());
        assertEquals("a.txt", byPath.name());
        assertEquals(byPath, f);
        assertEquals(f, byPath);
        assertEquals(byPath.hashCode(), f.hashCode());
        assertEquals(byPath.toString(), f.toString());
        assertNotEquals(LinkedEntries.file(sub, "a.txt", 41, 5), f, "another extent");
        assertNotEquals(LinkedEntries.file(d, "a.txt", 40, 5), f, "another directory");
    }

    @Test
    void oneExtentIsReadAsTheListHeldIt() {
        ImportedEntry f = LinkedEntries.file(LinkedEntries.root(), "f", 0xFFFF_FFFFL, 0xFFFF_FFFFL);
        assertEquals(List.of(new FileExtent(0xFFFF_FFFFL, 0xFFFF_FFFFL)), f.extents());
        assertEquals(1, f.extentCount());
        assertEquals(0xFFFF_FFFFL, f.extentLba(0));
        assertEquals(0xFFFF_FFFFL, f.extentLength(0));
        assertThrows(IndexOutOfBoundsException.class, () -> f.extentLba(1));

        List<FileExtent> three = List.of(new FileExtent(10, 4096), new FileExtent(20, 2048), new FileExtent(30, 7));
        ImportedEntry multi = LinkedEntries.file(LinkedEntries.root(), "m", three);
        assertEquals(three, multi.extents());
        assertEquals(3, multi.extentCount());
        assertEquals(30, multi.extentLba(2));
        assertEquals(7, multi.extentLength(2));

        ImportedEntry link = ImportedEntry.of("/l", ItemType.SYMLINK, 0, ImportedEntry.NO_MODE, 0, 0,
                LinkedEntries.TIME, "t", List.of(), false);
        assertEquals(List.of(), link.extents());
        assertEquals(0, link.extentCount());
        assertThrows(IndexOutOfBoundsException.class, () -> link.extentLba(0));
        // the range ECMA-119 733 fields allow, checked without a FileExtent being made
        assertThrows(IllegalArgumentException.class,
                () -> LinkedEntries.file(LinkedEntries.root(), "f", 0x1_0000_0000L, 1));
        assertThrows(IllegalArgumentException.class, () -> LinkedEntries.file(LinkedEntries.root(), "f", 1, -1));
    }

    @Test
    void aSourceOfOneExtentAndOneOfSeveralReadTheSameBytes() throws IOException {
        byte[] image = new byte[64 * 2048];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 31 + i / 2048);
        }
        SectorReader sectors = new ByteArraySectorReader(image);
        int size = 3 * 2048 + 100;
        ImportedEntry root = LinkedEntries.root();
        ImportedEntry one = LinkedEntries.file(LinkedEntries.dir(root, "d"), "one.bin", 10, size);
        ImportedEntry split = LinkedEntries.file(root, "split.bin",
                List.of(new FileExtent(10, 2048), new FileExtent(11, 2048), new FileExtent(12, 2048 + 100)));
        byte[] expected = java.util.Arrays.copyOfRange(image, 10 * 2048, 10 * 2048 + size);
        ImportedSource a = ImportedSource.of(sectors, one);
        ImportedSource b = ImportedSource.of(sectors, split);
        assertArrayEquals(expected, read(a));
        assertArrayEquals(expected, read(b));
        assertEquals(List.of(new FileExtent(10, size)), a.extents());
        assertEquals(split.extents(), b.extents());
        assertEquals(1, a.extentCount());
        assertEquals(3, b.extentCount());
        assertEquals(12, b.extentLba(2));
        assertEquals(2148, b.extentLength(2));
        assertEquals("imported /d/one.bin", a.description());
        assertEquals("imported /split.bin", b.description());
        ImportedSource byPath = ImportedSource.of(sectors, ImportedEntry.of("/x/y.bin", ItemType.FILE, size, 0644, 0, 0,
                LinkedEntries.TIME, null, List.of(new FileExtent(10, size)), false));
        assertEquals("imported /x/y.bin", byPath.description());
        assertArrayEquals(expected, read(byPath));
    }

    @Test
    void aSourcePastTheMediumNamesItsPath() throws IOException {
        SectorReader sectors = new ByteArraySectorReader(new byte[4 * 2048]);
        ImportedEntry f = LinkedEntries.file(LinkedEntries.dir(LinkedEntries.root(), "far"), "away.bin", 9, 10);
        DiscImageException e = assertThrows(DiscImageException.class, () -> read(ImportedSource.of(sectors, f)));
        assertEquals(ErrorCode.IMPORT_READ_FAILURE, e.code());
        assertTrue(e.getMessage().contains("/far/away.bin") && e.getMessage().contains("LBA 9"), e::getMessage);
    }

    private static byte[] read(ImportedSource s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Channels.newInputStream(s.openChannel())) {
            in.transferTo(out);
        }
        assertEquals(s.size(), out.size());
        return out.toByteArray();
    }
}
