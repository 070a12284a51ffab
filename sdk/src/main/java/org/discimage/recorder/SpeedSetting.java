package org.discimage.recorder;

/**
 * What a drive made of {@link DataWriter#setWriteSpeed(long)}: IMAPI2 snaps a requested speed to one the
 * drive supports; MMC drives round silently, so this reports whether the command was taken and how.
 *
 * @param requestedKilobytesPerSecond the speed asked for (kB/s of 1000 bytes; {@code Long.MAX_VALUE} = fastest)
 * @param command                     the command sent (SET CD SPEED on CD, SET STREAMING on DVD/BD)
 * @param accepted                    the drive answered GOOD
 * @param answer                      "GOOD", or the sense the drive answered and what it means
 */
public record SpeedSetting(long requestedKilobytesPerSecond, String command, boolean accepted, String answer) {
}
