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

    /** Whether {@code name} is of one of the DEVICE forms (not whether such a drive exists). */
    static boolean isDevice(String name) {
        return name != null && (name.startsWith(DiscMaster.EMULATED_PREFIX) || name.matches("/dev/sr\\d+")
                || name.matches("[A-Za-z]:\\\\?") || name.startsWith("\\\\.\\"));
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
