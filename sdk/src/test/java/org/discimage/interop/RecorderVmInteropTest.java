package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.discimage.recorder.DiscMaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording API ({@link DiscMaster} and the rest of {@code org.discimage.recorder}) over the real SG_IO path of
 * a Linux kernel to two MMC implementations not ours, qemu's ATAPI drive ({@code /dev/sr0}) and its SCSI CD
 * ({@code /dev/sr1}), each holding a 300-block CD-ROM (see {@link DriveVm}). qemu records nothing, so this proves
 * the identity, the media state of a pressed (closed, read-only) disc, reading through the drive, the eraser's
 * refusal and the tray; recording is proven against the emulated drive only.
 */
class RecorderVmInteropTest {
    private static final int SECTORS = 300;

    @TempDir
    Path tmp;

    @Test
    void recorderApiOverSgIoToQemuDrives() throws Exception {
        DriveVm vm = DriveVm.require();
        byte[] medium = new byte[SECTORS * 2048];
        new Random(11).nextBytes(medium);
        Path disc = Files.write(tmp.resolve("medium.bin"), medium);
        Path disk = tmp.resolve("disk.bin");
        Files.write(disk, new byte[1024 * 2048]);
        String out = vm.run(tmp, disc, disk, RecorderProbeMain.class, "/dev/sr0", "/dev/sr1", "/dev/sr2");
        Map<String, String> r = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("@") && eq > 0) {
                r.put(line.substring(1, eq), line.substring(eq + 1).strip());
            }
        }
        System.out.println(r);
        assertEquals("ok", r.get("end"), out);
        assertEquals("[/dev/sr0, /dev/sr1, /dev/sr2]", r.get("ids"), out);
        String sector16 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Arrays.copyOfRange(medium, 16 * 2048, 17 * 2048)));
        for (String dev : new String[] {"/dev/sr0", "/dev/sr1"}) {
            assertEquals(null, r.get(dev + ".error"), dev + "\n" + out);
            assertEquals("CDROM", r.get(dev + ".current"), dev);
            assertEquals("[DVDROM, CDROM]", r.get(dev + ".profiles"), dev);
            // a pressed disc: closed, and nothing the data writer records
            assertEquals("[FINALIZED, UNSUPPORTED_MEDIA]", r.get(dev + ".states"), dev);
            // qemu refuses READ TRACK INFORMATION (5/20/00): the session comes from READ TOC formats 0 and 1
            assertEquals("[RecordedSession[number=1, startLba=0, blocks=" + SECTORS + "]]", r.get(dev + ".sessions"),
                    dev);
            assertEquals("-1|0|0", r.get(dev + ".nwa"), dev);
            assertEquals("[]", r.get(dev + ".speeds"), dev + ": GET PERFORMANCE refused");
            assertEquals("false", r.get(dev + ".appendable"), dev);
            assertEquals(Integer.toString(SECTORS), r.get(dev + ".count"), dev);
            assertEquals("3|" + sector16, r.get(dev + ".read"), dev);
            assertEquals("2", r.get(dev + ".readEnd"), dev + ": a read stops at the disc's end");
            assertEquals("E_IMAPI_ERASE_MEDIA_IS_NOT_SUPPORTED", r.get(dev + ".erase"), dev);
        }
        // SET CD SPEED: the ATAPI drive takes it, the SCSI CD does not know it (as EmulatedDriveInteropTest saw)
        assertEquals("true", r.get("/dev/sr0.speed"));
        assertEquals("false", r.get("/dev/sr1.speed"));
        assertEquals("[NO_MEDIA]", r.get("/dev/sr1.ejected"), out);
        assertEquals("CDROM", r.get("/dev/sr1.loaded"), out);
        assertEquals("[NO_MEDIA]", r.get("/dev/sr2.states"), out);
        assertEquals("UNKNOWN", r.get("/dev/sr2.current"), out);
        // reading the empty drive: the drive's 2/3A/00 as IMAPI2's "no media"
        assertEquals(true, r.get("/dev/sr2.error").contains("2/3A/00")
                && r.get("/dev/sr2.error").contains("E_IMAPI_RECORDER_MEDIA_NO_MEDIA"), r.get("/dev/sr2.error"));
    }
}
