/**
 * Reading what is on a medium: {@link org.discimage.importer.SectorReader} gives 2048-byte sectors by
 * absolute LBA ({@link org.discimage.importer.ImageFileSectorReader} for image files);
 * {@link org.discimage.importer.IsoTreeReader} reads a session's ISO 9660, Joliet and Rock Ridge trees
 * into {@link org.discimage.importer.ImportedEntry} lists through the on-disc record classes of
 * {@code org.discimage.iso9660}, {@code .susp} and {@code .rockridge}. The importer that turns a
 * previous session into a user tree for multisession appends grows from here.
 */
package org.discimage.importer;
