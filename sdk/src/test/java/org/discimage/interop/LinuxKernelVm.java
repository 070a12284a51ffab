package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs a shell script inside a throw-away Linux VM (qemu, software emulation) whose initramfs
 * holds static busybox, the kernel's own isofs, udf, loop and cdrom modules, and the given image files,
 * so tests can ask the real kernel isofs driver what it sees in our images (this machine's own
 * kernel has no iso9660 support and mounting needs privileges CI may not have). Debian packages:
 * qemu-system-x86, linux-image-amd64 (kernel 6.1 on bookworm), busybox-static.
 */
final class LinuxKernelVm {
    private static final String QEMU = "qemu-system-x86_64";
    private static final String BUSYBOX = "/bin/busybox";
    private static final String[] MODULES = {
        "kernel/drivers/cdrom/cdrom.ko", "kernel/lib/crc-itu-t.ko", "kernel/drivers/block/loop.ko",
        "kernel/fs/isofs/isofs.ko", "kernel/fs/udf/udf.ko"};

    private final Path kernel;
    private final Path modules;

    private LinuxKernelVm(Path kernel, Path modules) {
        this.kernel = kernel;
        this.modules = modules;
    }

    /**
     * The VM of this machine's installed Debian kernel; skips the test (fails it under CI=true)
     * when qemu, a kernel with uncompressed isofs/loop modules, or static busybox is missing.
     */
    static LinuxKernelVm require() throws IOException {
        String missing = null;
        Path kernel = null;
        Path modules = null;
        if (ExternalTools.onPath(QEMU) == null) {
            missing = QEMU;
        } else if (!Files.isExecutable(Path.of(BUSYBOX))) {
            missing = BUSYBOX;
        } else if (Files.isDirectory(Path.of("/boot"))) {
            try (DirectoryStream<Path> boot = Files.newDirectoryStream(Path.of("/boot"), "vmlinuz-*")) {
                for (Path k : boot) {
                    String version = k.getFileName().toString().substring("vmlinuz-".length());
                    Path m = Path.of("/lib/modules", version);
                    if (Files.isReadable(k) && hasModules(m) && (kernel == null || k.compareTo(kernel) > 0)) {
                        kernel = k;
                        modules = m;
                    }
                }
            }
        }
        if (missing == null && kernel == null) {
            missing = "a /boot/vmlinuz-* with isofs.ko, udf.ko, loop.ko, cdrom.ko and crc-itu-t.ko under /lib/modules";
        }
        if (missing != null) {
            String why = "the kernel isofs check needs " + missing
                    + "; .ci/run installs: apt-get install -y qemu-system-x86 linux-image-amd64 busybox-static";
            if (ExternalTools.inCi()) {
                fail(why + " -- CI=true, so this is a failure, not a skip");
            }
            Assumptions.assumeTrue(false, why);
        }
        return new LinuxKernelVm(kernel, modules);
    }

    private static boolean hasModules(Path dir) {
        for (String m : MODULES) {
            if (!Files.isRegularFile(dir.resolve(m))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Boots the VM with {@code images} under /img (by file name) and runs {@code script} (busybox
     * sh, the modules loaded, /mnt free; mount UDF with {@code mount -t udf -o loop,ro[,session=N]}
     * and ISO 9660 with {@code -t iso9660 -o loop,ro[,sbsector=N]}); returns what the script
     * printed between the markers.
     */
    String run(Path work, List<Path> images, String script) throws IOException {
        Path initrd = work.resolve("initrd.cpio");
        Map<String, byte[]> files = new LinkedHashMap<>();
        String init = "#!/bin/busybox sh\n/bin/busybox --install -s /bin\n"
                + "mount -t proc proc /proc\nmount -t devtmpfs dev /dev\n"
                + "for m in cdrom crc-itu-t loop isofs udf; do insmod /mod/$m.ko || echo \"@@INSMOD $m failed\"; done\n"
                + "echo @@BEGIN\n" + script + "\necho @@END\npoweroff -f\n";
        files.put("init", init.getBytes(StandardCharsets.UTF_8));
        files.put("bin/busybox", Files.readAllBytes(Path.of(BUSYBOX)));
        for (String m : MODULES) {
            files.put("mod/" + Path.of(m).getFileName(), Files.readAllBytes(modules.resolve(m)));
        }
        for (Path img : images) {
            files.put("img/" + img.getFileName(), Files.readAllBytes(img));
        }
        writeNewc(initrd, List.of("bin", "dev", "proc", "mnt", "mod", "img"), files);
        List<String> cmd = new ArrayList<>(List.of(QEMU, "-accel", "tcg", "-cpu", "max", "-m", "384",
                "-nographic", "-no-reboot", "-nic", "none", "-kernel", kernel.toString(), "-initrd", initrd.toString(),
                "-append", "console=ttyS0 quiet panic=-1"));
        ExternalTools.Result r = ExternalTools.run(Duration.ofSeconds(300), work, cmd);
        String out = r.out().replace("\r", "");
        int from = out.indexOf("@@BEGIN\n");
        int to = out.lastIndexOf("@@END");
        if (from < 0 || to < from) {
            throw new AssertionError("the VM did not run the script (exit " + r.exitCode() + "):\n" + out + r.err());
        }
        if (out.contains("@@INSMOD")) {
            throw new AssertionError("a kernel module did not load:\n" + out);
        }
        return out.substring(from + "@@BEGIN\n".length(), to);
    }

    /**
     * Writes a cpio archive in the "newc" format the kernel unpacks as initramfs
     * (Documentation/driver-api/early-userspace/buffer-format.rst): per entry a 110-byte ASCII
     * header, the NUL-terminated name and the data, each padded to 4 bytes; then "TRAILER!!!".
     */
    private static void writeNewc(Path out, List<String> dirs, Map<String, byte[]> files) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            int ino = 1;
            for (String d : dirs) {
                entry(o, ino++, 040755, d, new byte[0]);
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                entry(o, ino++, 0100755, f.getKey(), f.getValue());
            }
            entry(o, 0, 0, "TRAILER!!!", new byte[0]);
        }
    }

    /** One cpio "newc" entry (header, name, data, each padded to 4 bytes); DriveVm writes its initramfs with it. */
    static void entry(OutputStream o, int ino, int mode, String name, byte[] data) throws IOException {
        byte[] n = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        StringBuilder h = new StringBuilder("070701");
        // ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor, namesize, check
        for (long v : new long[] {ino, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, n.length, 0}) {
            h.append(String.format("%08x", v));
        }
        o.write(h.toString().getBytes(StandardCharsets.US_ASCII));
        o.write(n);
        o.write(new byte[(4 - (110 + n.length) % 4) % 4]);
        o.write(data);
        o.write(new byte[(4 - data.length % 4) % 4]);
    }
}
