package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.IsoLevel;
import org.discimage.tree.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same tree, settings and clock give the same bytes, whichever way the image is produced. */
class DeterminismInteropTest {

    @TempDir
    Path work;

    private static final Instant T = Instant.parse("2020-02-02T20:20:20Z");

    /** A tree built through the API only: every time comes from the fixed clock. */
    private static FileSystemImage apiTree() throws IOException {
        FileSystemImage image = new FileSystemImage(SdkImages.CLOCK);
        Directory root = image.root();
        root.addFile("readme.txt", Fixtures.text("determinism"));
        root.addFile("data/random.bin", Fixtures.pattern(300_000, 11));
        root.addFile("data/empty", new byte[0]);
        root.addFile("Ünïcödé/日本語.txt", Fixtures.text("unicode"));
        root.addFile("long/" + Fixtures.NAME_200, Fixtures.text("long"));
        root.addDirectory("a/b/c/d/e/f/g/h/i/j/k/l");
        root.addFile("a/b/c/d/e/f/g/h/i/j/k/l/deep.txt", Fixtures.text("deep"));
        root.addSymlink("link", "readme.txt");
        root.addFile("private", Fixtures.text("0600")).setMode(0600);
        return image;
    }

    private static String sha256(Path file) throws IOException {
        return ReaderListing.sha256(file);
    }

    @Test
    void sameTreeAndClockGiveIdenticalBytes() throws IOException {
        Path a = work.resolve("a.iso");
        Path b = work.resolve("b.iso");
        apiTree().createResultImage().writeTo(a);
        apiTree().createResultImage().writeTo(b);
        assertEquals(Files.size(a), Files.size(b), "image sizes");
        assertEquals(sha256(a), sha256(b), "two builds of the same tree with the same clock differ");
    }

    @Test
    void everyOutputPathGivesTheSameBytes() throws IOException {
        ImageResult result = apiTree().createResultImage();
        Path file = work.resolve("file.iso");
        result.writeTo(file);
        String viaFile = sha256(file);
        assertEquals(result.sizeInBytes(), Files.size(file), "sizeInBytes() vs the written file");
        assertEquals(result.totalSectors() * ImageResult.BLOCK_SIZE, Files.size(file));

        String viaStream;
        try (InputStream in = result.openStream()) {
            viaStream = ReaderListing.sha256(in);
        }
        assertEquals(viaFile, viaStream, "openStream() differs from writeTo(Path)");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.writeTo(out);
        assertEquals(viaFile, ReaderListing.sha256(out.toByteArray()), "writeTo(OutputStream) differs from writeTo(Path)");

        MessageDigest md = sha();
        try (ReadableByteChannel ch = result.openChannel()) {
            ByteBuffer buf = ByteBuffer.allocate(7777); // deliberately not sector-sized
            while (ch.read(buf) >= 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
            }
        }
        assertEquals(viaFile, HexFormat.of().formatHex(md.digest()), "openChannel() differs from writeTo(Path)");
    }

    @Test
    void hostTreeInTwoPlacesGivesIdenticalBytes() throws IOException {
        // the same content copied to two directories (other inode order, other ctimes): once the
        // times are normalised, the images must be identical
        Path one = Fixtures.copySampleTree(work.resolve("one"));
        Path two = Fixtures.copySampleTree(work.resolve("nested/two"));
        Path a = work.resolve("one.iso");
        Path b = work.resolve("two.iso");
        for (Path[] p : new Path[][] {{one, a}, {two, b}}) {
            FileSystemImage image = SdkImages.image(p[0], SdkImages.ALL, IsoLevel.LEVEL_3);
            SdkImages.normalizeTimes(image.root(), T);
            image.createResultImage().writeTo(p[1]);
        }
        assertEquals(sha256(a), sha256(b), "the same tree from two host directories gives different images");
    }

    /**
     * Building an image reads its sources and so moves their access times (relatime); a second
     * build of the same host tree must not see that. CI caught this when the two builds fell into
     * different seconds.
     */
    @Test
    void sourceAccessTimesDoNotReachTheImage() throws IOException {
        Path src = Fixtures.copySampleTree(work.resolve("atime"));
        Path a = work.resolve("atime-a.iso");
        Path b = work.resolve("atime-b.iso");
        SdkImages.image(src, SdkImages.ALL, IsoLevel.LEVEL_3).createResultImage().writeTo(a);
        try (var files = Files.walk(src)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setAttribute(p, "lastAccessTime", java.nio.file.attribute.FileTime.from(T));
                }
            }
        }
        SdkImages.image(src, SdkImages.ALL, IsoLevel.LEVEL_3).createResultImage().writeTo(b);
        assertEquals(sha256(a), sha256(b), "a changed source access time changed the image");
    }

    @Test
    void writingTwiceFromOneResultGivesTheSameBytes() throws IOException {
        ImageResult result = apiTree().createResultImage();
        Path a = work.resolve("first.iso");
        Path b = work.resolve("second.iso");
        result.writeTo(a);
        result.writeTo(b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
