package org.discimage.cli;

import java.io.IOException;

import org.discimage.recorder.DiscMaster;
import org.discimage.recorder.DiscRecorder;

import picocli.CommandLine;

/**
 * Telling a DEVICE from an image file on the command line, and opening it.
 *
 * <p>A DEVICE is {@code emulated:PROFILE:FILE}, {@code /dev/srN}, a Windows drive letter ({@code D:},
 * {@code D:\}) or {@code \\.\D:}. {@code ls}, {@code info} and {@code append} take either; an argument of none of
 * these forms is an image file, so an image named {@code D:} must be given as {@code ./D:}.
 */
final class DeviceNames {
    /** The forms, for help texts and messages. */
    static final String FORMS = "/dev/srN, a drive letter such as D: or emulated:PROFILE:FILE (PROFILE cdr, dvdr, "
            + "dvdplusr, bdr)";

    private DeviceNames() {
    }

    /**
     * Whether {@code name} is of one of the DEVICE forms (not whether such a drive exists). Without regular
     * expressions: QuickLs asks this on its start-up path, where a cold JVM pays for every class it loads.
     */
    static boolean isDevice(String name) {
        if (name == null) {
            return false;
        }
        if (name.startsWith(DiscMaster.EMULATED_PREFIX) || name.startsWith("\\\\.\\")) {
            return true;
        }
        if (name.startsWith("/dev/sr") && name.length() > "/dev/sr".length()) {
            return digits(name, "/dev/sr".length());
        }
        int n = name.length();
        return (n == 2 || n == 3 && name.charAt(2) == '\\') && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0));
    }

    private static boolean digits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /**
     * Opens the recorder {@code device}; a name of no accepted form is a usage error (exit 2), a device that
     * cannot be opened a failure (exit 1, RECORDER_TRANSPORT_FAILURE).
     */
    static DiscRecorder open(String device, CommandLine.Model.CommandSpec spec) throws IOException {
        try {
            return DiscMaster.open(device);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
