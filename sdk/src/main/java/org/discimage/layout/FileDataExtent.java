package org.discimage.layout;

import org.discimage.source.ContentSource;

/**
 * A file's content: {@code source.size()} bytes, then zeros to the end of the last sector.
 *
 * @param description the file's path in the image
 */
public record FileDataExtent(long lba, long sectors, String description, ContentSource source)
        implements PlannedExtent {
}
