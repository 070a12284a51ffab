package org.discimage.media;

/**
 * Appending on media without physical sessions: DVD+RW, DVD-RW restricted overwrite, DVD-RAM,
 * BD-RE and image files (IMAPI2 IMultisessionRandomWrite). The newest tree is found from LBA 0
 * (the copy of the newest volume descriptors at LBA 16, docs/formats.md 4.2), so the import
 * reads the session at LBA 0.
 */
public interface MultisessionRandomWrite extends Multisession {
    /** Every write starts on, and covers a multiple of, this many sectors. */
    int writeUnitSize();

    /** The highest LBA used so far; -1 on a blank medium. */
    long lastWrittenAddress();

    /** The capacity of the medium in sectors. */
    long totalSectorsOnMedia();
}
