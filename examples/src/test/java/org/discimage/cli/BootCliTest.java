package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build --boot}: the entries xorriso reports are the ones given; bad values are refused. */
class BootCliTest {
    @TempDir
    Path work;

    @Test
    void bootEntriesAsXorrisoReportsThem() throws IOException, InterruptedException {
        Path src = Files.createDirectories(work.resolve("src"));
        Files.writeString(src.resolve("a.txt"), "a\n");
        Path bios = Files.write(work.resolve("bios.bin"), new byte[3000]);
        Path efi = Files.write(work.resolve("efi.img"), new byte[8192]);
        Path iso = work.resolve("boot.iso");
        CliRun b = CliRun.run("build", "-o", iso.toString(), "--boot", bios + ",load-segment=0x7c0,sectors=8,info-table",
                "--boot", efi + ",platform=efi", src.toString());
        assertEquals(0, b.exitCode(), b::toString);
        String report = ExternalTool.run("xorriso", "-indev", iso.toString(), "-report_el_torito", "plain");
        assertTrue(report.matches("(?s).*El Torito boot img :\\s+1\\s+BIOS\\s+y\\s+none\\s+0x07c0\\s+0x00\\s+8\\s+\\d+.*"),
                report);
        assertTrue(report.matches("(?s).*El Torito boot img :\\s+2\\s+UEFI\\s+y\\s+none\\s+0x07c0\\s+0x00\\s+16\\s+\\d+.*"),
                report);
    }

    @Test
    void badBootValuesAreRefused() throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Path img = Files.write(work.resolve("b.bin"), new byte[3000]);
        String out = work.resolve("x.iso").toString();
        for (String[] bad : new String[][] {
                {"--boot", work.resolve("missing").toString()},
                {"--boot", img + ",platform=arm"},
                {"--boot", img + ",emulation=floppy"},
                {"--boot", img + ",frobnicate"},
                {"--boot", img + ",sectors=0"}}) {
            String[] args = new String[bad.length + 4];
            args[0] = "build";
            args[1] = "-o";
            args[2] = out;
            System.arraycopy(bad, 0, args, 3, bad.length);
            args[args.length - 1] = src.toString();
            CliRun r = CliRun.run(args);
            assertEquals(2, r.exitCode(), () -> String.join(" ", args) + "\n" + r);
            assertTrue(r.err().contains("--boot"), r::toString);
        }
        // the SDK's refusal (an empty image) comes with its IMAPI2 code
        Path empty = Files.write(work.resolve("empty.bin"), new byte[0]);
        CliRun r = CliRun.run("build", "-o", out, "--boot", empty.toString(), src.toString());
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("IMAPI_E_BOOT_IMAGE_DATA"), r::toString);
        assertTrue(Files.notExists(work.resolve("x.iso")));
    }
}
