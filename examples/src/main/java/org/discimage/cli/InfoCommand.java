package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.discimage.FileSystem;
import org.discimage.UdfRevision;
import org.discimage.error.DiscImageException;
import org.discimage.importer.ImportedEntry;
import org.discimage.importer.SessionReader;
import org.discimage.media.ImageFileMedium;
import org.discimage.media.SessionInfo;
import org.discimage.recorder.RecordedSession;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code discimage info}: what one session of an image holds, as {@code key: value} lines. */
@Command(name = "info", sortOptions = false,
        description = {"Describes one session of an image (the newest, or the one --session or --session-start "
                + "chooses): the file systems present, the one an import uses by default, each file system's volume "
                + "name, the UDF revision, the image size, and the counts and data bytes of the default tree; then "
                + "every session of the image as xorriso -toc numbers them: number, start LBA, size in sectors, "
                + "volume id and the file systems found at that session.",
                "One 'key: value' per line, keys padded to one column; the keys and their order are stable."})
final class InfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin
    ImportOptionsMixin importOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (ImportOptionsMixin.Session session = importOptions.open()) {
            SessionReader reader = session.reader();
            FileSystem def = reader.defaultFileSystem();
            Path image = session.image();
            long sectors = session.sectors().sectorCount();
            line(out, "image", session.name());
            // a disc's size: the end of its newest complete session, as the drive reports it
            line(out, "size", sectors + " sectors, " + (image == null ? sectors * 2048 : Files.size(image)) + " bytes");
            line(out, "session start", Long.toString(reader.sessionStart()));
            line(out, "file systems", ImportOptionsMixin.names(reader.fileSystems()));
            line(out, "default", FileSystemConverter.name(def));
            for (FileSystem fs : FileSystem.values()) {
                if (reader.fileSystems().contains(fs)) {
                    line(out, "volume " + FileSystemConverter.name(fs), reader.volumeName(fs));
                }
            }
            Optional<UdfRevision> revision = reader.udfRevision();
            revision.ifPresent(r -> line(out, "udf revision", r.toString()));
            Counts c = Counts.of(reader.readTree(def));
            line(out, "directories", Long.toString(c.directories));
            line(out, "files", Long.toString(c.files));
            line(out, "symlinks", Long.toString(c.symlinks));
            line(out, "devices", Long.toString(c.devices));
            line(out, "data bytes", Long.toString(c.dataBytes));
            sessions(out, session);
        }
        out.flush();
        return 0;
    }

    /**
     * {@code sessions: N}, then one {@code session N: start S, K sectors, volume V, file systems F}
     * line per session of the chain (ImageFileMedium's reading of xorriso's TOC emulation).
     */
    private void sessions(PrintWriter out, ImportOptionsMixin.Session session) throws IOException {
        List<SessionInfo> sessions;
        try {
            sessions = session.image() == null ? discSessions(session) : ImageFileMedium.readSessions(session.image());
        } catch (DiscImageException e) {
            // a UDF-only image (mkudffs) has no ISO 9660 descriptors to chain sessions with
            line(out, "sessions", "no ISO 9660 session chain (no primary volume descriptor at LBA 16)");
            return;
        }
        line(out, "sessions", Integer.toString(sessions.size()));
        for (SessionInfo s : sessions) {
            String fileSystems;
            try {
                fileSystems = ImportOptionsMixin.names(SessionReader.open(session.sectors(), s.startLba(),
                        importOptions.importOptions()).fileSystems());
            } catch (DiscImageException e) {
                fileSystems = "unreadable (" + e.getMessage() + ")";
            }
            line(out, "session " + s.number(), ImportOptionsMixin.describe(s) + ", file systems " + fileSystems);
        }
    }

    /** The sessions of a disc as its drive lists them (READ TRACK INFORMATION), with their volume ids. */
    private static List<SessionInfo> discSessions(ImportOptionsMixin.Session session) throws IOException {
        List<SessionInfo> list = new ArrayList<>();
        for (RecordedSession s : session.recorder().media().sessions()) {
            list.add(new SessionInfo(s.number(), s.startLba(), s.blocks(),
                    RecorderTarget.volumeId(session.sectors(), s.startLba())));
        }
        return list;
    }

    private static void line(PrintWriter out, String key, String value) {
        out.println(String.format("%-17s %s", key + ":", value));
    }

    /** What a tree holds: directories (the root included), files, links, devices and file bytes. */
    static final class Counts {
        long directories;
        long files;
        long symlinks;
        long devices;
        long dataBytes;

        static Counts of(List<ImportedEntry> entries) {
            Counts c = new Counts();
            for (ImportedEntry e : entries) {
                switch (e.type()) {
                    case DIRECTORY -> c.directories++;
                    case SYMLINK -> c.symlinks++;
                    case DEVICE -> c.devices++;
                    default -> {
                        c.files++;
                        c.dataBytes += e.size();
                    }
                }
            }
            return c;
        }
    }
}
