package org.discimage;

/**
 * The physical media types of IMAPI2 ({@code IMAPI_MEDIA_PHYSICAL_TYPE}), with IMAPI2's numbers, for
 * {@link FileSystemImage#chooseImageDefaultsForMediaType(PhysicalMediaType)}.
 */
public enum PhysicalMediaType {
    /** Unknown or empty (0). */
    UNKNOWN(0, Family.OTHER, 0),
    /** CD-ROM (1). */
    CDROM(1, Family.CD, Family.CD_BLOCKS),
    /** CD-R (2). */
    CDR(2, Family.CD, Family.CD_BLOCKS),
    /** CD-RW (3). */
    CDRW(3, Family.CD, Family.CD_BLOCKS),
    /** DVD-ROM (4). */
    DVDROM(4, Family.DVD, Family.DVD_BLOCKS),
    /** DVD-RAM (5): 4.7 GB, 2,236,704 blocks. */
    DVDRAM(5, Family.DVD, 2_236_704),
    /** DVD+R (6). */
    DVDPLUSR(6, Family.DVD, Family.DVD_BLOCKS),
    /** DVD+RW (7). */
    DVDPLUSRW(7, Family.DVD, Family.DVD_BLOCKS),
    /** DVD+R dual layer (8). */
    DVDPLUSR_DUALLAYER(8, Family.DVD, Family.DVD_DL_BLOCKS),
    /** DVD-R (9). */
    DVDDASHR(9, Family.DVD, Family.DVD_BLOCKS),
    /** DVD-RW (10). */
    DVDDASHRW(10, Family.DVD, Family.DVD_BLOCKS),
    /** DVD-R dual layer (11). */
    DVDDASHR_DUALLAYER(11, Family.DVD, Family.DVD_DL_BLOCKS),
    /** Random-access media with defect management, the MMC "Disc" profile (12). */
    DISK(12, Family.OTHER, 0),
    /** DVD+RW dual layer (13). */
    DVDPLUSRW_DUALLAYER(13, Family.DVD, Family.DVD_DL_BLOCKS),
    /** HD DVD-ROM (14). */
    HDDVDROM(14, Family.HD_DVD, Family.HD_DVD_BLOCKS),
    /** HD DVD-R (15). */
    HDDVDR(15, Family.HD_DVD, Family.HD_DVD_BLOCKS),
    /** HD DVD-RAM (16). */
    HDDVDRAM(16, Family.HD_DVD, Family.HD_DVD_BLOCKS),
    /** BD-ROM (17). */
    BDROM(17, Family.BD, Family.BD_BLOCKS),
    /** BD-R (18). */
    BDR(18, Family.BD, Family.BD_BLOCKS),
    /** BD-RE (19). */
    BDRE(19, Family.BD, Family.BD_BLOCKS);

    /** Which defaults a medium gets. */
    enum Family {
        CD, DVD, HD_DVD, BD, OTHER;

        /** An 80-minute CD: 80 min x 60 s x 75 sectors. */
        static final long CD_BLOCKS = 360_000;
        /** A single-layer DVD±R(W), 4.7 GB: DVD+R's 2,295,104 blocks (DVD-R has a few more). */
        static final long DVD_BLOCKS = 2_295_104;
        /** A dual-layer DVD, 8.5 GB: DVD-R DL's 4,171,712 blocks (DVD+R DL has a few more). */
        static final long DVD_DL_BLOCKS = 4_171_712;
        /** A single-layer HD DVD, 15 GB: 15 x 10^9 / 2048 blocks, rounded down (nominal). */
        static final long HD_DVD_BLOCKS = 7_324_218;
        /** A single-layer BD, 25 GB: 12,219,392 blocks. */
        static final long BD_BLOCKS = 12_219_392;
    }

    private final int code;
    private final Family family;
    private final long nominalBlocks;

    PhysicalMediaType(int code, Family family, long nominalBlocks) {
        this.code = code;
        this.family = family;
        this.nominalBlocks = nominalBlocks;
    }

    /** IMAPI2's number for the type. */
    public int code() {
        return code;
    }

    /**
     * The capacity of the medium's usual single-layer (or dual-layer, where the type says so) size in
     * 2048-byte blocks: a budget, not a measurement (a drive reports the real free blocks); 0 for
     * {@link #UNKNOWN} and {@link #DISK}.
     */
    public long nominalBlocks() {
        return nominalBlocks;
    }

    Family family() {
        return family;
    }

    /** The type whose IMAPI2 number is {@code code}, or null. */
    public static PhysicalMediaType ofCode(int code) {
        for (PhysicalMediaType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
