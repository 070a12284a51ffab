package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --archive} grafts an archive's contents, a plain SOURCE keeps an archive as one file, and
 * {@code IMAGE/PATH=-} spools standard input; isoinfo reads the results.
 */
class ArchiveCliTest {
    @TempDir
    Path tmp;

    private Path tarGz() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/docs"));
        Files.writeString(src.resolve("a.txt"), "from the archive\n");
        Path archive = tmp.resolve("bundle.tar.gz");
        ExternalTool.run("tar", "-czf", archive.toString(), "-C", tmp.resolve("src").toString(), "docs");
        return archive;
    }

    private static String isoinfoX(Path img, String path) throws Exception {
        return ExternalTool.run("isoinfo", "-R", "-i", img.toString(), "-x", path);
    }

    @Test
    void archiveOptionGraftsContentsAndASourceKeepsTheFileWhole() throws Exception {
        Path archive = tarGz();
        Path img = tmp.resolve("a.iso");
        Path spool = Files.createDirectories(tmp.resolve("spool"));
        CliRun b = CliRun.run("build", "-o", img.toString(), "--working-dir", spool.toString(),
                "--archive", "pkg=" + archive, "keep/=" + archive);
        assertEquals(0, b.exitCode(), b.toString());
        assertEquals("from the archive\n", isoinfoX(img, "/pkg/docs/a.txt"));
        // the same file as a SOURCE is one file, byte for byte
        Path back = tmp.resolve("back.tar.gz");
        ExternalTool.run("sh", "-c", "isoinfo -R -i '" + img + "' -x /keep/bundle.tar.gz > '" + back + "'");
        assertArrayEquals(Files.readAllBytes(archive), Files.readAllBytes(back));
        try (var l = Files.list(spool)) {
            assertEquals(0, l.count(), "no spool file is left in the working directory");
        }
    }

    @Test
    void archiveAtTheRootAndHostileArchiveRefused() throws Exception {
        Path archive = tarGz();
        Path img = tmp.resolve("r.iso");
        CliRun b = CliRun.run("build", "-o", img.toString(), "--archive", archive.toString());
        assertEquals(0, b.exitCode(), b.toString());
        assertEquals("from the archive\n", isoinfoX(img, "/docs/a.txt"));

        Path evil = tmp.resolve("evil.tar");
        Files.createDirectories(tmp.resolve("e/x"));
        Files.writeString(tmp.resolve("e/x/f"), "x");
        // GNU tar keeps "../" members only when told to with -P (--absolute-names)
        ExternalTool.run("tar", "-cPf", evil.toString(), "-C", tmp.resolve("e/x").toString(), "../x/f");
        CliRun r = CliRun.run("build", "-o", tmp.resolve("evil.iso").toString(), "--archive", evil.toString());
        assertNotEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("IMAPI_E_INVALID_PATH") || r.err().contains("'..'"), r.toString());
    }

    @Test
    void standardInputIsSpooledIntoTheNamedFile() throws Exception {
        byte[] dump = new byte[2_500_000];
        new Random(3).nextBytes(dump);
        InputStream saved = System.in;
        Path img = tmp.resolve("s.iso");
        CliRun b;
        try {
            System.setIn(new ByteArrayInputStream(dump));
            b = CliRun.run("build", "-o", img.toString(), "--working-dir", tmp.toString(), "db/dump.bin=-");
        } finally {
            System.setIn(saved);
        }
        assertEquals(0, b.exitCode(), b.toString());
        Path back = tmp.resolve("dump.back");
        ExternalTool.run("sh", "-c", "isoinfo -R -i '" + img + "' -x /db/dump.bin > '" + back + "'");
        assertArrayEquals(dump, Files.readAllBytes(back));

        CliRun unnamed = CliRun.run("build", "-o", tmp.resolve("u.iso").toString(), "-");
        assertNotEquals(0, unnamed.exitCode());
        assertTrue(unnamed.err().contains("standard input has no name"), unnamed.toString());
    }

    /** {@code append --archive IMAGE/PATH=A} replaces what IMAGE/PATH held in the imported tree. */
    @Test
    void appendGraftsAnArchiveIntoANewSession() throws Exception {
        Path archive = tarGz();
        Path img = tmp.resolve("m.iso");
        Path old = Files.createDirectories(tmp.resolve("old/pkg"));
        Files.writeString(old.resolve("stale.txt"), "old");
        assertEquals(0, CliRun.run("append", img.toString(), tmp.resolve("old").toString()).exitCode());
        CliRun a = CliRun.run("append", img.toString(), "--archive", "pkg=" + archive);
        assertEquals(0, a.exitCode(), a.toString());
        assertEquals("from the archive\n", isoinfoX(img, "/pkg/docs/a.txt"));
        String listing = ExternalTool.run("isoinfo", "-R", "-l", "-i", img.toString());
        assertTrue(!listing.contains("stale.txt"), listing);
    }
}
