package org.discimage;

/**
 * Receives progress while an image is written (IMAPI2 DFileSystemImageEvents::Update /
 * DDiscFormat2DataEvents). Called on the writing thread, at least once per file and at least every
 * few megabytes; keep it quick. To stop the write, call {@link ImageResult#cancel()} (from any
 * thread) or throw from the listener.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param currentItem    what is being written: the file's path in the image, or a metadata
     *                       description such as "ISO 9660 directories"
     * @param sectorsWritten sectors of the image written so far
     * @param totalSectors   sectors of the whole image
     */
    void progress(String currentItem, long sectorsWritten, long totalSectors);

    /** A listener that ignores everything. */
    ProgressListener NONE = (item, written, total) -> { };
}
