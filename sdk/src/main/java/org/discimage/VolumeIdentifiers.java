package org.discimage;

import java.util.Objects;

/**
 * The identifiers of the primary volume descriptor (ECMA-119 8.4). Strings are given as the user
 * wants them; each file system records an adapted form (ISO 9660: upper-case d- or a-characters,
 * space padded; Joliet: UCS-2, up to 16 characters for the volume name).
 *
 * @param volumeId          the volume label (ISO 9660: 32 d-characters; Joliet: 16 characters)
 * @param systemId          system identifier (32 a-characters)
 * @param volumeSetId       volume set identifier (128 d-characters)
 * @param publisherId       publisher (128 a-characters)
 * @param dataPreparerId    data preparer (128 a-characters)
 * @param applicationId     application (128 a-characters)
 * @param copyrightFileId   name of a copyright file in the root (37 characters)
 * @param abstractFileId    name of an abstract file in the root (37 characters)
 * @param bibliographicFileId name of a bibliographic file in the root (37 characters)
 */
public record VolumeIdentifiers(String volumeId, String systemId, String volumeSetId, String publisherId,
                                String dataPreparerId, String applicationId, String copyrightFileId,
                                String abstractFileId, String bibliographicFileId) {

    /** Identifiers with every field null-checked (empty strings for "not given"). */
    public VolumeIdentifiers {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(volumeSetId, "volumeSetId");
        Objects.requireNonNull(publisherId, "publisherId");
        Objects.requireNonNull(dataPreparerId, "dataPreparerId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(copyrightFileId, "copyrightFileId");
        Objects.requireNonNull(abstractFileId, "abstractFileId");
        Objects.requireNonNull(bibliographicFileId, "bibliographicFileId");
    }

    /** The defaults: an empty volume label (replaced by a date-based one when the image is built). */
    public static VolumeIdentifiers defaults() {
        return new VolumeIdentifiers("", "", "", "", "", "DISCIMAGE", "", "", "");
    }

    /** A copy with another volume label. */
    public VolumeIdentifiers withVolumeId(String v) {
        return new VolumeIdentifiers(v, systemId, volumeSetId, publisherId, dataPreparerId, applicationId,
                copyrightFileId, abstractFileId, bibliographicFileId);
    }

    /** A copy with another system identifier. */
    public VolumeIdentifiers withSystemId(String v) {
        return new VolumeIdentifiers(volumeId, v, volumeSetId, publisherId, dataPreparerId, applicationId,
                copyrightFileId, abstractFileId, bibliographicFileId);
    }

    /** A copy with another volume set identifier. */
    public VolumeIdentifiers withVolumeSetId(String v) {
        return new VolumeIdentifiers(volumeId, systemId, v, publisherId, dataPreparerId, applicationId,
                copyrightFileId, abstractFileId, bibliographicFileId);
    }

    /** A copy with another publisher identifier. */
    public VolumeIdentifiers withPublisherId(String v) {
        return new VolumeIdentifiers(volumeId, systemId, volumeSetId, v, dataPreparerId, applicationId,
                copyrightFileId, abstractFileId, bibliographicFileId);
    }

    /** A copy with another data preparer identifier. */
    public VolumeIdentifiers withDataPreparerId(String v) {
        return new VolumeIdentifiers(volumeId, systemId, volumeSetId, publisherId, v, applicationId,
                copyrightFileId, abstractFileId, bibliographicFileId);
    }

    /** A copy with another application identifier. */
    public VolumeIdentifiers withApplicationId(String v) {
        return new VolumeIdentifiers(volumeId, systemId, volumeSetId, publisherId, dataPreparerId, v,
                copyrightFileId, abstractFileId, bibliographicFileId);
    }

    /** A copy with other copyright, abstract and bibliographic file identifiers. */
    public VolumeIdentifiers withFileIds(String copyright, String abstractFile, String bibliographic) {
        return new VolumeIdentifiers(volumeId, systemId, volumeSetId, publisherId, dataPreparerId, applicationId,
                copyright, abstractFile, bibliographic);
    }
}
