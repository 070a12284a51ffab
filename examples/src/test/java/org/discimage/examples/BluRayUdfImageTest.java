package org.discimage.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BluRayUdfImage}: udfinfo finds a closed UDF 2.60 volume, 7-Zip's UDF reader extracts it,
 * and the bridge is read by isoinfo too.
 */
class BluRayUdfImageTest {
    @TempDir
    Path tmp;

    private Path folder() throws Exception {
        // no symbolic link: 7-Zip refuses a UDF-only image holding one ("Cannot open the file as [Udf] archive")
        Path in = Files.createDirectories(tmp.resolve("in/Movies/2026"));
        Files.writeString(in.resolve("holiday.txt"), "beach\n");
        Files.write(tmp.resolve("in/big.bin"), new byte[200_000]);
        return tmp.resolve("in");
    }

    private static String key(String udfinfo, String key) {
        return udfinfo.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("udfinfo prints no " + key + ":\n" + udfinfo));
    }

    private static void udfinfo260(Path img) throws Exception {
        String info = Tools.run("udfinfo", img.toString());
        // udfrev is the minimum read revision, which UDF 2.60 2.2.6.4 caps at 2.50; udfwriterev is 2.60
        assertEquals("2.50", key(info, "udfrev"), info);
        assertEquals("2.60", key(info, "udfwriterev"), info);
        assertEquals("closed", key(info, "integrity"), info);
        assertEquals("BD_BACKUP", key(info, "lvid"), info);
        assertEquals("2", key(info, "numfiles"), info);
        assertEquals("3", key(info, "numdirs"), info);   // /, Movies, Movies/2026
        assertEquals(Long.toString(Files.size(img) / 2048), key(info, "blocks"), info);
    }

    @Test
    void udfAloneIsReadByUdfinfoAnd7zip() throws Exception {
        Path in = folder();
        Path img = tmp.resolve("bd.iso");
        Tools.Run r = Tools.example(s -> BluRayUdfImage.run(new String[] {in.toString(), img.toString()}, s[0], s[1]));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("UDF 2.60 alone, " + Files.size(img) / 2048 + " sectors"), r.toString());
        udfinfo260(img);
        // no ISO 9660 primary volume descriptor at LBA 16: the image starts with the UDF recognition sequence
        assertEquals("BEA01", new String(Files.readAllBytes(img), 16 * 2048 + 1, 5, java.nio.charset.StandardCharsets.US_ASCII));
        Path out = tmp.resolve("7z-out");
        Tools.run("7z", "x", "-tudf", "-y", "-o" + out, img.toString());
        assertEquals("beach\n", Files.readString(out.resolve("Movies/2026/holiday.txt")));
        assertEquals(200_000, Files.size(out.resolve("big.bin")));

        // ListAndExtractSessions takes a UDF-only image (no ISO 9660 session chain) as one session at 0
        Tools.Run list = Tools.example(s -> ListAndExtractSessions.run(new String[] {img.toString(), "1",
                tmp.resolve("extracted").toString()}, s[0], s[1]));
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().startsWith("session 1: start 0, " + Files.size(img) / 2048
                + " sectors, volume (no ISO 9660 session chain), file systems [UDF]\n"), list.toString());
        assertEquals("beach\n", Files.readString(tmp.resolve("extracted/Movies/2026/holiday.txt")));
    }

    @Test
    void bridgeIsReadByUdfinfoAndIsoinfo() throws Exception {
        Path in = folder();
        Path img = tmp.resolve("bridge.iso");
        Tools.Run r = Tools.example(s -> BluRayUdfImage.run(new String[] {in.toString(), img.toString(), "--bridge"},
                s[0], s[1]));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("UDF 2.60 + ISO 9660/Joliet/Rock Ridge"), r.toString());
        udfinfo260(img);
        assertEquals(new TreeSet<>(Set.of("/Movies", "/Movies/2026", "/Movies/2026/holiday.txt", "/big.bin")),
                Tools.isoinfoPaths(img, "-R"));
        assertEquals("beach\n", Tools.isoinfoCat(img, "/Movies/2026/holiday.txt"));
    }

    @Test
    void wrongArgumentsAndMissingFolder() {
        assertEquals(2, Tools.example(s -> BluRayUdfImage.run(new String[] {"a", "b", "--udf"}, s[0], s[1]))
                .exitCode());
        Tools.Run r = Tools.example(s -> BluRayUdfImage.run(new String[] {tmp.resolve("none").toString(),
                tmp.resolve("x.iso").toString()}, s[0], s[1]));
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("BluRayUdfImage: ") && r.err().contains("IMAPI_E_"), r.toString());
    }
}
