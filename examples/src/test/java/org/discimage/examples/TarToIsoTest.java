package org.discimage.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TarToIso}: the image of a GNU tar .tar.gz holds exactly the archive's names (as {@code tar
 * -t} lists them) with their content and links, as isoinfo reads them; a hostile archive exits 1.
 */
class TarToIsoTest {
    @TempDir
    Path tmp;

    @Test
    void imageHoldsWhatTarLists() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/pkg/bin"));
        Files.writeString(tmp.resolve("src/pkg/README"), "read me\n");
        byte[] blob = new byte[123_457];
        new Random(8).nextBytes(blob);
        Files.write(src.resolve("tool"), blob);
        Files.setPosixFilePermissions(src.resolve("tool"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(tmp.resolve("src/pkg/current"), Path.of("bin/tool"));
        Path archive = tmp.resolve("pkg.tar.gz");
        Tools.run("tar", "-czf", archive.toString(), "-C", tmp.resolve("src").toString(), "pkg");
        Path img = tmp.resolve("pkg.iso");

        Tools.Run r = Tools.example(s -> TarToIso.run(new String[] {archive.toString(), img.toString()}, s[0], s[1]));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("2 files, 2 directories, 1 symbolic links"), r.toString());

        TreeSet<String> tarNames = new TreeSet<>();
        for (String line : Tools.run("tar", "-tzf", archive.toString()).strip().split("\n")) {
            tarNames.add("/" + (line.endsWith("/") ? line.substring(0, line.length() - 1) : line));
        }
        assertEquals(tarNames, Tools.isoinfoPaths(img, "-R"));
        assertEquals("read me\n", Tools.isoinfoCat(img, "/pkg/README"));
        Path back = tmp.resolve("tool.back");
        Tools.run("sh", "-c", "isoinfo -R -i \"$0\" -x /pkg/bin/tool > \"$1\"", img.toString(), back.toString());
        assertArrayEquals(blob, Files.readAllBytes(back));
        String listing = Tools.run("isoinfo", "-R", "-l", "-i", img.toString());
        assertTrue(listing.contains("current -> bin/tool"), listing);
        assertTrue(Arrays.stream(listing.split("\n")).anyMatch(l -> l.startsWith("-rwx") && l.endsWith(" tool ")),
                "the tool keeps its mode from the archive\n" + listing);
    }

    @Test
    void archiveWithDotDotIsRefused() throws Exception {
        Files.createDirectories(tmp.resolve("e/x"));
        Files.writeString(tmp.resolve("e/x/f"), "x");
        Path evil = tmp.resolve("evil.tar");
        // GNU tar keeps "../" members only when told to with -P (--absolute-names)
        Tools.run("tar", "-cPf", evil.toString(), "-C", tmp.resolve("e/x").toString(), "../x/f");
        Tools.Run r = Tools.example(s -> TarToIso.run(new String[] {evil.toString(), tmp.resolve("e.iso").toString()},
                s[0], s[1]));
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("TarToIso: ") && r.err().contains("IMAPI_E_INVALID_PATH"), r.toString());
        assertTrue(Files.notExists(tmp.resolve("e.iso")), "nothing written");
    }
}
