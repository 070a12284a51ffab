package org.discimage.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.IsoLevel;
import org.discimage.tree.Directory;
import org.discimage.tree.Item;

/** Builds discimage images through the public API only, with a fixed clock. */
final class SdkImages {
    /** The clock of every test image: reproducible output. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);

    private SdkImages() {
    }

    /** Something to do to the image before it is planned (add items, set modes, ...). */
    interface Customizer {
        void apply(FileSystemImage image) throws IOException;
    }

    /** A new image of the host tree {@code src} (its contents at the root), not yet planned. */
    static FileSystemImage image(Path src, Set<FileSystem> fileSystems, IsoLevel level) throws IOException {
        FileSystemImage image = new FileSystemImage(CLOCK);
        image.setFileSystems(fileSystems);
        image.setIsoLevel(level);
        image.setVolumeName("DISCIMAGE_INTEROP");
        if (src != null) {
            image.root().addTree(src, false);
        }
        return image;
    }

    /** Builds and writes an image of {@code src} to {@code out}; returns {@code out}. */
    static Path build(Path src, Path out, Set<FileSystem> fileSystems, IsoLevel level, Customizer extra)
            throws IOException {
        FileSystemImage image = image(src, fileSystems, level);
        if (extra != null) {
            extra.apply(image);
        }
        ImageResult result = image.createResultImage();
        long n = result.writeTo(out);
        if (n != result.sizeInBytes()) {
            throw new AssertionError("writeTo returned " + n + " bytes, sizeInBytes() says " + result.sizeInBytes());
        }
        return out;
    }

    /** Sets every item's times to one instant (host trees carry ctime/atime that differ per copy). */
    static void normalizeTimes(Directory dir, Instant t) {
        dir.setTimes(t);
        for (Item child : dir.children()) {
            child.setTimes(t);
            child.setOwner(0, 0);
            if (child instanceof Directory d) {
                normalizeTimes(d, t);
            }
        }
    }

    static final Set<FileSystem> ALL = Set.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
    static final Set<FileSystem> ISO_ONLY = Set.of(FileSystem.ISO9660);
    static final Set<FileSystem> ISO_JOLIET = Set.of(FileSystem.ISO9660, FileSystem.JOLIET);
    static final Set<FileSystem> ISO_RR = Set.of(FileSystem.ISO9660, FileSystem.ROCK_RIDGE);
}
