package org.discimage.media;

/**
 * Appending on sequential (write-once) media with a table of contents: CD-R, DVD±R, BD-R
 * (IMAPI2 IMultisessionSequential and IMultisessionSequential2). Addresses are absolute LBAs.
 */
public interface MultisessionSequential extends Multisession {
    /** Whether the next session is the first data session: nothing to import (blank for data). */
    boolean isFirstDataSession();

    /** First LBA of the last recorded session. */
    long startAddressOfPreviousSession();

    /** Last LBA of the last recorded session. */
    long lastWrittenAddressOfPreviousSession();

    /** The LBA where the new session starts (the drive's NWA). */
    long nextWritableAddress();

    /** Sectors still writable from {@link #nextWritableAddress()}. */
    long freeSectorsOnMedia();

    /** The writable unit in sectors (IMultisessionSequential2.WriteUnitSize). */
    int writeUnitSize();
}
