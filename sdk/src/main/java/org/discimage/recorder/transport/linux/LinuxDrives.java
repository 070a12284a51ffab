package org.discimage.recorder.transport.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.discimage.recorder.transport.OpticalDrive;

/**
 * Optical drives on Linux: the SCSI CD-ROM block devices {@code srN}, found in sysfs
 * ({@code /sys/block/srN}, vendor and model from {@code device/vendor} and {@code device/model}, as the
 * kernel read them from INQUIRY at probe time) or, without sysfs, as {@code /dev/srN}. Nothing is opened,
 * so listing neither spins a drive up nor needs permissions on it.
 */
public final class LinuxDrives {
    private static final Pattern SR = Pattern.compile("sr(\\d+)");

    private LinuxDrives() {
    }

    /** The drives of this machine, ordered by number ({@code sr0, sr1, ..., sr10}). */
    public static List<OpticalDrive> list() {
        return list(Path.of("/sys/block"), Path.of("/dev"));
    }

    /** The drives described by a sysfs block directory, falling back to device nodes in {@code dev}. */
    static List<OpticalDrive> list(Path sysBlock, Path dev) {
        List<String> names = names(sysBlock);
        boolean fromSysfs = !names.isEmpty() || Files.isDirectory(sysBlock);
        if (!fromSysfs) {
            names = names(dev);
        }
        List<OpticalDrive> drives = new ArrayList<>();
        for (String name : names) {
            Path info = sysBlock.resolve(name).resolve("device");
            drives.add(new OpticalDrive(dev.resolve(name).toString(), read(info.resolve("vendor")),
                    read(info.resolve("model"))));
        }
        return List.copyOf(drives);
    }

    private static List<String> names(Path dir) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (SR.matcher(name).matches()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            return names; // an unreadable directory lists no drives rather than failing "devices"
        }
        names.sort(Comparator.comparingInt(n -> Integer.parseInt(n.substring(2))));
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.ISO_8859_1).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
