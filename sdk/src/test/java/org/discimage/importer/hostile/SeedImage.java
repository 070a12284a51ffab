package org.discimage.importer.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.tree.Directory;

/**
 * The small valid image every hostile case mutates: ISO 9660 + Joliet + Rock Ridge, built by
 * discimage with a fixed clock, so the bytes are the same on every run.
 *
 * <pre>
 * /a.txt                 "alpha"
 * /b.bin                 5000 bytes (three sectors)
 * /dir/f.txt             "f"
 * /dir/sub/              (empty)
 * /link -> a.txt         (Rock Ridge SL)
 * /d1/d2/.../d8/d9/x.txt (d9 is relocated to RR_MOVED: CL, PL and RE entries)
 * </pre>
 */
public final class SeedImage {
    /** The clock of the seed. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);
    /** The path of the relocated directory in the Rock Ridge tree. */
    static final String DEEP = "/d1/d2/d3/d4/d5/d6/d7/d8/d9";

    private static byte[] cached;

    private SeedImage() {
    }

    /** A fresh copy of the seed's bytes. */
    public static synchronized byte[] bytes() {
        if (cached == null) {
            cached = build();
        }
        return cached.clone();
    }

    private static byte[] build() {
        try {
            FileSystemImage image = new FileSystemImage(CLOCK);
            image.setFileSystems(Set.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE));
            image.setIsoLevel(IsoLevel.LEVEL_2);
            image.setVolumeName("HOSTILE_SEED");
            Directory root = image.root();
            root.addFile("a.txt", "alpha".getBytes(StandardCharsets.US_ASCII));
            byte[] b = new byte[5000];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (i * 7 + 3);
            }
            root.addFile("b.bin", b);
            root.addFile("dir/f.txt", "f".getBytes(StandardCharsets.US_ASCII));
            root.addDirectory("dir/sub");
            root.addSymlink("link", "a.txt");
            root.addFile(DEEP.substring(1) + "/x.txt", "x".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            image.createResultImage().writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
