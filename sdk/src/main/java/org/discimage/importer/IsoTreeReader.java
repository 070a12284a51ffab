package org.discimage.importer;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.discimage.FileSystem;

/** Placeholder until the on-disc record classes land. */
public final class IsoTreeReader {
    public static IsoTreeReader open(SectorReader reader) throws IOException {
        throw new UnsupportedOperationException("reader not written yet");
    }

    public Set<FileSystem> fileSystems() {
        return EnumSet.noneOf(FileSystem.class);
    }

    public FileSystem preferredFileSystem() {
        return FileSystem.ISO9660;
    }

    public List<IsoEntry> readTree(FileSystem fs) throws IOException {
        return List.of();
    }
}
