package org.discimage.recorder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.discimage.recorder.emulated.EmulatedDrive;
import org.discimage.recorder.emulated.EmulatedProfile;
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
 * when missing), PROFILE one of {@code cdr}, {@code cdrw}, {@code dvdr} (DVD-R), {@code dvdrw} (DVD-RW),
 * {@code dvdplusr}, {@code dvdplusrw}, {@code bdr}, {@code bdre} (or the MMC names such as {@code DVD+RW},
 * case-insensitive); a new DVD+RW or BD-RE is unformatted.</li>
 * </ul>
 */
public final class DiscMaster {
    /** The prefix of emulated device names. */
    public static final String EMULATED_PREFIX = "emulated:";
    /** The emulated media {@link EmulatedDrive#open(Path, String)} knows, by their short names. */
    private static final List<String> EMULATED = List.of("cdr", "cdrw", "dvdr", "dvdrw", "dvdplusr", "dvdplusrw",
            "bdr", "bdre");
    private static final String FORMS = "/dev/srN (Linux), a drive letter such as D: (Windows) or emulated:PROFILE:FILE"
            + " with PROFILE one of " + String.join(", ", EMULATED);

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
            if (colon <= 0 || colon == rest.length() - 1) {
                throw new IllegalArgumentException("emulated device " + device + ": use " + FORMS);
            }
            try {
                EmulatedProfile.parse(rest.substring(0, colon));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("emulated device " + device + ": use " + FORMS, e);
            }
            transport = EmulatedDrive.open(Path.of(rest.substring(colon + 1)), rest.substring(0, colon));
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
