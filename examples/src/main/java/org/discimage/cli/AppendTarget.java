package org.discimage.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.importer.SectorReader;
import org.discimage.media.ImageFileMedium;
import org.discimage.media.SessionInfo;

import picocli.CommandLine;

/**
 * What {@code append} adds a session to: an image file grown the way xorriso grows one, or the disc in a
 * recorder (a DEVICE, see {@link DeviceNames}), whose next session is written by the recorder at its NWA.
 */
interface AppendTarget extends Closeable {
    /** Imports the newest session's tree into {@code image} (unless blank) and sets the session start. */
    void prepare(FileSystemImage image) throws IOException;

    /** Whether nothing is recorded yet. */
    boolean isBlank() throws IOException;

    /** The complete sessions, oldest first, with their volume ids. */
    List<SessionInfo> sessions() throws IOException;

    /** The recorded blocks, for reading the newest session's file systems. */
    SectorReader sectors() throws IOException;

    /** Writes {@code session}, planned by {@link #prepare}, as the next session. */
    void append(ImageResult session) throws IOException;

    /** Whether the first session starts at LBA 0 of an image file, where appending overwrites its descriptors. */
    boolean chainLost();

    /** The DEVICE's disc, or the image file {@code name} (created when absent); progress and notes go to {@code err}. */
    static AppendTarget open(String name, CommandLine.Model.CommandSpec spec, PrintWriter err) throws IOException {
        if (DeviceNames.isDevice(name)) {
            return RecorderTarget.open(name, spec, err);
        }
        ImageFileMedium medium = ImageFileMedium.open(Path.of(name));
        return new AppendTarget() {
            @Override
            public void prepare(FileSystemImage image) throws IOException {
                medium.prepare(image);
            }

            @Override
            public boolean isBlank() {
                return medium.isBlank();
            }

            @Override
            public List<SessionInfo> sessions() {
                return medium.sessions();
            }

            @Override
            public SectorReader sectors() {
                return medium.sectors();
            }

            @Override
            public void append(ImageResult session) throws IOException {
                medium.append(session);
            }

            @Override
            public boolean chainLost() {
                return medium.chainLost();
            }

            @Override
            public void close() throws IOException {
                medium.close();
            }
        };
    }
}
