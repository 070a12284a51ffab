package org.discimage.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.media.ImageFileMedium;
import org.discimage.media.SessionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux kernel's isofs driver (Debian's 6.1, in a qemu VM) on image files grown session by
 * session: mounted plainly it shows the newest tree; mounted with {@code sbsector=START} it shows
 * each session's own tree — while xorriso's session chain, which needs every session's PVD to hold
 * the session's own size (formats.md 3.5), stays intact.
 *
 * <p>What this test found (issue 6, point 9). isofs refuses every SUSP continuation area at or
 * past the mounted PVD's volume space size ("rock: corrupted directory entry. extent=56 out of
 * volume (nzones=30)"), and it switches from Rock Ridge to Joliet unless it has read an ER. A
 * session mounted with {@code sbsector=} has a PVD with its own size and continuation areas at
 * absolute addresses beyond it, so the ER, which the root's "." record sends to a continuation
 * area (as xorriso and genisoimage do), is never read there:
 * <ul>
 * <li>without Joliet the kernel uses Rock Ridge anyway, and every session mounts with names,
 * modes and symbolic links;</li>
 * <li>with Joliet such a mount shows the Joliet tree (no links, no modes). Moving the ER into the
 * root's record was tried: the kernel then reads Rock Ridge, but bsdtar requires a Rock Ridge
 * entry in that record too ("Tried to parse Rockridge extensions, but none found" once it has
 * switched to Joliet) and pycdlib an ER named IEEE_P1282 or a 44-byte PX there ("Inconsistent
 * Rock Ridge versions on the ISO!"). SP 7 + ER 182/183 + NM 5 + CE 28 exceeds the 221 bytes of
 * that record by one or two bytes with the ER texts the standard prescribes; dropping the root's
 * CE loses its PX (isoinfo then shows "." as d---------). So the layout stays the peers' one and
 * the choice is the file-system set: leave Joliet out where older sessions must mount with
 * Rock Ridge under Linux (plain mounts of the newest session read Rock Ridge either way, since
 * the header's PVD holds the absolute end).</li>
 * </ul>
 */
class KernelIsofsInteropTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final Pattern TOC = Pattern.compile("ISO session\\s*:\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)s");

    @TempDir
    Path work;

    private interface Fill {
        void fill(FileSystemImage image) throws IOException;
    }

    private static void session(Path img, Set<FileSystem> fs, Fill fill) throws IOException {
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            FileSystemImage image = new FileSystemImage(CLOCK);
            medium.prepare(image);
            image.setFileSystems(fs);
            image.setVolumeName("KERNEL_TEST");
            fill.fill(image);
            medium.append(image.createResultImage());
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "joliet={0}")
    @ValueSource(booleans = {false, true})
    void everySessionMounts(boolean joliet) throws IOException {
        LinuxKernelVm vm = LinuxKernelVm.require();
        ExternalTools.assumeTool("xorriso");
        Set<FileSystem> fs = joliet ? Set.of(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE)
                : Set.of(FileSystem.ISO9660, FileSystem.ROCK_RIDGE);
        Path img = work.resolve("grown.iso");
        session(img, fs, image -> {
            image.root().addFile("dir/One.txt", text("one\n"));
            image.root().addSymlink("link", "dir/One.txt");
            image.root().addFile("Private Notes.txt", text("private\n")).setMode(0640);
        });
        session(img, fs, image -> image.root().addFile("Second Session.txt", text("two\n")));
        session(img, fs, image -> {
            image.root().remove("Private Notes.txt");
            image.root().addFile("dir/Three.txt", text("three\n"));
        });
        List<SessionInfo> sessions;
        try (ImageFileMedium medium = ImageFileMedium.open(img)) {
            sessions = medium.sessions();
        }
        assertEquals(3, sessions.size(), sessions.toString());

        // xorriso's chain (session-relative PVD sizes) must still list the three sessions
        Matcher toc = TOC.matcher(ExternalTools.runOk(work, "xorriso", "-indev", img.toString(), "-toc").out());
        List<Long> starts = new ArrayList<>();
        while (toc.find()) {
            starts.add(Long.parseLong(toc.group(2)));
        }
        assertEquals(sessions.stream().map(SessionInfo::startLba).toList(), starts, "xorriso -toc");

        StringBuilder script = new StringBuilder();
        List<String> mounts = new ArrayList<>();
        mounts.add("");
        for (SessionInfo s : sessions) {
            mounts.add(",sbsector=" + s.startLba());
        }
        for (String opts : mounts) {
            script.append("echo '@@MOUNT ").append(opts).append("'\n")
                    .append("if mount -t iso9660 -o loop,ro").append(opts).append(" /img/grown.iso /mnt; then ")
                    .append("ls -lnR /mnt; cat /mnt/dir/One.txt; umount /mnt; else echo '@@FAILED'; fi\n");
        }
        script.append("echo '@@DMESG'; dmesg | grep -i -E 'iso|rock'\n");
        String out = vm.run(work, List.of(img), script.toString());
        String[] parts = out.split("@@MOUNT |@@DMESG");
        assertEquals(mounts.size() + 2, parts.length, out);
        for (int i = 0; i < mounts.size(); i++) {
            String listing = parts[i + 1];
            int session = i == 0 ? sessions.size() : i;
            String where = "mount -o loop,ro" + mounts.get(i) + " (session " + session + "):\n" + listing
                    + "\nkernel log:\n" + parts[parts.length - 1];
            assertFalse(listing.contains("@@FAILED"), where);
            assertTrue(listing.contains("one\n"), where);
            boolean rockRidge = !joliet || i == 0;
            // a symlink and a mode are Rock Ridge only: Joliet shows neither
            assertEquals(rockRidge, Pattern.compile("(?m)^l\\S+ .* link -> dir/One\\.txt$").matcher(listing).find(),
                    where);
            assertEquals(rockRidge, Pattern.compile("(?m)^-rw-r--r-- .* One\\.txt$").matcher(listing).find(), where);
            assertEquals(rockRidge && session <= 2, Pattern.compile("(?m)^-rw-r----- .* Private Notes\\.txt$")
                    .matcher(listing).find(), where);
            assertEquals(session <= 2, listing.contains(" Private Notes.txt\n"), where);
            assertEquals(session >= 2, listing.contains(" Second Session.txt\n"), where);
            assertEquals(session >= 3, listing.contains(" Three.txt\n"), where);
        }
    }
}
