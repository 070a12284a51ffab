package org.discimage.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RescueImage}: xorriso reports the catalog it prints, isoinfo finds the boot record and the
 * trees, the BIOS entry boots under qemu (SeaBIOS) and prints on COM1; bad input exits 1 with its code.
 */
class RescueImageTest {
    /** xorriso 1.5.4: "El Torito boot img :   1  BIOS  y   none  0x07c0  0x00      4          34". */
    private static final Pattern XORRISO_IMG = Pattern.compile(
            "^El Torito boot img :\\s+(\\d+)\\s+(\\S+)\\s+y\\s+(\\S+)\\s+0x([0-9a-fA-F]+)\\s+0x[0-9a-fA-F]+"
                    + "\\s+(\\d+)\\s+(\\d+)\\s*$", Pattern.MULTILINE);

    /** What the boot sector writes to COM1 itself. */
    private static final String SERIAL_STRING = "COM1: DISCIMAGE BOOT OK";

    @TempDir
    Path tmp;

    /**
     * A 2048-byte no-emulation boot sector that prints "DISCIMAGE BOOT OK" through int 10h and
     * "COM1: DISCIMAGE BOOT OK" on the serial port, then halts. Copied from the SDK's
     * ElToritoInteropTest (test sources of another module cannot be shared): it jumps over the
     * boot-info table (bytes 8..63) the example patches in.
     */
    static byte[] bootSector() {
        byte[] sector = new byte[2048];
        byte[] code = {
            (byte) 0xEA, 0x40, 0x00, (byte) 0xC0, 0x07, // 00: jmp 07C0h:0040h (CS = load segment, past the info table)
        };
        byte[] body = {
            0x0E,                                 // 40: push cs
            0x1F,                                 // 41: pop ds          (DS = 07C0h)
            (byte) 0xFC,                          // 42: cld
            (byte) 0xBE, 0x6B, 0x00,              // 43: mov si, 006Bh   ("DISCIMAGE BOOT OK\r\n")
            (byte) 0xAC,                          // 46: lodsb           video:
            0x08, (byte) 0xC0,                    // 47: or al, al
            0x74, 0x09,                           // 49: jz 54h          (end of string)
            (byte) 0xB4, 0x0E,                    // 4B: mov ah, 0Eh     (int 10h teletype output)
            (byte) 0xBB, 0x07, 0x00,              // 4D: mov bx, 0007h   (page 0, grey)
            (byte) 0xCD, 0x10,                    // 50: int 10h
            (byte) 0xEB, (byte) 0xF2,             // 52: jmp 46h         (video)
            (byte) 0xBE, 0x65, 0x00,              // 54: mov si, 0065h   ("COM1: DISCIMAGE BOOT OK\r\n")
            (byte) 0xBA, (byte) 0xF8, 0x03,       // 57: mov dx, 03F8h   (COM1 transmit register)
            (byte) 0xAC,                          // 5A: lodsb           serial:
            0x08, (byte) 0xC0,                    // 5B: or al, al
            0x74, 0x03,                           // 5D: jz 62h          (end of string)
            (byte) 0xEE,                          // 5F: out dx, al
            (byte) 0xEB, (byte) 0xF8,             // 60: jmp 5Ah         (serial)
            (byte) 0xF4,                          // 62: hlt             halt:
            (byte) 0xEB, (byte) 0xFD,             // 63: jmp 62h         (halt)
        };
        System.arraycopy(code, 0, sector, 0, code.length);
        System.arraycopy(body, 0, sector, 0x40, body.length);
        byte[] msg = "COM1: DISCIMAGE BOOT OK\r\n\0".getBytes(StandardCharsets.US_ASCII); // 65h; 6Bh: "DISCIMAGE..."
        assertEquals(0x65, 0x40 + body.length, "message offset in mov si");
        System.arraycopy(msg, 0, sector, 0x65, msg.length);
        return sector;
    }

    private Path folder() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("tools"));
        Files.writeString(in.resolve("README.txt"), "rescue disc\n");
        Files.writeString(in.resolve("tools/fsck-notes.txt"), "run fsck -f\n");
        return in;
    }

    private Path bios() throws IOException {
        return Files.write(tmp.resolve("boot.img"), bootSector());
    }

    /** One entry as xorriso reports it: platform, emulation, load segment, sectors, LBA. */
    record Reported(String platform, String emulation, int loadSegment, int sectors, long lba) {
    }

    private static List<Reported> xorrisoEntries(String report) {
        Matcher m = XORRISO_IMG.matcher(report);
        List<Reported> list = new java.util.ArrayList<>();
        while (m.find()) {
            list.add(new Reported(m.group(2), m.group(3), Integer.parseInt(m.group(4), 16),
                    Integer.parseInt(m.group(5)), Long.parseLong(m.group(6))));
        }
        return list;
    }

    private static long catalogLba(String report) {
        Matcher m = Pattern.compile("^El Torito catalog\\s*:\\s*(\\d+)\\s+1\\s*$", Pattern.MULTILINE).matcher(report);
        assertTrue(m.find(), report);
        return Long.parseLong(m.group(1));
    }

    @Test
    void biosAndEfiEntriesAsXorrisoAndIsoinfoReadThem() throws Exception {
        Path in = folder();
        Path boot = bios();
        byte[] efiBytes = new byte[40_000];
        new Random(2).nextBytes(efiBytes);   // xorriso and isoinfo read the catalog, not the FAT inside
        Path efi = Files.write(tmp.resolve("efi.img"), efiBytes);
        Path img = tmp.resolve("rescue.iso");
        Tools.Run r = Tools.example(s -> RescueImage.run(new String[] {boot.toString(), in.toString(), img.toString(),
                "--efi", efi.toString()}, s[0], s[1]));
        assertEquals(0, r.exitCode(), r.toString());

        String report = Tools.run("xorriso", "-indev", img.toString(), "-report_el_torito", "plain");
        List<Reported> e = xorrisoEntries(report);
        assertEquals(2, e.size(), report);
        assertEquals(new Reported("BIOS", "none", 0x07C0, 4, e.get(0).lba()), e.get(0), report);
        assertEquals(new Reported("UEFI", "none", 0x07C0, (40_000 + 511) / 512, e.get(1).lba()), e.get(1), report);
        // the EFI entry points at the data of /boot/efi.img (written once); the BIOS one at a hidden
        // copy, since its boot-info table differs from the file
        assertTrue(report.matches("(?s).*El Torito img path :\\s+2\\s+/boot/efi\\.img\\n.*"), report);
        assertTrue(!report.matches("(?s).*El Torito img path :\\s+1\\s.*"), report);
        long catalog = catalogLba(report);

        // what the example printed is what xorriso found
        assertTrue(r.out().contains(img + ": " + Files.size(img) / 2048 + " sectors (" + Files.size(img) + " bytes)"),
                r.toString());
        assertTrue(r.out().contains("boot catalog at LBA " + catalog + "\n"), r.toString());
        assertTrue(r.out().contains("entry 1: X86, emulation NONE, load segment 0x07C0, 4 sectors, LBA "
                + e.get(0).lba() + " (hidden copy, boot-info table)\n"), r.toString());
        assertTrue(r.out().contains("entry 2: EFI, emulation NONE, load segment 0x07C0, 79 sectors, LBA "
                + e.get(1).lba() + " (data of /boot/efi.img)\n"), r.toString());

        String d = Tools.run("isoinfo", "-d", "-i", img.toString());
        assertTrue(d.contains("El Torito VD version 1 found, boot catalog is in sector " + catalog), d);
        assertTrue(d.contains("ID 'DISCIMAGE RESCUE'"), d);
        assertTrue(d.contains("Nsect 4"), d);
        assertTrue(d.contains("Volume id: RESCUE"), d);
        assertTrue(d.contains("Joliet with UCS level 3 found"), d);
        assertTrue(d.contains("Rock Ridge signatures version 1 found"), d);

        assertEquals(new java.util.TreeSet<>(List.of("/README.txt", "/boot", "/boot/boot.img", "/boot/efi.img",
                "/tools", "/tools/fsck-notes.txt")), Tools.isoinfoPaths(img, "-R"));
        assertTrue(Tools.isoinfoPaths(img, "-J").contains("/boot/boot.img"));
        // the file keeps the source's bytes (bytes 8..63 zero), the boot copy carries the table:
        // bi_pvd (LBA 16, little-endian) at byte 8
        Path x = tmp.resolve("x");
        Tools.run("xorriso", "-osirrox", "on", "-indev", img.toString(), "-extract", "/boot", x.toString());
        assertArrayEquals(bootSector(), Files.readAllBytes(x.resolve("boot.img")));
        assertArrayEquals(efiBytes, Files.readAllBytes(x.resolve("efi.img")));
        byte[] copy = new byte[2048];
        try (var ch = java.nio.channels.FileChannel.open(img)) {
            ch.read(java.nio.ByteBuffer.wrap(copy), e.get(0).lba() * 2048);
        }
        assertEquals(16, copy[8], "bi_pvd in the hidden copy");
        assertEquals(e.get(0).lba(), (copy[12] & 0xFF) | (copy[13] & 0xFF) << 8, "bi_file");
    }

    @Test
    void biosEntryBootsUnderQemu() throws Exception {
        Tools.require("qemu-system-x86_64");
        Path img = tmp.resolve("boot.iso");
        Path in = folder();
        Path boot = bios();
        Tools.Run r = Tools.example(s -> RescueImage.run(new String[] {boot.toString(), in.toString(), img.toString()},
                s[0], s[1]));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(!r.out().contains("entry 2"), r.toString());

        Path serial = tmp.resolve("serial.txt");
        List<String> cmd = List.of("qemu-system-x86_64", "-nographic", "-monitor", "none", "-m", "64",
                "-cdrom", img.toString(), "-boot", "d", "-no-reboot", "-serial", "file:" + serial);
        // the boot sector halts for ever: qemu is ended once the serial log holds the string, or after a minute
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("qemu.log").toFile()).start();
        long started = System.nanoTime();
        String out = "";
        try {
            while (System.nanoTime() - started < Duration.ofSeconds(60).toNanos() && p.isAlive()) {
                out = Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
                if (out.contains(SERIAL_STRING)) {
                    break;
                }
                Thread.sleep(200);
            }
            out = Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        System.out.printf("RescueImage under qemu: boot string after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertTrue(out.contains(SERIAL_STRING), "serial output: " + out + "\nqemu: "
                + Files.readString(tmp.resolve("qemu.log"), StandardCharsets.ISO_8859_1));
    }

    /**
     * A 64 KiB FAT12 volume (128 sectors of 512 bytes: boot sector, two one-sector FATs, a
     * one-sector root directory of 16 entries, then 124 one-sector clusters) holding one file,
     * STARTUP.NSH in cluster 2: the UEFI Shell runs it from the first file system it maps. Written
     * by hand because no mkfs.vfat/mtools is installed; the fields are those of the FAT
     * specification's BPB (Microsoft FAT32 File System Specification 1.03, section 3).
     */
    static byte[] fatWithStartupScript(String script) {
        byte[] body = script.getBytes(StandardCharsets.US_ASCII);
        assertTrue(body.length <= 512, "one cluster");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(128 * 512).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(0, new byte[] {(byte) 0xEB, 0x3C, (byte) 0x90}).put(3, "MSWIN4.1".getBytes(StandardCharsets.US_ASCII));
        b.putShort(11, (short) 512).put(13, (byte) 1).putShort(14, (short) 1).put(16, (byte) 2);
        b.putShort(17, (short) 16).putShort(19, (short) 128).put(21, (byte) 0xF8).putShort(22, (short) 1);
        b.putShort(24, (short) 32).putShort(26, (short) 2).put(36, (byte) 0x80).put(38, (byte) 0x29);
        b.putInt(39, 0x12345678).put(43, "RESCUE EFI FAT12   ".getBytes(StandardCharsets.US_ASCII));
        b.put(510, (byte) 0x55).put(511, (byte) 0xAA);
        for (int fat = 1; fat <= 2; fat++) {
            // FAT12: entries 0 and 1 (media F8h, end of chain), entry 2 = FFFh (the file's one cluster)
            b.put(fat * 512, new byte[] {(byte) 0xF8, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F});
        }
        int dir = 3 * 512;
        b.put(dir, "STARTUP NSH".getBytes(StandardCharsets.US_ASCII)).put(dir + 11, (byte) 0x20);
        b.putShort(dir + 26, (short) 2).putInt(dir + 28, body.length);
        b.put(4 * 512, body);   // cluster 2: the first data sector, after the root directory
        return b.array();
    }

    /**
     * The UEFI entry as firmware sees it: OVMF (EDK II, qemu) maps each El Torito entry as a block
     * device (CDROM(0x0) the BIOS one, CDROM(0x1) the UEFI one), finds the FAT volume in the UEFI
     * one, and its shell runs STARTUP.NSH from it, which prints on the console (the serial port).
     */
    @Test
    void efiEntryIsReadByOvmf() throws Exception {
        Tools.require("qemu-system-x86_64");
        Path code = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
        Path vars = Path.of("/usr/share/OVMF/OVMF_VARS_4M.fd");
        if (!Files.isReadable(code) || !Files.isReadable(vars)) {
            org.junit.jupiter.api.Assertions.assertNotEquals("true", System.getenv("CI"), "OVMF is not installed");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "OVMF is not installed");
        }
        Path in = folder();
        Path boot = bios();
        // "@" keeps the line itself off the console, so only echo's output holds the string
        Path efi = Files.write(tmp.resolve("efi.img"), fatWithStartupScript("@echo -off\r\necho DISCIMAGE EFI \"OK\"\r\nreset -s\r\n"));
        Path img = tmp.resolve("efi.iso");
        Tools.Run r = Tools.example(s -> RescueImage.run(new String[] {boot.toString(), in.toString(), img.toString(),
                "--efi", efi.toString()}, s[0], s[1]));
        assertEquals(0, r.exitCode(), r.toString());

        Path varsCopy = Files.copy(vars, tmp.resolve("vars.fd"));
        Path serial = tmp.resolve("ovmf.txt");
        List<String> cmd = List.of("qemu-system-x86_64", "-nographic", "-monitor", "none", "-m", "256", "-net", "none",
                "-drive", "if=pflash,format=raw,readonly=on,file=" + code,
                "-drive", "if=pflash,format=raw,file=" + varsCopy,
                "-cdrom", img.toString(), "-no-reboot", "-serial", "file:" + serial);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("qemu-efi.log").toFile()).start();
        long started = System.nanoTime();
        String out = "";
        try {
            // the shell waits 5 s before running startup.nsh; "reset -s" then ends qemu (-no-reboot)
            while (System.nanoTime() - started < Duration.ofSeconds(120).toNanos() && p.isAlive()) {
                out = Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
                if (out.contains("DISCIMAGE EFI OK")) {
                    break;
                }
                Thread.sleep(500);
            }
            out = Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        System.out.printf("RescueImage under OVMF: startup.nsh output after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        // OVMF 2022.11 (Debian): "FS0: Alias(s):CD0c1:;BLK2:" over ".../Ata(0x0)/CDROM(0x1)", and
        // BLK1 ".../CDROM(0x0)" for the BIOS entry, which holds no file system; the shell colours
        // its mapping table with ANSI escape sequences, taken out first
        out = out.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
        assertTrue(Pattern.compile("FS0: Alias\\(s\\):[^\\n]*\\n\\s*\\S*/CDROM\\(0x1\\)").matcher(out).find(),
                "the UEFI entry as the first file system: " + out);
        assertTrue(out.contains("/CDROM(0x0)"), "the BIOS entry as a block device: " + out);
        assertTrue(out.contains("DISCIMAGE EFI OK"), "startup.nsh from the UEFI entry's FAT: " + out);
    }

    @Test
    void sameInputsAndClockGiveTheSameBytes() throws Exception {
        Path in = folder();
        Path boot = bios();
        Path efi = Files.write(tmp.resolve("efi.img"), fatWithStartupScript("echo hi\r\n"));
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.ofEpochSecond(1_700_000_000L),
                java.time.ZoneOffset.UTC);
        java.io.PrintStream quiet = new java.io.PrintStream(new java.io.ByteArrayOutputStream());
        RescueImage.build(boot, efi, in, tmp.resolve("a.iso"), clock, quiet);
        RescueImage.build(boot, efi, in, tmp.resolve("b.iso"), clock, quiet);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a.iso")), Files.readAllBytes(tmp.resolve("b.iso")));
    }

    @Test
    void badInputExitsOneWithTheErrorCode() throws Exception {
        Path in = folder();
        // a boot image too small for the boot-info table (bytes 8..63)
        Path tiny = Files.write(tmp.resolve("tiny.img"), new byte[32]);
        Tools.Run r = Tools.example(s -> RescueImage.run(new String[] {tiny.toString(), in.toString(),
                tmp.resolve("x.iso").toString()}, s[0], s[1]));
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("RescueImage: ") && r.err().contains("IMAPI_E_BOOT_IMAGE_DATA"), r.toString());
        assertTrue(r.err().contains("too few for a boot-info table"), r.toString());

        // the folder already holds /boot/boot.img: the example does not overwrite it
        Files.createDirectories(in.resolve("boot"));
        Files.writeString(in.resolve("boot/boot.img"), "old loader\n");
        Path boot = bios();
        r = Tools.example(s -> RescueImage.run(new String[] {boot.toString(), in.toString(),
                tmp.resolve("y.iso").toString()}, s[0], s[1]));
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("boot/boot.img") && r.err().contains("IMAPI_E_DUP_NAME"), r.toString());

        assertEquals(2, Tools.example(s -> RescueImage.run(new String[] {"a", "b"}, s[0], s[1])).exitCode());
        assertEquals(2, Tools.example(s -> RescueImage.run(new String[] {"a", "b", "c", "--bios", "d"}, s[0], s[1]))
                .exitCode());
    }
}
