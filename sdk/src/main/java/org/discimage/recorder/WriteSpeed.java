package org.discimage.recorder;

/**
 * A write speed the drive offers for the loaded medium (GET PERFORMANCE type 03h write speed descriptor,
 * MMC 6.8.5), in kB/s of 1000 bytes as MMC counts them.
 *
 * @param kilobytesPerSecond the write speed
 * @param endLba             the capacity the drive assumes at this speed
 * @param exact              the drive writes exactly at this speed (Exact bit)
 */
public record WriteSpeed(long kilobytesPerSecond, long endLba, boolean exact) {
}
