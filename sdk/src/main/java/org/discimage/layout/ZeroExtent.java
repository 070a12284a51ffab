package org.discimage.layout;

/** Sectors of zeros (the system area, padding). */
public record ZeroExtent(long lba, long sectors, String description) implements PlannedExtent {
}
