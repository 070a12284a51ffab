package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.IsoLevel;
import org.discimage.recorder.emulated.EmulatedDrive;
import org.discimage.recorder.emulated.EmulatedProfile;
import org.discimage.recorder.mmc.Blank;
import org.discimage.recorder.mmc.CapacityData;
import org.discimage.recorder.mmc.CloseTrackSession;
import org.discimage.recorder.mmc.DiscInformation;
import org.discimage.recorder.mmc.FormatUnit;
import org.discimage.recorder.mmc.MmcCommand;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.Read10;
import org.discimage.recorder.mmc.ReadCapacity;
import org.discimage.recorder.mmc.ReadDiscInformation;
import org.discimage.recorder.mmc.SynchronizeCache;
import org.discimage.recorder.mmc.Write10;
import org.discimage.recorder.transport.ScsiTransport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DVD+RW and a BD-RE in the emulated drive: formatted by FORMAT UNIT, an ISO 9660 + Joliet + Rock Ridge
 * image of the sample tree written at LBA 0 by WRITE(10)s (the first one 7 blocks, so every later one is off
 * the ECC block, which a drive takes as read-modify-write), the disc reopened by a second drive; then the
 * drive's image file, the dump, goes through the whole reader matrix (isoinfo, xorriso, bsdtar, 7z, pycdlib).
 */
class EmulatedRewritableInteropTest {
    @TempDir
    Path work;

    private static ByteBuffer fetch(ScsiTransport d, MmcCommand c) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(c.transferLength());
        MmcExecutor.execute(d, c, b, c.defaultTimeout());
        return b.flip();
    }

    @TestFactory
    Stream<DynamicTest> dvdPlusRw() throws IOException {
        return check(EmulatedProfile.DVD_PLUS_RW, FormatUnit.dvdPlusRw());
    }

    @TestFactory
    Stream<DynamicTest> bdRe() throws IOException {
        return check(EmulatedProfile.BD_RE, FormatUnit.bdRe(0xFFFF_FFFFL, FormatUnit.TYPE_BD_RE_WITHOUT_SPARE, 0, 0));
    }

    /**
     * A CD-RW and a DVD-RW: a first session written and closed, the disc blanked (minimal), a second image
     * written at LBA 0 of the blank disc: the readers see the second image's tree only.
     */
    @TestFactory
    Stream<DynamicTest> blankedCdRwAndDvdRwTakeANewImage() throws IOException {
        Path src = Fixtures.copySampleTree(work.resolve("src"));
        Path old = Files.createDirectories(work.resolve("old"));
        Files.writeString(old.resolve("gone.txt"), "blanked away\n");
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : new String[] {"cdrw", "dvdrw"}) {
            Path disc = work.resolve(name + ".img");
            try (EmulatedDrive d = EmulatedDrive.open(disc, name)) {
                writeAt0AndClose(d, SdkImages.image(old, SdkImages.ALL, IsoLevel.LEVEL_3).createResultImage());
                MmcExecutor.execute(d, new Blank(false, Blank.BlankingType.MINIMAL, 0));
                writeAt0AndClose(d, SdkImages.image(src, SdkImages.ALL, IsoLevel.LEVEL_3).createResultImage());
            }
            InteropChecks.Image img = new InteropChecks.Image(disc, true, true, TreeAssert.IsoNames.level(3, true));
            tests.addAll(InteropChecks.allReaders(name, img, ReaderListing.ofHostTree(src), work.resolve(name)));
        }
        return tests.stream();
    }

    private static void writeAt0AndClose(EmulatedDrive d, ImageResult result) throws IOException {
        assertEquals(DiscInformation.DiscStatus.BLANK, DiscInformation.decode(fetch(d,
                new ReadDiscInformation(DiscInformation.LENGTH))).discStatus());
        write(d, result);
        MmcExecutor.execute(d, new SynchronizeCache(false));
        MmcExecutor.execute(d, new CloseTrackSession(false, CloseTrackSession.CloseFunction.CLOSE_SESSION, 0));
    }

    private Stream<DynamicTest> check(EmulatedProfile profile, FormatUnit format) throws IOException {
        Path src = Fixtures.copySampleTree(work.resolve("src"));
        FileSystemImage image = SdkImages.image(src, SdkImages.ALL, IsoLevel.LEVEL_3);
        ImageResult result = image.createResultImage();
        Path expectedIso = work.resolve("expected.iso");
        result.writeTo(expectedIso);
        Path disc = work.resolve(profile.shortName() + ".img");
        long capacity = 96 * 1024;
        try (EmulatedDrive d = EmulatedDrive.open(disc, profile, capacity, false)) {
            MmcExecutor.execute(d, format);
            write(d, result);
            MmcExecutor.execute(d, new SynchronizeCache(false));
            MmcExecutor.execute(d, new CloseTrackSession(false, CloseTrackSession.CloseFunction.CLOSE_SESSION, 0));
        }
        try (EmulatedDrive d = EmulatedDrive.open(disc, profile.label())) {
            DiscInformation di = DiscInformation.decode(fetch(d, new ReadDiscInformation(DiscInformation.LENGTH)));
            assertEquals(DiscInformation.DiscStatus.FINALIZED, di.discStatus(), "formatted: complete");
            assertEquals(true, di.erasable());
            assertEquals(capacity, CapacityData.decode(fetch(d, new ReadCapacity())).blocks());
            byte[] pvd = new byte[2048];
            fetch(d, new Read10(16, 1)).get(pvd);
            assertEquals("CD001", new String(pvd, 1, 5, java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertArrayEquals(Files.readAllBytes(expectedIso), Files.readAllBytes(disc),
                "the dump is the image written, block for block");
        InteropChecks.Image img = new InteropChecks.Image(disc, true, true, TreeAssert.IsoNames.level(3, true));
        List<DynamicTest> tests = new ArrayList<>(InteropChecks.allReaders(profile.label(), img,
                ReaderListing.ofHostTree(src), work));
        return tests.stream();
    }

    /** WRITE(10)s from LBA 0: first 7 blocks, then 32 at a time (each off the 16/32-block ECC grid). */
    private static void write(EmulatedDrive d, ImageResult result) throws IOException {
        long lba = 0;
        ByteBuffer b = ByteBuffer.allocate(32 * 2048);
        try (ReadableByteChannel in = result.openChannel()) {
            int want = 7;
            while (true) {
                b.clear().limit(want * 2048);
                while (b.hasRemaining() && in.read(b) >= 0) {
                    // one WRITE's worth
                }
                if (b.position() == 0) {
                    break;
                }
                int blocks = b.position() / 2048;
                b.flip();
                Write10 w = new Write10(lba, blocks);
                MmcExecutor.execute(d, w, b, w.defaultTimeout());
                lba += blocks;
                want = 32;
            }
        }
        assertEquals(result.totalSectors(), lba);
    }
}
