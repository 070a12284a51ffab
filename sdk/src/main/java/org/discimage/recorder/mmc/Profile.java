package org.discimage.recorder.mmc;

import java.util.Optional;

/**
 * MMC profiles: the medium a drive reports as current in the GET CONFIGURATION header (formats.md §6.1;
 * names as libburn's {@code mmc_obtain_profile_name}). The profile decides everything else: write type,
 * page 05h or not, close functions, multisession method.
 */
public enum Profile {
    /** 0008h. */
    CD_ROM(0x0008, "CD-ROM"),
    /** 0009h. */
    CD_R(0x0009, "CD-R"),
    /** 000Ah. */
    CD_RW(0x000A, "CD-RW"),
    /** 0010h. */
    DVD_ROM(0x0010, "DVD-ROM"),
    /** 0011h. */
    DVD_R_SEQUENTIAL(0x0011, "DVD-R sequential recording"),
    /** 0012h. */
    DVD_RAM(0x0012, "DVD-RAM"),
    /** 0013h. */
    DVD_RW_RESTRICTED_OVERWRITE(0x0013, "DVD-RW restricted overwrite"),
    /** 0014h. */
    DVD_RW_SEQUENTIAL(0x0014, "DVD-RW sequential recording"),
    /** 0015h. */
    DVD_R_DL_SEQUENTIAL(0x0015, "DVD-R/DL sequential recording"),
    /** 0016h. */
    DVD_R_DL_LAYER_JUMP(0x0016, "DVD-R/DL layer jump recording"),
    /** 001Ah. */
    DVD_PLUS_RW(0x001A, "DVD+RW"),
    /** 001Bh. */
    DVD_PLUS_R(0x001B, "DVD+R"),
    /** 002Ah. */
    DVD_PLUS_RW_DL(0x002A, "DVD+RW/DL"),
    /** 002Bh. */
    DVD_PLUS_R_DL(0x002B, "DVD+R/DL"),
    /** 0040h. */
    BD_ROM(0x0040, "BD-ROM"),
    /** 0041h: sequential recording mode. */
    BD_R_SRM(0x0041, "BD-R sequential recording"),
    /** 0042h: random recording mode. */
    BD_R_RRM(0x0042, "BD-R random recording"),
    /** 0043h. */
    BD_RE(0x0043, "BD-RE"),
    /** 0050h. */
    HD_DVD_ROM(0x0050, "HD DVD-ROM"),
    /** 0051h. */
    HD_DVD_R(0x0051, "HD DVD-R"),
    /** 0052h. */
    HD_DVD_RAM(0x0052, "HD DVD-RAM");

    private final int number;
    private final String displayName;

    Profile(int number, String displayName) {
        this.number = number;
        this.displayName = displayName;
    }

    /** The profile number, e.g. 001Bh. */
    public int number() {
        return number;
    }

    /** The medium's name, e.g. "DVD+R". */
    public String displayName() {
        return displayName;
    }

    /** The profile of a number; empty for 0000h (no medium) and numbers this table does not know. */
    public static Optional<Profile> of(int number) {
        for (Profile p : values()) {
            if (p.number == number) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether MODE SELECT of the write parameters page 05h applies (CD-R/RW, DVD-R/-RW sequential, DVD-R DL
     * sequential); never for DVD+R/+RW, DVD-RAM or BD (formats.md §6.3, libburn's
     * {@code mmc_compose_mode_page_5}).
     */
    public boolean usesWriteParametersPage() {
        return switch (this) {
            case CD_R, CD_RW, DVD_R_SEQUENTIAL, DVD_RW_SEQUENTIAL, DVD_R_DL_SEQUENTIAL -> true;
            default -> false;
        };
    }
}
