package org.discimage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.ImportedSource;
import org.discimage.importer.SectorReader;
import org.discimage.tree.DeviceItem;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.discimage.tree.Item;
import org.discimage.tree.SymlinkItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import into the user tree: IMAPI2's merge rules, attributes, and that files keep their extents. */
class TreeImportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final Instant OLD = Instant.parse("2001-02-03T04:05:06Z");

    @TempDir
    Path tmp;
    Path iso;

    @BeforeEach
    void buildFirstSession() throws IOException {
        FileSystemImage first = new FileSystemImage(CLOCK);
        first.setVolumeName("FIRST_SESSION");
        Directory root = first.root();
        FileItem f = root.addFile("docs/readme.txt", "first session\n".getBytes());
        f.setMode(0640);
        f.setOwner(1000, 100);
        f.setTimes(OLD, OLD.plusSeconds(1), OLD.plusSeconds(2));
        root.addFile("docs/big.bin", new byte[5000]);
        root.addSymlink("docs/link", "readme.txt");
        root.addDevice("dev/sda1", DeviceItem.Kind.BLOCK, 8, 1);
        root.addDevice("dev/odd", DeviceItem.Kind.CHARACTER, 300, 70000);
        root.addDirectory("shared").setMode(0700);
        root.addFile("clash", "a file on the disc".getBytes());
        iso = tmp.resolve("first.iso");
        first.createResultImage().writeTo(iso);
    }

    @Test
    void importedItemsKeepAttributesAndReadFromTheirExtents() throws IOException {
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            assertEquals(FileSystem.ROCK_RIDGE, image.importFileSystem(sectors, 0));
            Item readme = image.root().item("docs/readme.txt").orElseThrow();
            assertEquals(0640, readme.mode());
            assertEquals(1000, readme.uid());
            assertEquals(100, readme.gid());
            assertEquals(OLD, readme.lastModified());
            assertEquals(OLD.plusSeconds(1), readme.lastAccessed());
            assertEquals(OLD.plusSeconds(2), readme.attributesChanged());
            ImportedSource source = assertInstanceOf(ImportedSource.class, ((FileItem) readme).source());
            assertEquals(1, source.extents().size());
            assertArrayEquals("first session\n".getBytes(), read(source.openChannel()));
            assertArrayEquals(new byte[5000], read(((FileItem) image.root().item("docs/big.bin").orElseThrow())
                    .source().openChannel()));
            assertEquals("readme.txt", ((SymlinkItem) image.root().item("docs/link").orElseThrow()).target());
            DeviceItem sda = (DeviceItem) image.root().item("dev/sda1").orElseThrow();
            assertEquals(DeviceItem.Kind.BLOCK, sda.kind());
            assertEquals(8, sda.major());
            assertEquals(1, sda.minor());
            DeviceItem odd = (DeviceItem) image.root().item("dev/odd").orElseThrow();
            assertEquals(DeviceItem.Kind.CHARACTER, odd.kind());
            assertEquals(300, odd.major());
            assertEquals(70000, odd.minor());
            assertEquals(0700, image.root().item("shared").orElseThrow().mode());
        }
    }

    @Test
    void itemsAlreadyInTheTreeWinAndDirectoriesMerge() throws IOException {
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            FileItem mine = image.root().addFile("docs/readme.txt", "newer\n".getBytes());
            image.root().addFile("docs/mine.txt", "mine\n".getBytes());
            image.importFileSystem(sectors, 0);
            assertEquals(mine, image.root().item("docs/readme.txt").orElseThrow());
            assertTrue(image.root().item("docs/mine.txt").isPresent());
            assertTrue(image.root().item("docs/big.bin").isPresent(), "the directories merged");
        }
    }

    @Test
    void aFileMeetingADirectoryFailsAndLeavesTheTreeAlone() throws IOException {
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.root().addDirectory("clash");
            DiscImageException e = assertThrows(DiscImageException.class, () -> image.importFileSystem(sectors, 0));
            assertEquals(ErrorCode.IMPORT_TYPE_COLLISION_FILE_EXISTS_AS_DIRECTORY, e.code());
            assertTrue(e.getMessage().contains("/clash"), e.getMessage());
            assertEquals(1, image.root().count(), "nothing imported");

            FileSystemImage other = new FileSystemImage(CLOCK);
            other.root().addFile("docs", new byte[1]);
            e = assertThrows(DiscImageException.class, () -> other.importFileSystem(sectors, 0));
            assertEquals(ErrorCode.IMPORT_TYPE_COLLISION_DIRECTORY_EXISTS_AS_FILE, e.code());
            assertEquals(1, other.root().count(), "nothing imported");
            assertEquals(null, other.importedVolumeName());
        }
    }

    @Test
    void specificFileSystemsAndVolumeName() throws IOException {
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            assertEquals(java.util.EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE),
                    image.identifyFileSystems(sectors, 0));
            image.importSpecificFileSystem(sectors, 0, FileSystem.JOLIET, ImportOptions.strict());
            assertTrue(image.root().item("docs/readme.txt").isPresent());
            assertFalse(image.root().item("docs/link").isPresent(), "Joliet records no symbolic links");
            assertFalse(image.root().item("dev").orElseThrow() instanceof Directory d && d.count() > 0,
                    "Joliet records no devices");
            assertEquals("FIRST_SESSION", image.importedVolumeName());

            FileSystemImage iso9660 = new FileSystemImage(CLOCK);
            iso9660.importSpecificFileSystem(sectors, 0, FileSystem.ISO9660, ImportOptions.strict());
            assertTrue(iso9660.root().item("DOCS/README.TXT").isPresent(), iso9660.root().children().toString());

            DiscImageException e = assertThrows(DiscImageException.class, () -> new FileSystemImage(CLOCK)
                    .importSpecificFileSystem(sectors, 0, FileSystem.UDF, ImportOptions.strict()));
            assertEquals(ErrorCode.FILE_SYSTEM_NOT_FOUND, e.code());
        }
    }

    @Test
    void importedTreeWritesAgainWithTheSameContent() throws IOException {
        Path second = tmp.resolve("second.iso");
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.importFileSystem(sectors, 0);
            image.root().addFile("docs/new.txt", "second session\n".getBytes());
            image.createResultImage().writeTo(second);
        }
        try (SectorReader sectors = ImageFileSectorReader.open(second)) {
            FileSystemImage again = new FileSystemImage(CLOCK);
            again.importFileSystem(sectors, 0);
            assertArrayEquals("first session\n".getBytes(), read(((FileItem) again.root().item("docs/readme.txt")
                    .orElseThrow()).source().openChannel()));
            assertArrayEquals("second session\n".getBytes(), read(((FileItem) again.root().item("docs/new.txt")
                    .orElseThrow()).source().openChannel()));
            assertEquals(List.of("big.bin", "link", "new.txt", "readme.txt"), again.root().item("docs")
                    .map(d -> ((Directory) d).children().stream().map(Item::name).sorted().toList()).orElseThrow());
        }
    }

    @Test
    void aTruncatedMediumFailsWhenTheDataIsRead() throws IOException {
        try (SectorReader sectors = ImageFileSectorReader.open(iso)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.importFileSystem(sectors, 0);
            FileItem big = (FileItem) image.root().item("docs/big.bin").orElseThrow();
            ImportedSource src = (ImportedSource) big.source();
            long lba = src.extents().get(0).lba();
            try (var ch = java.nio.channels.FileChannel.open(iso, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(lba * SectorReader.SECTOR_SIZE);
            }
            DiscImageException e = assertThrows(DiscImageException.class, () -> read(src.openChannel()));
            assertEquals(ErrorCode.IMPORT_READ_FAILURE, e.code());
            assertTrue(e.getMessage().contains("LBA " + lba), e.getMessage());
        }
    }

    static byte[] read(ReadableByteChannel ch) throws IOException {
        try (ch) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Channels.newInputStream(ch).transferTo(out);
            return out.toByteArray();
        }
    }
}
