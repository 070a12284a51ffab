package org.discimage.recorder;

import org.discimage.importer.SectorReader;
import org.discimage.media.MultisessionRandomWrite;
import org.discimage.media.grow.GrownSessions;

/**
 * A DVD+RW or BD-RE in a recorder as IMAPI2's IMultisessionRandomWrite presents it, frozen at the state read
 * when {@link DiscRecorder#multisessionInterfaces()} was called: the newest tree is imported from LBA 0 (the
 * header's copy of its descriptors) through the drive, the new session goes to the end rounded up to 32 blocks.
 */
final class DriveRandomWrite implements MultisessionRandomWrite {
    private final MediaInfo media;
    private final SectorReader reader;
    private boolean inUse;

    DriveRandomWrite(MediaInfo media, SectorReader reader) {
        this.media = media;
        this.reader = reader;
    }

    /**
     * Whether a session can be appended: the disc takes writes (an NWA), and its first session does not sit at
     * LBA 0 (a growisofs -Z image): the header rewrite would overwrite that session's descriptors and any file
     * data it keeps in blocks 0..31, which only {@link org.discimage.media.ImageFileMedium#prepare} copies away.
     */
    @Override
    public boolean isSupportedOnCurrentMediaState() {
        boolean atZero = !media.sessions().isEmpty() && media.sessions().get(0).startLba() == 0;
        return media.nextWritableAddress() >= 0 && media.freeSectors() > 0 && !atZero
                && !media.is(MediaState.WRITE_PROTECTED);
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

    /**
     * 32 blocks, libisoburn's session alignment, not the physical write unit (16 on DVD+RW): FileSystemImage
     * starts the new session at the last written block + 1 rounded up to this, which must be the NWA the disc
     * reports (a multiple of both the DVD ECC block and the BD cluster).
     */
    @Override
    public int writeUnitSize() {
        return GrownSessions.HEADER_SECTORS;
    }

    /** The last block of the newest session; -1 on a blank disc. */
    @Override
    public long lastWrittenAddress() {
        if (media.sessions().isEmpty()) {
            return -1;
        }
        RecordedSession last = media.sessions().get(media.sessions().size() - 1);
        return last.startLba() + last.blocks() - 1;
    }

    /** The formatted capacity (the capacity formatting will give on an unformatted disc). */
    @Override
    public long totalSectorsOnMedia() {
        return media.totalSectors();
    }

    @Override
    public String toString() {
        return "random-write multisession on " + reader + ": NWA " + media.nextWritableAddress() + ", "
                + media.sessions().size() + " sessions";
    }
}
