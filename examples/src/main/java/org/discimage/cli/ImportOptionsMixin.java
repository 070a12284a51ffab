package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.discimage.FileSystem;
import org.discimage.error.Diagnostics;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.ImageFileSectorReader;
import org.discimage.importer.ImportOptions;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.media.ImageFileMedium;
import org.discimage.media.SessionInfo;
import org.discimage.recorder.DiscRecorder;
import org.discimage.recorder.MediaInfo;
import org.discimage.recorder.MediaState;
import org.discimage.recorder.RecordedSession;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What every reading command (ls, info, extract) shares: the IMAGE parameter, which session to read
 * ({@code --session N} or {@code --session-start LBA}, default the newest) and {@code --lenient};
 * {@link #open()} opens the image at that session.
 */
final class ImportOptionsMixin {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image file, or a DEVICE ("
            + DeviceNames.FORMS + ") whose disc is read through the drive.")
    String image;

    long sessionStart;
    private boolean sessionStartGiven;
    private int sessionNumber;

    @Option(names = "--lenient",
            description = "Accept the deviations from the standards that real producers are known to write; "
                    + "each one is reported on standard error as 'warning: ...'.")
    boolean lenient;

    @Option(names = "--session-start", paramLabel = "LBA",
            description = "The LBA the session to read starts at (default: 0, where an image grown by xorriso or "
                    + "discimage holds a copy of the newest session's descriptors; on a DEVICE the newest session's "
                    + "start); its volume descriptors are at LBA + 16.")
    void setSessionStart(long lba) {
        if (lba < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--session-start must not be negative: " + lba);
        }
        sessionStart = lba;
        sessionStartGiven = true;
    }

    @Option(names = "--session", paramLabel = "N",
            description = "The session to read, 1 for the first, numbered as xorriso -toc numbers them "
                    + "(default: the newest, whose descriptors an image file grown by xorriso or discimage "
                    + "copies to LBA 16); on a DEVICE the sessions as the drive lists them.")
    void setSession(int number) {
        if (number < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--session counts from 1: " + number);
        }
        sessionNumber = number;
    }

    /** The import options: strict or lenient, warnings to standard error. */
    ImportOptions importOptions() {
        Diagnostics sink = warnings(spec.commandLine().getErr());
        return lenient ? ImportOptions.lenient(sink) : ImportOptions.strict(sink);
    }

    /**
     * Opens IMAGE and identifies the file systems of the chosen session; warnings go to standard error.
     *
     * @throws DiscImageException {@code INVALID_PARAM} for a {@code --session} the image does not have
     */
    Session open() throws IOException {
        if (sessionNumber > 0 && sessionStartGiven) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--session and --session-start both choose the session: give one");
        }
        if (DeviceNames.isDevice(image)) {
            return openDevice();
        }
        Path image = Path.of(this.image);
        long start = sessionStart;
        if (sessionNumber > 0) {
            List<SessionInfo> sessions;
            try {
                sessions = ImageFileMedium.readSessions(image);
            } catch (DiscImageException e) {
                throw new DiscImageException(e.code(), "--session: " + image + " has no ISO 9660 session chain (no "
                        + "primary volume descriptor at LBA 16); give --session-start LBA instead", e);
            }
            if (sessionNumber > sessions.size()) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, image + " has " + sessions.size()
                        + " session" + (sessions.size() == 1 ? "" : "s") + ": no session " + sessionNumber);
            }
            start = sessions.get(sessionNumber - 1).startLba();
        }
        ImageFileSectorReader sectors = ImageFileSectorReader.open(image);
        try {
            return new Session(image, sectors, SessionReader.open(sectors, start, importOptions()));
        } catch (IOException | RuntimeException e) {
            sectors.close();
            throw e;
        }
    }

    /**
     * The disc in the DEVICE {@link #image}, read by READ(10) through the drive. The default session is the
     * newest complete one the drive reports (READ TRACK INFORMATION, MMC 6.27), not LBA 0 as in an image file:
     * a disc has no copy of the newest descriptors at LBA 16, its first session's are there.
     *
     * @throws DiscImageException {@code RECORDER_MEDIA_NO_MEDIA} without a disc; {@code IMPORT_SEEK_FAILURE}
     *         on a blank disc (as IMAPI2); {@code INVALID_PARAM} for a {@code --session} the disc does not have
     */
    private Session openDevice() throws IOException {
        DiscRecorder recorder = DeviceNames.open(image, spec);
        try {
            MediaInfo media = recorder.media();
            if (media.is(MediaState.NO_MEDIA)) {
                throw new DiscImageException(ErrorCode.RECORDER_MEDIA_NO_MEDIA, image + ": no disc in the drive");
            }
            List<RecordedSession> sessions = media.sessions();
            if (sessions.isEmpty()) {
                throw new DiscImageException(ErrorCode.IMPORT_SEEK_FAILURE, image + ": the " + media.type()
                        + " is blank: no session to read");
            }
            long start = sessionStartGiven ? sessionStart : sessions.get(sessions.size() - 1).startLba();
            if (sessionNumber > sessions.size()) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, image + " has " + sessions.size()
                        + " session" + (sessions.size() == 1 ? "" : "s") + ": no session " + sessionNumber);
            }
            if (sessionNumber > 0) {
                start = sessions.get(sessionNumber - 1).startLba();
            }
            SectorReader sectors = recorder.sectors();
            return new Session(image, null, sectors, SessionReader.open(sectors, start, importOptions()), recorder);
        } catch (IOException | RuntimeException e) {
            recorder.close();
            throw e;
        }
    }

    /** {@code start 64, 25 sectors, volume S2}: a session as append and info print it. */
    static String describe(SessionInfo s) {
        return String.format("start %d, %d sectors, volume %s", s.startLba(), s.sectors(), s.volumeId());
    }

    /** A sink printing each diagnostic as one {@code warning: <structure> at LBA <n>: <message>} line. */
    static Diagnostics warnings(PrintWriter err) {
        return d -> {
            err.println("warning: " + d);
            err.flush();
        };
    }

    /**
     * An open image or disc and the session read from it.
     *
     * @param name     the IMAGE argument: the image file or the DEVICE
     * @param image    the image file; null for a DEVICE
     * @param sectors  the image's or disc's blocks
     * @param reader   the session
     * @param recorder the DEVICE's recorder; null for an image file
     */
    record Session(String name, Path image, SectorReader sectors, SessionReader reader, DiscRecorder recorder)
            implements AutoCloseable {
        /** An image file's session. */
        Session(Path image, ImageFileSectorReader sectors, SessionReader reader) {
            this(image.toString(), image, sectors, reader, null);
        }

        /**
         * {@code requested}, or the session's default file system when it is null.
         *
         * @throws DiscImageException {@code FILE_SYSTEM_NOT_FOUND} naming what the image has instead
         */
        FileSystem choose(FileSystem requested) throws DiscImageException {
            if (requested == null) {
                return reader.defaultFileSystem();
            }
            if (!reader.fileSystems().contains(requested)) {
                throw new DiscImageException(ErrorCode.FILE_SYSTEM_NOT_FOUND, name + " has no "
                        + FileSystemConverter.name(requested) + " tree at LBA " + reader.sessionStart()
                        + " (it has " + names(reader.fileSystems()) + ")");
            }
            return requested;
        }

        @Override
        public void close() throws IOException {
            try {
                sectors.close();
            } finally {
                if (recorder != null) {
                    recorder.close();
                }
            }
        }
    }

    /** The command-line names of {@code fileSystems}, comma separated, in the enum's order. */
    static String names(Set<FileSystem> fileSystems) {
        StringJoiner sj = new StringJoiner(", ");
        for (FileSystem fs : FileSystem.values()) {
            if (fileSystems.contains(fs)) {
                sj.add(FileSystemConverter.name(fs));
            }
        }
        return sj.toString();
    }
}
