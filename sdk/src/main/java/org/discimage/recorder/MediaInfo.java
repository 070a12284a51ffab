package org.discimage.recorder;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.discimage.PhysicalMediaType;

/**
 * The state of the disc in a recorder (IMAPI2 IDiscFormat2Data's CurrentMediaStatus,
 * CurrentPhysicalMediaType, NextWritableAddress, FreeSectorsOnMedia, TotalSectorsOnMedia,
 * StartAddressOfPreviousSession), read from GET CONFIGURATION, READ DISC INFORMATION and READ TRACK
 * INFORMATION at the time {@link DiscRecorder#media()} was called.
 *
 * @param type                 the physical media type of the current profile ({@code UNKNOWN} without a disc)
 * @param states               the medium's conditions
 * @param sessions             the complete sessions, oldest first
 * @param nextWritableAddress  the NWA of the invisible (or incomplete) track; -1 when the disc takes no writes
 * @param freeSectors          blocks writable from the NWA; 0 when closed
 * @param totalSectors         the capacity: NWA + free on an appendable disc, else the recorded blocks
 * @param lastSessionStart     first block of the newest complete session; -1 on a blank disc
 * @param writeUnit            blocks per write unit (1 CD, 16 DVD, 32 BD), IMultisessionSequential2.WriteUnitSize
 */
public record MediaInfo(PhysicalMediaType type, Set<MediaState> states, List<RecordedSession> sessions,
        long nextWritableAddress, long freeSectors, long totalSectors, long lastSessionStart, int writeUnit) {
    /** Copies the collections. */
    public MediaInfo {
        Objects.requireNonNull(type, "type");
        states = Set.copyOf(states);
        sessions = List.copyOf(sessions);
        if (writeUnit < 1) {
            throw new IllegalArgumentException("write unit " + writeUnit);
        }
    }

    /** Whether {@code state} is among {@link #states()}. */
    public boolean is(MediaState state) {
        return states.contains(state);
    }
}
