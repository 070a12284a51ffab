package org.discimage.layout;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.discimage.BootOptions;
import org.discimage.FileSystem;
import org.discimage.IsoLevel;
import org.discimage.NamePolicy;
import org.discimage.UdfRevision;
import org.discimage.VolumeIdentifiers;
import org.discimage.tree.Directory;

/**
 * Everything the planner needs: the tree and the settings of a {@code FileSystemImage}.
 *
 * @param sessionStart the LBA the image starts at (0 for a fresh image)
 * @param udfRevision  the UDF revision written when {@code fileSystems} holds UDF
 * @param bootImages   the El Torito boot entries, the first the default one; empty for a
 *                     non-bootable image
 */
public record PlanRequest(Directory root, Set<FileSystem> fileSystems, IsoLevel isoLevel, NamePolicy namePolicy,
                          VolumeIdentifiers identifiers, Instant creationTime, long sessionStart,
                          UdfRevision udfRevision, List<BootOptions> bootImages) {
    /** A request without boot images. */
    public PlanRequest(Directory root, Set<FileSystem> fileSystems, IsoLevel isoLevel, NamePolicy namePolicy,
                       VolumeIdentifiers identifiers, Instant creationTime, long sessionStart,
                       UdfRevision udfRevision) {
        this(root, fileSystems, isoLevel, namePolicy, identifiers, creationTime, sessionStart, udfRevision, List.of());
    }

    /** A request with the default UDF revision, 2.01. */
    public PlanRequest(Directory root, Set<FileSystem> fileSystems, IsoLevel isoLevel, NamePolicy namePolicy,
                       VolumeIdentifiers identifiers, Instant creationTime, long sessionStart) {
        this(root, fileSystems, isoLevel, namePolicy, identifiers, creationTime, sessionStart, UdfRevision.R2_01);
    }
}
