package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * discimage's MMC commands over its JNA SG_IO binding, through a real Linux kernel (sr, sg, libata, virtio-scsi)
 * to two MMC implementations that are not ours: qemu's ATAPI drive and qemu's SCSI CD-ROM. The drives answer
 * INQUIRY, GET CONFIGURATION, READ CAPACITY, READ TOC (LBA and MSF), READ DISC INFORMATION and READ(10)/(12)
 * the way the decoders expect, the sectors read are the medium file's bytes, refused commands (WRITE on a
 * read-only medium, page 05h, READ TRACK INFORMATION, which neither implements) come back as decoded sense
 * with the IMAPI2 code the sense table gives, START STOP UNIT ejects and loads, and the empty drive reports
 * "no medium". The recording commands cannot be proven here: qemu emulates no recorder.
 */
class EmulatedDriveInteropTest {
    private static final int SECTORS = 300;

    @TempDir
    Path tmp;

    @Test
    void mmcCommandsOverSgIoToQemuDrives() throws Exception {
        DriveVm vm = DriveVm.require();
        byte[] medium = new byte[SECTORS * 2048];
        new Random(7).nextBytes(medium);
        Path disc = Files.write(tmp.resolve("medium.bin"), medium);
        Path disk = tmp.resolve("disk.bin");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(disk,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[1]), 1024L * 2048 - 1); // 1024 blocks of zeros
        }
        String out = vm.run(tmp, disc, disk, DriveProbeMain.class, "/dev/sr0", "/dev/sr1", "/dev/sr2", "/dev/sg0",
                "--disk");
        Map<String, String> r = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("@") && eq > 0) {
                r.put(line.substring(1, eq), line.substring(eq + 1).strip());
            }
        }
        assertEquals("ok", r.get("end"), out);
        // enumeration through sysfs: the kernel's names of the three drives, vendor and model from its INQUIRY
        assertEquals("OpticalDrive[device=/dev/sr0, vendor=QEMU, model=QEMU DVD-ROM];"
                + "OpticalDrive[device=/dev/sr1, vendor=QEMU, model=QEMU CD-ROM];"
                + "OpticalDrive[device=/dev/sr2, vendor=QEMU, model=QEMU CD-ROM]", r.get("drives"), out);

        String sector16 = sha(Arrays.copyOfRange(medium, 16 * 2048, 17 * 2048));
        String first32 = sha(Arrays.copyOf(medium, 32 * 2048));
        // sr0 = IDE ATAPI (hw/ide/atapi.c), sr1 = virtio-scsi CD (hw/scsi/scsi-disk.c), sg0 = sr0 via sg
        for (String dev : new String[] {"/dev/sr0", "/dev/sr1", "/dev/sg0"}) {
            assertEquals(null, r.get(dev + ".error"), dev + "\n" + out);
            assertTrue(r.get(dev + ".inquiry").startsWith("5|true|QEMU|QEMU "), dev + " " + r.get(dev + ".inquiry"));
            assertEquals("GOOD", r.get(dev + ".tur"), dev);
            // a 600 KiB medium is a CD-ROM (profile 0008h, current) to both; DVD-ROM (0010h) is listed, not current
            assertEquals("0008", r.get(dev + ".profile"), dev);
            assertEquals("0010,0008*", r.get(dev + ".profiles"), dev);
            assertEquals((SECTORS - 1) + "|2048", r.get(dev + ".capacity"), dev);
            assertEquals("1|1|1:0:true,170:" + SECTORS + ":true", r.get(dev + ".toc"), dev);
            assertEquals(r.get(dev + ".toc"), r.get(dev + ".tocmsf"), dev + ": MSF addresses convert to the same LBAs");
            assertEquals("FINALIZED|COMPLETE|1|1|1|false", r.get(dev + ".discinfo"), dev);
            // session information (format 1, with Linux sr's legacy 40h control byte): one session at LBA 0
            assertEquals("1|1|0", r.get(dev + ".session"), dev);
            assertEquals("5/20/00 FAIL E_IMAPI_RECORDER_NO_SUCH_FEATURE", r.get(dev + ".performance"), dev);
            assertEquals(sector16, r.get(dev + ".read10"), dev);
            assertEquals(sector16, r.get(dev + ".read12"), dev);
            assertEquals(first32, r.get(dev + ".read10x32"), dev);
            assertEquals("5/21/00 FAIL E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE", r.get(dev + ".readbeyond"), dev);
            assertEquals("GOOD", r.get(dev + ".lock"), dev);
            // MODE SENSE of page 05h on a read-only drive: 5/24/00, which SenseTable reads as "no such mode page"
            assertEquals("5/24/00 FAIL E_IMAPI_RECORDER_NO_SUCH_MODE_PAGE", r.get(dev + ".page05"), dev);
            assertEquals("5/20/00 FAIL E_IMAPI_RECORDER_NO_SUCH_FEATURE", r.get(dev + ".trackinfo"), dev);
        }
        // the two implementations differ: ATAPI knows SET CD SPEED but not SYNCHRONIZE CACHE and keeps the last
        // sense for REQUEST SENSE; the SCSI CD is the other way round and its sense was consumed by autosense
        for (String dev : new String[] {"/dev/sr0", "/dev/sg0"}) {
            assertEquals("GOOD", r.get(dev + ".cdspeed"), dev);
            assertEquals("5/20/00 FAIL E_IMAPI_RECORDER_NO_SUCH_FEATURE", r.get(dev + ".sync"), dev);
            assertEquals("5/20/00", r.get(dev + ".requestsense"), dev);
        }
        assertEquals("5/20/00 FAIL E_IMAPI_RECORDER_NO_SUCH_FEATURE", r.get("/dev/sr1.cdspeed"));
        assertEquals("GOOD", r.get("/dev/sr1.sync"));
        assertEquals("0/00/00", r.get("/dev/sr1.requestsense"));
        // START STOP UNIT: eject, the drive reports no medium, load, ready again
        assertEquals("GOOD", r.get("/dev/sr1.eject"));
        assertEquals("2/3A/00 NO_MEDIUM E_IMAPI_RECORDER_MEDIA_NO_MEDIA", r.get("/dev/sr1.turEjected"));
        assertEquals("GOOD", r.get("/dev/sr1.load"));
        assertEquals("GOOD", r.get("/dev/sr1.turLoaded"));
        // a read-only medium refuses WRITE(10): the ATAPI drive does not know the opcode, the SCSI CD says
        // write protected
        assertEquals("5/20/00 FAIL E_IMAPI_RECORDER_NO_SUCH_FEATURE", r.get("/dev/sr0.write"), out);
        assertEquals("7/27/00 FAIL E_IMAPI_RECORDER_MEDIA_WRITE_PROTECTED", r.get("/dev/sr1.write"), out);
        // the empty drive: TEST UNIT READY → 2/3A/xx, "no medium"
        assertEquals("2/3A/00 NO_MEDIUM E_IMAPI_RECORDER_MEDIA_NO_MEDIA", r.get("/dev/sr2.tur"));

        // the write path: qemu's SCSI disk with 2048-byte blocks took WRITE(10) at LBA 5 and WRITE(12) at LBA 100
        // and the backing file on this side holds exactly those bytes there, nothing elsewhere
        assertEquals("0|QEMU|QEMU HARDDISK", r.get("disk.inquiry"), out);
        // SPC: INQUIRY does not report a unit attention, the next command does; the table says re-initialise
        assertEquals("6/29/00 REINITIALIZE E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE", r.get("disk.tur1"), out);
        assertEquals("GOOD", r.get("disk.tur2"), out);
        assertEquals("1023|2048", r.get("disk.capacity"), out);
        assertEquals("GOOD|0", r.get("disk.write10"), out);
        assertEquals("GOOD|0", r.get("disk.write12"), out);
        assertEquals("GOOD", r.get("disk.sync"), out);
        assertEquals("true", r.get("disk.read10"), out);
        assertEquals("true", r.get("disk.read12"), out);
        assertEquals("5/21/00 FAIL E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE", r.get("disk.writebeyond"), out);
        assertEquals("GOOD", r.get("disk.modeselect"), out + "\n(MODE SELECT(10) of page " + r.get("disk.page08") + ")");
        byte[] written = Files.readAllBytes(disk);
        byte[] expected = new byte[1024 * 2048];
        DriveProbeMain.pattern(1, 2).get(expected, 5 * 2048, 2 * 2048);
        DriveProbeMain.pattern(2, 3).get(expected, 100 * 2048, 3 * 2048);
        assertTrue(Arrays.equals(expected, written), "the disk file holds the two writes and zeros elsewhere");
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
