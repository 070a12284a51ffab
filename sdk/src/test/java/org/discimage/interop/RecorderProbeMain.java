package org.discimage.interop;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.discimage.error.DiscImageException;
import org.discimage.media.MultisessionSequential;
import org.discimage.recorder.DataWriter;
import org.discimage.recorder.DiscMaster;
import org.discimage.recorder.DiscRecorder;
import org.discimage.recorder.Eraser;
import org.discimage.recorder.MediaInfo;

/**
 * Runs inside {@link DriveVm}: the recording API ({@link DiscMaster}, {@link DiscRecorder}, {@link DataWriter},
 * {@link Eraser}) on the kernel's real SG_IO path to qemu's drives, one {@code @key=value} line per answer.
 */
public final class RecorderProbeMain {
    private RecorderProbeMain() {
    }

    private static void p(String key, Object value) {
        System.out.println("@" + key + "=" + value);
    }

    private static String fail(Exception e) {
        return e instanceof DiscImageException d ? d.code().imapiName() : e.toString();
    }

    /** Probes each device named. */
    public static void main(String[] args) throws Exception {
        p("ids", DiscMaster.recorderIds());
        for (String dev : args) {
            try (DiscRecorder r = DiscMaster.open(dev)) {
                p(dev + ".identity", r.vendor() + "|" + r.product() + "|" + !r.revision().isEmpty());
                p(dev + ".current", r.currentProfile());
                p(dev + ".profiles", r.supportedProfiles());
                MediaInfo m = r.media();
                p(dev + ".states", new java.util.TreeSet<>(m.states()));
                p(dev + ".type", m.type());
                p(dev + ".sessions", m.sessions());
                p(dev + ".nwa", m.nextWritableAddress() + "|" + m.freeSectors() + "|" + m.lastSessionStart());
                p(dev + ".speeds", r.writeSpeeds());
                MultisessionSequential ms = (MultisessionSequential) r.multisessionInterfaces().get(0);
                p(dev + ".appendable", ms.isSupportedOnCurrentMediaState());
                p(dev + ".count", r.sectors().sectorCount());
                ByteBuffer b = ByteBuffer.allocate(3 * 2048);
                int n = r.sectors().read(15, b);
                p(dev + ".read", n + "|" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(java.util.Arrays.copyOfRange(b.array(), 2048, 4096))));
                ByteBuffer end = ByteBuffer.allocate(4 * 2048);
                p(dev + ".readEnd", r.sectors().read(r.sectors().sectorCount() - 2, end));
                try {
                    new Eraser(r).erase();
                    p(dev + ".erase", "GOOD");
                } catch (DiscImageException e) {
                    p(dev + ".erase", fail(e));
                }
                p(dev + ".speed", new DataWriter(r).setWriteSpeed(Long.MAX_VALUE).accepted());
                if (dev.equals("/dev/sr1")) {
                    r.eject();
                    p(dev + ".ejected", r.media().states());
                    r.closeTray();
                    p(dev + ".loaded", r.currentProfile());
                }
            } catch (Exception e) {
                p(dev + ".error", e);
            }
        }
        p("end", "ok");
    }
}
