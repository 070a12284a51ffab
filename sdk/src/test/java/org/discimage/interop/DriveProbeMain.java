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

    /** Probes each device given. */
    public static void main(String[] args) throws Exception {
        p("drives", OpticalDrives.list().stream().map(OpticalDrive::toString).collect(Collectors.joining(";")));
        for (String dev : args) {
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
