package org.discimage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

import org.discimage.PhysicalMediaType;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.recorder.DiscRecorder;
import org.discimage.recorder.MediaInfo;
import org.discimage.recorder.MediaState;
import org.discimage.recorder.RecordedSession;
import org.discimage.recorder.WriteSpeed;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code discimage media DEVICE}: the recorder and the disc in it, as {@code key: value} lines. */
@Command(name = "media", sortOptions = false,
        description = {"Describes the recorder DEVICE and the disc in it: vendor, product and revision, the media "
                + "types it takes, the current one, the disc's state (blank, appendable, closed, final-session, "
                + "damaged, write-protected, overwrite-only, unsupported), its complete sessions (number, start LBA, "
                + "length in sectors), the next writable address, free and total sectors, the write unit and the "
                + "write speeds the drive offers.",
                "DEVICE is " + DeviceNames.FORMS + ". Without a disc it prints the recorder lines and fails with "
                + "E_IMAPI_RECORDER_MEDIA_NO_MEDIA."})
final class MediaCommand implements Callable<Integer> {
    /** Opens a device (tests substitute one). */
    interface Opener {
        DiscRecorder open(String device, CommandLine.Model.CommandSpec spec) throws IOException;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "The recorder: " + DeviceNames.FORMS + ".")
    String device;

    private final Opener opener;

    /** The command over the devices {@link DeviceNames#open} opens. */
    MediaCommand() {
        this(DeviceNames::open);
    }

    /** The command over devices {@code opener} opens (tests). */
    MediaCommand(Opener opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (DiscRecorder r = opener.open(device, spec)) {
            line(out, "device", r.device());
            line(out, "recorder", String.join(" ", r.vendor(), r.product(), r.revision()).strip());
            StringJoiner profiles = new StringJoiner(", ");
            r.supportedProfiles().forEach(p -> profiles.add(p.name()));
            line(out, "profiles", profiles.toString());
            MediaInfo m = r.media();
            if (m.is(MediaState.NO_MEDIA)) {
                out.flush();
                throw new DiscImageException(ErrorCode.RECORDER_MEDIA_NO_MEDIA, r.device() + ": no disc in the drive");
            }
            print(out, m);
            StringJoiner speeds = new StringJoiner(", ");
            for (WriteSpeed s : r.writeSpeeds()) {
                speeds.add(speed(s.kilobytesPerSecond(), m.type()));
            }
            line(out, "write speeds", speeds.length() == 0 ? "not reported" : speeds.toString());
        }
        out.flush();
        return 0;
    }

    /** The disc lines: current profile, state, sessions, NWA, free and total sectors, write unit. */
    static void print(PrintWriter out, MediaInfo m) {
        line(out, "current profile", m.type().name());
        line(out, "state", states(m));
        line(out, "sessions", Integer.toString(m.sessions().size()));
        for (RecordedSession s : m.sessions()) {
            line(out, "session " + s.number(), "start " + s.startLba() + ", " + s.blocks() + " sectors");
        }
        line(out, "next writable", m.nextWritableAddress() < 0 ? "none" : Long.toString(m.nextWritableAddress()));
        line(out, "free sectors", Long.toString(m.freeSectors()));
        line(out, "total sectors", Long.toString(m.totalSectors()));
        line(out, "write unit", m.writeUnit() + (m.writeUnit() == 1 ? " sector" : " sectors"));
    }

    /** The media states in {@link MediaState}'s order, as words: {@code appendable, write-protected}. */
    static String states(MediaInfo m) {
        StringJoiner sj = new StringJoiner(", ");
        for (MediaState s : MediaState.values()) {
            if (m.is(s)) {
                sj.add(word(s));
            }
        }
        return sj.toString();
    }

    private static String word(MediaState s) {
        return switch (s) {
            case FINALIZED -> "closed";
            case NO_MEDIA -> "no disc";
            case UNSUPPORTED_MEDIA -> "unsupported";
            default -> s.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /** {@code 7056 kB/s (4.0x)}: a speed with its multiple of the medium's 1x (formats.md §6.2). */
    static String speed(long kilobytesPerSecond, PhysicalMediaType type) {
        double one = SpeedConverter.oneX(type);
        return one <= 0 ? kilobytesPerSecond + " kB/s"
                : String.format(Locale.ROOT, "%d kB/s (%.1fx)", kilobytesPerSecond, kilobytesPerSecond / one);
    }

    static void line(PrintWriter out, String key, String value) {
        out.println(String.format("%-17s %s", key + ":", value));
    }
}
