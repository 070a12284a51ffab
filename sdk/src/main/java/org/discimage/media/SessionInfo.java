package org.discimage.media;

/**
 * One session found on a medium.
 *
 * @param number      1 for the first session
 * @param startLba    the session's first block (its system area; its volume descriptors are 16 on)
 * @param sectors     the volume space size its own primary volume descriptor records
 * @param volumeId    the volume identifier of that descriptor (ECMA-119 8.4.6), trailing spaces removed
 */
public record SessionInfo(int number, long startLba, long sectors, String volumeId) {
}
