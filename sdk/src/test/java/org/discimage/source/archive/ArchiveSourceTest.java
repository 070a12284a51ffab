package org.discimage.source.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.discimage.FileSystemImage;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;
import org.discimage.source.WorkingDirectory;
import org.discimage.tree.DeviceItem;
import org.discimage.tree.Directory;
import org.discimage.tree.FileItem;
import org.discimage.tree.ItemType;
import org.discimage.tree.SymlinkItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and odd archives, the in-place/spool choice and spool accounting. What the readers see of
 * normal archives is proven by {@code ArchiveInteropTest}; duplicates and hard links are also
 * checked there with isoinfo.
 */
class ArchiveSourceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    /** One tar entry to write: name, type flag, content (or link target). */
    record E(String name, byte type, String content) {
        static E file(String name, String content) {
            return new E(name, TarConstants.LF_NORMAL, content);
        }
    }

    private Path tar(String fileName, boolean gzip, E... entries) throws IOException {
        Path p = work.resolve(fileName);
        try (OutputStream raw = Files.newOutputStream(p);
             OutputStream o = gzip ? new GzipCompressorOutputStream(raw) : raw;
             TarArchiveOutputStream t = new TarArchiveOutputStream(o)) {
            t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (E e : entries) {
                TarArchiveEntry te = new TarArchiveEntry(e.name, e.type, true);
                te.setModTime(1_600_000_000_000L);
                if (e.type == TarConstants.LF_NORMAL) {
                    byte[] b = e.content.getBytes(StandardCharsets.UTF_8);
                    te.setSize(b.length);
                    t.putArchiveEntry(te);
                    t.write(b);
                } else {
                    if (e.type == TarConstants.LF_SYMLINK || e.type == TarConstants.LF_LINK) {
                        te.setLinkName(e.content);
                    }
                    if (e.type == TarConstants.LF_CHR) {
                        te.setDevMajor(1);
                        te.setDevMinor(3);
                    }
                    t.putArchiveEntry(te);
                }
                t.closeArchiveEntry();
            }
        }
        return p;
    }

    private Directory root() {
        return new FileSystemImage(CLOCK).root();
    }

    private ArchiveOptions options(List<String> diag) throws IOException {
        return ArchiveOptions.defaults().withDiagnostics(diag::add)
                .withWorkingDirectory(WorkingDirectory.of(Files.createDirectories(work.resolve("spool")), 0, Long.MAX_VALUE));
    }

    private static String content(ContentSource s) throws IOException {
        try (InputStream in = Channels.newInputStream(s.openChannel())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private DiscImageException refused(Path archive) {
        return assertThrows(DiscImageException.class,
                () -> ArchiveSource.graft(root(), "x", archive, options(new ArrayList<>())));
    }

    @Test
    void dotDotIsRefusedNamingArchiveAndEntry() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            Path a = tar("dotdot" + gz + ".tar", gz, E.file("ok.txt", "1"), E.file("sub/../../evil", "x"));
            DiscImageException e = refused(a);
            assertEquals(ErrorCode.INVALID_PATH, e.code());
            assertTrue(e.getMessage().contains(a.toString()) && e.getMessage().contains("sub/../../evil")
                    && e.getMessage().contains(".."), e.getMessage());
        }
    }

    @Test
    void absoluteNameIsRefused() throws IOException {
        // Commons Compress keeps the leading '/' of a header name when reading (checked here)
        DiscImageException e = refused(tar("abs.tar", false, E.file("/etc/passwd", "x")));
        assertEquals(ErrorCode.INVALID_PATH, e.code());
        assertTrue(e.getMessage().contains("absolute") && e.getMessage().contains("/etc/passwd"), e.getMessage());
    }

    @Test
    void emptyComponentIsRefusedButDotSlashIsFine() throws IOException {
        assertEquals(ErrorCode.INVALID_PATH, refused(tar("empty.tar", false, E.file("a//b", "x"))).code());
        Directory r = root();
        ArchiveSource.graft(r, "x", tar("dot.tar", false, new E("./", TarConstants.LF_DIR, null),
                E.file("./a/./b.txt", "b")), options(new ArrayList<>()));
        assertEquals(ItemType.FILE, r.exists("x/a/b.txt"));
    }

    @Test
    void nulInAZipNameIsRefused() throws IOException {
        Path z = work.resolve("nul.zip");
        try (ZipArchiveOutputStream o = new ZipArchiveOutputStream(z)) {
            ZipArchiveEntry e = new ZipArchiveEntry("a\0b.txt");
            o.putArchiveEntry(e);
            o.write(1);
            o.closeArchiveEntry();
        }
        DiscImageException e = refused(z);
        assertEquals(ErrorCode.INVALID_PATH, e.code());
        assertTrue(e.getMessage().contains("a\\0b.txt") && e.getMessage().contains("NUL"), e.getMessage());
    }

    @Test
    void backslashDotDotIsRefused() throws IOException {
        assertEquals(ErrorCode.INVALID_PATH, refused(tar("bs.tar", false, E.file("..\\evil", "x"))).code());
    }

    @Test
    void entryBelowASymlinkIsRefused() throws IOException {
        Path a = tar("slip.tar.gz", true, new E("link", TarConstants.LF_SYMLINK, "/etc"), E.file("link/passwd", "x"));
        DiscImageException e = refused(a);
        assertEquals(ErrorCode.INVALID_PATH, e.code());
        assertTrue(e.getMessage().contains("symbolic link") && e.getMessage().contains("link/passwd"), e.getMessage());
    }

    @Test
    void laterDuplicateWinsWithADiagnostic() throws IOException {
        Directory r = root();
        List<String> diag = new ArrayList<>();
        ArchiveSummary s = ArchiveSource.graft(r, "", tar("dup.tar", false, E.file("a.txt", "first"),
                new E("d", TarConstants.LF_DIR, null), E.file("a.txt", "second"), new E("d", TarConstants.LF_DIR, null)),
                options(diag));
        FileItem f = (FileItem) r.item("a.txt").orElseThrow();
        assertEquals("second", content(f.source()));
        assertEquals(1, diag.size(), diag.toString());
        assertTrue(diag.get(0).contains("replaces"), diag.toString());
        assertEquals(2, s.files());
        // a directory is never replaced by a file
        assertEquals(ErrorCode.DUP_NAME, refused(tar("dirfile.tar", false, new E("d", TarConstants.LF_DIR, null),
                E.file("d", "x"))).code());
    }

    @Test
    void anItemThatWasThereBeforeIsNotReplaced() throws IOException {
        Directory r = root();
        r.addFile("x/a.txt", new byte[] {1});
        DiscImageException e = assertThrows(DiscImageException.class, () -> ArchiveSource.graft(r, "x",
                tar("clash.tar", false, E.file("a.txt", "new")), options(new ArrayList<>())));
        assertEquals(ErrorCode.DUP_NAME, e.code());
    }

    @Test
    void hardLinkSharesTheSourceDeviceIsAddedFifoIsSkipped() throws IOException {
        Directory r = root();
        List<String> diag = new ArrayList<>();
        ArchiveSummary s = ArchiveSource.graft(r, "", tar("links.tar", false, E.file("f.txt", "data"),
                new E("hard", TarConstants.LF_LINK, "f.txt"), new E("null", TarConstants.LF_CHR, null),
                new E("pipe", TarConstants.LF_FIFO, null)), options(diag));
        FileItem f = (FileItem) r.item("f.txt").orElseThrow();
        FileItem h = (FileItem) r.item("hard").orElseThrow();
        assertTrue(f.source() == h.source());
        DeviceItem d = (DeviceItem) r.item("null").orElseThrow();
        assertEquals(DeviceItem.Kind.CHARACTER, d.kind());
        assertEquals(1, d.major());
        assertEquals(3, d.minor());
        assertEquals(ItemType.NOT_FOUND, r.exists("pipe"));
        assertEquals(1, s.skipped().size());
        assertTrue(diag.get(0).contains("pipe") && diag.get(0).contains("fifo"), diag.toString());
        // a hard link to nothing earlier is refused
        assertEquals(ErrorCode.ITEM_NOT_FOUND, refused(tar("dangling.tar", false,
                new E("hard", TarConstants.LF_LINK, "missing"))).code());
    }

    @Test
    void plainTarAndStoredZipEntriesAreSlicesOfTheArchive() throws IOException {
        Directory r = root();
        String longName = "long/" + "n".repeat(150) + ".txt";
        ArchiveSource.graft(r, "t", tar("p.tar", false, E.file("first.txt", "x".repeat(700)), E.file(longName, "pax path"),
                E.file("a.txt", "in place")), options(new ArrayList<>()));
        // the offsets count the pax header records of the long name
        assertEquals("pax path", content(((FileItem) r.item("t/" + longName).orElseThrow()).source()));
        assertEquals("x".repeat(700), content(((FileItem) r.item("t/first.txt").orElseThrow()).source()));
        FileItem f = (FileItem) r.item("t/a.txt").orElseThrow();
        try (ReadableByteChannel ch = f.source().openChannel()) {
            assertInstanceOf(FileChannel.class, ch, "a FileChannel view, moved with transferTo");
            assertEquals(8, ((FileChannel) ch).size());
        }
        assertEquals("in place", content(f.source()));

        Path z = work.resolve("s.zip");
        try (ZipArchiveOutputStream o = new ZipArchiveOutputStream(z)) {
            ZipArchiveEntry e = new ZipArchiveEntry("stored.txt");
            e.setMethod(ZipArchiveEntry.STORED);
            o.putArchiveEntry(e);
            o.write("stored bytes".getBytes(StandardCharsets.UTF_8));
            o.closeArchiveEntry();
            o.putArchiveEntry(new ZipArchiveEntry("deflated.txt"));
            o.write("deflated ".repeat(100).getBytes(StandardCharsets.UTF_8));
            o.closeArchiveEntry();
        }
        ArchiveSummary s = ArchiveSource.graft(r, "z", z, options(new ArrayList<>()));
        assertEquals(null, s.spool(), "a zip is read in place");
        FileItem st = (FileItem) r.item("z/stored.txt").orElseThrow();
        try (ReadableByteChannel ch = st.source().openChannel()) {
            assertInstanceOf(FileChannel.class, ch);
        }
        assertEquals("stored bytes", content(st.source()));
        assertEquals("deflated ".repeat(100), content(((FileItem) r.item("z/deflated.txt").orElseThrow()).source()));
    }

    /** Sets the uncompressed size of every central directory header (APPNOTE 4.3.12, offset 24). */
    private static void lieInCentralDirectory(Path zip, long size) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= b.length; i++) {
            if (bb.getInt(i) == 0x02014b50) {
                bb.putInt(i + 24, (int) size);
            }
        }
        Files.write(zip, b);
    }

    private Path deflatedZip(String name, byte[] data) throws IOException {
        Path z = work.resolve(name);
        try (ZipArchiveOutputStream o = new ZipArchiveOutputStream(z)) {
            o.setLevel(Deflater.BEST_COMPRESSION);
            o.putArchiveEntry(new ZipArchiveEntry("bomb.bin"));
            o.write(data);
            o.closeArchiveEntry();
        }
        return z;
    }

    @Test
    void zipWhoseCentralDirectoryLiesAboutSizes() throws IOException {
        byte[] data = new byte[100_000];
        Arrays.fill(data, (byte) 'z');
        // a claim deflate cannot reach from the compressed size: refused when grafting
        Path bomb = deflatedZip("bomb.zip", data);
        lieInCentralDirectory(bomb, 0x7FFF_0000L);
        DiscImageException e = refused(bomb);
        assertEquals(ErrorCode.DATA_STREAM_INCONSISTENCY, e.code());
        assertTrue(e.getMessage().contains("1032:1"), e.getMessage());

        // a plausible lie: grafted, but reading the entry stops at the real end with an error
        Path lie = deflatedZip("lie.zip", data);
        lieInCentralDirectory(lie, data.length + 10);
        Directory r = root();
        ArchiveSource.graft(r, "", lie, options(new ArrayList<>()));
        FileItem f = (FileItem) r.item("bomb.bin").orElseThrow();
        assertEquals(data.length + 10, f.size());
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.root().addFile("bomb.bin", f.source());
        DiscImageException w = assertThrows(DiscImageException.class,
                () -> image.createResultImage().writeTo(work.resolve("lie.iso")));
        assertEquals(ErrorCode.DATA_STREAM_INCONSISTENCY, w.code(), w.getMessage());
    }

    @Test
    void truncatedTarGzFailsAndLeavesNoSpool() throws IOException {
        byte[] big = new byte[200_000];
        new java.util.Random(1).nextBytes(big);
        Path whole = tar("whole.tar.gz", true, E.file("a.txt", "a"), E.file("big.bin", new String(big, StandardCharsets.ISO_8859_1)));
        byte[] b = Files.readAllBytes(whole);
        Path cut = work.resolve("cut.tar.gz");
        Files.write(cut, Arrays.copyOf(b, b.length / 2));
        DiscImageException e = refused(cut);
        assertEquals(ErrorCode.DATA_STREAM_READ_FAILURE, e.code());
        assertTrue(e.getMessage().contains("big.bin") && e.getMessage().contains(cut.toString()), e.getMessage());
    }

    @Test
    void notAnArchiveAndZstdAreRefused() throws IOException {
        Path txt = Files.writeString(work.resolve("plain.txt"), "just text, no archive here\n".repeat(20));
        assertEquals(ErrorCode.INVALID_PARAM, refused(txt).code());
        // a zstd frame (RFC 8878 magic 28 B5 2F FD) is recognised and refused plainly
        Path zst = work.resolve("a.tar.zst");
        Files.write(zst, new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0, 0, 0, 0, 0, 0});
        DiscImageException e = refused(zst);
        assertEquals(ErrorCode.INVALID_PARAM, e.code());
        assertTrue(e.getMessage().contains("zstd"), e.getMessage());
    }

    /**
     * A 200 MB entry of zeros in a tar.gz is spooled through a fixed buffer: the heap does not grow
     * by anything near the entry's size, and the spooled source delivers every byte.
     */
    @Test
    void largeCompressedEntrySpoolsWithoutHeapGrowth() throws IOException {
        long size = 200L << 20;
        Path p = work.resolve("zeros.tar.gz");
        GzipParameters gp = new GzipParameters();
        gp.setCompressionLevel(Deflater.BEST_SPEED);
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GzipCompressorOutputStream(
                Files.newOutputStream(p), gp))) {
            TarArchiveEntry te = new TarArchiveEntry("zeros.bin");
            te.setSize(size);
            t.putArchiveEntry(te);
            byte[] zero = new byte[1 << 20];
            for (long i = 0; i < size; i += zero.length) {
                t.write(zero);
            }
            t.closeArchiveEntry();
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Directory r = root();
        WorkingDirectory wd = WorkingDirectory.of(Files.createDirectories(work.resolve("spool-big")), 0, Long.MAX_VALUE);
        ArchiveSummary s = ArchiveSource.graft(r, "", p, ArchiveOptions.defaults().withWorkingDirectory(wd));
        long after = rt.totalMemory() - rt.freeMemory();
        assertTrue(after - before < 64L << 20, "heap grew by " + (after - before) + " bytes");
        assertEquals(size, wd.spooled());
        assertEquals(size, s.spool().size());
        FileItem f = (FileItem) r.item("zeros.bin").orElseThrow();
        try (FileChannel ch = (FileChannel) f.source().openChannel()) {
            assertEquals(size, ch.size());
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long n = 0;
            int k;
            while ((k = ch.read(buf)) > 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    assertEquals(0, buf.get());
                }
                buf.clear();
                n += k;
            }
            assertEquals(size, n);
        }
        s.spool().close();
        assertThrows(DiscImageException.class, () -> f.source().openChannel(), "a closed spool cannot be read");
    }

    @Test
    void spoolingTooMuchForTheLimitOrReserveIsRefused() throws IOException {
        Path dir = Files.createDirectories(work.resolve("spool-small"));
        Path a = tar("two.tar.gz", true, E.file("a.txt", "x".repeat(600)), E.file("b.txt", "y".repeat(600)));
        WorkingDirectory wd = WorkingDirectory.of(dir, 0, 1000);
        DiscImageException e = assertThrows(DiscImageException.class, () -> ArchiveSource.graft(root(), "", a,
                ArchiveOptions.defaults().withWorkingDirectory(wd)));
        assertEquals(ErrorCode.WORKING_DIRECTORY_SPACE, e.code());
        assertTrue(e.getMessage().contains("b.txt") && e.getMessage().contains("limit of 1000"), e.getMessage());
        WorkingDirectory full = WorkingDirectory.of(dir, Long.MAX_VALUE / 2, Long.MAX_VALUE);
        assertEquals(ErrorCode.WORKING_DIRECTORY_SPACE, assertThrows(DiscImageException.class,
                () -> ArchiveSource.graft(root(), "", a, ArchiveOptions.defaults().withWorkingDirectory(full))).code());
    }

    @Test
    void symlinkInATarIsRecordedAsIs() throws IOException {
        Directory r = root();
        ArchiveSource.graft(r, "", tar("sl.tar", false, new E("up", TarConstants.LF_SYMLINK, "../../outside")),
                options(new ArrayList<>()));
        assertEquals("../../outside", ((SymlinkItem) r.item("up").orElseThrow()).target());
    }

    @Test
    void unknownLengthStreamIsSpooledAndLimited() throws IOException {
        Path dir = Files.createDirectories(work.resolve("spool-stream"));
        byte[] dump = new byte[3_000_000];
        new java.util.Random(5).nextBytes(dump);
        WorkingDirectory wd = WorkingDirectory.of(dir, 0, Long.MAX_VALUE);
        ContentSource s = wd.spool(new ByteArrayInputStream(dump), "stdin");
        assertEquals(dump.length, s.size());
        assertTrue(s.isRepeatable());
        for (int i = 0; i < 2; i++) {
            try (InputStream in = Channels.newInputStream(s.openChannel())) {
                assertTrue(Arrays.equals(dump, in.readAllBytes()));
            }
        }
        WorkingDirectory tiny = WorkingDirectory.of(dir, 0, 1_000_000);
        DiscImageException e = assertThrows(DiscImageException.class,
                () -> tiny.spool(new ByteArrayInputStream(dump), "stdin"));
        assertEquals(ErrorCode.WORKING_DIRECTORY_SPACE, e.code());
        assertEquals(0, tiny.spooled(), "a failed spool gives its space back");
        WorkingDirectory noRoom = WorkingDirectory.of(dir, Long.MAX_VALUE / 2, Long.MAX_VALUE);
        assertEquals(ErrorCode.WORKING_DIRECTORY_SPACE, assertThrows(DiscImageException.class,
                () -> noRoom.spool(new ByteArrayInputStream(dump), "stdin")).code());
        assertEquals(ErrorCode.INVALID_WORKING_DIRECTORY, assertThrows(DiscImageException.class,
                () -> WorkingDirectory.of(dir.resolve("missing"))).code());
        try (var l = Files.list(dir)) {
            assertEquals(0, l.count(), "spool files have no name");
        }
    }

    /**
     * A plain tar whose header claims a size far beyond the archive (checksum fixed up, so the
     * header itself is valid): refused when grafting, nothing read into memory.
     */
    @Test
    void tarEntryClaimingMoreThanTheArchiveIsRefused() throws IOException {
        Path a = tar("claim.tar", false, E.file("big.bin", "tiny"));
        byte[] b = Files.readAllBytes(a);
        // size field: 12 bytes of octal at offset 124 (POSIX ustar); checksum: 8 bytes at 148
        byte[] size = String.format("%011o", 1L << 33).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, b, 124, 11);
        Arrays.fill(b, 148, 156, (byte) ' ');
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += b[i] & 0xFF;
        }
        byte[] chk = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(chk, 0, b, 148, 6);
        b[154] = 0;
        Files.write(a, b);
        DiscImageException e = refused(a);
        assertEquals(ErrorCode.DATA_STREAM_READ_FAILURE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(a.toString()), e.getMessage());
    }

    @Test
    void aRefusedArchiveLeavesTheTreeAsItWas() throws IOException {
        Directory r = root();
        r.addFile("keep/me.txt", new byte[] {1});
        Path a = tar("half.tar.gz", true, new E("d", TarConstants.LF_DIR, null), E.file("d/one.txt", "1"),
                E.file("top.txt", "2"), E.file("../evil", "x"));
        Path spool = Files.createDirectories(work.resolve("spool-undo"));
        assertThrows(DiscImageException.class, () -> ArchiveSource.graft(r, "new/pkg", a,
                ArchiveOptions.defaults().withWorkingDirectory(WorkingDirectory.of(spool, 0, Long.MAX_VALUE))));
        assertEquals(ItemType.NOT_FOUND, r.exists("new"));
        assertThrows(DiscImageException.class, () -> ArchiveSource.graft(r, "keep", a, options(new ArrayList<>())));
        assertEquals(List.of("me.txt"), r.item("keep").map(i -> ((Directory) i).children().stream()
                .map(c -> c.name()).toList()).orElseThrow());
    }
}
