package org.discimage.recorder;

import java.time.Duration;

/** Receives the progress of {@link Eraser#erase()} (IMAPI2 DDiscFormat2EraseEvents::Update). */
@FunctionalInterface
public interface EraseProgressListener {
    /** A listener that ignores every event. */
    EraseProgressListener NONE = (elapsed, total) -> { };

    /**
     * Called after the erase command was taken and about once a second while the drive works.
     *
     * @param elapsed        time since the erase began
     * @param estimatedTotal the estimate of the whole erase from the drive's progress indication (sense bytes
     *                       16..17); zero while the drive gives none
     */
    void update(Duration elapsed, Duration estimatedTotal);
}
