package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.discimage.tree.DeviceItem;
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Block and character devices in UDF (ECMA-167 4/14.6.6 file types 6 and 7, the major and minor
 * numbers in a Device Specification extended attribute, 4/14.10.7, after the EA header descriptor,
 * 4/14.10.1), UDF-only and in the bridge: udfinfo accepts the volume, udfclient lists the devices
 * next to a file it still extracts, and discimage's importer reads type and numbers back. udfclient
 * (0.8.x) shows neither type nor numbers: "-rw-rw-rw- 0 0 0 null" for the character device, "drw-rw----
 * 0 0 0 sda" for the block device; no other reader here shows UDF devices (the kernel cannot mount).
 */
class UdfDeviceInteropTest {
    static final Set<FileSystem> UDF = EnumSet.of(FileSystem.UDF);
    static final Set<FileSystem> BRIDGE = EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE,
            FileSystem.UDF);

    @TempDir
    Path work;

    /** 2.01: File Entries; 2.60: Extended File Entries in the metadata partition, the EA after their 216 bytes. */
    static final List<UdfRevision> REVISIONS = List.of(UdfRevision.R2_01, UdfRevision.R2_60);

    private Path build(Set<FileSystem> fs, String name, UdfRevision revision) throws IOException {
        FileSystemImage image = SdkImages.image(null, fs, IsoLevel.LEVEL_3);
        image.setUdfRevision(revision);
        image.root().addDevice("dev/null", DeviceItem.Kind.CHARACTER, 1, 3).setMode(0666);
        image.root().addDevice("dev/sda", DeviceItem.Kind.BLOCK, 8, 0).setMode(0660);
        image.root().addDevice("dev/big", DeviceItem.Kind.CHARACTER, 0xFFFF_FFFEL, 0x8000_0001L).setMode(0600);
        image.root().addFile("dev/readme.txt", "devices here\n".getBytes(StandardCharsets.US_ASCII));
        Path img = work.resolve(name);
        image.createResultImage().writeTo(img);
        return img;
    }

    @Test
    void importerReadsTypeAndNumbers() throws IOException {
        for (UdfRevision rev : REVISIONS) {
            for (Set<FileSystem> fs : List.of(UDF, BRIDGE)) {
                Path img = build(fs, "dev-" + fs.size() + "-" + rev + ".iso", rev);
                try (SectorReader sectors = ImageFileSectorReader.open(img)) {
                    SessionReader session = SessionReader.open(sectors, 0);
                    Map<String, ImportedEntry> tree = new TreeMap<>();
                    for (ImportedEntry e : session.readTree(FileSystem.UDF)) {
                        tree.put(e.path(), e);
                    }
                    check(tree, "/dev/null", 1, 3, 020666);
                    check(tree, "/dev/sda", 8, 0, 060660);
                    check(tree, "/dev/big", 0xFFFF_FFFEL, 0x8000_0001L, 020600);
                }
            }
        }
    }

    private static void check(Map<String, ImportedEntry> tree, String path, long major, long minor, int mode) {
        ImportedEntry e = tree.get(path);
        assertNotNull(e, path + " in " + tree.keySet());
        assertEquals(ItemType.DEVICE, e.type(), path);
        assertEquals(major << 32 | minor, e.device(), path);
        assertEquals(mode, e.mode(), path);
        assertEquals(0, e.size(), path);
    }

    @Test
    void udfinfoAndUdfclientAcceptTheDevices() throws IOException {
        ExternalTools.assumeTool("udfclient", "udfinfo");
        for (UdfRevision rev : REVISIONS) {
            for (Set<FileSystem> fs : List.of(UDF, BRIDGE)) {
                Path img = build(fs, "devc-" + fs.size() + "-" + rev + ".iso", rev);
                String info = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
                assertEquals(rev.toString(), value(info, "udfwriterev"));
                String lvid = value(info, "lvid");
                Path out = Files.createDirectories(work.resolve("udfclient-" + fs.size() + "-" + rev));
                String cmds = "cd \"" + value(info, "fullvsid") + ":" + lvid + ":" + lvid + ":" + value(info, "fsid")
                        + "/dev\"\nls\nlcd " + out + "\nget readme.txt\nquit\n";
                Path script = work.resolve("udfclient-" + fs.size() + "-" + rev + ".cmds");
                Files.writeString(script, cmds, StandardCharsets.UTF_8);
                ExternalTools.Result r = ExternalTools.runOk(Duration.ofSeconds(60), work,
                        List.of("sh", "-c", "udfclient -b 2048 \"$0\" < \"$1\"", img.toString(), script.toString()));
                System.out.println("udfclient ls of /dev (" + fs + "):\n" + r.out().lines()
                        .filter(l -> l.contains("null") || l.contains("sda") || l.contains("big") || l.contains("readme"))
                        .reduce("", (a, l) -> a + l + "\n"));
                for (String n : List.of("null", "sda", "big", "readme.txt")) {
                    assertTrue(r.out().lines().anyMatch(l -> l.endsWith(" " + n)), "udfclient ls lacks " + n + "\n" + r.out());
                }
                assertEquals("devices here\n", Files.readString(out.resolve("readme.txt")));
            }
        }
    }

    private static String value(String udfinfo, String key) {
        return udfinfo.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("udfinfo prints no " + key + ":\n" + udfinfo));
    }
}
