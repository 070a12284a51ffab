package org.discimage.recorder.mmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.OptionalInt;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Sense decoding (fixed and descriptor format) and the table of formats.md §6.8. */
class SenseTest {
    private static final HexFormat HEX = HexFormat.of();

    /** Fixed-format sense, 18 bytes. */
    private static byte[] fixed(int key, int asc, int ascq) {
        byte[] s = new byte[18];
        s[0] = (byte) 0xF0; // valid bit + 70h
        s[2] = (byte) key;
        s[7] = 10;
        s[12] = (byte) asc;
        s[13] = (byte) ascq;
        return s;
    }

    /** Descriptor-format sense with a sense-key specific descriptor (type 02h) carrying a progress. */
    private static byte[] descriptor(int key, int asc, int ascq, int progress) {
        byte[] s = new byte[16];
        s[0] = 0x72;
        s[1] = (byte) key;
        s[2] = (byte) asc;
        s[3] = (byte) ascq;
        s[7] = 8;
        s[8] = 0x02;
        s[9] = 6;
        s[12] = (byte) 0x80;
        s[13] = (byte) (progress >>> 8);
        s[14] = (byte) progress;
        return s;
    }

    @ParameterizedTest(name = "{0}/{1}/{2} → {3}")
    @CsvSource({
        "2, 04, 00, RETRY, RECORDER_MEDIA_BECOMING_READY, 'not ready, cause not reportable'",
        "2, 04, 01, NOT_READY_BECOMING_READY, RECORDER_MEDIA_BECOMING_READY, 'becoming ready'",
        "2, 04, 04, WAIT_OPERATION_IN_PROGRESS, RECORDER_MEDIA_FORMAT_IN_PROGRESS, 'format in progress'",
        "2, 04, 07, WAIT_OPERATION_IN_PROGRESS, RECORDER_MEDIA_BUSY, 'operation in progress'",
        "2, 04, 08, WAIT_LONG_WRITE_IN_PROGRESS, RECORDER_MEDIA_BUSY, 'long write in progress'",
        "2, 3A, 00, NO_MEDIUM, RECORDER_MEDIA_NO_MEDIA, 'medium not present'",
        "2, 3A, 01, NO_MEDIUM, RECORDER_MEDIA_NO_MEDIA, 'medium not present, tray closed'",
        "2, 3A, 02, NO_MEDIUM, RECORDER_MEDIA_NO_MEDIA, 'medium not present, tray open'",
        "2, 30, 10, FAIL, RECORDER_MEDIA_NOT_FORMATTED, 'medium not formatted'",
        "2, 30, 02, FAIL, RECORDER_MEDIA_INCOMPATIBLE, 'incompatible medium installed'",
        "5, 30, 10, FAIL, RECORDER_MEDIA_NOT_FORMATTED, 'medium not formatted'",
        "5, 30, 05, FAIL, RECORDER_MEDIA_INCOMPATIBLE, 'incompatible medium / cannot write this format'",
        "5, 53, 02, FAIL, UNEXPECTED_RESPONSE_FROM_DEVICE, 'medium removal prevented'",
        "6, 28, 00, REINITIALIZE, UNEXPECTED_RESPONSE_FROM_DEVICE, 'not ready to ready change, medium may have changed'",
        "6, 29, 03, REINITIALIZE, UNEXPECTED_RESPONSE_FROM_DEVICE, 'power on, reset or bus device reset occurred (mode pages lost)'",
        "3, 0C, 00, MEDIUM_ERROR, UNEXPECTED_RESPONSE_FROM_DEVICE, 'write error'",
        "3, 0C, 09, MEDIUM_ERROR, LOSS_OF_STREAMING, 'write error, loss of streaming (buffer underrun)'",
        "5, 20, 00, FAIL, RECORDER_NO_SUCH_FEATURE, 'invalid command operation code'",
        "5, 21, 00, FAIL, UNEXPECTED_RESPONSE_FROM_DEVICE, 'logical block address out of range'",
        "5, 21, 02, REREAD_NWA, UNEXPECTED_RESPONSE_FROM_DEVICE, 'invalid address for write'",
        "5, 24, 00, FAIL, UNEXPECTED_RESPONSE_FROM_DEVICE, 'invalid field in CDB'",
        "5, 26, 00, FAIL, RECORDER_INVALID_MODE_PARAMETERS, 'invalid field in parameter list'",
        "5, 2C, 00, FAIL, UNEXPECTED_RESPONSE_FROM_DEVICE, 'command sequence error'",
        "5, 30, 05, FAIL, RECORDER_MEDIA_INCOMPATIBLE, 'incompatible medium / cannot write this format'",
        "5, 63, 00, FAIL, IMAGE_TOO_BIG, 'end of user area encountered on this track (medium full)'",
        "5, 64, 00, FAIL, RECORDER_INVALID_MODE_PARAMETERS, 'illegal mode for this track (wrong write type)'",
        "7, 27, 00, FAIL, RECORDER_MEDIA_WRITE_PROTECTED, 'write protected'",
        "3, 72, 03, MEDIUM_ERROR, UNEXPECTED_RESPONSE_FROM_DEVICE, 'session fixation error'",
        // fall-backs: key + ASC, then the key alone
        "5, 55, 01, FAIL, UNEXPECTED_RESPONSE_FROM_DEVICE, 'illegal request'",
        "6, 2A, 01, REINITIALIZE, UNEXPECTED_RESPONSE_FROM_DEVICE, 'unit attention'",
        "B, 47, 00, RETRY, UNEXPECTED_RESPONSE_FROM_DEVICE, 'aborted command'",
        "1, 17, 01, SUCCESS, UNEXPECTED_RESPONSE_FROM_DEVICE, 'recovered error'",
        "F, 00, 00, FAIL, UNEXPECTED_RESPONSE_FROM_DEVICE, 'unknown sense'",
    })
    void tableInBothFormats(String key, String asc, String ascq, Disposition disposition, ErrorCode code,
            String message) throws Exception {
        int k = Integer.parseInt(key, 16);
        int a = Integer.parseInt(asc, 16);
        int q = Integer.parseInt(ascq, 16);
        for (byte[] raw : new byte[][] {fixed(k, a, q), descriptor(k, a, q, 0)}) {
            SenseData s = SenseData.decode(raw);
            assertEquals(SenseKey.of(k), s.key());
            assertEquals(a, s.asc());
            assertEquals(q, s.ascq());
            assertEquals(String.format("%X/%02X/%02X", k, a, q), s.triple());
            SenseTable.Entry e = s.lookup();
            assertEquals(disposition, e.disposition());
            assertEquals(code, e.errorCode());
            assertEquals(message, e.message());
        }
    }

    @Test
    void progressDuringFormatInBothFormats() throws Exception {
        byte[] f = fixed(2, 0x04, 0x04);
        f[15] = (byte) 0x80;
        f[16] = 0x40;
        f[17] = 0x00;
        SenseData s = SenseData.decode(f);
        assertEquals(OptionalInt.of(0x4000), s.progress());
        assertEquals(OptionalInt.of(0x8000), SenseData.decode(descriptor(2, 0x04, 0x07, 0x8000)).progress());
        f[15] = 0; // SKSV clear: no progress
        assertEquals(OptionalInt.empty(), SenseData.decode(f).progress());
        // additional length 6 (14 bytes) does not reach byte 17: no progress even with stale bytes
        byte[] shortSense = fixed(2, 0x04, 0x04);
        shortSense[7] = 6;
        shortSense[15] = (byte) 0x80;
        assertEquals(OptionalInt.empty(), SenseData.decode(shortSense).progress());
        // a progress field is not sense-key specific for ILLEGAL REQUEST (there it is a field pointer)
        assertEquals(OptionalInt.empty(), SenseData.decode(descriptor(5, 0x24, 0, 0x1234)).progress());
    }

    @Test
    void deferredSense() throws Exception {
        byte[] f = fixed(3, 0x0C, 0x00);
        f[0] = 0x71;
        assertTrue(SenseData.decode(f).deferred());
        assertFalse(SenseData.decode(fixed(3, 0x0C, 0)).deferred());
        byte[] d = descriptor(3, 0x0C, 0, 0);
        d[0] = 0x73;
        assertTrue(SenseData.decode(d).deferred());
    }

    @Test
    void malformedSense() {
        assertMalformed(new byte[0], 0);
        assertMalformed(HEX.parseHex("7000020000000000"), 8); // fixed, too short for ASC/ASCQ
        assertMalformed(HEX.parseHex("720204"), 3);
        assertMalformed(HEX.parseHex("7f0000000000000000000000000000000000"), 0);
        byte[] d = descriptor(2, 4, 4, 0);
        d[9] = 20; // descriptor runs past the additional length
        assertMalformed(d, 9);
    }

    private static void assertMalformed(byte[] sense, int offset) {
        DiscImageException e = assertThrows(DiscImageException.class, () -> SenseData.decode(sense));
        assertEquals(ErrorCode.RECORDER_INVALID_RESPONSE_FROM_DEVICE, e.code());
        assertTrue(e.getMessage().startsWith("sense data reply malformed at byte " + offset), e.getMessage());
    }

    @Test
    void commandSpecificErrorCodes() throws Exception {
        SenseData invalidOpcode = SenseData.decode(fixed(5, 0x20, 0));
        assertEquals(ErrorCode.RECORDER_GET_CONFIGURATION_NOT_SUPPORTED, SenseTable.errorCode(
                new GetConfiguration(GetConfiguration.RequestType.ALL, 0, 8), invalidOpcode));
        assertEquals(ErrorCode.RECORDER_NO_SUCH_FEATURE, SenseTable.errorCode(GetPerformance.writeSpeeds(4),
                invalidOpcode));
        SenseData invalidField = SenseData.decode(fixed(5, 0x24, 0));
        assertEquals(ErrorCode.RECORDER_NO_SUCH_MODE_PAGE, SenseTable.errorCode(ModeSense10.writeParameters(),
                invalidField));
        assertEquals(ErrorCode.RECORDER_INVALID_MODE_PARAMETERS, SenseTable.errorCode(new ModeSelect10(new byte[60]),
                invalidField));
        assertEquals(ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE, SenseTable.errorCode(new Inquiry(), invalidField));
        ScsiCommandException e = new ScsiCommandException("/dev/sr0", new Write10(100, 16),
                SenseData.decode(fixed(3, 0x0C, 0x09)));
        assertEquals(ErrorCode.LOSS_OF_STREAMING, e.code());
        assertEquals(Disposition.MEDIUM_ERROR, e.disposition());
        assertTrue(e.getMessage().startsWith("device /dev/sr0: WRITE(10) failed: sense 3/0C/09 write error, loss of "
                + "streaming"), e.getMessage());
        assertEquals(0xC0AA0300, e.code().hresult());
    }
}
