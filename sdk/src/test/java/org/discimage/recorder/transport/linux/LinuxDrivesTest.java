package org.discimage.recorder.transport.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.sun.jna.Platform;

import org.discimage.recorder.transport.OpticalDrive;
import org.discimage.recorder.transport.OpticalDrives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enumeration of /dev/sr* through sysfs, on a fake tree and on this (drive-less) machine. */
class LinuxDrivesTest {
    @TempDir
    Path tmp;

    @Test
    void sysfsEntriesInNumericOrderWithVendorAndModel() throws Exception {
        Path sys = tmp.resolve("sys/block");
        for (String name : List.of("sr10", "sda", "sr0", "sr1", "loop0")) {
            Files.createDirectories(sys.resolve(name).resolve("device"));
        }
        Files.writeString(sys.resolve("sr0/device/vendor"), "HL-DT-ST\n");
        Files.writeString(sys.resolve("sr0/device/model"), "BD-RE  WH16NS60 \n");
        List<OpticalDrive> drives = LinuxDrives.list(sys, Path.of("/dev"));
        assertEquals(List.of(new OpticalDrive("/dev/sr0", "HL-DT-ST", "BD-RE  WH16NS60"),
                new OpticalDrive("/dev/sr1", "", ""), new OpticalDrive("/dev/sr10", "", "")), drives);
    }

    @Test
    void withoutSysfsTheDeviceNodesAreListed() throws Exception {
        Path dev = Files.createDirectories(tmp.resolve("dev"));
        Files.createFile(dev.resolve("sr2"));
        Files.createFile(dev.resolve("sg0"));
        assertEquals(List.of(new OpticalDrive(dev.resolve("sr2").toString(), "", "")),
                LinuxDrives.list(tmp.resolve("no-sys"), dev));
    }

    @Test
    void thisMachineHasNoDrives() {
        assumeTrue(Platform.isLinux());
        // the build machines have no optical drive: the real enumeration must say so, not fail
        assumeTrue(!Files.exists(Path.of("/dev/sr0")), "a drive is attached here");
        assertEquals(List.of(), OpticalDrives.list());
    }
}
