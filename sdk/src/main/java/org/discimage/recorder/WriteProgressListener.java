package org.discimage.recorder;

/**
 * Receives {@link WriteProgress} events on the writing thread (IMAPI2 DDiscFormat2DataEvents::Update); it
 * may call {@link DataWriter#cancel()}. It should return quickly: the drive buffer drains meanwhile.
 */
@FunctionalInterface
public interface WriteProgressListener {
    /** A listener that ignores every event. */
    WriteProgressListener NONE = p -> { };

    /** Called on a phase change and about every 0.5 s while writing. */
    void update(WriteProgress progress);
}
