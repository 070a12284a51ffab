package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageResult;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.importer.SectorReader;
import org.discimage.importer.SessionReader;
import org.discimage.media.SessionInfo;
import org.discimage.recorder.DataWriter;
import org.discimage.recorder.DiscRecorder;
import org.discimage.recorder.MediaInfo;
import org.discimage.recorder.MediaState;
import org.discimage.recorder.RecordedSession;
import org.discimage.recorder.SpeedSetting;
import org.discimage.recorder.Verification;

import picocli.CommandLine;

/**
 * The disc in a recorder as {@code append} and {@code burn} write to it: the newest session is imported
 * through the drive ({@link DiscRecorder#multisessionInterfaces()}), the new one is recorded by a
 * {@link DataWriter} at the NWA with the progress line on standard error, and Ctrl-C cancels the write (the
 * session is then not closed, so the disc keeps its earlier sessions as the newest: DESIGN rule 7).
 */
final class RecorderTarget implements AppendTarget {
    /** How long a Ctrl-C waits for the write to stop before the JVM goes on exiting. */
    private static final long CANCEL_WAIT_SECONDS = 30;

    private final DiscRecorder recorder;
    private final PrintWriter err;
    private final MediaInfo media;
    private boolean closeDisc;
    private Verification verification = Verification.NONE;
    private SpeedConverter.Speed speed;
    private boolean quiet;

    private RecorderTarget(DiscRecorder recorder, PrintWriter err) throws DiscImageException {
        this.recorder = recorder;
        this.err = err;
        this.media = recorder.media();
    }

    /** Opens {@code device}; a name of no DEVICE form is a usage error. */
    static RecorderTarget open(String device, CommandLine.Model.CommandSpec spec, PrintWriter err) throws IOException {
        DiscRecorder r = DeviceNames.open(device, spec);
        try {
            return new RecorderTarget(r, err);
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** Finalise the disc after the session (IMAPI2 ForceMediaToBeClosed). */
    RecorderTarget closeDisc(boolean close) {
        this.closeDisc = close;
        return this;
    }

    /** Read the session back after writing. */
    RecorderTarget verification(Verification level) {
        this.verification = level;
        return this;
    }

    /** The write speed to ask for; null for the drive's choice. */
    RecorderTarget speed(SpeedConverter.Speed s) {
        this.speed = s;
        return this;
    }

    /** No progress line and no summary. */
    RecorderTarget quiet(boolean q) {
        this.quiet = q;
        return this;
    }

    /** The disc state read when the device was opened. */
    MediaInfo media() {
        return media;
    }

    /**
     * Refuses a disc that takes no session before anything is planned, with the codes {@link DataWriter#write}
     * would give after planning: no disc, a medium it cannot record, a closed or damaged disc.
     */
    void checkWritable() throws DiscImageException {
        String where = recorder.device();
        if (media.is(MediaState.NO_MEDIA)) {
            throw new DiscImageException(ErrorCode.RECORDER_MEDIA_NO_MEDIA, where + ": no disc in the drive");
        }
        if (media.is(MediaState.UNSUPPORTED_MEDIA)) {
            throw new DiscImageException(ErrorCode.DF2DATA_MEDIA_IS_NOT_SUPPORTED, where + ": " + media.type()
                    + " cannot be recorded by the data writer");
        }
        if (media.is(MediaState.FINALIZED) || media.is(MediaState.DAMAGED) || media.nextWritableAddress() < 0) {
            throw new DiscImageException(ErrorCode.DF2DATA_INVALID_MEDIA_STATE, where + ": the " + media.type()
                    + " takes no further session (" + MediaCommand.states(media) + ", " + media.sessions().size()
                    + " session" + (media.sessions().size() == 1 ? "" : "s") + ")");
        }
    }

    @Override
    public void prepare(FileSystemImage image) throws IOException {
        checkWritable();
        if (!media.sessions().isEmpty() || media.is(MediaState.OVERWRITE_ONLY)) {
            // the disc's multisession interface: session start = NWA, free blocks, import medium = the drive; a
            // blank DVD+RW/BD-RE needs it too: its first session starts at 32, below it the header copy (formats.md §4)
            image.setMultisessionInterfaces(recorder.multisessionInterfaces());
        }
        if (!media.sessions().isEmpty()) {
            image.importFileSystem();
        }
    }

    @Override
    public boolean isBlank() {
        return media.sessions().isEmpty();
    }

    /** The sessions as the drive reports them now, each with the volume id of its primary volume descriptor. */
    @Override
    public List<SessionInfo> sessions() throws IOException {
        MediaInfo now = recorder.media();
        SectorReader sectors = recorder.sectors();
        List<SessionInfo> list = new ArrayList<>();
        for (RecordedSession s : now.sessions()) {
            list.add(new SessionInfo(s.number(), s.startLba(), s.blocks(), volumeId(sectors, s.startLba())));
        }
        return list;
    }

    /** The ISO 9660 volume id at {@code start} (else the default tree's volume name); "" when unreadable. */
    static String volumeId(SectorReader sectors, long start) {
        try {
            SessionReader r = SessionReader.open(sectors, start);
            return r.volumeName(r.fileSystems().contains(FileSystem.ISO9660) ? FileSystem.ISO9660
                    : r.defaultFileSystem());
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public SectorReader sectors() {
        return recorder.sectors();
    }

    @Override
    public void append(ImageResult session) throws IOException {
        record(w -> w.write(session), session.startBlock(), session.totalSectors());
    }

    /** Records the image file {@code file}, laid out for LBA {@code start}, of {@code sectors} blocks. */
    void appendFile(Path file, long start, long sectors) throws IOException {
        record(w -> w.write(file, start), start, sectors);
    }

    @Override
    public boolean chainLost() {
        return false;
    }

    @Override
    public void close() throws IOException {
        recorder.close();
    }

    /** One write with the writer's settings. */
    private interface Job {
        void run(DataWriter w) throws IOException;
    }

    private void record(Job job, long start, long sectors) throws IOException {
        DataWriter w = new DataWriter(recorder);
        w.setForceMediaToBeClosed(closeDisc);
        w.setVerification(verification);
        if (speed != null) {
            long kb;
            try {
                kb = speed.kilobytesPerSecond(media.type());
            } catch (IllegalArgumentException e) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, recorder.device() + ": " + e.getMessage(), e);
            }
            SpeedSetting s = w.setWriteSpeed(kb);
            if (!quiet) {
                err.println(recorder.device() + ": " + s.command() + " " + (kb == Long.MAX_VALUE ? "max"
                        : MediaCommand.speed(kb, media.type())) + (s.accepted() ? "" : ": refused, " + s.answer()));
            }
        }
        BurnProgress bar = quiet || System.console() == null ? null : new BurnProgress(err);
        w.setProgressListener(bar);
        // Ctrl-C: stop before the next WRITE and leave the session unclosed, then let the JVM exit
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (w.cancel()) {
                try {
                    done.await(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "discimage-cancel-write");
        Runtime.getRuntime().addShutdownHook(hook);
        long began = System.nanoTime();
        try {
            job.run(w);
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running
            }
            if (bar != null) {
                bar.finish();
            }
        }
        if (!quiet) {
            err.println(summary(recorder.device(), start, sectors, System.nanoTime() - began, verification,
                    closeDisc));
            err.flush();
        }
    }

    /** {@code DEVICE: session at LBA S, N sectors (X MB) in T s, R MB/s, verified (full), disc closed}. */
    static String summary(String device, long start, long sectors, long nanos, Verification v, boolean closed) {
        return ProgressBar.summary(device + ": session at LBA " + start, sectors * 2048, sectors, nanos)
                + (v == Verification.NONE ? "" : ", verified (" + v.name().toLowerCase(Locale.ROOT) + ")")
                + (closed ? ", disc closed" : "");
    }
}
