package org.discimage.layout;

/**
 * One contiguous run of sectors of the plan: metadata produced sector by sector, file data copied
 * from its source, or zeros.
 */
public sealed interface PlannedExtent permits MetadataExtent, FileDataExtent, ZeroExtent {
    /** First LBA (absolute, counted from the start of the medium). */
    long lba();

    /** Number of 2048-byte sectors. */
    long sectors();

    /** What the extent holds, for progress and for {@code ImageExtent}. */
    String description();
}
