package org.discimage.recorder;

/**
 * One condition of the loaded medium, as IMAPI2's {@code IMAPI_FORMAT2_DATA_MEDIA_STATE} bits
 * (docs/imapi2.md §3); a {@link MediaInfo} holds a set of them instead of a bit mask.
 */
public enum MediaState {
    /** Writes may land anywhere (DVD+RW, BD-RE, DVD-RAM: OVERWRITE_ONLY 0x1). */
    OVERWRITE_ONLY,
    /** Nothing recorded yet (BLANK 0x2, READ DISC INFORMATION disc status 0). */
    BLANK,
    /** More sessions can be added (APPENDABLE 0x4, disc status 1). */
    APPENDABLE,
    /** At most one more session fits: the free space is below the write unit or 2 % (FINAL_SESSION 0x8). */
    FINAL_SESSION,
    /** The disc is damaged (DAMAGED 0x400: last session state 2, or a damaged track without NWA). */
    DAMAGED,
    /** The disc refuses writes (WRITE_PROTECTED 0x2000). */
    WRITE_PROTECTED,
    /** The disc is closed: no session can be added (FINALIZED 0x4000, disc status 2). */
    FINALIZED,
    /** The drive holds no disc (IMAPI2 reports UNKNOWN; sense 2/3A). */
    NO_MEDIA,
    /** A medium the data writer cannot record (pressed ROM discs, unknown profiles: UNSUPPORTED_MEDIA 0x8000). */
    UNSUPPORTED_MEDIA
}
