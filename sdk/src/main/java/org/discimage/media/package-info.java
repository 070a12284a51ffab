/**
 * Media that sessions are appended to. {@link org.discimage.media.ImageFileMedium} grows an image
 * file the way xorriso grows one (docs/formats.md 4.2-4.4): sessions at 32-block boundaries from
 * LBA 32 and a 64 KiB header at LBA 0 holding a copy of the newest volume descriptors (IMAPI2
 * random-write media). {@link org.discimage.media.SequentialImageMedium} models a write-once disc
 * (CD-R, DVD±R, BD-R) in an image file: sessions at absolute addresses with the gaps closing
 * leaves, found through a table of contents kept beside the image (IMAPI2 sequential media).
 * Both write a session and force it to disk before anything points at it.
 */
package org.discimage.media;
