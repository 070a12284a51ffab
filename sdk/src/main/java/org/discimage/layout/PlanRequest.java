package org.discimage.layout;

import java.time.Instant;
import java.util.Set;

import org.discimage.FileSystem;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.VolumeIdentifiers;
import org.discimage.tree.Directory;

/**
 * Everything the planner needs: the tree and the settings of a {@code FileSystemImage}.
 *
 * @param sessionStart the LBA the image starts at (0 for a fresh image)
 */
public record PlanRequest(Directory root, Set<FileSystem> fileSystems, IsoLevel isoLevel, NamePolicy namePolicy,
                          VolumeIdentifiers identifiers, Instant creationTime, long sessionStart) {
}
