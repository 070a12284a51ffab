package org.discimage;

/**
 * The file systems an image can carry (IMAPI2 FsiFileSystems). Any combination over one shared data
 * area; Rock Ridge extends the ISO 9660 tree and needs {@link #ISO9660}.
 */
public enum FileSystem {
    /** ISO 9660 (ECMA-119) with the chosen interchange level. */
    ISO9660,
    /** Joliet: a second directory tree of UCS-2 names up to 64 characters (SVD, escape %/E). */
    JOLIET,
    /** Rock Ridge (RRIP 1.12 over SUSP): POSIX names, modes, owners, times and symbolic links. */
    ROCK_RIDGE,
    /**
     * UDF (ECMA-167 with the OSTA UDF profiles 1.02 to 2.60). The importer reads every revision; the
     * image builder writes it at 1.02 or 2.01, alone or bridged with ISO 9660 (2.50+ not yet).
     */
    UDF
}
