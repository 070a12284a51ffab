package org.discimage.recorder.transport;

import java.util.List;

import com.sun.jna.Platform;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.recorder.transport.linux.LinuxDrives;
import org.discimage.recorder.transport.linux.LinuxSgIoTransport;
import org.discimage.recorder.transport.windows.WindowsDrives;
import org.discimage.recorder.transport.windows.WindowsSptiTransport;

/** Drive enumeration and the transport of the running operating system. */
public final class OpticalDrives {
    private OpticalDrives() {
    }

    /**
     * The optical drives of this machine (Linux: {@code /dev/sr*}; Windows: CD-ROM drive letters); an empty
     * list on a machine without drives or on an operating system without a transport (macOS).
     */
    public static List<OpticalDrive> list() {
        if (Platform.isLinux()) {
            return LinuxDrives.list();
        }
        if (Platform.isWindows()) {
            return WindowsDrives.list();
        }
        return List.of();
    }

    /**
     * Opens a drive with the transport of this operating system.
     *
     * @throws DiscImageException {@link ErrorCode#RECORDER_TRANSPORT_FAILURE} when it cannot be opened, is
     *                            not an MMC device, or the OS has no transport here
     */
    public static ScsiTransport open(String device) throws DiscImageException {
        if (Platform.isLinux()) {
            return LinuxSgIoTransport.open(device);
        }
        if (Platform.isWindows()) {
            return WindowsSptiTransport.open(device);
        }
        throw new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, "device " + device
                + ": no SCSI pass-through transport for " + System.getProperty("os.name"));
    }
}
