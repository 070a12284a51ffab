package org.discimage.recorder.transport.windows;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Platform;

import org.discimage.recorder.transport.OpticalDrive;

/**
 * Optical drives on Windows: the drive letters whose {@code GetDriveTypeW} is {@code DRIVE_CDROM}, from
 * the {@code GetLogicalDrives} bit mask (bit 0 = A:), opened later as {@code \\.\X:}. Vendor and model
 * need an INQUIRY, so they are left empty here.
 */
public final class WindowsDrives {
    private WindowsDrives() {
    }

    /** The drives of this machine (empty when not on Windows). */
    public static List<OpticalDrive> list() {
        if (!Platform.isWindows()) {
            return List.of();
        }
        Kernel32 k = Kernel32.get();
        int mask = k.getLogicalDrives();
        List<OpticalDrive> drives = new ArrayList<>();
        for (char letter : letters(mask)) {
            if (k.getDriveType(letter + ":\\") == Kernel32.DRIVE_CDROM) {
                drives.add(new OpticalDrive(devicePath(letter), "", ""));
            }
        }
        return List.copyOf(drives);
    }

    /** The letters set in a GetLogicalDrives mask. */
    static List<Character> letters(int mask) {
        List<Character> letters = new ArrayList<>();
        for (int bit = 0; bit < 26; bit++) {
            if ((mask & (1 << bit)) != 0) {
                letters.add((char) ('A' + bit));
            }
        }
        return letters;
    }

    /** {@code \\.\E:} for E. */
    static String devicePath(char letter) {
        return "\\\\.\\" + letter + ":";
    }
}
