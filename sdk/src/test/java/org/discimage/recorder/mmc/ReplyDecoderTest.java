package org.discimage.recorder.mmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Reply decoders on hand-made replies (formats.md §6.3), and their rejection of truncated/malformed ones. */
class ReplyDecoderTest {
    private static final HexFormat HEX = HexFormat.of();

    private static ByteBuffer hex(String s) {
        return ByteBuffer.wrap(HEX.parseHex(s.replace(" ", "")));
    }

    private static void malformed(Executable decode, String command, int offset) {
        DiscImageException e = assertThrows(DiscImageException.class, decode);
        assertEquals(ErrorCode.RECORDER_INVALID_RESPONSE_FROM_DEVICE, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith(command + " reply malformed at byte " + offset + ":"), e.getMessage());
    }

    private static ByteBuffer inquiry() {
        ByteBuffer b = ByteBuffer.allocate(36);
        b.put(new byte[] {0x05, (byte) 0x80, 0x05, 0x02, 0x1F, 0, 0, 0});
        b.put("HL-DT-STBD-RE  WH16NS60 1.03".getBytes(StandardCharsets.US_ASCII));
        return b.flip();
    }

    @Test
    void inquiry_() throws Exception {
        InquiryData d = InquiryData.decode(inquiry());
        assertEquals(new InquiryData(5, true, 5, "HL-DT-ST", "BD-RE  WH16NS60", "1.03"), d);
        assertTrue(d.isMmc());
        malformed(() -> InquiryData.decode(inquiry().limit(20)), "INQUIRY", 20);
        malformed(() -> InquiryData.decode(inquiry().put(4, (byte) 10)), "INQUIRY", 4);
        malformed(() -> InquiryData.decode(inquiry().put(0, (byte) 0x7F)), "INQUIRY", 0);
    }

    private static final String CONFIG = "00000020 0000 001b" // length 32, current profile 001Bh (DVD+R)
            + "0000 03 08 001b 0100 001a 0000" // profile list: DVD+R current, DVD+RW
            + "0021 05 04 01000010" // incremental streaming writable, version 1, current
            + "002f 02 04 40000000"; // DVD-R/-RW write, persistent, not current

    @Test
    void getConfiguration() throws Exception {
        Configuration c = Configuration.decode(hex(CONFIG));
        assertEquals(0x001B, c.currentProfile());
        assertEquals(Optional.of(Profile.DVD_PLUS_R), c.profile());
        assertEquals(List.of(new Configuration.ProfileEntry(0x1B, true), new Configuration.ProfileEntry(0x1A, false)),
                c.profiles());
        assertEquals(3, c.features().size());
        FeatureDescriptor f = c.feature(FeatureDescriptor.INCREMENTAL_STREAMING_WRITABLE).orElseThrow();
        assertEquals(1, f.version());
        assertTrue(f.current());
        assertArrayEquals(HEX.parseHex("01000010"), f.data());
        assertTrue(c.isCurrent(0x0021));
        assertFalse(c.isCurrent(FeatureDescriptor.DVD_R_RW_WRITE));
        assertTrue(c.feature(FeatureDescriptor.DVD_R_RW_WRITE).orElseThrow().persistent());
        assertFalse(c.isCurrent(FeatureDescriptor.FORMATTABLE));
        assertEquals(0x001B, Configuration.currentProfile(hex(CONFIG).limit(8)));
        assertEquals(Optional.empty(), Configuration.decode(hex("00000004 0000 0000")).profile());
    }

    @Test
    void getConfigurationMalformed() {
        String cmd = "GET CONFIGURATION";
        malformed(() -> Configuration.decode(hex(CONFIG).limit(7)), cmd, 7);
        malformed(() -> Configuration.decode(hex("00000002 0000 0008")), cmd, 0);
        malformed(() -> Configuration.decode(hex(CONFIG).limit(20)), cmd, 0); // allocation too small
        // the second feature's additional length (0Dh) runs past the data length
        malformed(() -> Configuration.decode(hex(CONFIG.replace("0021 05 04", "0021 05 0d"))), cmd, 23);
        // a profile list whose length is not a multiple of 4
        malformed(() -> Configuration.decode(hex("0000000e 0000 0009 0000 03 06 0009 0100 0000")), cmd, 11);
        // a descriptor header cut by the data length
        malformed(() -> Configuration.decode(hex("00000006 0000 0009 0000")), cmd, 8);
    }

    @Test
    void readCapacity() throws Exception {
        CapacityData c = CapacityData.decode(hex("0023053f 00000800"));
        assertEquals(2295103, c.lastLba());
        assertEquals(2295104, c.blocks());
        assertEquals(2048, c.blockLength());
        malformed(() -> CapacityData.decode(hex("0023053f 000008")), "READ CAPACITY", 7);
        malformed(() -> CapacityData.decode(hex("0023053f 00000000")), "READ CAPACITY", 4);
    }

    @Test
    void readTocFormat0() throws Exception {
        Toc toc = Toc.decode(hex("001a 01 02 0014010000000000 0014020000002ee0 0016aa0000010000"), false);
        assertEquals(1, toc.firstTrack());
        assertEquals(2, toc.lastTrack());
        assertEquals(List.of(new Toc.Entry(1, 4, 1, 0), new Toc.Entry(1, 4, 2, 12000), new Toc.Entry(1, 6, 0xAA,
                65536)), toc.entries());
        assertTrue(toc.entries().get(0).isData());
        // MSF: 00:02:00 is LBA 0; 02:40:00 is (160*75)-150 = 11850
        Toc msf = Toc.decode(hex("0012 01 01 0014010000000200 0014aa0000022800"), true);
        assertEquals(List.of(0, 11850), msf.entries().stream().map(Toc.Entry::lba).toList());
        String cmd = "READ TOC/PMA/ATIP format 0";
        malformed(() -> Toc.decode(hex("000b 01 01 0014010000000000 00"), false), cmd, 0);
        malformed(() -> Toc.decode(hex("0012 01 01 0014010000000000"), false), cmd, 0);
        malformed(() -> Toc.decode(hex("000a 01 01 0014000000000000"), false), cmd, 6);
        malformed(() -> Toc.decode(hex("000a 01 01 0014010000004b00"), true), cmd, 8); // second 75
        malformed(() -> Toc.decode(hex("00"), false), cmd, 1);
    }

    @Test
    void readTocFormat1() throws Exception {
        SessionInfo s = SessionInfo.decode(hex("000a 01 02 00 14 03 00 00002ee0"), false);
        assertEquals(new SessionInfo(1, 2, 1, 4, 3, 12000), s);
        // lead-in area MSF (M >= 90) maps to negative LBAs
        assertEquals(-450150 + (97 * 60 + 26) * 75 + 66,
                SessionInfo.decode(hex("000a 01 01 00 14 01 00 00611a42"), true).lastSessionStart());
        String cmd = "READ TOC/PMA/ATIP format 1";
        malformed(() -> SessionInfo.decode(hex("0008 01 02 00 14 03 00 00002ee0"), false), cmd, 0);
        malformed(() -> SessionInfo.decode(hex("000a 01 02 00 14 03 00 00002e"), false), cmd, 11);
    }

    private static ByteBuffer discInfo() {
        ByteBuffer b = ByteBuffer.allocate(34);
        b.putShort(0, (short) 32).put(2, (byte) 0x05).put(3, (byte) 1).put(4, (byte) 2).put(5, (byte) 2)
                .put(6, (byte) 2).put(8, (byte) 0x00).putInt(16, 0x00610000).putInt(20, 0x004F3B4A);
        return b;
    }

    @Test
    void readDiscInformation() throws Exception {
        DiscInformation d = DiscInformation.decode(discInfo());
        assertFalse(d.erasable());
        assertEquals(DiscInformation.SessionState.INCOMPLETE, d.lastSessionState());
        assertEquals(DiscInformation.DiscStatus.APPENDABLE, d.discStatus());
        assertEquals(2, d.sessions());
        assertEquals(1, d.completeSessions());
        assertEquals(2, d.firstTrackInLastSession());
        assertEquals(2, d.lastTrackInLastSession());
        assertEquals(359849, DiscInformation.msfToLba(d.lastPossibleLeadOutStart())); // 79:59:74
        assertEquals(-1, DiscInformation.msfToLba(0xFFFFFFFFL));
        // the MSBs in bytes 9..11 (BD-R can hold more than 255 tracks/sessions)
        DiscInformation big = DiscInformation.decode(discInfo().put(2, (byte) 0x1E).put(9, (byte) 1)
                .put(10, (byte) 1).put(11, (byte) 1).put(7, (byte) 0x03));
        assertEquals(258, big.sessions());
        assertEquals(258, big.lastTrackInLastSession());
        assertEquals(3, big.backgroundFormatStatus());
        assertTrue(big.erasable());
        assertEquals(DiscInformation.SessionState.COMPLETE, big.lastSessionState());
        assertEquals(DiscInformation.DiscStatus.FINALIZED, big.discStatus());
        assertEquals(258, big.completeSessions());
        String cmd = "READ DISC INFORMATION";
        malformed(() -> DiscInformation.decode(discInfo().limit(33)), cmd, 33);
        malformed(() -> DiscInformation.decode(discInfo().putShort(0, (short) 16)), cmd, 0);
        malformed(() -> DiscInformation.decode(discInfo().put(6, (byte) 1)), cmd, 6);
        malformed(() -> DiscInformation.decode(discInfo().put(2, (byte) 0x45)), cmd, 2);
    }

    private static ByteBuffer trackInfo() {
        ByteBuffer b = ByteBuffer.allocate(48);
        b.putShort(0, (short) 46).put(2, (byte) 2).put(3, (byte) 2).put(5, (byte) 0x05).put(6, (byte) 0x7F)
                .put(7, (byte) 0x03).putInt(8, 0x12340).putInt(12, 0x12340).putInt(16, 0x21E000).putInt(20, 16)
                .putInt(24, 0x21F000).putInt(28, 0x1233F);
        return b;
    }

    @Test
    void readTrackInformation() throws Exception {
        TrackInformation t = TrackInformation.decode(trackInfo());
        assertEquals(2, t.track());
        assertEquals(2, t.session());
        assertEquals(5, t.trackMode());
        assertTrue(t.blank() && t.packet() && t.fixedPacket());
        assertFalse(t.reservedTrack() || t.damage() || t.copy());
        assertEquals(15, t.dataMode());
        assertEquals(0x12340, t.trackStart());
        assertEquals(OptionalLong.of(0x12340), t.nextWritableAddress());
        assertEquals(0x21E000, t.freeBlocks());
        assertEquals(16, t.fixedPacketSize());
        assertEquals(0x21F000, t.trackSize());
        assertEquals(OptionalLong.of(0x1233F), t.lastRecordedAddress());
        // MSBs of track and session numbers at 32/33
        TrackInformation many = TrackInformation.decode(trackInfo().put(32, (byte) 1).put(33, (byte) 1));
        assertEquals(258, many.track());
        assertEquals(258, many.session());
        // MMC-2 drive: 28 bytes, NWA_V clear, damage set: unwritable, no LRA
        TrackInformation old = TrackInformation.decode(trackInfo().putShort(0, (short) 26).put(5, (byte) 0x24)
                .put(7, (byte) 0x02).limit(28));
        assertEquals(OptionalLong.empty(), old.nextWritableAddress());
        assertEquals(OptionalLong.empty(), old.lastRecordedAddress());
        assertTrue(old.isDamagedAndUnwritable());
        assertFalse(t.isDamagedAndUnwritable());
        // blank CD: some drives say NWA -150
        assertEquals(OptionalLong.of(-150), TrackInformation.decode(trackInfo().putInt(12, -150))
                .nextWritableAddress());
        String cmd = "READ TRACK INFORMATION";
        malformed(() -> TrackInformation.decode(trackInfo().limit(27)), cmd, 27);
        malformed(() -> TrackInformation.decode(trackInfo().putShort(0, (short) 10)), cmd, 0);
    }

    /** MODE SENSE(10) reply: header (mode data length 58, no block descriptors), page 05h with PS set. */
    private static ByteBuffer modeSense(int blockDescriptors) {
        ByteBuffer b = ByteBuffer.allocate(8 + blockDescriptors + 52);
        b.putShort(0, (short) (6 + blockDescriptors + 52)).putShort(6, (short) blockDescriptors);
        int p = 8 + blockDescriptors;
        b.put(p, (byte) 0x85).put(p + 1, (byte) 0x32).put(p + 2, (byte) 0x41).put(p + 3, (byte) 0xC4)
                .put(p + 4, (byte) 0x08).putShort(p + 14, (short) 150).put(p + 16, (byte) 0x80).put(p + 17, (byte) '1');
        return b;
    }

    @Test
    void writeParametersPage() throws Exception {
        WriteParametersPage w = WriteParametersPage.decode(modeSense(0));
        assertTrue(w.bufferUnderrunFree());
        assertFalse(w.testWrite() || w.linkSizeValid());
        assertEquals(WriteParametersPage.WRITE_TYPE_TAO, w.writeType());
        assertEquals(WriteParametersPage.MULTISESSION_APPENDABLE, w.multiSession());
        assertEquals(4, w.trackMode());
        assertEquals(8, w.dataBlockType());
        assertEquals(150, w.audioPauseLength());
        assertEquals(52, w.page().length);
        assertEquals(w, WriteParametersPage.decode(modeSense(8)), "block descriptors are skipped");

        byte[] list = w.toModeSelectParameterList();
        assertEquals(60, list.length);
        assertArrayEquals(new byte[8], java.util.Arrays.copyOf(list, 8));
        assertEquals(0x05, list[8], "PS cleared for MODE SELECT");
        assertEquals(0x32, list[9]);
        assertEquals((byte) 0x80, list[8 + 16], "media catalog number bytes are sent back unchanged");
        assertEquals('1', list[8 + 17]);

        WriteParametersPage dvd = w.forDvdMinusRIncremental(false, true);
        byte[] p = dvd.page();
        assertEquals("05 32 60 25 08 10 00 00 00 00 00 00 00 10 00 96",
                HEX.withDelimiter(" ").formatHex(p, 0, 16));
        assertEquals(dvd, WriteParametersPage.decode(ByteBuffer.wrap(dvd.toModeSelectParameterList())
                .putShort(0, (short) 58)));
        WriteParametersPage cd = dvd.forCdTaoData(true, false);
        assertEquals("05 32 01 c4 08", HEX.withDelimiter(" ").formatHex(cd.page(), 0, 5));
        assertArrayEquals(list, ModeSelect10.of(w).parameterList());

        String cmd = "MODE SENSE(10) page 05h";
        malformed(() -> WriteParametersPage.decode(modeSense(0).limit(7)), cmd, 7);
        malformed(() -> WriteParametersPage.decode(modeSense(0).put(8, (byte) 0x2A)), cmd, 8);
        malformed(() -> WriteParametersPage.decode(modeSense(0).put(9, (byte) 10)), cmd, 9);
        malformed(() -> WriteParametersPage.decode(modeSense(0).putShort(0, (short) 30)), cmd, 9);
        malformed(() -> WriteParametersPage.decode(modeSense(0).limit(40)), cmd, 9);
        malformed(() -> WriteParametersPage.decode(modeSense(0).putShort(0, (short) 4)), cmd, 0);
    }

    @Test
    void getPerformance() throws Exception {
        List<Performance.WriteSpeed> speeds = Performance.decodeWriteSpeeds(hex("00000024 00000000"
                + "00000000 0023053f 00002b48 00002b48" + "1a000000 0023053f 00002b48 000015a4"));
        assertEquals(List.of(new Performance.WriteSpeed(0, false, false, false, 2295103, 11080, 11080),
                new Performance.WriteSpeed(3, false, true, false, 2295103, 11080, 5540)), speeds);
        // an allocation length smaller than the data: the whole descriptors received are decoded
        assertEquals(1, Performance.decodeWriteSpeeds(hex("00000024 00000000"
                + "00000000 0023053f 00002b48 00002b48 1a00")).size());
        assertEquals(List.of(new Performance.Nominal(0, 0x1000, 0x100, 0x2000)),
                Performance.decodeNominal(hex("00000014 00000000 00000000 00001000 00000100 00002000")));
        malformed(() -> Performance.decodeWriteSpeeds(hex("00000025 00000000")), "GET PERFORMANCE", 0);
        malformed(() -> Performance.decodeWriteSpeeds(hex("000000")), "GET PERFORMANCE", 3);
        malformed(() -> Performance.decodeNominal(hex("00000014 00000000 00000200 00001000 00000100 00002000")),
                "GET PERFORMANCE", 16);
    }

    @Test
    void readBufferCapacity() throws Exception {
        BufferCapacity b = BufferCapacity.decode(hex("000a0000 00200000 00080000"));
        assertEquals(new BufferCapacity(0x200000, 0x80000), b);
        assertEquals(0x180000, b.fillBytes());
        malformed(() -> BufferCapacity.decode(hex("000a0000 00200000 000800")), "READ BUFFER CAPACITY", 11);
        malformed(() -> BufferCapacity.decode(hex("00080000 00200000 00080000")), "READ BUFFER CAPACITY", 0);
        malformed(() -> BufferCapacity.decode(hex("000a0000 00200000 00200001")), "READ BUFFER CAPACITY", 8);
    }

    @Test
    void readFormatCapacities() throws Exception {
        // a blank BD-RE: maximum capacity unformatted, then 00h, 30h (subtype 2, spare 0x60000) and 31h
        FormatCapacities f = FormatCapacities.decode(hex("00000020 00ba7400 01000800 00b47400 00060000"
                + "00b47400 c2060000 00ba7400 c4000800"));
        assertEquals(0xBA7400, f.currentBlocks());
        assertEquals(FormatCapacities.UNFORMATTED, f.descriptorType());
        assertEquals(2048, f.blockLength());
        assertEquals(List.of(new FormatCapacities.Formattable(0xB47400, 0x00, 0, 0x060000),
                new FormatCapacities.Formattable(0xB47400, 0x30, 2, 0x060000),
                new FormatCapacities.Formattable(0xBA7400, 0x31, 0, 0x000800)), f.formattable());
        // an allocation length smaller than the list: the whole descriptors received
        assertEquals(1, FormatCapacities.decode(hex("00000020 00ba7400 01000800 00b47400 00060000 00b4"))
                .formattable().size());
        malformed(() -> FormatCapacities.decode(hex("0000000c 00ba7400 01000800 00000000")),
                "READ FORMAT CAPACITIES", 3);
        malformed(() -> FormatCapacities.decode(hex("00000000 00ba7400 01000800")), "READ FORMAT CAPACITIES", 3);
        malformed(() -> FormatCapacities.decode(hex("00000008 00ba7400 010008")), "READ FORMAT CAPACITIES", 11);
    }

    @Test
    void profiles() {
        assertEquals(Optional.of(Profile.BD_RE), Profile.of(0x43));
        assertEquals("DVD+R/DL", Profile.of(0x2B).orElseThrow().displayName());
        assertEquals(Optional.empty(), Profile.of(0));
        assertEquals(Optional.empty(), Profile.of(0x99));
        assertTrue(Profile.CD_RW.usesWriteParametersPage());
        assertTrue(Profile.DVD_RW_SEQUENTIAL.usesWriteParametersPage());
        for (Profile p : List.of(Profile.DVD_PLUS_R, Profile.DVD_PLUS_RW, Profile.DVD_PLUS_R_DL, Profile.DVD_RAM,
                Profile.BD_R_SRM, Profile.BD_R_RRM, Profile.BD_RE)) {
            assertFalse(p.usesWriteParametersPage(), p.name());
        }
        assertEquals(21, Profile.values().length);
        assertEquals(Profile.values().length, java.util.Arrays.stream(Profile.values()).map(Profile::number)
                .distinct().count());
    }
}
