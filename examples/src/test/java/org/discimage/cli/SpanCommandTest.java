package org.discimage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discimage span}: several small discs named by the pattern, each with the same catalog. */
class SpanCommandTest {
    private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1700000000");

    @TempDir
    Path tmp;

    private Path tree() throws IOException {
        Path src = tmp.resolve("src");
        Random r = new Random(3);
        for (int d = 0; d < 6; d++) {
            Path dir = Files.createDirectories(src.resolve("dir" + d));
            for (int f = 0; f < 5; f++) {
                byte[] data = new byte[2000 + r.nextInt(30_000)];
                r.nextBytes(data);
                Files.write(dir.resolve("f" + f + ".dat"), data);
            }
        }
        return src;
    }

    @Test
    void writesThreeOrMoreDiscsNamedByThePatternEachWithTheWholeCatalog() throws Exception {
        Path src = tree();
        Path out = tmp.resolve("out");
        CliRun run = CliRun.run(ENV, "span", "--capacity", "120s", "-o", out + "/disc-%02d.iso", src.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<Path> discs = new ArrayList<>();
        for (int n = 1; Files.exists(out.resolve(String.format("disc-%02d.iso", n))); n++) {
            discs.add(out.resolve(String.format("disc-%02d.iso", n)));
        }
        assertTrue(discs.size() >= 3, "discs written: " + discs + "\n" + run);
        assertTrue(run.err().contains(discs.size() + " discs of 120s"), run::toString);

        String first = null;
        Set<String> everywhere = new TreeSet<>();
        for (int i = 0; i < discs.size(); i++) {
            Path img = discs.get(i);
            assertTrue(Files.size(img) <= 120 * 2048, img + " over capacity: " + Files.size(img));
            String catalog = ExternalTool.run("isoinfo", "-R", "-i", img.toString(), "-x", "/CATALOG.TSV");
            if (first == null) {
                first = catalog;
            }
            assertEquals(first, catalog, "the catalog differs on " + img);
            Set<String> listed = new TreeSet<>(List.of(ExternalTool.run("isoinfo", "-R", "-f", "-i", img.toString())
                    .split("\n")));
            String disc = String.format("%03d", i + 1);
            for (String line : catalog.split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                assertEquals(f[0].equals(disc), listed.contains(f[4]), f[4] + " on " + img + " vs catalog: " + line);
                if (f[0].equals(disc)) {
                    everywhere.add(f[4]);
                    assertEquals(Long.parseLong(f[2]), Files.size(src.resolve(f[4].substring(1))), line);
                }
            }
        }
        assertEquals(30, everywhere.size(), "files on the discs: " + everywhere);

        // reproducible: the same command writes the same images
        Path again = tmp.resolve("again");
        assertEquals(0, CliRun.run(ENV, "span", "--capacity", "120s", "-o", again + "/d%d.iso", src.toString())
                .exitCode());
        for (int i = 0; i < discs.size(); i++) {
            assertEquals(-1L, Files.mismatch(discs.get(i), again.resolve("d" + (i + 1) + ".iso")));
        }
    }

    @Test
    void splitsABigFileOverUdfDiscsOfTheMediumWhosePartsJoinToTheOriginal() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("big"));
        byte[] data = new byte[1_200_000];
        new Random(9).nextBytes(data);
        Files.write(src.resolve("backup.tar"), data);
        Path out = tmp.resolve("bd");

        CliRun refused = CliRun.run(ENV, "span", "--media", "BD25", "--capacity", "600s", "-o", out + "/bd%02d.iso",
                src.toString());
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("/backup.tar") && refused.err().contains("splitting"), refused::toString);

        CliRun run = CliRun.run(ENV, "span", "--media", "BD25", "--capacity", "600s", "--split", "--sha256",
                "-o", out + "/bd%02d.iso", src.toString());
        assertEquals(0, run.exitCode(), run::toString);
        // BD defaults: UDF alone, so 7-Zip reads the discs as UDF
        MessageDigest joined = MessageDigest.getInstance("SHA-256");
        int parts = 0;
        for (int n = 1; Files.exists(out.resolve(String.format("bd%02d.iso", n))); n++) {
            Path img = out.resolve(String.format("bd%02d.iso", n));
            assertTrue(Files.size(img) <= 600 * 2048, img + " over capacity");
            Path x = tmp.resolve("x" + n);
            ExternalTool.run("7z", "x", "-y", "-bd", "-tudf", "-o" + x, img.toString());
            String catalog = Files.readString(x.resolve("CATALOG.TSV"));
            assertTrue(catalog.contains(String.format("%03d\t", n)), catalog);
            for (String line : catalog.split("\n")) {
                String[] f = line.split("\t");
                if (!line.startsWith("#") && f[0].equals(String.format("%03d", n))) {
                    byte[] part = Files.readAllBytes(x.resolve(f[4].substring(1)));
                    assertEquals(f[3], sha256(part), "catalog SHA-256 of " + f[4]);
                    assertEquals(String.format("/backup.tar.part%03d", ++parts), f[4], "parts in disc order");
                    joined.update(part);
                }
            }
        }
        assertTrue(parts >= 3, "parts: " + parts + "\n" + run);
        // cat backup.tar.part001 backup.tar.part002 ... gives the original
        assertEquals(sha256(data), HexFormat.of().formatHex(joined.digest()));
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
