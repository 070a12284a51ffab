package org.discimage.recorder.emulated;

import java.util.NavigableSet;
import java.util.TreeSet;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/** Injected faults of one drive object (never persisted): medium errors at LBAs and a power loss mid-track. */
final class Faults {
    /** Blocks that fail to read (3/11/00) and to write (3/0C/00). */
    private final NavigableSet<Long> mediumErrors = new TreeSet<>();
    /** Blocks the drive still writes before it loses power; -1 without that fault. */
    private long powerLossAfter = -1;
    private boolean powerLost;
    private final String device;

    Faults(String device) {
        this.device = device;
    }

    void mediumError(long lba) {
        mediumErrors.add(lba);
    }

    void powerLossAfter(long blocks) {
        powerLossAfter = blocks;
    }

    boolean hitsMediumError(long lba, long end) {
        Long first = mediumErrors.ceiling(lba);
        return first != null && first < end;
    }

    /** The blocks of a WRITE of {@code blocks} the drive still takes before the power fails. */
    long writable(long blocks) {
        return powerLossAfter >= 0 ? Math.min(blocks, powerLossAfter) : blocks;
    }

    /** Counts {@code taken} of {@code blocks} written; true when the power failed in this WRITE. */
    boolean wrote(long taken, long blocks) {
        if (powerLossAfter < 0) {
            return false;
        }
        powerLossAfter -= taken;
        if (taken < blocks) {
            powerLost = true;
        }
        return powerLost;
    }

    boolean powerLost() {
        return powerLost;
    }

    DiscImageException powerLoss() {
        return new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, device
                + " lost power (injected fault): the device is gone");
    }
}
