package org.discimage.recorder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.discimage.media.SequentialImageMedium;
import org.discimage.recorder.emulated.EmulatedDrive;
import org.discimage.recorder.transport.OpticalDrive;
import org.discimage.recorder.transport.OpticalDrives;
import org.discimage.recorder.transport.ScsiTransport;

/**
 * The recorders of this machine (IMAPI2 IDiscMaster2) and the one way to open one.
 *
 * <p>Device forms accepted by {@link #open(String)}:
 * <ul>
 * <li>{@code /dev/srN} (or any path) on Linux, through SG_IO;</li>
 * <li>a drive letter {@code D:} on Windows, through SPTI;</li>
 * <li>{@code emulated:PROFILE:FILE}: the emulated MMC drive holding the disc {@code FILE} (created blank
 * when missing), PROFILE one of {@code cdr}, {@code dvdr} (DVD-R), {@code dvdplusr}, {@code bdr}.</li>
 * </ul>
 */
public final class DiscMaster {
    /** The prefix of emulated device names. */
    public static final String EMULATED_PREFIX = "emulated:";
    private static final Map<String, SequentialImageMedium.Profile> EMULATED = Map.of(
            "cdr", SequentialImageMedium.Profile.CD_R,
            "dvdr", SequentialImageMedium.Profile.DVD_MINUS_R,
            "dvdplusr", SequentialImageMedium.Profile.DVD_PLUS_R,
            "bdr", SequentialImageMedium.Profile.BD_R);
    private static final String FORMS = "/dev/srN (Linux), a drive letter such as D: (Windows) or emulated:PROFILE:FILE"
            + " with PROFILE one of cdr, dvdr, dvdplusr, bdr";

    private DiscMaster() {
    }

    /** The device names of this machine's optical drives (IMAPI2 IDiscMaster2 items); empty when there are none. */
    public static List<String> recorderIds() {
        return OpticalDrives.list().stream().map(OpticalDrive::device).toList();
    }

    /**
     * Opens a recorder.
     *
     * @throws IllegalArgumentException for a name of none of the accepted forms (the message lists them)
     * @throws org.discimage.error.DiscImageException RECORDER_TRANSPORT_FAILURE when the device cannot be
     *         opened or is not an MMC device; the emulated disc's errors when its file is unusable
     */
    public static DiscRecorder open(String device) throws IOException {
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("no device named: use " + FORMS);
        }
        ScsiTransport transport;
        if (device.startsWith(EMULATED_PREFIX)) {
            String rest = device.substring(EMULATED_PREFIX.length());
            int colon = rest.indexOf(':');
            SequentialImageMedium.Profile profile = colon < 0 ? null
                    : EMULATED.get(rest.substring(0, colon).toLowerCase(Locale.ROOT));
            if (profile == null || colon == rest.length() - 1) {
                throw new IllegalArgumentException("emulated device " + device + ": use " + FORMS);
            }
            transport = EmulatedDrive.load(Path.of(rest.substring(colon + 1)), profile);
        } else if (device.matches("(?i)[A-Z]:\\\\?") || device.startsWith("/dev/") || device.startsWith("\\\\.\\")) {
            transport = OpticalDrives.open(device);
        } else {
            throw new IllegalArgumentException("device " + device + ": use " + FORMS);
        }
        try {
            return DiscRecorder.over(transport);
        } catch (IOException | RuntimeException e) {
            try {
                transport.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
