package org.discimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** {@link FileSystemImage#chooseImageDefaultsForMediaType}: the table of its Javadoc, type by type. */
class ChooseImageDefaultsTest {
    static final Set<FileSystem> ISO = EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
    static final Set<FileSystem> BRIDGE = EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE,
            FileSystem.UDF);

    private static FileSystemImage image() {
        return new FileSystemImage(Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC));
    }

    @Test
    void everyTypeGetsItsRow() throws Exception {
        for (PhysicalMediaType t : PhysicalMediaType.values()) {
            FileSystemImage image = image();
            image.setUdfRevision(UdfRevision.R2_60);
            String name = t.name();
            if (t == PhysicalMediaType.UNKNOWN || t == PhysicalMediaType.DISK) {
                DiscImageException e = assertThrows(DiscImageException.class,
                        () -> image.chooseImageDefaultsForMediaType(t));
                assertEquals(ErrorCode.NO_SUPPORTED_FILE_SYSTEM, e.code());
                assertTrue(e.getMessage().contains(name), e.getMessage());
                continue;
            }
            image.chooseImageDefaultsForMediaType(t);
            if (name.startsWith("CD")) {
                assertEquals(ISO, image.fileSystems(), name);
                assertEquals(UdfRevision.R2_60, image.udfRevision(), name + ": no UDF, revision untouched");
                assertEquals(360_000, image.freeMediaBlocks(), name);
            } else if (name.startsWith("DVD")) {
                assertEquals(BRIDGE, image.fileSystems(), name);
                assertEquals(UdfRevision.R1_02, image.udfRevision(), name);
                long want = name.contains("DUALLAYER") ? 4_171_712 : t == PhysicalMediaType.DVDRAM ? 2_236_704 : 2_295_104;
                assertEquals(want, image.freeMediaBlocks(), name);
            } else {
                assertTrue(name.startsWith("BD") || name.startsWith("HDDVD"), name);
                assertEquals(EnumSet.of(FileSystem.UDF), image.fileSystems(), name);
                assertEquals(UdfRevision.R2_50, image.udfRevision(), name);
                assertEquals(name.startsWith("BD") ? 12_219_392 : 7_324_218, image.freeMediaBlocks(), name);
            }
            assertSame(t, PhysicalMediaType.ofCode(t.code()));
        }
        assertEquals(19, PhysicalMediaType.BDRE.code());
        assertEquals(null, PhysicalMediaType.ofCode(20));
    }

    /** The BD defaults build: a UDF 2.50 image within the budget. */
    @Test
    void blurayDefaultsBuildAUdf250Image() throws Exception {
        FileSystemImage image = image();
        image.chooseImageDefaultsForMediaType(PhysicalMediaType.BDR);
        image.root().addFile("a.txt", "hello\n".getBytes());
        ImageResult result = image.createResultImage();
        assertTrue(result.sizeInBytes() > 0 && result.sizeInBytes() / 2048 < 12_219_392);
    }
}
