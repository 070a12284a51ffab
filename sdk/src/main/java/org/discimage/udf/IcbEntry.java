package org.discimage.udf;

/**
 * What a {@link FileEntry} (ECMA-167 4/14.9) and an {@link ExtendedFileEntry} (4/14.17) share, so a
 * reader can treat both alike.
 */
public sealed interface IcbEntry permits FileEntry, ExtendedFileEntry {
    /** The descriptor tag. */
    DescriptorTag tag();

    /** The ICB tag. */
    IcbTag icbTag();

    /** Owner (0xFFFFFFFF: not specified). */
    long uid();

    /** Group (0xFFFFFFFF: not specified). */
    long gid();

    /** Permissions (4/14.9.5): other bits 0-4, group 5-9, owner 10-14. */
    long permissions();

    /** File link count. */
    int fileLinkCount();

    /** Information length: the bytes of the file. */
    long informationLength();

    /** Access time. */
    Timestamp accessTime();

    /** Modification time. */
    Timestamp modificationTime();

    /** Attribute time. */
    Timestamp attributeTime();

    /** Unique ID. */
    long uniqueId();

    /** The extended attributes (L_EA bytes). */
    byte[] extendedAttributes();

    /** The allocation descriptors, or the embedded data (L_AD bytes). */
    byte[] allocationDescriptors();

    /** The stream directory ICB of an EFE, null for an FE (which has none). */
    LongAllocationDescriptor streamDirectory();

    /** The offset of the allocation descriptor area in the entry (176 + L_EA or 216 + L_EA). */
    int allocationDescriptorsOffset();
}
