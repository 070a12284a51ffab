package org.discimage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images built after a rollback are byte-identical to images built from the tree as it was. */
class ChangePointImageTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static byte[] bytes(FileSystemImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        image.createResultImage().writeTo(out);
        return out.toByteArray();
    }

    private FileSystemImage filled() throws IOException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.setVolumeName("CHANGE_POINTS");
        image.root().addFile("docs/a.txt", "alpha\n".getBytes());
        image.root().addFile("docs/b.txt", "bravo\n".getBytes());
        image.root().addSymlink("docs/link", "a.txt");
        image.root().addDirectory("empty");
        return image;
    }

    @Test
    void rolledBackTreeBuildsTheSameBytes() throws IOException {
        FileSystemImage image = filled();
        byte[] before = bytes(image);
        long point = image.changePoint();
        image.root().addFile("docs/c.txt", new byte[5000]);
        image.root().remove("docs/a.txt");
        image.root().addFile("docs/a.txt", "replaced\n".getBytes());
        image.root().removeTree("empty");
        image.root().item("docs").orElseThrow().setMode(0700);
        image.root().item("docs/b.txt").orElseThrow().setTimes(Instant.EPOCH);
        Files.createDirectories(tmp.resolve("host/x"));
        Files.writeString(tmp.resolve("host/x/h.txt"), "host\n");
        image.root().addTree(tmp.resolve("host"), false);
        byte[] changed = bytes(image);
        assertFalse(Arrays.equals(before, changed));
        image.rollbackToChangePoint(point);
        assertArrayEquals(before, bytes(image));
        assertArrayEquals(before, bytes(filled()), "and equal to a tree built afresh");
    }

    @Test
    void anImportIsRolledBack() throws IOException {
        Path iso = tmp.resolve("old.iso");
        filled().createResultImage().writeTo(iso);
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.root().addFile("mine.txt", "mine\n".getBytes());
        byte[] before = bytes(image);
        long point = image.changePoint();
        try (ImageFileSectorReader sectors = ImageFileSectorReader.open(iso)) {
            assertEquals(FileSystem.ROCK_RIDGE, image.importFileSystem(sectors, 0));
            assertEquals(ItemType.SYMLINK, image.root().exists("docs/link"));
            image.rollbackToChangePoint(point);
        }
        assertEquals(ItemType.NOT_FOUND, image.root().exists("docs"));
        assertArrayEquals(before, bytes(image));
    }

    @Test
    void lockInEndsTheWayBack() throws IOException {
        FileSystemImage image = filled();
        long point = image.changePoint();
        image.root().addFile("late.txt", new byte[1]);
        image.lockInChangePoint();
        DiscImageException e = assertThrows(DiscImageException.class, () -> image.rollbackToChangePoint(point));
        assertEquals(ErrorCode.INVALID_PARAM, e.code());
        assertEquals(ItemType.FILE, image.root().exists("late.txt"));
    }
}
