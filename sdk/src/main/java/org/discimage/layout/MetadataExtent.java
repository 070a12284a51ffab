package org.discimage.layout;

import java.util.function.Supplier;

/**
 * Metadata (volume descriptors, path tables, directories, continuation areas) encoded lazily when
 * the image is emitted; {@code producer} gives a fresh cursor for each emission.
 */
public record MetadataExtent(long lba, long sectors, String description, Supplier<SectorProducer> producer)
        implements PlannedExtent {
}
