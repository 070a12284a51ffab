package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.fail;

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

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.importer.FileExtent;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file over 4 GiB in UDF (UDF-only and the ISO/UDF bridge): its data in extents of at most
 * 2^30 - 2048 bytes (ECMA-167 4/14.14.1.1: the extent length is 30 bits; UDF 2.60 2.3.10: whole
 * blocks but the last), read by 7-Zip and udfclient, which stream it to stdout (markers where they
 * were, zeros elsewhere, the exact size), and by discimage's importer. In the bridge the ISO 9660
 * multi-extent file and the UDF file are the same sectors. The source is sparse; each image takes
 * about 4.5 GB of disk and is deleted at the end.
 */
class UdfLargeFileInteropTest {
    static final long SIZE = LargeFileInteropTest.SIZE;
    /** ECMA-167 4/14.14.1.1 with UDF 2.60 2.3.10's whole blocks. */
    static final long MAX_EXTENT = (1L << 30) - 2048;

    @TempDir
    Path work;

    @Test
    void udfOnlyFileOver4GiB() throws IOException {
        check(EnumSet.of(FileSystem.UDF), "udf-large.iso");
    }

    @Test
    void bridgeFileOver4GiB() throws IOException {
        check(EnumSet.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE, FileSystem.UDF),
                "bridge-large.iso");
    }

    private void check(Set<FileSystem> fileSystems, String name) throws IOException {
        ExternalTools.requireUtf8FileNames();
        LargeFileInteropTest.assumeDiskSpace(work);
        Path src = Files.createDirectories(work.resolve("src"));
        Path big = LargeFileInteropTest.sparseSource(src);
        Path img = work.resolve(name);
        List<String> problems = new ArrayList<>();
        try {
            FileSystemImage image = SdkImages.image(null, fileSystems, IsoLevel.LEVEL_3);
            image.root().addFile("big.bin", big);
            image.root().addFile("after.txt", LargeFileInteropTest.AFTER_TEXT.getBytes(StandardCharsets.US_ASCII));
            image.createResultImage().writeTo(img);
            importer(img, fileSystems, problems);
            ExternalTools.assumeTool("7z");
            // with a UDF volume present 7-Zip reads UDF (its "Type = Udf" handler)
            LargeFileInteropTest.streamCheck("7z x -so big.bin",
                    List.of("7z", "x", "-so", "-tudf", img.toString(), "big.bin"), problems);
            LargeFileInteropTest.streamAfter("7z x -so after.txt",
                    List.of("7z", "x", "-so", "-tudf", img.toString(), "after.txt"), problems);
            ExternalTools.assumeTool("udfclient", "udfinfo");
            udfclient(img, problems);
        } finally {
            Files.deleteIfExists(img);
        }
        if (!problems.isEmpty()) {
            fail("UDF file over 4 GiB (" + SIZE + " bytes, " + fileSystems + "):\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * udfclient lists the size, then {@code get}s the file into its fd 3, a pipe to us (its own chatter
     * goes to /dev/null), so 4.5 GB are checked without touching the disk.
     */
    private void udfclient(Path img, List<String> problems) throws IOException {
        String info = ExternalTools.runOk(work, "udfinfo", img.toString()).out();
        String lvid = value(info, "lvid");
        String dir = value(info, "fullvsid") + ":" + lvid + ":" + lvid + ":" + value(info, "fsid");
        Path ls = work.resolve("udfclient-ls.cmds");
        Files.writeString(ls, "cd \"" + dir + "\"\nls\nquit\n", StandardCharsets.UTF_8);
        String out = ExternalTools.runOk(Duration.ofSeconds(60), work, List.of("sh", "-c",
                "udfclient -b 2048 \"$0\" < \"$1\"", img.toString(), ls.toString())).out();
        boolean listed = out.lines().anyMatch(l -> l.matches(".*\\s" + SIZE + "\\s+big\\.bin\\s*"));
        if (!listed) {
            problems.add("udfclient ls: no big.bin of " + SIZE + " bytes in\n" + out);
        }
        Path get = work.resolve("udfclient-get.cmds");
        Files.writeString(get, "cd \"" + dir + "\"\nget big.bin /dev/fd/3\nquit\n", StandardCharsets.UTF_8);
        LargeFileInteropTest.streamCheck("udfclient get big.bin", List.of("sh", "-c",
                "udfclient -b 2048 \"$0\" < \"$1\" 3>&1 >/dev/null 2>&1", img.toString(), get.toString()), problems);
    }

    private static String value(String udfinfo, String key) {
        return udfinfo.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("udfinfo prints no " + key + ":\n" + udfinfo));
    }

    /**
     * discimage's importer: UDF gives the size in extents of at most 2^30 - 2048 bytes with the markers;
     * in the bridge, Rock Ridge's extents cover the same sectors as UDF's.
     */
    private static void importer(Path img, Set<FileSystem> fileSystems, List<String> problems) {
        try (SectorReader sectors = ImageFileSectorReader.open(img)) {
            SessionReader session = SessionReader.open(sectors, 0);
            ImportedEntry udf = find(session, FileSystem.UDF);
            if (udf == null || udf.size() != SIZE) {
                problems.add("importer UDF: big.bin expected " + SIZE + " bytes, actual " + udf);
                return;
            }
            long expectedExtents = (SIZE + MAX_EXTENT - 1) / MAX_EXTENT;
            if (udf.extents().size() != expectedExtents) {
                problems.add("importer UDF: expected " + expectedExtents + " extents, actual " + udf.extents());
            }
            for (FileExtent e : udf.extents()) {
                if (e.length() > MAX_EXTENT) {
                    problems.add("importer UDF: extent longer than 2^30 - 2048: " + e);
                }
            }
            for (Map.Entry<Long, byte[]> m : LargeFileInteropTest.markers().entrySet()) {
                long off = Math.min(m.getKey(), SIZE - m.getValue().length);
                byte[] got = LargeFileInteropTest.readAt(sectors, udf.extents(), off, m.getValue().length);
                if (!java.util.Arrays.equals(got, m.getValue())) {
                    problems.add("importer UDF: at " + off + " expected '"
                            + new String(m.getValue(), StandardCharsets.ISO_8859_1) + "', actual '"
                            + new String(got, StandardCharsets.ISO_8859_1) + "'");
                }
            }
            if (fileSystems.contains(FileSystem.ROCK_RIDGE)) {
                ImportedEntry rr = find(session, FileSystem.ROCK_RIDGE);
                if (rr == null || rr.size() != SIZE || rr.extents().size() < 2
                        || !sectorRanges(rr).equals(sectorRanges(udf))) {
                    problems.add("bridge: Rock Ridge big.bin " + (rr == null ? null : rr.extents())
                            + " is not the sectors of UDF's " + udf.extents());
                }
            }
        } catch (IOException e) {
            problems.add("importer: " + e);
        }
    }

    private static ImportedEntry find(SessionReader session, FileSystem fs) throws IOException {
        return session.readTree(fs).stream().filter(e -> e.name().equalsIgnoreCase("big.bin")).findFirst()
                .orElse(null);
    }

    /** The sectors of a file as merged [first, end) ranges: extents split differently compare equal. */
    private static List<long[]> sectorRanges0(ImportedEntry e) {
        List<long[]> r = new ArrayList<>();
        for (FileExtent x : e.extents()) {
            long first = x.lba();
            long end = first + (x.length() + 2047) / 2048;
            if (!r.isEmpty() && r.get(r.size() - 1)[1] == first) {
                r.get(r.size() - 1)[1] = end;
            } else {
                r.add(new long[] {first, end});
            }
        }
        return r;
    }

    private static List<String> sectorRanges(ImportedEntry e) {
        return sectorRanges0(e).stream().map(a -> a[0] + ".." + a[1]).toList();
    }
}
