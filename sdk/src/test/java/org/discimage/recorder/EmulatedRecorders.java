package org.discimage.recorder;

import org.discimage.error.DiscImageException;
import org.discimage.recorder.emulated.EmulatedDrive;

/**
 * Test access to {@link DiscRecorder} over an {@link EmulatedDrive} the test holds, so it can inject faults and
 * simulate the recording speed ({@link DiscMaster#open(String)} hides the drive).
 */
public final class EmulatedRecorders {
    private EmulatedRecorders() {
    }

    /** A recorder over {@code drive}; closing the recorder closes the drive. */
    public static DiscRecorder over(EmulatedDrive drive) throws DiscImageException {
        return DiscRecorder.over(drive);
    }
}
