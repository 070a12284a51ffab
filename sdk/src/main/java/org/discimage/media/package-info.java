/**
 * Media that sessions are appended to. {@link org.discimage.media.ImageFileMedium} grows an image
 * file the way xorriso grows one (docs/formats.md 4.2-4.4): sessions at 32-block boundaries from
 * LBA 32 and a 64 KiB header at LBA 0 holding a copy of the newest volume descriptors.
 */
package org.discimage.media;
