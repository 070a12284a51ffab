/**
 * Internal (not exported): the one implementation of xorriso-compatible session growing on
 * random-write media (docs/formats.md 4.2-4.4) over a small block-device abstraction, shared by
 * image files ({@link org.discimage.media.ImageFileMedium}) and DVD+RW / BD-RE in a recorder
 * ({@code org.discimage.recorder}).
 */
package org.discimage.media.grow;
