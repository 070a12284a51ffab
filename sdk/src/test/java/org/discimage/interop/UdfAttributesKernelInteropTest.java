package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.IsoLevel;
import org.discimage.UdfRevision;
import org.discimage.tree.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UDF permissions, owner, group and modification times (ECMA-167 4/14.9: permissions, uid, gid,
 * timestamps with their time zone, UDF 2.60 3.3.3) as the Linux kernel's udf driver reports them
 * with {@code stat}, at a File Entry revision (2.01) and an Extended File Entry one (2.60).
 */
class UdfAttributesKernelInteropTest {
    @TempDir
    Path work;

    private static final Instant T1 = Instant.parse("2021-03-04T05:06:07Z");
    private static final Instant T2 = Instant.parse("2019-12-31T23:59:59Z");

    @Test
    void theKernelSeesModesOwnersAndTimes() throws IOException {
        LinuxKernelVm vm = LinuxKernelVm.require();
        List<Path> images = new ArrayList<>();
        for (UdfRevision rev : List.of(UdfRevision.R2_01, UdfRevision.R2_60)) {
            FileSystemImage image = SdkImages.image(null, EnumSet.of(FileSystem.UDF), IsoLevel.LEVEL_3);
            image.setUdfRevision(rev);
            Item a = image.root().addFile("private.txt", "secret\n".getBytes(StandardCharsets.UTF_8));
            a.setMode(0640);
            a.setOwner(1000, 100);
            a.setTimes(T1);
            Item b = image.root().addFile("bin/run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
            b.setMode(0755);
            b.setOwner(0, 0);
            b.setTimes(T2);
            Path img = work.resolve("attrs-" + rev + ".img");
            image.createResultImage().writeTo(img);
            images.add(img);
        }
        StringBuilder script = new StringBuilder();
        for (Path img : images) {
            script.append("echo '@@MOUNT ").append(img.getFileName()).append("'\n")
                    .append("if mount -t udf -o loop,ro /img/").append(img.getFileName())
                    .append(" /mnt; then stat -c '%a %u %g %Y %n' /mnt/private.txt /mnt/bin/run.sh; umount /mnt;")
                    .append(" else echo @@FAILED; dmesg | tail -3; fi\n");
        }
        String out = vm.run(work, images, script.toString());
        String[] parts = out.split("@@MOUNT ");
        assertEquals(images.size() + 1, parts.length, out);
        for (int i = 1; i < parts.length; i++) {
            assertTrue(!parts[i].contains("@@FAILED"), parts[i]);
            Set<String> lines = new TreeSet<>(parts[i].lines().skip(1).map(String::strip).toList());
            assertEquals(new TreeSet<>(List.of("640 1000 100 " + T1.getEpochSecond() + " /mnt/private.txt",
                    "755 0 0 " + T2.getEpochSecond() + " /mnt/bin/run.sh")), lines, parts[i]);
        }
    }
}
