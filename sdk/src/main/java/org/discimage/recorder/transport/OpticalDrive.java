package org.discimage.recorder.transport;

import java.util.Objects;

/**
 * An optical drive found by enumeration, before it is opened.
 *
 * @param device  the path to open with a transport ({@code /dev/sr0}, {@code \\.\E:})
 * @param vendor  vendor as the OS reports it without opening the device (Linux sysfs), or empty
 * @param model   model as the OS reports it without opening the device, or empty
 */
public record OpticalDrive(String device, String vendor, String model) {
    /** Checks the fields are present. */
    public OpticalDrive {
        Objects.requireNonNull(device, "device");
        vendor = vendor == null ? "" : vendor.strip();
        model = model == null ? "" : model.strip();
    }
}
