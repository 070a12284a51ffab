package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.discimage.FileSystemImage;
import org.discimage.tree.DeviceItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device nodes: Rock Ridge PX file type and PN device numbers (RRIP 1.12 4.1.1-4.1.2). */
class DeviceInteropTest {
    @TempDir
    Path tmp;

    private Path image() throws Exception {
        FileSystemImage image = new FileSystemImage(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        image.root().addDevice("dev/null", DeviceItem.Kind.CHARACTER, 1, 3).setMode(0666);
        image.root().addDevice("dev/sda", DeviceItem.Kind.BLOCK, 8, 0).setMode(0660);
        image.root().addFile("dev/regular", new byte[] {1});
        Path iso = tmp.resolve("dev.iso");
        image.createResultImage().writeTo(iso);
        return iso;
    }

    @Test
    void isoinfoShowsDeviceTypesAndNumbers() throws Exception {
        ExternalTools.assumeTool("isoinfo");
        Path iso = image();
        String out = ExternalTools.runOk(tmp, "isoinfo", "-R", "-l", "-i", iso.toString()).out();
        assertTrue(Pattern.compile("(?m)^crw-rw-rw-.*\\snull\\s*$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^brw-rw----.*\\ssda\\s*$").matcher(out).find(), out);
    }

    @Test
    void bsdtarShowsDeviceNumbers() throws Exception {
        ExternalTools.assumeTool("bsdtar");
        Path iso = image();
        String out = ExternalTools.runOk(tmp, "bsdtar", "-tvf", iso.toString()).out();
        assertTrue(Pattern.compile("(?m)^crw-rw-rw-.*\\s1,\\s*3\\s.*dev/null$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^brw-rw----.*\\s8,\\s*0\\s.*dev/sda$").matcher(out).find(), out);
    }

    @Test
    void xorrisoShowsDeviceTypes() throws Exception {
        ExternalTools.assumeTool("xorriso");
        Path iso = image();
        String out = ExternalTools.runOk(tmp, "xorriso", "-indev", iso.toString(), "-lsdl", "/dev/*").out();
        assertTrue(Pattern.compile("(?m)^crw-rw-rw-.*'/dev/null'").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^brw-rw----.*'/dev/sda'").matcher(out).find(), out);
    }
}
