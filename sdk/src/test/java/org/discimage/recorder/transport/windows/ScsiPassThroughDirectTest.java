package org.discimage.recorder.transport.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import com.sun.jna.Platform;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** SCSI_PASS_THROUGH_DIRECT layout (formats.md §7.2, Wine's ntddscsi.h) and drive-letter helpers. */
class ScsiPassThroughDirectTest {

    @Test
    void ioctlCodeIsCtlCodeOfFormatsSection72() {
        assertEquals(0x0004D014, ScsiPassThroughDirect.IOCTL_SCSI_PASS_THROUGH_DIRECT);
        // IOCTL_SCSI_PASS_THROUGH (function 0x401) and IOCTL_CDROM_GET_LAST_SESSION as cross-checks of CTL_CODE
        assertEquals(0x0004D004, ScsiPassThroughDirect.ctlCode(4, 0x401, 0, 3));
        assertEquals(0x00024038, ScsiPassThroughDirect.ctlCode(2, 0x0E, 0, 1));
    }

    @Test
    void layout64IsFiftySixBytes() {
        ScsiPassThroughDirect s = ScsiPassThroughDirect.forPointerSize(8, 32);
        assertEquals(List.of(0, 2, 3, 4, 5, 6, 7, 8, 12, 16, 24, 32, 36, 56), List.of(s.length, s.scsiStatus,
                s.pathId, s.targetId, s.lun, s.cdbLength, s.senseInfoLength, s.dataIn, s.dataTransferLength,
                s.timeOutValue, s.dataBuffer, s.senseInfoOffset, s.cdb, s.size));
        assertEquals(56, s.senseOffset);
        assertEquals(88, s.blockSize);
    }

    @Test
    void layout32IsFortyFourBytes() {
        ScsiPassThroughDirect s = ScsiPassThroughDirect.forPointerSize(4, 32);
        assertEquals(List.of(20, 24, 28, 44), List.of(s.dataBuffer, s.senseInfoOffset, s.cdb, s.size));
    }

    @Test
    void encodePutsEveryFieldAtItsOffset() {
        ScsiPassThroughDirect s = ScsiPassThroughDirect.forPointerSize(8, 32);
        ByteBuffer b = ByteBuffer.allocate(s.blockSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put(60, (byte) 0x77); // stale sense byte must be cleared
        byte[] cdb = {0x2A, 0, 0, 0, 0x10, 0, 0, 0, 16, 0};
        s.encode(b, cdb, ScsiPassThroughDirect.DATA_OUT, 32768, 0x0000_7FF0_1234_5000L, 30);
        assertEquals(56, b.getShort(0));
        assertEquals(10, b.get(6));
        assertEquals(32, b.get(7));
        assertEquals(0, b.get(8));
        assertEquals(32768, b.getInt(12));
        assertEquals(30, b.getInt(16));
        assertEquals(0x0000_7FF0_1234_5000L, b.getLong(24));
        assertEquals(56, b.getInt(32));
        assertEquals(0x2A, b.get(36));
        assertEquals(0x10, b.get(40));
        assertEquals(16, b.get(44));
        assertEquals(0, b.get(60));
        b.put(2, (byte) 2).put(7, (byte) 18).putInt(12, 2048);
        assertEquals(2, s.status(b));
        assertEquals(18, s.senseLength(b));
        assertEquals(2048, s.transferred(b));
    }

    @Test
    void driveLettersFromTheLogicalDrivesMask() {
        assertEquals(List.of('A', 'C', 'E', 'Z'), WindowsDrives.letters(0b10_0000_0000_0000_0000_0001_0101));
        assertEquals("\\\\.\\E:", WindowsDrives.devicePath('E'));
    }

    @Test
    void offWindowsOpenFailsCleanlyAndListIsEmpty() {
        if (Platform.isWindows()) {
            return;
        }
        DiscImageException e = assertThrows(DiscImageException.class, () -> WindowsSptiTransport.open("\\\\.\\E:"));
        assertEquals(ErrorCode.RECORDER_TRANSPORT_FAILURE, e.code());
        assertTrue(e.getMessage().contains("\\\\.\\E:"), e.getMessage());
        assertEquals(List.of(), WindowsDrives.list());
    }
}
