package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away Linux VM (qemu, software emulation) with emulated optical drives — qemu's ATAPI drive on
 * the IDE bus (hw/ide/atapi.c) and its SCSI CD-ROM behind virtio-scsi (hw/scsi/scsi-disk.c) — the kernel's
 * sr/sg drivers, and a jlinked Java runtime running a main class of discimage with its JNA binding. It
 * lets tests send discimage's MMC commands through the real SG_IO path of a real kernel to two MMC
 * implementations that are not ours. Debian packages: qemu-system-x86, linux-image-amd64,
 * busybox-static; the running JDK must have jlink.
 */
final class DriveVm {
    private static final String QEMU = "qemu-system-x86_64";
    private static final String BUSYBOX = "/bin/busybox";
    /** Load order: each after what it depends on (modinfo -F depends). */
    private static final String[] MODULES = {
        "drivers/scsi/scsi_common", "drivers/scsi/scsi_mod", "drivers/cdrom/cdrom", "drivers/scsi/sr_mod",
        "drivers/scsi/sg", "drivers/ata/libata", "drivers/ata/ata_piix", "drivers/virtio/virtio_ring",
        "drivers/virtio/virtio", "drivers/virtio/virtio_pci_modern_dev", "drivers/virtio/virtio_pci_legacy_dev",
        "drivers/virtio/virtio_pci", "drivers/scsi/virtio_scsi"};
    /** What the jlinked java and JNA's libjnidispatch need from the C library. */
    private static final String[] LIBS = {"libc.so.6", "libm.so.6", "libz.so.1", "libgcc_s.so.1", "libstdc++.so.6",
        "libpthread.so.0", "libdl.so.2", "librt.so.1"};

    private final Path kernel;
    private final Path modules;

    private DriveVm(Path kernel, Path modules) {
        this.kernel = kernel;
        this.modules = modules;
    }

    /** The VM of this machine's Debian kernel; skips (fails under CI=true) when a piece is missing. */
    static DriveVm require() throws IOException {
        String missing = null;
        Path kernel = null;
        Path mods = null;
        if (!System.getProperty("os.name").startsWith("Linux") || !"amd64".equals(System.getProperty("os.arch"))) {
            missing = "Linux on x86_64";
        } else if (ExternalTools.onPath(QEMU) == null) {
            missing = QEMU;
        } else if (!Files.isExecutable(Path.of(BUSYBOX))) {
            missing = BUSYBOX;
        } else if (ToolProvider.findFirst("jlink").isEmpty()) {
            missing = "jlink in the running JDK";
        } else if (Files.isDirectory(Path.of("/boot"))) {
            try (Stream<Path> boot = Files.list(Path.of("/boot"))) {
                for (Path k : boot.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).sorted().toList()) {
                    Path m = Path.of("/lib/modules", k.getFileName().toString().substring("vmlinuz-".length()), "kernel");
                    if (Files.isReadable(k) && Stream.of(MODULES).allMatch(x -> Files.isRegularFile(m.resolve(x + ".ko")))) {
                        kernel = k;
                        mods = m;
                    }
                }
            }
            if (kernel == null) {
                missing = "a /boot/vmlinuz-* with uncompressed sr_mod, sg, ata_piix and virtio_scsi modules";
            }
        } else {
            missing = "/boot";
        }
        if (missing != null) {
            String why = "the emulated-drive check needs " + missing
                    + "; .ci/run installs: apt-get install -y qemu-system-x86 linux-image-amd64 busybox-static";
            if (ExternalTools.inCi()) {
                fail(why + " -- CI=true, so this is a failure, not a skip");
            }
            Assumptions.assumeTrue(false, why);
        }
        return new DriveVm(kernel, mods);
    }

    /**
     * Boots the VM with three drives — IDE/ATAPI holding {@code medium}, virtio-scsi CD holding {@code medium},
     * and an empty virtio-scsi CD — plus a writable virtio-scsi disk with 2048-byte logical blocks backed by
     * {@code disk} (qemu's scsi-hd: the only writable SCSI target qemu emulates; reachable through its
     * /dev/sgN), and runs {@code mainClass} (from this module's class path) with {@code args}; returns what it
     * printed between the markers.
     */
    String run(Path work, Path medium, Path disk, Class<?> mainClass, String... args) throws IOException {
        Path jre = work.resolve("jre");
        StringWriter jlinkOut = new StringWriter();
        int rc = ToolProvider.findFirst("jlink").orElseThrow().run(new PrintWriter(jlinkOut), new PrintWriter(jlinkOut),
                "--add-modules", "java.base,java.logging", "--output", jre.toString(), "--strip-debug",
                "--no-header-files", "--no-man-pages");
        if (rc != 0) {
            throw new AssertionError("jlink failed: " + jlinkOut);
        }
        Map<String, Path> files = new TreeMap<>();
        files.put("bin/busybox", Path.of(BUSYBOX));
        addTree(files, "jre", jre);
        for (String lib : LIBS) {
            Path p = Path.of("/lib/x86_64-linux-gnu", lib);
            if (Files.exists(p)) {
                files.put("lib/x86_64-linux-gnu/" + lib, p.toRealPath());
            }
        }
        files.put("lib64/ld-linux-x86-64.so.2", Path.of("/lib64/ld-linux-x86-64.so.2").toRealPath());
        StringBuilder load = new StringBuilder();
        for (String m : MODULES) {
            String name = Path.of(m).getFileName().toString();
            files.put("mod/" + name + ".ko", modules.resolve(m + ".ko"));
            load.append(name).append(' ');
        }
        List<String> classPath = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            boolean ours = Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"));
            boolean tests = Files.isDirectory(p) && p.endsWith(Path.of("target", "test-classes"));
            boolean jna = p.getFileName().toString().startsWith("jna-");
            if (ours || jna) {
                String dest = "app/" + n++;
                if (jna) {
                    dest += ".jar";
                    files.put(dest, p);
                } else {
                    addTree(files, dest, p);
                }
                classPath.add("/" + dest);
            } else if (tests) {
                String rel = mainClass.getName().replace('.', '/');
                String dest = "app/" + n++;
                try (Stream<Path> s = Files.list(p.resolve(rel).getParent())) {
                    for (Path c : s.toList()) {
                        String f = c.getFileName().toString();
                        if (f.equals(mainClass.getSimpleName() + ".class") || f.startsWith(mainClass.getSimpleName() + "$")) {
                            files.put(dest + "/" + p.relativize(c).toString(), c);
                        }
                    }
                }
                classPath.add("/" + dest);
            }
        }
        String init = "#!/bin/busybox sh\n/bin/busybox --install -s /bin\n"
                + "mount -t proc proc /proc\nmount -t sysfs sys /sys\nmount -t devtmpfs dev /dev\nmount -t tmpfs tmp /tmp\n"
                + "for m in " + load + "; do insmod /mod/$m.ko || echo \"@@INSMOD $m failed\"; done\n"
                + "i=0; while [ ! -e /dev/sr2 ] && [ $i -lt 20 ]; do sleep 1; i=$((i+1)); done\n"
                + "echo @@BEGIN\n/jre/bin/java -Xshare:off -Djna.tmpdir=/tmp -cp " + String.join(":", classPath) + " "
                + mainClass.getName() + " " + String.join(" ", args) + " 2>&1\necho @@END\npoweroff -f\n";
        Path initrd = work.resolve("initrd.cpio");
        writeNewc(initrd, init, files);
        String disc = medium.toAbsolutePath().toString().replace(",", ",,");
        List<String> cmd = new ArrayList<>(List.of(QEMU, "-accel", "tcg", "-cpu", "max", "-m", "768", "-nographic",
                "-no-reboot", "-nic", "none", "-kernel", kernel.toString(), "-initrd", initrd.toString(), "-append",
                "console=ttyS0 quiet panic=-1",
                "-drive", "if=ide,index=1,media=cdrom,readonly=on,format=raw,file=" + disc,
                "-device", "virtio-scsi-pci,id=scsi",
                "-drive", "if=none,id=cd0,media=cdrom,readonly=on,format=raw,file=" + disc,
                "-device", "scsi-cd,drive=cd0,bus=scsi.0",
                "-drive", "if=none,id=cd1,media=cdrom",
                "-device", "scsi-cd,drive=cd1,bus=scsi.0",
                "-drive", "if=none,id=hd0,format=raw,cache=writethrough,file="
                        + disk.toAbsolutePath().toString().replace(",", ",,"),
                "-device", "scsi-hd,drive=hd0,bus=scsi.0,logical_block_size=2048,physical_block_size=2048"));
        ExternalTools.Result r = ExternalTools.run(Duration.ofSeconds(300), work, cmd);
        String out = r.out().replace("\r", "");
        int from = out.indexOf("@@BEGIN\n");
        int to = out.lastIndexOf("@@END");
        if (from < 0 || to < from) {
            throw new AssertionError("the VM did not run the program (exit " + r.exitCode() + "):\n" + out + r.err());
        }
        if (out.contains("@@INSMOD")) {
            throw new AssertionError("a kernel module did not load:\n" + out);
        }
        return out.substring(from + "@@BEGIN\n".length(), to);
    }

    private static void addTree(Map<String, Path> files, String prefix, Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(prefix + "/" + root.relativize(p).toString().replace('\\', '/'), p);
            }
        }
    }

    /**
     * An initramfs in cpio "newc" format (Documentation/driver-api/early-userspace/buffer-format.rst): the
     * parent directories of every file, then the files, each entry a 110-byte ASCII header, the NUL-terminated
     * name and the data, padded to 4 bytes; "TRAILER!!!" last.
     */
    private static void writeNewc(Path out, String init, Map<String, Path> files) throws IOException {
        java.util.Set<String> dirs = new java.util.TreeSet<>(List.of("bin", "dev", "proc", "sys", "tmp", "mod"));
        for (String f : files.keySet()) {
            for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) {
                dirs.add(f.substring(0, i));
            }
        }
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            int ino = 1;
            for (String d : dirs) {
                entry(o, ino++, 040755, d, new byte[0]);
            }
            entry(o, ino++, 0100755, "init", init.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, Path> f : files.entrySet()) {
                entry(o, ino++, 0100755, f.getKey(), Files.readAllBytes(f.getValue()));
            }
            entry(o, 0, 0, "TRAILER!!!", new byte[0]);
        }
    }

    private static void entry(OutputStream o, int ino, int mode, String name, byte[] data) throws IOException {
        LinuxKernelVm.entry(o, ino, mode, name, data);
    }
}
