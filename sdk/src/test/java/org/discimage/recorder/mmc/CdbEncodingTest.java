package org.discimage.recorder.mmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.discimage.recorder.mmc.Blank.BlankingType;
import org.discimage.recorder.mmc.CloseTrackSession.CloseFunction;
import org.discimage.recorder.mmc.GetConfiguration.RequestType;
import org.discimage.recorder.mmc.ModeSense10.PageControl;
import org.discimage.recorder.mmc.ReadTocPmaAtip.Format;
import org.discimage.recorder.mmc.ReadTrackInformation.AddressType;
import org.discimage.recorder.transport.DataDirection;
import org.junit.jupiter.api.Test;

/** Every CDB byte for byte against the layouts of docs/formats.md §6.2, with direction, length and timeout. */
class CdbEncodingTest {
    private static final HexFormat HEX = HexFormat.of();

    private static void check(MmcCommand c, String hex, DataDirection direction, int length) {
        byte[] expected = HEX.parseHex(hex.replace(" ", ""));
        assertArrayEquals(expected, c.cdb(), c.name() + " CDB: " + HEX.formatHex(c.cdb()));
        assertEquals(expected[0] & 0xFF, c.opcode(), c.name());
        assertEquals(direction, c.direction(), c.name());
        assertEquals(length, c.transferLength(), c.name());
        assertTrue(c.defaultTimeout().compareTo(Duration.ofSeconds(10)) >= 0, c.name());
    }

    @Test
    void sixByteCommands() {
        check(new TestUnitReady(), "00 00 00 00 00 00", DataDirection.NONE, 0);
        check(new RequestSense(), "03 00 00 00 12 00", DataDirection.FROM_DEVICE, 18);
        check(new RequestSense(true, 252), "03 01 00 00 fc 00", DataDirection.FROM_DEVICE, 252);
        check(new Inquiry(), "12 00 00 00 24 00", DataDirection.FROM_DEVICE, 36);
        check(new Inquiry(0x0100), "12 00 00 01 00 00", DataDirection.FROM_DEVICE, 256);
        check(StartStopUnit.eject(), "1b 00 00 00 02 00", DataDirection.NONE, 0);
        check(StartStopUnit.load(), "1b 00 00 00 03 00", DataDirection.NONE, 0);
        check(new StartStopUnit(true, false, true), "1b 01 00 00 01 00", DataDirection.NONE, 0);
        check(new PreventAllowMediumRemoval(true), "1e 00 00 00 01 00", DataDirection.NONE, 0);
        check(new PreventAllowMediumRemoval(false), "1e 00 00 00 00 00", DataDirection.NONE, 0);
        check(FormatUnit.dvdPlusRw(), "04 11 00 00 00 00", DataDirection.TO_DEVICE, 12);
    }

    @Test
    void readAndWrite() {
        check(new ReadCapacity(), "25 00 00 00 00 00 00 00 00 00", DataDirection.FROM_DEVICE, 8);
        check(new Read10(0x12345678L, 16), "28 00 12 34 56 78 00 00 10 00", DataDirection.FROM_DEVICE, 32768);
        check(new Write10(0xFFFFFFFFL, 0xFFFF), "2a 00 ff ff ff ff 00 ff ff 00", DataDirection.TO_DEVICE,
                0xFFFF * 2048);
        check(new Write10(16, 32), "2a 00 00 00 00 10 00 00 20 00", DataDirection.TO_DEVICE, 65536);
        check(new Read12(0x0102, 0x0304, true), "a8 00 00 00 01 02 00 00 03 04 80 00", DataDirection.FROM_DEVICE,
                0x0304 * 2048);
        check(new Write12(0x0102, 32, true), "aa 00 00 00 01 02 00 00 00 20 80 00", DataDirection.TO_DEVICE, 65536);
        check(new Write12(7, 1, false), "aa 00 00 00 00 07 00 00 00 01 00 00", DataDirection.TO_DEVICE, 2048);
    }

    @Test
    void informationCommands() {
        check(new GetConfiguration(RequestType.ALL, 0, 0x1000), "46 00 00 00 00 00 00 10 00 00",
                DataDirection.FROM_DEVICE, 4096);
        check(new GetConfiguration(RequestType.ONE, 0x0021, 8), "46 02 00 21 00 00 00 00 08 00",
                DataDirection.FROM_DEVICE, 8);
        check(new GetConfiguration(RequestType.CURRENT, 0x0107, 0x20), "46 01 01 07 00 00 00 00 20 00",
                DataDirection.FROM_DEVICE, 32);
        check(ReadTocPmaAtip.toc(), "43 00 00 00 00 00 01 03 24 00", DataDirection.FROM_DEVICE, 804);
        // format 1 carries the SFF-8020 legacy format bits in the control byte, as Linux sr sends 40h
        check(ReadTocPmaAtip.sessionInfo(), "43 00 01 00 00 00 00 00 0c 40", DataDirection.FROM_DEVICE, 12);
        check(new ReadTocPmaAtip(Format.TOC, true, 0xAA, 12), "43 02 00 00 00 00 aa 00 0c 00",
                DataDirection.FROM_DEVICE, 12);
        check(new ReadDiscInformation(), "51 00 00 00 00 00 00 00 22 00", DataDirection.FROM_DEVICE, 34);
        check(ReadTrackInformation.track(0xFF), "52 01 00 00 00 ff 00 00 30 00", DataDirection.FROM_DEVICE, 48);
        check(new ReadTrackInformation(AddressType.LBA, 0x00012345, true, 36), "52 04 00 01 23 45 00 00 24 00",
                DataDirection.FROM_DEVICE, 36);
        check(new ReadTrackInformation(AddressType.SESSION, 3, false, 40), "52 02 00 00 00 03 00 00 28 00",
                DataDirection.FROM_DEVICE, 40);
        check(new ReadBufferCapacity(), "5c 00 00 00 00 00 00 00 0c 00", DataDirection.FROM_DEVICE, 12);
        check(ReadFormatCapacities.all(), "23 00 00 00 00 00 00 01 04 00", DataDirection.FROM_DEVICE, 260);
        check(GetPerformance.writeSpeeds(16), "ac 00 00 00 00 00 00 00 00 10 03 00", DataDirection.FROM_DEVICE,
                8 + 16 * 16);
        check(new GetPerformance(GetPerformance.Type.PERFORMANCE, 0x10, 0x01020304, 2),
                "ac 10 01 02 03 04 00 00 00 02 00 00", DataDirection.FROM_DEVICE, 40);
    }

    @Test
    void modePages() {
        check(ModeSense10.writeParameters(), "5a 08 05 00 00 00 00 01 09 00", DataDirection.FROM_DEVICE, 265);
        check(new ModeSense10(false, PageControl.CHANGEABLE, 0x2A, 0x100), "5a 00 6a 00 00 00 00 01 00 00",
                DataDirection.FROM_DEVICE, 256);
        byte[] list = new byte[8 + 52];
        list[8] = 0x05;
        list[9] = 0x32;
        ModeSelect10 select = new ModeSelect10(list);
        check(select, "55 10 00 00 00 00 00 00 3c 00", DataDirection.TO_DEVICE, 60);
        assertArrayEquals(list, select.parameterList());
    }

    @Test
    void recordingCommands() {
        check(new ReserveTrack(0x00123456L), "53 00 00 00 00 00 12 34 56 00", DataDirection.NONE, 0);
        check(new SynchronizeCache(true), "35 02 00 00 00 00 00 00 00 00", DataDirection.NONE, 0);
        check(new SynchronizeCache(false), "35 00 00 00 00 00 00 00 00 00", DataDirection.NONE, 0);
        check(new CloseTrackSession(true, CloseFunction.CLOSE_TRACK, 3), "5b 01 01 00 00 03 00 00 00 00",
                DataDirection.NONE, 0);
        check(new CloseTrackSession(false, CloseFunction.CLOSE_SESSION, 0), "5b 00 02 00 00 00 00 00 00 00",
                DataDirection.NONE, 0);
        check(new CloseTrackSession(true, CloseFunction.STOP_BACKGROUND_FORMAT, 0), "5b 01 00 00 00 00 00 00 00 00",
                DataDirection.NONE, 0);
        check(new CloseTrackSession(true, CloseFunction.FINALIZE_MINIMAL_RADIUS, 0),
                "5b 01 05 00 00 00 00 00 00 00", DataDirection.NONE, 0);
        check(new CloseTrackSession(true, CloseFunction.FINALIZE_DISC, 0x0102), "5b 01 06 00 01 02 00 00 00 00",
                DataDirection.NONE, 0);
        check(new Blank(true, BlankingType.MINIMAL, 0), "a1 11 00 00 00 00 00 00 00 00 00 00", DataDirection.NONE, 0);
        check(new Blank(false, BlankingType.FULL, 0x10), "a1 00 00 00 00 10 00 00 00 00 00 00", DataDirection.NONE,
                0);
        check(new SetCdSpeed(SetCdSpeed.MAXIMUM, 1764), "bb 00 ff ff 06 e4 00 00 00 00 00 00", DataDirection.NONE, 0);
        check(SetStreaming.speed(2295103, 11080, 5540), "b6 00 00 00 00 00 00 00 00 00 1c 00",
                DataDirection.TO_DEVICE, 28);
    }

    @Test
    void parameterLists() {
        assertEquals("00020008ffffffff98000000", HEX.formatHex(FormatUnit.dvdPlusRw().parameterList()));
        assertEquals("0002000800a5f0f0c2000800",
                HEX.formatHex(FormatUnit.bdRe(0x00A5F0F0L, FormatUnit.TYPE_BD_RE_WITH_SPARE, 2, 0x000800)
                        .parameterList()));
        assertEquals("00000008000001000000abcd",
                HEX.formatHex(new FormatUnit(false, 256, 0, 0, 0xABCD).parameterList()));
        // libburn's form: start 0, end = capacity - 1, sizes in kB/s, times 1000 ms
        assertEquals("00000000" + "00000000" + "0023053f" + "00002b48" + "000003e8" + "000015a4" + "000003e8",
                HEX.formatHex(SetStreaming.speed(2295103, 11080, 5540).parameterList()));
        assertEquals("06000000", HEX.formatHex(new SetStreaming(true, true, 0, 0, 0, 0, 0, 0).parameterList())
                .substring(0, 8));
        for (MmcCommand c : List.of(new TestUnitReady(), new Inquiry(), new Write10(0, 1))) {
            assertEquals(0, c.parameterList().length, c.name());
        }
    }

    @Test
    void longCommandsHaveLongTimeouts() {
        for (MmcCommand c : List.<MmcCommand>of(new SynchronizeCache(false),
                new CloseTrackSession(false, CloseFunction.CLOSE_SESSION, 0), FormatUnit.dvdPlusRw(),
                new Blank(false, BlankingType.FULL, 0))) {
            assertTrue(c.defaultTimeout().toMinutes() >= 30, c.name() + " " + c.defaultTimeout());
        }
        assertEquals(MmcCommand.DEFAULT_TIMEOUT, new Inquiry().defaultTimeout());
    }

    @Test
    void outOfRangeFieldsAreCallerMistakes() {
        assertThrows(IllegalArgumentException.class, () -> new Write10(0x1_0000_0000L, 1));
        assertThrows(IllegalArgumentException.class, () -> new Write10(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Read10(0, 0x10000));
        assertThrows(IllegalArgumentException.class, () -> new Inquiry(35));
        assertThrows(IllegalArgumentException.class, () -> new RequestSense(false, 253));
        assertThrows(IllegalArgumentException.class, () -> new CloseTrackSession(true, CloseFunction.CLOSE_TRACK,
                0x10000));
        assertThrows(IllegalArgumentException.class, () -> new FormatUnit(true, 0, 0x40, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SetCdSpeed(0x10000, 0));
        assertThrows(IllegalArgumentException.class, () -> new ModeSelect10(new byte[9]));
        assertThrows(IllegalArgumentException.class, () -> new ModeSense10(true, PageControl.CURRENT, 0x40, 100));
        assertThrows(IllegalArgumentException.class, () -> new ReadTocPmaAtip(Format.TOC, false, 0x100, 12));
        assertThrows(IllegalArgumentException.class, () -> GetPerformance.writeSpeeds(0));
    }
}
