package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.UdfRevision;
import org.discimage.media.ImageFileMedium;
import org.discimage.media.SessionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultisessionUdfInteropTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    interface Fill {
        void fill(FileSystemImage image) throws IOException;
    }

    static SessionInfo session(Path img, UdfRevision rev, String label, Fill fill) throws IOException {
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            medium.prepare(image);
            image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE, FileSystem.UDF);
            image.setUdfRevision(rev);
            image.setVolumeName(label);
            fill.fill(image);
            return medium.append(image.createResultImage());
        }
    }

    Path grow(UdfRevision rev) throws IOException {
        Path s1 = Files.createDirectories(work.resolve("s1/dir"));
        Files.writeString(work.resolve("s1/a.txt"), "first a\n");
        Files.writeString(work.resolve("s1/keep.txt"), "kept from session 1\n");
        byte[] big = new byte[300_000];
        new Random(7).nextBytes(big);
        Files.write(s1.resolve("big.bin"), big);
        Path s2 = Files.createDirectories(work.resolve("s2"));
        Files.writeString(s2.resolve("new.txt"), "added in session 2\n");
        Path a2 = work.resolve("a2.txt");
        Files.writeString(a2, "second a, longer than the first\n");
        Path s3 = Files.createDirectories(work.resolve("s3"));
        Files.writeString(s3.resolve("c.txt"), "added in session 3\n");
        Path img = work.resolve("grown-" + rev + ".iso");
        session(img, rev, "S1", image -> image.root().addTree(work.resolve("s1"), false));
        Files.copy(img, work.resolve("after1-" + rev + ".iso"));
        session(img, rev, "S2", image -> {
            image.root().addTree(s2, false);
            image.root().remove("a.txt");
            image.root().addFile("a.txt", a2);
        });
        Files.copy(img, work.resolve("after2-" + rev + ".iso"));
        session(img, rev, "S3", image -> {
            image.root().removeTree("dir");
            image.root().addTree(s3, false);
        });
        return img;
    }

    @Test
    void scratch() throws IOException {
        for (UdfRevision rev : List.of(UdfRevision.R2_01, UdfRevision.R2_50)) {
            Path img = grow(rev);
            for (String n : List.of("after1-", "after2-", "grown-")) {
                Files.copy(work.resolve(n + rev + ".iso"), Path.of("/tmp/udfms/" + n + rev + ".iso"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
