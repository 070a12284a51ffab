package org.discimage.recorder.transport.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.ByteOrder;
import java.util.List;

import com.sun.jna.Platform;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SCSI_PASS_THROUGH_DIRECT layout (formats.md §7.2, Wine's ntddscsi.h) and drive-letter helpers. */
class ScsiPassThroughDirectTest {
    @TempDir
    Path tmp;

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

    /**
     * gcc lays out the struct as declared in Wine's include/ntddscsi.h (USHORT, 7 × UCHAR, 2 × ULONG, PVOID,
     * ULONG, UCHAR[16]) with the Windows widths (ULONG 32 bits, PVOID 8 or 4 bytes); for these types the
     * x86_64 and i386 ABIs align as MSVC does, so the offsets gcc computes are those of 64- and 32-bit Windows.
     * Compiled only to assembly: each offset + 1 is the size of an array.
     */
    @Test
    void gccAgreesFor64And32Bit() throws Exception {
        for (boolean m32 : new boolean[] {false, true}) {
            ScsiPassThroughDirect s = ScsiPassThroughDirect.forPointerSize(m32 ? 4 : 8, 32);
            Map<String, Integer> ours = new LinkedHashMap<>();
            ours.put("Length", s.length);
            ours.put("ScsiStatus", s.scsiStatus);
            ours.put("PathId", s.pathId);
            ours.put("TargetId", s.targetId);
            ours.put("Lun", s.lun);
            ours.put("CdbLength", s.cdbLength);
            ours.put("SenseInfoLength", s.senseInfoLength);
            ours.put("DataIn", s.dataIn);
            ours.put("DataTransferLength", s.dataTransferLength);
            ours.put("TimeOutValue", s.timeOutValue);
            ours.put("DataBuffer", s.dataBuffer);
            ours.put("SenseInfoOffset", s.senseInfoOffset);
            ours.put("Cdb", s.cdb);
            ours.put("sizeof", s.size);
            assertEquals(ours, gccLayout(ours.keySet(), m32), m32 ? "32-bit" : "64-bit");
        }
    }

    private Map<String, Integer> gccLayout(java.util.Set<String> fields, boolean m32) throws Exception {
        Path gcc = Path.of("/usr/bin/gcc");
        if (!Files.isExecutable(gcc) || !"amd64".equals(System.getProperty("os.arch"))) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("gcc on x86_64 missing");
            }
            assumeTrue(false, "gcc on x86_64 missing");
        }
        StringBuilder c = new StringBuilder("#include <stddef.h>\n#include <stdint.h>\n"
                + "typedef struct { uint16_t Length; uint8_t ScsiStatus, PathId, TargetId, Lun, CdbLength,"
                + " SenseInfoLength, DataIn; uint32_t DataTransferLength, TimeOutValue; void *DataBuffer;"
                + " uint32_t SenseInfoOffset; uint8_t Cdb[16]; } SPTD;\n");
        for (String f : fields) {
            c.append("char f_").append(f).append('[').append(f.equals("sizeof") ? "sizeof(SPTD)"
                    : "offsetof(SPTD, " + f + ")").append(" + 1];\n");
        }
        Path src = Files.writeString(tmp.resolve("sptd.c"), c);
        Path stub = Files.createDirectories(tmp.resolve("stub/gnu"));
        Files.writeString(stub.resolve("stubs-32.h"), "");
        Path asm = tmp.resolve(m32 ? "sptd32.s" : "sptd64.s");
        List<String> cmd = new ArrayList<>(List.of(gcc.toString(), "-S", "-o", asm.toString()));
        if (m32) {
            cmd.addAll(List.of("-m32", "-I", tmp.resolve("stub").toString(), "-I", "/usr/include/x86_64-linux-gnu"));
        }
        cmd.add(src.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(cmd + " failed: " + log);
        }
        Map<String, Integer> theirs = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\.size\\s+f_(\\w+),\\s*(\\d+)").matcher(Files.readString(asm));
        while (m.find()) {
            theirs.put(m.group(1), Integer.parseInt(m.group(2)) - 1);
        }
        return theirs;
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
