package org.discimage;

/** What to do with a name a file system cannot hold as given. */
public enum NamePolicy {
    /**
     * Adapt it: map characters outside the file system's set, truncate to its length limit and
     * keep names unique in their directory with a numeric suffix, deterministically.
     * ISO 9660's upper-casing is not counted as adapting.
     */
    MANGLE,
    /**
     * Refuse it: building fails with {@code INVALID_PATH} naming the item (IMAPI2's
     * StrictFileSystemCompliance).
     */
    STRICT
}
