package org.discimage.media;

import org.discimage.importer.SectorReader;

/**
 * One way of appending a session to a medium (IMAPI2 IMultisession): a medium offers a list of
 * them, at least one even when blank, and {@code FileSystemImage.setMultisessionInterfaces}
 * chooses the one {@link #inUse() in use} or the first usable one.
 */
public interface Multisession {
    /** Whether this mechanism can append to the medium in its current state (IMultisession.IsSupportedOnCurrentMediaState). */
    boolean isSupportedOnCurrentMediaState();

    /** Whether the client asked for this mechanism (IMultisession.InUse). */
    boolean inUse();

    /** Asks for (or releases) this mechanism (IMultisession.put_InUse). */
    void setInUse(boolean inUse);

    /** The medium earlier sessions are read from (IMultisession.ImportRecorder). */
    SectorReader importMedium();
}
