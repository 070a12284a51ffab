package org.discimage.recorder.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.recorder.mmc.Blank;
import org.discimage.recorder.mmc.CapacityData;
import org.discimage.recorder.mmc.CloseTrackSession;
import org.discimage.recorder.mmc.CloseTrackSession.CloseFunction;
import org.discimage.recorder.mmc.Configuration;
import org.discimage.recorder.mmc.DiscInformation;
import org.discimage.recorder.mmc.FormatCapacities;
import org.discimage.recorder.mmc.FormatUnit;
import org.discimage.recorder.mmc.GetConfiguration;
import org.discimage.recorder.mmc.MmcCommand;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.Read10;
import org.discimage.recorder.mmc.ReadCapacity;
import org.discimage.recorder.mmc.ReadDiscInformation;
import org.discimage.recorder.mmc.ReadFormatCapacities;
import org.discimage.recorder.mmc.ReadTocPmaAtip;
import org.discimage.recorder.mmc.ReadTrackInformation;
import org.discimage.recorder.mmc.ReserveTrack;
import org.discimage.recorder.mmc.ScsiCommandException;
import org.discimage.recorder.mmc.Toc;
import org.discimage.recorder.mmc.TrackInformation;
import org.discimage.recorder.mmc.Write10;
import org.discimage.recorder.mmc.Write12;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DVD+RW and BD-RE (random write after FORMAT UNIT), CD-RW and DVD-RW (sequential plus BLANK) and
 * {@link EmulatedDrive#open(Path, String)}, through {@link MmcExecutor} and the real reply decoders.
 */
class RewritableMediaTest {
    @TempDir
    Path work;

    static ByteBuffer fetch(EmulatedDrive d, MmcCommand c) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(c.transferLength());
        MmcExecutor.execute(d, c, b, c.defaultTimeout());
        return b.flip();
    }

    static ScsiCommandException refused(EmulatedDrive d, MmcCommand c, ByteBuffer data, String triple,
            ErrorCode code) {
        ScsiCommandException e = assertThrows(ScsiCommandException.class, () -> {
            if (data == null) {
                MmcExecutor.execute(d, c);
            } else {
                MmcExecutor.execute(d, c, data, c.defaultTimeout());
            }
        }, c.name());
        assertEquals(triple, e.sense().triple(), e.getMessage());
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    static ByteBuffer blocks(int n, int seed) {
        byte[] b = new byte[n * 2048];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7 + seed);
        }
        return ByteBuffer.wrap(b);
    }

    static void write(EmulatedDrive d, long lba, ByteBuffer data) throws IOException {
        Write10 w = new Write10(lba, data.remaining() / 2048);
        MmcExecutor.execute(d, w, data, w.defaultTimeout());
    }

    static DiscInformation discInfo(EmulatedDrive d) throws IOException {
        return DiscInformation.decode(fetch(d, new ReadDiscInformation(DiscInformation.LENGTH)));
    }

    @Test
    void openAcceptsTheShortAndTheMmcNamesAndListsThemOtherwise() throws IOException {
        String[][] names = {{"cdr", "CD-R"}, {"cdrw", "cd-rw"}, {"DVDR", "DVD-R"}, {"dvdrw", "DVD-RW"},
                {"dvdplusr", "DVD+R"}, {"dvdplusrw", "DVD+RW"}, {"bdr", "BD-R"}, {"bdre", "BD-RE"}};
        int[] profiles = {0x09, 0x0A, 0x11, 0x14, 0x1B, 0x1A, 0x41, 0x43};
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                Path img = work.resolve(i + n.replace('+', 'p') + ".img");
                try (EmulatedDrive d = EmulatedDrive.open(img, n)) {
                    Configuration c = Configuration.decode(fetch(d,
                            new GetConfiguration(GetConfiguration.RequestType.ALL, 0, 64)));
                    assertEquals(profiles[i], c.currentProfile(), n);
                    assertEquals(i == 1 || i == 3 || i == 5 || i == 7, discInfo(d).erasable(), n);
                }
                assertTrue(Files.exists(img), "a blank disc was created: " + n);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmulatedDrive.open(work.resolve("x.img"), "dvd-ram"));
        assertTrue(e.getMessage().contains("dvd-ram") && e.getMessage().contains("dvdplusrw (DVD+RW)")
                && e.getMessage().contains("bdre (BD-RE)"), e.getMessage());
    }

    @Test
    void anUnformattedDvdPlusRwRefusesWritesUntilFormatUnit() throws IOException {
        Path img = work.resolve("plusrw.img");
        try (EmulatedDrive d = EmulatedDrive.open(img, EmulatedProfile.DVD_PLUS_RW, 4096, false)) {
            DiscInformation blank = discInfo(d);
            assertEquals(DiscInformation.DiscStatus.BLANK, blank.discStatus());
            assertTrue(blank.erasable());
            FormatCapacities fc = FormatCapacities.decode(fetch(d, ReadFormatCapacities.all()));
            assertEquals(FormatCapacities.UNFORMATTED, fc.descriptorType());
            assertEquals(4096, fc.currentBlocks());
            assertEquals(2048, fc.blockLength());
            assertEquals(1, fc.formattable().size());
            assertEquals(FormatUnit.TYPE_DVD_PLUS_RW, fc.formattable().get(0).formatType());
            refused(d, new Write10(0, 16), blocks(16, 0), "5/30/10", ErrorCode.RECORDER_MEDIA_NOT_FORMATTED);
            assertEquals(0xFFFF_FFFFL, CapacityData.decode(fetch(d, new ReadCapacity())).lastLba(), "no capacity yet");
            TrackInformation blankTrack = TrackInformation.decode(fetch(d, ReadTrackInformation.track(1)));
            assertTrue(blankTrack.blank());
            assertFalse(blankTrack.nextWritableAddress().isPresent());
            assertEquals(4096, blankTrack.freeBlocks());
            refused(d, new Read10(0, 1), ByteBuffer.allocate(2048), "5/30/10", ErrorCode.RECORDER_MEDIA_NOT_FORMATTED);
            refused(d, ReadTocPmaAtip.toc(), ByteBuffer.allocate(ReadTocPmaAtip.toc().transferLength()), "5/24/00",
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            refused(d, new FormatUnit(true, 0xFFFF_FFFFL, FormatUnit.TYPE_BD_RE_WITH_SPARE, 0, 0), null, "5/26/00",
                    ErrorCode.RECORDER_INVALID_MODE_PARAMETERS);
            refused(d, new Blank(false, Blank.BlankingType.MINIMAL, 0), null, "5/30/05",
                    ErrorCode.RECORDER_MEDIA_INCOMPATIBLE);
            refused(d, new FormatUnit(true, 4097, FormatUnit.TYPE_DVD_PLUS_RW, 0, 0), null, "5/26/00",
                    ErrorCode.RECORDER_INVALID_MODE_PARAMETERS);
            MmcExecutor.execute(d, FormatUnit.dvdPlusRw());
            DiscInformation di = discInfo(d);
            assertEquals(DiscInformation.DiscStatus.FINALIZED, di.discStatus(), "formatted: complete");
            assertEquals(DiscInformation.SessionState.COMPLETE, di.lastSessionState());
            assertTrue(di.erasable());
            assertEquals(1, di.sessions());
            assertEquals(1, di.lastTrackInLastSession());
            assertEquals(3, di.backgroundFormatStatus());
            assertEquals(4096, di.lastPossibleLeadOutStart());
            assertEquals(4095, CapacityData.decode(fetch(d, new ReadCapacity())).lastLba());
            assertEquals(FormatCapacities.FORMATTED,
                    FormatCapacities.decode(fetch(d, ReadFormatCapacities.all())).descriptorType());
            TrackInformation t = TrackInformation.decode(fetch(d, ReadTrackInformation.track(1)));
            assertEquals(0, t.trackStart());
            assertEquals(4096, t.trackSize());
            assertFalse(t.blank());
            assertEquals(0, t.freeBlocks());
            assertTrue(t.packet(), "complete incremental");
            assertFalse(t.nextWritableAddress().isPresent(), "overwritable: no NWA");
            Toc toc = Toc.decode(fetch(d, ReadTocPmaAtip.toc()), false);
            assertEquals(2, toc.entries().size());
            assertEquals(0, toc.entries().get(0).lba());
            assertEquals(4096, toc.entries().get(1).lba());
            assertEquals(Toc.LEAD_OUT, toc.entries().get(1).track());
            assertEquals(7, toc.entries().get(1).control(), "lead-out 17h as real DVD+RW drives list it");

            write(d, 100, blocks(16, 1)); // anywhere
            write(d, 7, blocks(3, 2)); // off the 16-block ECC grid: read-modify-write in the drive
            Write12 w12 = new Write12(4064, 32, true);
            MmcExecutor.execute(d, w12, blocks(32, 3), w12.defaultTimeout());
            refused(d, new Write10(4090, 16), blocks(16, 4), "5/21/00", ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            refused(d, new Read10(4095, 2), ByteBuffer.allocate(4096), "5/21/00",
                    ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            write(d, 100, blocks(1, 5)); // overwrite in place
            assertEquals(ByteBuffer.allocate(2048), fetch(d, new Read10(50, 1)), "never written: zeros");
        }
        try (EmulatedDrive d = EmulatedDrive.open(img, "DVD+RW")) {
            assertEquals(DiscInformation.DiscStatus.FINALIZED, discInfo(d).discStatus(), "formatted, persisted");
            assertEquals(4095, CapacityData.decode(fetch(d, new ReadCapacity())).lastLba());
            assertEquals(blocks(1, 5), fetch(d, new Read10(100, 1)));
            assertEquals(blocks(16, 1).position(2048), fetch(d, new Read10(101, 15)));
            assertEquals(blocks(3, 2), fetch(d, new Read10(7, 3)));
            assertEquals(blocks(32, 3), fetch(d, new Read10(4064, 32)));
        }
        assertEquals(4096L * 2048, Files.size(img), "the flat image ends at the highest block written");
        DiscImageException wrongKind = assertThrows(DiscImageException.class, () -> EmulatedDrive.open(img, "bdre"));
        assertEquals(ErrorCode.INVALID_PARAM, wrongKind.code(), wrongKind.getMessage());
        Files.delete(RewritableDisc.stateOf(img));
        DiscImageException noState = assertThrows(DiscImageException.class, () -> EmulatedDrive.open(img, "dvdplusrw"));
        assertEquals(ErrorCode.MALFORMED_STRUCTURE, noState.code(), noState.getMessage());
    }

    @Test
    void bdReFormatsWithAndWithoutSparesAndRemembersWriteProtection() throws IOException {
        Path img = work.resolve("bdre.img");
        long max = 12_219_392;
        try (EmulatedDrive d = EmulatedDrive.open(img, "bdre")) {
            FormatCapacities fc = FormatCapacities.decode(fetch(d, ReadFormatCapacities.all()));
            assertEquals(max, fc.currentBlocks());
            assertEquals(3, fc.formattable().size());
            assertEquals(0x00, fc.formattable().get(0).formatType());
            assertEquals(11_826_176, fc.formattable().get(0).blocks(), "the default 768 MiB of spare areas");
            assertEquals(0x30, fc.formattable().get(1).formatType());
            assertEquals(0x31, fc.formattable().get(2).formatType());
            assertEquals(max, fc.formattable().get(2).blocks());
            refused(d, FormatUnit.bdRe(11_826_176 + 32, 0x30, 0, 0), null, "5/26/00",
                    ErrorCode.RECORDER_INVALID_MODE_PARAMETERS);
            refused(d, FormatUnit.dvdPlusRw(), null, "5/26/00", ErrorCode.RECORDER_INVALID_MODE_PARAMETERS);
            MmcExecutor.execute(d, FormatUnit.bdRe(1_000_000, 0x30, 0, 0));
            assertEquals(1_000_000 - 1, CapacityData.decode(fetch(d, new ReadCapacity())).lastLba());
            MmcExecutor.execute(d, FormatUnit.bdRe(0xFFFF_FFFFL, FormatUnit.TYPE_BD_RE_WITHOUT_SPARE, 0, 0));
            assertEquals(max - 1, CapacityData.decode(fetch(d, new ReadCapacity())).lastLba());
            write(d, max - 32, blocks(32, 9));
            assertEquals(blocks(32, 9), fetch(d, new Read10(max - 32, 32)));
        }
        Path wp = work.resolve("bdre-wp.img");
        try (EmulatedDrive d = EmulatedDrive.open(wp, EmulatedProfile.BD_RE, 65_536, true)) {
            refused(d, FormatUnit.bdRe(0xFFFF_FFFFL, 0x31, 0, 0), null, "7/27/00",
                    ErrorCode.RECORDER_MEDIA_WRITE_PROTECTED);
        }
        try (EmulatedDrive d = EmulatedDrive.open(wp, "BD-RE")) {
            refused(d, FormatUnit.bdRe(0xFFFF_FFFFL, 0x31, 0, 0), null, "7/27/00",
                    ErrorCode.RECORDER_MEDIA_WRITE_PROTECTED);
            refused(d, new Write10(0, 32), blocks(32, 0), "7/27/00", ErrorCode.RECORDER_MEDIA_WRITE_PROTECTED);
        }
    }

    @Test
    void formatUnitOnSequentialMediaIsIncompatible() throws IOException {
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("r.img"), "dvdr")) {
            refused(d, FormatUnit.dvdPlusRw(), null, "5/30/06", ErrorCode.RECORDER_MEDIA_INCOMPATIBLE);
            FormatCapacities fc = FormatCapacities.decode(fetch(d, ReadFormatCapacities.all()));
            assertEquals(FormatCapacities.FORMATTED, fc.descriptorType());
            assertEquals(2_298_496, fc.currentBlocks());
            assertTrue(fc.formattable().isEmpty());
            refused(d, new Blank(false, Blank.BlankingType.FULL, 0), null, "5/30/05",
                    ErrorCode.RECORDER_MEDIA_INCOMPATIBLE);
        }
    }

    @Test
    void reserveTrackLimitsAndPadsTheNextTrack() throws IOException {
        Path img = work.resolve("plusr.img");
        try (EmulatedDrive d = EmulatedDrive.open(img, "dvdplusr")) {
            MmcExecutor.execute(d, new ReserveTrack(40)); // rounded up to 48: three 16-block ECC blocks
            TrackInformation t = TrackInformation.decode(fetch(d, ReadTrackInformation.track(0xFF)));
            assertTrue(t.reservedTrack());
            assertEquals(48, t.trackSize());
            assertEquals(48, t.freeBlocks());
            refused(d, new ReserveTrack(16), null, "5/2C/00", ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
            write(d, 0, blocks(32, 1));
            assertEquals(16, TrackInformation.decode(fetch(d, ReadTrackInformation.track(0xFF))).freeBlocks());
            refused(d, new Write10(32, 32), blocks(32, 2), "5/63/00", ErrorCode.IMAGE_TOO_BIG);
            MmcExecutor.execute(d, new CloseTrackSession(false, CloseFunction.CLOSE_TRACK, 1));
            MmcExecutor.execute(d, new CloseTrackSession(false, CloseFunction.CLOSE_SESSION, 0));
            TrackInformation closed = TrackInformation.decode(fetch(d, ReadTrackInformation.track(1)));
            assertEquals(48, closed.trackSize(), "padded to the reservation");
            assertEquals(ByteBuffer.allocate(16 * 2048), fetch(d, new Read10(32, 16)), "the padding is zeros");
            assertEquals(blocks(32, 1), fetch(d, new Read10(0, 32)));
            refused(d, new ReserveTrack(2_295_104), null, "5/24/00", ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
        }
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("cd.img"), "cdr")) {
            refused(d, new ReserveTrack(300), null, "5/24/00", ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
        }
        try (EmulatedDrive d = EmulatedDrive.open(work.resolve("re.img"), "bdre")) {
            refused(d, new ReserveTrack(32), null, "5/24/00", ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
        }
    }

    @Test
    void blankMakesACdRwAndADvdRwBlankAgain() throws IOException {
        for (String name : new String[] {"cdrw", "dvdrw"}) {
            for (Blank.BlankingType type : Blank.BlankingType.values()) {
                Path img = work.resolve(name + type + ".img");
                try (EmulatedDrive d = EmulatedDrive.open(img, name)) {
                    write(d, 0, blocks(16, 1));
                    MmcExecutor.execute(d, new CloseTrackSession(false, CloseFunction.CLOSE_SESSION, 0));
                    DiscInformation di = discInfo(d);
                    assertEquals(DiscInformation.DiscStatus.APPENDABLE, di.discStatus(), name);
                    assertTrue(di.erasable(), name);
                    assertEquals(FormatCapacities.UNFORMATTED,
                            FormatCapacities.decode(fetch(d, ReadFormatCapacities.all())).descriptorType(), name);
                    assertEquals(blocks(16, 1), fetch(d, new Read10(0, 16)));
                }
                try (EmulatedDrive d = EmulatedDrive.open(img, name)) {
                    MmcExecutor.execute(d, new Blank(false, type, 0));
                    assertEquals(DiscInformation.DiscStatus.BLANK, discInfo(d).discStatus(), name + " " + type);
                    refused(d, new Read10(0, 1), ByteBuffer.allocate(2048), "5/21/00",
                            ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE);
                    write(d, 0, blocks(16, 2)); // the NWA is 0 again
                }
                try (EmulatedDrive d = EmulatedDrive.open(img, name)) {
                    assertEquals(DiscInformation.DiscStatus.BLANK, discInfo(d).discStatus(), "blank, persisted");
                    TrackInformation t = TrackInformation.decode(fetch(d, ReadTrackInformation.track(0xFF)));
                    assertEquals(0, t.nextWritableAddress().orElseThrow());
                }
            }
        }
    }
}
