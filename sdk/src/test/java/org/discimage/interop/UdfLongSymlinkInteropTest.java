package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.UdfRevision;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link whose path components (ECMA-167 4/14.16) do not fit in its File Entry (more than
 * 2048 - 176 bytes; 2048 - 216 in a 2.50 EFE) has them as file data in blocks of its own (UDF 2.60 2.3.12), UDF-only and in
 * the bridge; a short one stays embedded. discimage's importer reads both targets back, udfinfo
 * accepts the volume, udfclient lists both links with their data lengths next to a file it extracts.
 */
class UdfLongSymlinkInteropTest {
    static final Set<FileSystem> UDF = EnumSet.of(FileSystem.UDF);
    static final Set<FileSystem> BRIDGE = EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE,
            FileSystem.UDF);

    @TempDir
    Path work;

    /** 40 components of 80 characters: about 3.3 KB of path components, two blocks. */
    static String longTarget() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            parts.add(String.format("component-%02d-", i) + "x".repeat(67));
        }
        return "../" + String.join("/", parts) + "/end.txt";
    }

    /** 2.01: File Entries; 2.50: EFEs in the metadata partition, the long target in its blocks (long_ad, ref 1). */
    static final List<UdfRevision> REVISIONS = List.of(UdfRevision.R2_01, UdfRevision.R2_50);

    private Path build(Set<FileSystem> fs, String name, UdfRevision revision) throws IOException {
        FileSystemImage image = SdkImages.image(null, fs, IsoLevel.LEVEL_3);
        image.setUdfRevision(revision);
        image.root().addSymlink("links/long", longTarget());
        image.root().addSymlink("links/short", "../file.txt");
        image.root().addFile("file.txt", "target\n".getBytes(StandardCharsets.US_ASCII));
        Path img = work.resolve(name);
        image.createResultImage().writeTo(img);
        return img;
    }

    @Test
    void importerReadsLongAndShortTargets() throws IOException {
        for (UdfRevision rev : REVISIONS) {
            for (Set<FileSystem> fs : List.of(UDF, BRIDGE)) {
                Path img = build(fs, "links-" + fs.size() + "-" + rev + ".iso", rev);
                try (SectorReader sectors = ImageFileSectorReader.open(img)) {
                    SessionReader session = SessionReader.open(sectors, 0);
                    Map<String, ImportedEntry> tree = new TreeMap<>();
                    for (ImportedEntry e : session.readTree(FileSystem.UDF)) {
                        tree.put(e.path(), e);
                    }
                    ImportedEntry l = tree.get("/links/long");
                    assertNotNull(l, tree.keySet().toString());
                    assertEquals(ItemType.SYMLINK, l.type());
                    assertEquals(longTarget(), l.symlinkTarget());
                    assertEquals("../file.txt", tree.get("/links/short").symlinkTarget());
                }
            }
        }
    }

    @Test
    void udfinfoAndUdfclientAcceptTheLinks() throws IOException {
        ExternalTools.assumeTool("udfclient", "udfinfo");
        for (UdfRevision rev : REVISIONS) {
            for (Set<FileSystem> fs : List.of(UDF, BRIDGE)) {
                Path img = build(fs, "linksc-" + fs.size() + "-" + rev + ".iso", rev);
                String info = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
                assertEquals(rev.toString(), value(info, "udfwriterev"));
                String lvid = value(info, "lvid");
                Path out = Files.createDirectories(work.resolve("udfclient-" + fs.size() + "-" + rev));
                String cmds = "cd \"" + value(info, "fullvsid") + ":" + lvid + ":" + lvid + ":" + value(info, "fsid")
                        + "\"\nls links\nlcd " + out + "\nget file.txt\nquit\n";
                Path script = work.resolve("udfclient-" + fs.size() + "-" + rev + ".cmds");
                Files.writeString(script, cmds, StandardCharsets.UTF_8);
                ExternalTools.Result r = ExternalTools.runOk(Duration.ofSeconds(60), work,
                        List.of("sh", "-c", "udfclient -b 2048 \"$0\" < \"$1\"", img.toString(), script.toString()));
                System.out.println("udfclient ls links (" + fs + "):\n" + r.out().lines()
                        .filter(l -> l.endsWith(" long") || l.endsWith(" short")).reduce("", (a, l) -> a + l + "\n"));
                // the data length: the parent component (4) + 40 * (4 + 1 + 80) + (4 + 1 + 7) = 3416 bytes
                // (ECMA-167 4/14.16.1: 4-byte header, then the OSTA CS0 identifier with its compression ID)
                assertTrue(r.out().lines().anyMatch(l -> l.matches(".*\\s3416\\s+long")), r.out());
                assertTrue(r.out().lines().anyMatch(l -> l.endsWith(" short")), r.out());
                assertEquals("target\n", Files.readString(out.resolve("file.txt")));
            }
        }
    }

    private static String value(String udfinfo, String key) {
        return udfinfo.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("udfinfo prints no " + key + ":\n" + udfinfo));
    }
}
