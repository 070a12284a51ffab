package org.discimage.interop;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Collectors;

import org.discimage.recorder.mmc.CapacityData;
import org.discimage.recorder.mmc.Configuration;
import org.discimage.recorder.mmc.DiscInformation;
import org.discimage.recorder.mmc.GetConfiguration;
import org.discimage.recorder.mmc.InquiryData;
import org.discimage.recorder.mmc.MmcCommand;
import org.discimage.recorder.mmc.MmcExecutor;
import org.discimage.recorder.mmc.ModeSense10;
import org.discimage.recorder.mmc.ReadTrackInformation;
import org.discimage.recorder.mmc.RequestSense;
import org.discimage.recorder.mmc.SenseData;
import org.discimage.recorder.mmc.SetCdSpeed;
import org.discimage.recorder.mmc.StartStopUnit;
import org.discimage.recorder.mmc.SynchronizeCache;
import org.discimage.recorder.mmc.PreventAllowMediumRemoval;
import org.discimage.recorder.mmc.Read10;
import org.discimage.recorder.mmc.Read12;
import org.discimage.recorder.mmc.ReadCapacity;
import org.discimage.recorder.mmc.ReadDiscInformation;
import org.discimage.recorder.mmc.ReadTocPmaAtip;
import org.discimage.recorder.mmc.ScsiCommandException;
import org.discimage.recorder.mmc.TestUnitReady;
import org.discimage.recorder.mmc.Toc;
import org.discimage.recorder.mmc.Write10;
import org.discimage.recorder.transport.OpticalDrive;
import org.discimage.recorder.transport.OpticalDrives;
import org.discimage.recorder.transport.ScsiTransport;

/**
 * Runs inside {@link DriveVm}: enumerates the drives, sends discimage's MMC commands over SG_IO to each
 * device named on the command line, and prints one {@code @device.key=value} line per answer for
 * {@link EmulatedDriveInteropTest} to check.
 */
public final class DriveProbeMain {
    private DriveProbeMain() {
    }

    private static void p(String key, Object value) {
        System.out.println("@" + key + "=" + value);
    }

    private static ByteBuffer run(ScsiTransport t, MmcCommand c) throws Exception {
        ByteBuffer b = ByteBuffer.allocateDirect(c.transferLength());
        MmcExecutor.execute(t, c, b, c.defaultTimeout());
        return b.flip();
    }

    private static String sha(ByteBuffer b) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(b);
        return HexFormat.of().formatHex(md.digest());
    }

    private static String failure(ScsiCommandException e) {
        return e.sense().triple() + " " + e.disposition() + " " + e.code().imapiName();
    }

    /** Executes a command, the data read (if any) discarded: "GOOD" or the decoded failure. */
    private static String attempt(ScsiTransport t, MmcCommand c) throws Exception {
        try {
            if (c.direction() == org.discimage.recorder.transport.DataDirection.FROM_DEVICE) {
                run(t, c);
            } else {
                MmcExecutor.execute(t, c);
            }
            return "GOOD";
        } catch (ScsiCommandException e) {
            return failure(e);
        }
    }

    /** The sg device of the first SCSI direct-access device (type 0), from sysfs. */
    private static String diskSg() throws Exception {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(
                java.nio.file.Path.of("/sys/class/scsi_generic"))) {
            for (java.nio.file.Path p : s.sorted().toList()) {
                if (java.nio.file.Files.readString(p.resolve("device/type")).strip().equals("0")) {
                    return "/dev/" + p.getFileName();
                }
            }
        }
        throw new IllegalStateException("no SCSI disk");
    }

    /** A block of {@code blocks} × 2048 bytes whose every byte depends on the seed and its position. */
    static ByteBuffer pattern(int seed, int blocks) {
        ByteBuffer b = ByteBuffer.allocateDirect(blocks * 2048);
        for (int i = 0; i < b.capacity(); i++) {
            b.put(i, (byte) (i * 31 + seed + (i >>> 11) * 7));
        }
        return b;
    }

    /** WRITE(10)/(12), SYNCHRONIZE CACHE, READ back, MODE SENSE/SELECT on qemu's SCSI disk (2048-byte blocks). */
    private static void disk() throws Exception {
        String dev = diskSg();
        p("disk.device", dev);
        try (ScsiTransport t = OpticalDrives.open(dev)) {
            InquiryData inq = MmcExecutor.inquiry(t);
            p("disk.inquiry", inq.deviceType() + "|" + inq.vendor() + "|" + inq.product());
            // no sd driver consumed the power-on unit attention: the first TEST UNIT READY reports it
            p("disk.tur1", attempt(t, new TestUnitReady()));
            p("disk.tur2", attempt(t, new TestUnitReady()));
            CapacityData cap = CapacityData.decode(run(t, new ReadCapacity()));
            p("disk.capacity", cap.lastLba() + "|" + cap.blockLength());
            ByteBuffer a = pattern(1, 2);
            MmcExecutor.execute(t, new Write10(5, 2), a, Duration.ofSeconds(30));
            p("disk.write10", "GOOD|" + a.remaining());
            ByteBuffer b = pattern(2, 3);
            MmcExecutor.execute(t, new org.discimage.recorder.mmc.Write12(100, 3, false), b, Duration.ofSeconds(30));
            p("disk.write12", "GOOD|" + b.remaining());
            p("disk.sync", attempt(t, new SynchronizeCache(false)));
            p("disk.read10", run(t, new Read10(5, 2)).equals(pattern(1, 2)));
            p("disk.read12", run(t, new Read12(100, 3, true)).equals(pattern(2, 3)));
            try {
                MmcExecutor.execute(t, new Write10(cap.lastLba() + 1, 1), pattern(3, 1), Duration.ofSeconds(30));
                p("disk.writebeyond", "GOOD");
            } catch (ScsiCommandException e) {
                p("disk.writebeyond", failure(e));
            }
            // caching page 08h: read it, send it back unchanged with MODE SELECT(10)
            ModeSense10 sense08 = new ModeSense10(true, ModeSense10.PageControl.CURRENT, 0x08, 8 + 2 + 0xFF);
            ByteBuffer reply = run(t, sense08);
            int pageOffset = 8 + (((reply.get(6) & 0xFF) << 8) | (reply.get(7) & 0xFF));
            int pageLength = (reply.get(pageOffset + 1) & 0xFF) + 2;
            byte[] list = new byte[8 + pageLength];
            reply.position(pageOffset).get(list, 8, pageLength);
            list[8] &= 0x3F; // PS is reserved in MODE SELECT
            p("disk.page08", String.format("%02X|%d", list[8], pageLength));
            p("disk.modeselect", attempt(t, new org.discimage.recorder.mmc.ModeSelect10(list)));
        }
    }

    /** Probes each device given. */
    public static void main(String[] args) throws Exception {
        p("drives", OpticalDrives.list().stream().map(OpticalDrive::toString).collect(Collectors.joining(";")));
        for (String dev : args) {
            if (dev.equals("--disk")) {
                try {
                    disk();
                } catch (Exception e) {
                    p("disk.error", e);
                }
                continue;
            }
            try (ScsiTransport t = OpticalDrives.open(dev)) {
                InquiryData inq = MmcExecutor.inquiry(t);
                p(dev + ".inquiry", inq.deviceType() + "|" + inq.removable() + "|" + inq.vendor() + "|" + inq.product());
                try {
                    MmcExecutor.execute(t, new TestUnitReady());
                    p(dev + ".tur", "GOOD");
                } catch (ScsiCommandException e) {
                    p(dev + ".tur", failure(e));
                    continue;
                }
                Configuration cfg = Configuration.decode(run(t, new GetConfiguration(
                        GetConfiguration.RequestType.ALL, 0, 4096)));
                p(dev + ".profile", String.format("%04X", cfg.currentProfile()));
                p(dev + ".profiles", cfg.profiles().stream().map(e -> String.format("%04X%s", e.number(),
                        e.current() ? "*" : "")).collect(Collectors.joining(",")));
                CapacityData cap = CapacityData.decode(run(t, new ReadCapacity()));
                p(dev + ".capacity", cap.lastLba() + "|" + cap.blockLength());
                for (boolean msf : new boolean[] {false, true}) {
                    Toc toc = Toc.decode(run(t, new ReadTocPmaAtip(ReadTocPmaAtip.Format.TOC, msf, 1, 804)), msf);
                    p(dev + ".toc" + (msf ? "msf" : ""), toc.firstTrack() + "|" + toc.lastTrack() + "|"
                            + toc.entries().stream().map(e -> e.track() + ":" + e.lba() + ":" + e.isData())
                                    .collect(Collectors.joining(",")));
                }
                org.discimage.recorder.mmc.SessionInfo si = org.discimage.recorder.mmc.SessionInfo.decode(
                        run(t, ReadTocPmaAtip.sessionInfo()), false);
                p(dev + ".session", si.firstCompleteSession() + "|" + si.lastCompleteSession() + "|"
                        + si.lastSessionStart());
                p(dev + ".performance", attempt(t, org.discimage.recorder.mmc.GetPerformance.writeSpeeds(8)));
                DiscInformation di = DiscInformation.decode(run(t, new ReadDiscInformation()));
                p(dev + ".discinfo", di.discStatus() + "|" + di.lastSessionState() + "|" + di.sessions() + "|"
                        + di.firstTrackInLastSession() + "|" + di.lastTrackInLastSession() + "|" + di.erasable());
                p(dev + ".read10", sha(run(t, new Read10(16, 1))));
                p(dev + ".read12", sha(run(t, new Read12(16, 1, false))));
                p(dev + ".read10x32", sha(run(t, new Read10(0, 32))));
                try {
                    run(t, new Read10(cap.lastLba() + 1000, 1));
                    p(dev + ".readbeyond", "GOOD");
                } catch (ScsiCommandException e) {
                    p(dev + ".readbeyond", failure(e));
                }
                try {
                    MmcExecutor.execute(t, new Write10(0, 1), ByteBuffer.allocateDirect(2048), Duration.ofSeconds(10));
                    p(dev + ".write", "GOOD");
                } catch (ScsiCommandException e) {
                    p(dev + ".write", failure(e));
                }
                MmcExecutor.execute(t, new PreventAllowMediumRemoval(true));
                MmcExecutor.execute(t, new PreventAllowMediumRemoval(false));
                p(dev + ".lock", "GOOD");
                p(dev + ".page05", attempt(t, ModeSense10.writeParameters()));
                p(dev + ".trackinfo", attempt(t, ReadTrackInformation.track(1)));
                p(dev + ".cdspeed", attempt(t, new SetCdSpeed(SetCdSpeed.MAXIMUM, SetCdSpeed.MAXIMUM)));
                p(dev + ".sync", attempt(t, new SynchronizeCache(false)));
                ByteBuffer sense = run(t, new RequestSense());
                byte[] raw = new byte[sense.remaining()];
                sense.get(raw);
                p(dev + ".requestsense", SenseData.decode(raw).triple());
                if (dev.equals("/dev/sr1")) {
                    p(dev + ".eject", attempt(t, StartStopUnit.eject()));
                    p(dev + ".turEjected", attempt(t, new TestUnitReady()));
                    p(dev + ".load", attempt(t, StartStopUnit.load()));
                    p(dev + ".turLoaded", attempt(t, new TestUnitReady()));
                    p(dev + ".turLoaded2", attempt(t, new TestUnitReady()));
                }
            } catch (Exception e) {
                p(dev + ".error", e);
            }
        }
        p("end", "ok");
    }
}
