package org.discimage.cli;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.UdfRevision;
import org.discimage.importer.SessionReader;
import org.discimage.media.SessionInfo;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The file-system and identifier options of {@code build}, for a session added to a medium ({@code burn}):
 * without {@code --fs} a new session keeps the file systems (and UDF revision) of the newest one, as
 * {@code append} does, and a blank medium gets the SDK's default (ISO 9660, Joliet, Rock Ridge).
 */
final class ImageOptionsMixin {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--fs", split = ",", paramLabel = "FS", converter = FileSystemConverter.class,
            description = "File systems of the new session: iso9660, joliet, rockridge, udf (default: those of the "
                    + "newest session; iso9660,joliet,rockridge on a blank disc).")
    List<FileSystem> fileSystems;

    @Option(names = "--udf-revision", paramLabel = "1.02|1.50|2.01|2.50|2.60", converter = UdfRevisionConverter.class,
            description = "UDF revision of --fs udf (default: the newest session's, else 2.01).")
    UdfRevision udfRevision;

    @Option(names = "--iso-level", paramLabel = "1|2|3", converter = BuildCommand.IsoLevelConverter.class,
            description = "ISO 9660 interchange level (default: 3).")
    IsoLevel isoLevel;

    @CommandLine.Mixin
    IdentifierOptions identifiers = new IdentifierOptions();

    @Option(names = "--strict-names", description = "Fail on names a file system cannot hold instead of adapting them.")
    boolean strictNames;

    /** Whether any option of this mixin was given (they mean nothing for {@code burn --image}). */
    boolean anyGiven() {
        return fileSystems != null || udfRevision != null || isoLevel != null || identifiers.anyGiven() || strictNames;
    }

    /**
     * Sets the options on {@code image}, prepared for the next session of {@code target}. The SDK refuses
     * what cannot work across sessions (FILE_SYSTEM_CHANGE_NOT_ALLOWED, UDF_REVISION_CHANGE_NOT_ALLOWED) when
     * the session is planned.
     */
    void apply(FileSystemImage image, AppendTarget target) throws IOException {
        EnumSet<FileSystem> chosen = fileSystems == null ? null : EnumSet.copyOf(fileSystems);
        UdfRevision revision = udfRevision;
        if (!target.isBlank()) {
            List<SessionInfo> sessions = target.sessions();
            SessionReader newest = SessionReader.open(target.sectors(), sessions.get(sessions.size() - 1).startLba());
            if (chosen == null) {
                chosen = EnumSet.copyOf(newest.fileSystems());
            }
            if (revision == null && chosen.contains(FileSystem.UDF)) {
                revision = newest.udfRevision().orElse(null);
            }
        }
        if (udfRevision != null && (chosen == null || !chosen.contains(FileSystem.UDF))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--udf-revision needs --fs udf");
        }
        if (chosen != null && chosen.contains(FileSystem.ROCK_RIDGE) && !chosen.contains(FileSystem.ISO9660)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fs rockridge extends iso9660: add iso9660 too");
        }
        try {
            if (chosen != null) {
                image.setFileSystems(chosen);
            }
            if (revision != null) {
                image.setUdfRevision(revision);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fs/--udf-revision: " + e.getMessage());
        }
        if (isoLevel != null) {
            image.setIsoLevel(isoLevel);
        }
        if (strictNames) {
            image.setNamePolicy(NamePolicy.STRICT);
        }
        identifiers.apply(image);
    }
}
