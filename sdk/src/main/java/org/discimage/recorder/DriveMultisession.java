package org.discimage.recorder;

import org.discimage.importer.SectorReader;
import org.discimage.media.MultisessionSequential;

/**
 * The disc in a recorder as IMAPI2's IMultisessionSequential2 presents it, frozen at the state read when
 * {@link DiscRecorder#multisessionInterfaces()} was called (IMAPI2 hands out a snapshot as well): addresses
 * absolute, the import medium read through the drive.
 */
final class DriveMultisession implements MultisessionSequential {
    private final MediaInfo media;
    private final boolean writable;
    private final SectorReader reader;
    private boolean inUse;

    DriveMultisession(MediaInfo media, boolean writable, SectorReader reader) {
        this.media = media;
        this.writable = writable;
        this.reader = reader;
    }

    @Override
    public boolean isSupportedOnCurrentMediaState() {
        return writable && media.nextWritableAddress() >= 0 && media.freeSectors() > 0
                && !media.is(MediaState.FINALIZED) && !media.is(MediaState.DAMAGED);
    }

    @Override
    public boolean inUse() {
        return inUse;
    }

    @Override
    public void setInUse(boolean inUse) {
        this.inUse = inUse;
    }

    @Override
    public SectorReader importMedium() {
        return reader;
    }

    @Override
    public boolean isFirstDataSession() {
        return media.sessions().isEmpty();
    }

    /** The first block of the newest complete session; 0 on a blank disc (as IMAPI2). */
    @Override
    public long startAddressOfPreviousSession() {
        return Math.max(0, media.lastSessionStart());
    }

    /** The last block of the newest complete session's last track; -1 on a blank disc. */
    @Override
    public long lastWrittenAddressOfPreviousSession() {
        if (media.sessions().isEmpty()) {
            return -1;
        }
        RecordedSession last = media.sessions().get(media.sessions().size() - 1);
        return last.startLba() + last.blocks() - 1;
    }

    @Override
    public long nextWritableAddress() {
        return media.nextWritableAddress();
    }

    @Override
    public long freeSectorsOnMedia() {
        return media.freeSectors();
    }

    @Override
    public int writeUnitSize() {
        return media.writeUnit();
    }

    @Override
    public String toString() {
        return "sequential multisession on " + reader + ": NWA " + media.nextWritableAddress() + ", previous session at "
                + media.lastSessionStart();
    }
}
