package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

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
import org.discimage.tree.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded data (ECMA-167 4/14.6.8 AD type 3, UDF 2.60 2.3.10): files of up to 1872 bytes
 * (2048 - 176) and directories whose FIDs fit are recorded inside their File Entries. The sample
 * tree (without its symbolic links, which 7-Zip refuses) is written so, and read back by udfinfo,
 * udfclient, 7-Zip and discimage's importer; the image is smaller by about a block per small item.
 */
class UdfEmbeddedInteropTest {
    @TempDir
    Path work;

    /** The sample tree without symbolic links; the host files by image path. */
    private Map<String, byte[]> hostTree(Path dest) throws IOException {
        Path src = Fixtures.sampleTree();
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Path to = dest.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                    files.put("/" + src.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private PlanRequest request(Path src, UdfRevision rev) throws IOException {
        FileSystemImage image = SdkImages.image(src, EnumSet.of(FileSystem.UDF), IsoLevel.LEVEL_3);
        return new PlanRequest(image.root(), EnumSet.of(FileSystem.UDF), IsoLevel.LEVEL_3, NamePolicy.MANGLE,
                VolumeIdentifiers.defaults(), SdkImages.CLOCK.instant(), 0, rev);
    }

    @Test
    void sampleTreeEmbeddedReadByEveryUdfReader() throws IOException {
        ExternalTools.assumeTool("udfclient", "udfinfo", "7z");
        Path src = work.resolve("src");
        Map<String, byte[]> host = hostTree(src);
        long small = host.values().stream().filter(b -> b.length > 0 && b.length <= 1872).count();
        assertTrue(small >= 5, "the sample tree has " + small + " small files");
        // 2.50: Extended File Entries (216 bytes before the data: 1832 bytes embed) in the metadata partition
        for (UdfRevision rev : List.of(UdfRevision.R1_02, UdfRevision.R2_01, UdfRevision.R2_50)) {
            int room = rev.code() >= 0x0250 ? 2048 - 216 : 2048 - 176;
            long plain = UdfTestPlans.udfSectors(request(src, rev), false);
            long embedded = UdfTestPlans.udfSectors(request(src, rev), true);
            System.out.println("UDF " + rev + " sample tree without links: " + plain + " blocks, embedded "
                    + embedded + " blocks (" + small + " small files)");
            assertTrue(embedded < plain - small, plain + " blocks plain, " + embedded + " embedded");
            Path img = work.resolve("embedded-" + rev + ".iso");
            UdfTestPlans.writeUdfEmbedded(request(src, rev), img);
            importer(img, host, room);
            udfclient(img, host, rev);
            sevenZip(img, host, rev);
        }
    }

    /**
     * The public switch (FileSystemImage.setUdfEmbeddedData) at 2.01 and 2.60: a smaller image that
     * udfinfo, udfclient, 7-Zip, our importer and the Linux kernel's udf driver read in full.
     */
    @Test
    void publicSwitchEmbedsAndEveryReaderIncludingTheKernelReadsIt() throws IOException {
        ExternalTools.assumeTool("udfclient", "udfinfo", "7z");
        LinuxKernelVm vm = LinuxKernelVm.require();
        Path src = work.resolve("src");
        Map<String, byte[]> host = hostTree(src);
        List<Path> images = new java.util.ArrayList<>();
        for (UdfRevision rev : List.of(UdfRevision.R2_01, UdfRevision.R2_60)) {
            long[] sizes = new long[2];
            Path img = null;
            for (boolean embed : new boolean[] {false, true}) {
                FileSystemImage image = SdkImages.image(src, EnumSet.of(FileSystem.UDF), IsoLevel.LEVEL_3);
                image.setUdfRevision(rev);
                image.setUdfEmbeddedData(embed);
                img = work.resolve("switch-" + rev + (embed ? "-embedded" : "") + ".img");
                image.createResultImage().writeTo(img);
                sizes[embed ? 1 : 0] = Files.size(img);
            }
            assertTrue(sizes[1] < sizes[0], rev + ": embedded " + sizes[1] + " bytes, plain " + sizes[0]);
            importer(img, host, rev.code() >= 0x0250 ? 2048 - 216 : 2048 - 176);
            udfclient(img, host, rev);
            sevenZip(img, host, rev);
            images.add(img);
        }
        StringBuilder script = new StringBuilder();
        for (Path img : images) {
            script.append("echo '@@MOUNT ").append(img.getFileName()).append("'\n")
                    .append("if mount -t udf -o loop,ro /img/").append(img.getFileName())
                    .append(" /mnt; then cd /mnt; find . -type f -exec sha256sum {} \\; ; cd /; umount /mnt; ")
                    .append("else echo @@FAILED; dmesg | tail -3; fi\n");
        }
        String out = vm.run(work, images, script.toString());
        String[] parts = out.split("@@MOUNT ");
        assertEquals(images.size() + 1, parts.length, out);
        for (int i = 1; i < parts.length; i++) {
            assertTrue(!parts[i].contains("@@FAILED"), parts[i]);
            for (Map.Entry<String, byte[]> f : host.entrySet()) {
                String line = ReaderListing.sha256(f.getValue()) + "  ." + f.getKey();
                assertTrue(parts[i].contains(line + "\n"), "kernel: no " + line + " in\n" + parts[i]);
            }
        }
    }

    private static void importer(Path img, Map<String, byte[]> host, int room) throws IOException {
        try (SectorReader sectors = ImageFileSectorReader.open(img)) {
            SessionReader session = SessionReader.open(sectors, 0);
            Map<String, ImportedEntry> tree = new TreeMap<>();
            for (ImportedEntry e : session.readTree(FileSystem.UDF)) {
                tree.put(e.path(), e);
            }
            int embedded = 0;
            for (Map.Entry<String, byte[]> f : host.entrySet()) {
                ImportedEntry e = tree.get(f.getKey());
                assertNotNull(e, f.getKey() + " in " + tree.keySet());
                assertEquals(ItemType.FILE, e.type(), f.getKey());
                byte[] data;
                if (e.embeddedData() != null) {
                    embedded++;
                    data = e.embeddedData();
                } else {
                    data = read(sectors, e);
                }
                assertArrayEquals(f.getValue(), data, "importer " + f.getKey());
                assertEquals(f.getValue().length > 0 && f.getValue().length <= room, e.embeddedData() != null,
                        "embedded: " + f.getKey());
            }
            assertTrue(embedded > 0);
        }
    }

    private static byte[] read(SectorReader sectors, ImportedEntry e) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(e.size()));
        for (FileExtent x : e.extents()) {
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact((x.length() + 2047) / 2048 * 2048));
            sectors.read(x.lba(), buf);
            out.put(buf.array(), 0, (int) Math.min(x.length(), out.remaining()));
        }
        return out.array();
    }

    private void udfclient(Path img, Map<String, byte[]> host, UdfRevision rev) throws IOException {
        String info = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
        String lvid = value(info, "lvid");
        Path out = Files.createDirectories(work.resolve("udfclient-" + rev));
        List<String> top = host.keySet().stream().map(p -> p.substring(1).split("/")[0]).distinct().toList();
        String cmds = "cd \"" + value(info, "fullvsid") + ":" + lvid + ":" + lvid + ":" + value(info, "fsid")
                + "\"\nlcd " + out + "\nmget " + String.join(" ", top) + "\nquit\n";
        Path script = work.resolve("udfclient-" + rev + ".cmds");
        Files.writeString(script, cmds, StandardCharsets.UTF_8);
        ExternalTools.Result r = ExternalTools.runOk(Duration.ofSeconds(120), work,
                List.of("sh", "-c", "udfclient -b 2048 \"$0\" < \"$1\"", img.toString(), script.toString()));
        // udfclient stores a name with characters outside ASCII under a name of its own ("Caf_ cr_me
        // br_l_e#F80C.txt"), so only the ASCII names are compared
        Map<String, byte[]> ascii = new TreeMap<>(host);
        ascii.keySet().removeIf(k -> !StandardCharsets.US_ASCII.newEncoder().canEncode(k));
        assertTrue(ascii.size() > 20, ascii.keySet().toString());
        compare("udfclient " + rev, out, ascii, r.out());
    }

    private void sevenZip(Path img, Map<String, byte[]> host, UdfRevision rev) {
        Path out = work.resolve("7z-" + rev);
        String log = ExternalTools.runOk(work, "7z", "x", "-y", "-o" + out, img.toString()).out();
        assertTrue(!log.contains("WARNING"), log);
        compare("7z " + rev, out, host, log);
    }

    private static void compare(String reader, Path out, Map<String, byte[]> host, String log) {
        for (Map.Entry<String, byte[]> f : host.entrySet()) {
            Path p = out.resolve(f.getKey().substring(1));
            assertTrue(Files.isRegularFile(p), reader + " did not extract " + f.getKey() + "\n" + log);
            try {
                assertArrayEquals(f.getValue(), Files.readAllBytes(p), reader + " " + f.getKey());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String value(String udfinfo, String key) {
        return udfinfo.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("udfinfo prints no " + key + ":\n" + udfinfo));
    }
}
