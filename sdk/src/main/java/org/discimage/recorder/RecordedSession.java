package org.discimage.recorder;

/**
 * One complete session on the disc, as the drive reports it (READ TRACK INFORMATION of its tracks,
 * MMC 6.27): its number, first block and the blocks its tracks cover.
 *
 * @param number   session number, 1 first
 * @param startLba first block of its first track (where its volume descriptors start 16 blocks on)
 * @param blocks   blocks from {@code startLba} through the end of its last track
 */
public record RecordedSession(int number, long startLba, long blocks) {
    /** Checks the fields. */
    public RecordedSession {
        if (number < 1 || startLba < 0 || blocks < 0) {
            throw new IllegalArgumentException("session " + number + " at " + startLba + ", " + blocks + " blocks");
        }
    }
}
