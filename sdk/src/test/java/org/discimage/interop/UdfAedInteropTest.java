package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.UdfRevision;
import org.discimage.VolumeIdentifiers;
import org.discimage.importer.FileExtent;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.layout.PlanRequest;
import org.discimage.layout.UdfTestPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allocation Extent Descriptor chains (ECMA-167 4/14.5, UDF 2.60 2.3.11). A File Entry holds 234
 * short_ads, so with the real extent limit (2^30 - 2048 bytes) only files over about 234 GiB need
 * AEDs; here the planner is told to cut extents at one block, so files of a few hundred KiB need a
 * chain of one and of two AEDs. udfclient and discimage's importer read every byte; 7-Zip refuses
 * files with AEDs (see {@link #sevenZipReadsFilesWithoutAedsAndRefusesTheOthers}).
 */
class UdfAedInteropTest {
    static final long BLOCK = 2048;
    /** 233 ADs in the FE + a continuation; 252 in the first AED + a continuation; the rest in the second. */
    static final Map<String, Integer> FILES = new LinkedHashMap<>();

    static {
        FILES.put("chain.bin", 635 * 2048 - 100);   // 635 extents: FE, AED, AED
        FILES.put("one-aed.bin", 293 * 2048 + 5);   // 294 extents: FE, AED
        FILES.put("fits.bin", 234 * 2048);          // 234 extents: all in the FE
        FILES.put("small.txt", 11);
    }

    /**
     * 1.02 and 2.01: File Entries with short_ads in the partition; 2.50: EFEs with long_ads in the
     * metadata partition, whose AEDs lie in the metadata partition too (114 long_ads fit an EFE).
     */
    static final List<UdfRevision> REVISIONS = List.of(UdfRevision.R1_02, UdfRevision.R2_01, UdfRevision.R2_50);

    @TempDir
    Path work;

    static byte[] content(String name, int size) {
        byte[] b = new byte[size];
        long x = name.hashCode();
        for (int i = 0; i < size; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            b[i] = (byte) (x >>> 56);
        }
        return b;
    }

    private Path build(UdfRevision revision) throws IOException {
        FileSystemImage image = SdkImages.image(null, EnumSet.of(FileSystem.UDF), IsoLevel.LEVEL_3);
        for (Map.Entry<String, Integer> f : FILES.entrySet()) {
            image.root().addFile("dir/" + f.getKey(), content(f.getKey(), f.getValue()));
        }
        Path img = work.resolve("aed-" + revision + ".iso");
        UdfTestPlans.writeUdf(new PlanRequest(image.root(), EnumSet.of(FileSystem.UDF), IsoLevel.LEVEL_3,
                NamePolicy.MANGLE, VolumeIdentifiers.defaults(), SdkImages.CLOCK.instant(), 0, revision), BLOCK, img);
        return img;
    }

    @Test
    void importerFollowsTheChain() throws IOException {
        for (UdfRevision rev : REVISIONS) {
            Path img = build(rev);
            try (SectorReader sectors = ImageFileSectorReader.open(img)) {
                SessionReader session = SessionReader.open(sectors, 0);
                Map<String, ImportedEntry> tree = new LinkedHashMap<>();
                for (ImportedEntry e : session.readTree(FileSystem.UDF)) {
                    tree.put(e.path(), e);
                }
                for (Map.Entry<String, Integer> f : FILES.entrySet()) {
                    ImportedEntry e = tree.get("/dir/" + f.getKey());
                    assertNotNull(e, f.getKey() + " in " + tree.keySet());
                    assertEquals(f.getValue().longValue(), e.size(), f.getKey());
                    // the importer merges nothing: one extent per block, as the ADs say
                    assertEquals((f.getValue() + BLOCK - 1) / BLOCK, e.extents().size(), f.getKey());
                    assertArrayEquals(content(f.getKey(), f.getValue()), data(sectors, e), rev + " " + f.getKey());
                }
            }
        }
    }

    private static byte[] data(SectorReader sectors, ImportedEntry e) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(e.size()));
        ByteBuffer buf = ByteBuffer.allocate(SectorReader.SECTOR_SIZE);
        for (FileExtent x : e.extents()) {
            for (long s = 0; s * BLOCK < x.length(); s++) {
                buf.clear();
                sectors.read(x.lba() + s, buf);
                out.put(buf.array(), 0, (int) Math.min(Math.min(BLOCK, x.length() - s * BLOCK), out.remaining()));
            }
        }
        return out.array();
    }

    @Test
    void udfinfoAndUdfclientReadEveryByte() throws IOException {
        ExternalTools.assumeTool("udfclient", "udfinfo");
        for (UdfRevision rev : REVISIONS) {
            Path img = build(rev);
            String info = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
            String lvid = value(info, "lvid");
            Path out = Files.createDirectories(work.resolve("udfclient-" + rev));
            String cmds = "cd \"" + value(info, "fullvsid") + ":" + lvid + ":" + lvid + ":" + value(info, "fsid")
                    + "/dir\"\nls\nlcd " + out + "\nmget " + String.join(" ", FILES.keySet()) + "\nquit\n";
            Path script = work.resolve("udfclient-" + rev + ".cmds");
            Files.writeString(script, cmds, StandardCharsets.UTF_8);
            ExternalTools.Result r = ExternalTools.runOk(Duration.ofSeconds(120), work,
                    List.of("sh", "-c", "udfclient -b 2048 \"$0\" < \"$1\"", img.toString(), script.toString()));
            for (Map.Entry<String, Integer> f : FILES.entrySet()) {
                assertTrue(r.out().lines().anyMatch(l -> l.matches(".*\\s" + f.getValue() + "\\s+" + f.getKey() + "\\s*")),
                        "udfclient ls lacks " + f.getKey() + " of " + f.getValue() + " bytes\n" + r.out());
                Path p = out.resolve(f.getKey());
                assertTrue(Files.isRegularFile(p), "udfclient did not extract " + f.getKey() + "\n" + r.out());
                assertArrayEquals(content(f.getKey(), f.getValue()), Files.readAllBytes(p), rev + " udfclient " + f.getKey());
            }
        }
    }

    /**
     * 7-Zip (26.02) does not follow AED chains: it takes a File Entry's extents from its own AD area
     * only and extracts a file only if every extent is "recorded and allocated", so a type-3
     * continuation makes it print "ERROR: Unsupported Method : dir/chain.bin" and exit with 2. The
     * files whose ADs fit in the File Entry it extracts byte for byte.
     */
    @Test
    void sevenZipReadsFilesWithoutAedsAndRefusesTheOthers() throws IOException {
        ExternalTools.assumeTool("7z");
        for (UdfRevision rev : REVISIONS) {
            Path img = build(rev);
            Path out = work.resolve("7z-" + rev);
            ExternalTools.Result r = ExternalTools.run(Duration.ofSeconds(120), work,
                    List.of("7z", "x", "-y", "-o" + out, img.toString()));
            for (Map.Entry<String, Integer> f : FILES.entrySet()) {
                boolean aeds = f.getValue() > (rev.code() >= 0x0250 ? 114 : 234) * BLOCK;
                String refusal = "Unsupported Method : dir/" + f.getKey();
                if (aeds) {
                    assertTrue(r.err().contains(refusal), "7z no longer refuses " + f.getKey() + ":\n" + r.describe());
                } else {
                    assertTrue(!r.err().contains(refusal), r.describe());
                    assertArrayEquals(content(f.getKey(), f.getValue()),
                            Files.readAllBytes(out.resolve("dir").resolve(f.getKey())), rev + " 7z " + f.getKey());
                }
            }
        }
    }

    private static String value(String udfinfo, String key) {
        return udfinfo.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("udfinfo prints no " + key + ":\n" + udfinfo));
    }
}
