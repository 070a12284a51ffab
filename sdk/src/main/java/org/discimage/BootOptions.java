package org.discimage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.source.ContentSource;

/**
 * One El Torito boot entry (IMAPI2 {@code IBootOptions}): the boot image, the platform it boots,
 * its emulation, load segment and sector count, the catalog's manufacturer id and whether a
 * boot-info table is patched into the written copy.
 *
 * <p>Like IMAPI2's {@code AssignBootImage}, {@link #assignBootImage(ContentSource)} switches the
 * emulation to the floppy type whose size the image has exactly (1,228,800 / 1,474,560 /
 * 2,949,120 bytes), and to no emulation otherwise; {@link #setEmulation} overrides it afterwards.
 * A mismatch between emulation and size is refused when the entry is given to
 * {@link FileSystemImage#setBootImageOptions} ({@code IMAPI_E_BOOT_EMULATION_IMAGE_SIZE_MISMATCH}).
 *
 * <p>The boot image is hidden by default, as with IMAPI2: it is written once as an extent no
 * directory record names. To make it visible, add the same {@link ContentSource} object to the
 * tree as a file (e.g. {@code /boot/boot.img}): the entry then points at that file's data, written
 * once. An image with a boot-info table is always a hidden copy, since the table changes its bytes
 * (the file in the tree keeps the source's). The boot catalog is always hidden.
 */
public final class BootOptions {
    /** El Torito 1.0 2.5 / 2.6: the default load segment, 07C0h (a catalog value of 0 means the same). */
    public static final int DEFAULT_LOAD_SEGMENT = 0x07C0;
    /** As mkisofs's and xorriso's default boot-load-size: four 512-byte virtual sectors (one CD sector). */
    public static final int DEFAULT_NO_EMULATION_SECTORS = 4;

    /** El Torito 1.0 2.1 Platform ID (IMAPI2 {@code PlatformId}). */
    public enum Platform {
        /** 80x86 (BIOS), 0. */
        X86(0),
        /** PowerPC, 1. */
        POWER_PC(1),
        /** Mac, 2. */
        MAC(2),
        /** UEFI, EFh (the UEFI specification's addition to El Torito). */
        EFI(0xEF);

        private final int id;

        Platform(int id) {
            this.id = id;
        }

        /** The catalog's platform id byte. */
        public int id() {
            return id;
        }
    }

    /** El Torito 1.0 2.2 boot media type (IMAPI2 {@code EmulationType}). */
    public enum Emulation {
        /** No emulation: the image is loaded as is, {@link #sectorCount()} virtual sectors of it. */
        NONE(0, -1),
        /** 1.2 MB diskette. */
        FLOPPY_1_2(1, 1_228_800),
        /** 1.44 MB diskette. */
        FLOPPY_1_44(2, 1_474_560),
        /** 2.88 MB diskette. */
        FLOPPY_2_88(3, 2_949_120),
        /** Hard disk: the image starts with an MBR holding one partition. */
        HARD_DISK(4, -1);

        private final int mediaType;
        private final long floppySize;

        Emulation(int mediaType, long floppySize) {
            this.mediaType = mediaType;
            this.floppySize = floppySize;
        }

        /** The catalog's boot media type (low nibble of byte 1 of an entry). */
        public int mediaType() {
            return mediaType;
        }

        /** For a floppy type the exact image size in bytes it needs; -1 otherwise. */
        public long floppySize() {
            return floppySize;
        }
    }

    private ContentSource image;
    private Platform platform = Platform.X86;
    private Emulation emulation = Emulation.NONE;
    private int loadSegment = DEFAULT_LOAD_SEGMENT;
    private int sectorCount = -1;
    private String manufacturer = "";
    private boolean bootInfoTable;

    /** Options with no boot image yet (as IMAPI2's fresh {@code BootOptions} object). */
    public BootOptions() {
    }

    /** Options for {@code image}, the emulation chosen by its size ({@link #assignBootImage}). */
    public static BootOptions of(ContentSource image) {
        BootOptions o = new BootOptions();
        o.assignBootImage(image);
        return o;
    }

    /** Options for the host file {@code file}, the emulation chosen by its size. */
    public static BootOptions of(Path file) throws IOException {
        return of(ContentSource.of(file));
    }

    /**
     * Sets the boot image (IMAPI2 {@code AssignBootImage}) and the emulation its size implies: the
     * floppy type of exactly that size, else no emulation.
     */
    public BootOptions assignBootImage(ContentSource source) {
        this.image = Objects.requireNonNull(source, "source");
        this.emulation = Emulation.NONE;
        for (Emulation e : Emulation.values()) {
            if (e.floppySize == source.size()) {
                this.emulation = e;
            }
        }
        return this;
    }

    /** The boot image, or null before one is assigned. */
    public ContentSource bootImage() {
        return image;
    }

    /** The boot image's size in bytes (IMAPI2 {@code ImageSize}); 0 without one. */
    public long imageSize() {
        return image == null ? 0 : image.size();
    }

    /** The platform of the catalog entry (IMAPI2 {@code PlatformId}). */
    public Platform platform() {
        return platform;
    }

    /** Sets the platform of the catalog entry. */
    public BootOptions setPlatform(Platform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
        return this;
    }

    /** The emulation (IMAPI2 {@code Emulation}). */
    public Emulation emulation() {
        return emulation;
    }

    /** Overrides the emulation {@link #assignBootImage} chose. */
    public BootOptions setEmulation(Emulation emulation) {
        this.emulation = Objects.requireNonNull(emulation, "emulation");
        return this;
    }

    /** The real-mode segment the image is loaded at (x86 only; El Torito 1.0 2.5). */
    public int loadSegment() {
        return loadSegment;
    }

    /**
     * Sets the load segment, 0 to FFFFh (0 is recorded as is and means 07C0h to the BIOS).
     *
     * @throws IllegalArgumentException outside 0..FFFFh
     */
    public BootOptions setLoadSegment(int segment) {
        if (segment < 0 || segment > 0xFFFF) {
            throw new IllegalArgumentException("load segment " + segment + " is not 0..0xFFFF");
        }
        this.loadSegment = segment;
        return this;
    }

    /**
     * The number of 512-byte virtual sectors the firmware loads (El Torito 1.0 2.5 Sector Count): the
     * one set, else with emulation 1 (as mkisofs records; the BIOS then reads the emulated medium
     * itself), for a no-emulation EFI image its whole size (as xorriso records: UEFI firmware loads
     * the image, a FAT file system, by this count; at most FFFFh), otherwise 4 (mkisofs's and
     * xorriso's boot-load-size default: one CD sector).
     */
    public int sectorCount() {
        if (sectorCount >= 0) {
            return sectorCount;
        }
        if (emulation != Emulation.NONE) {
            return 1;
        }
        if (platform == Platform.EFI) {
            return (int) Math.min(0xFFFF, Math.max(1, (imageSize() + 511) / 512));
        }
        return DEFAULT_NO_EMULATION_SECTORS;
    }

    /**
     * Sets the sector count, 1 to FFFFh; -1 restores the default.
     *
     * @throws IllegalArgumentException outside that range
     */
    public BootOptions setSectorCount(int count) {
        if (count != -1 && (count < 1 || count > 0xFFFF)) {
            throw new IllegalArgumentException("sector count " + count + " is not 1..0xFFFF");
        }
        this.sectorCount = count;
        return this;
    }

    /** The manufacturer/developer id of the catalog (IMAPI2 {@code Manufacturer}); 24 ASCII bytes at most. */
    public String manufacturer() {
        return manufacturer;
    }

    /**
     * Sets the manufacturer id (El Torito 1.0 2.1 ID string, 24 bytes); recorded in the validation
     * entry (first entry) or the section header of the entry's platform.
     *
     * @throws IllegalArgumentException for more than 24 characters or non-ASCII ones
     */
    public BootOptions setManufacturer(String id) {
        Objects.requireNonNull(id, "id");
        if (id.length() > 24 || !id.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("manufacturer id '" + id + "' is not at most 24 printable ASCII characters");
        }
        this.manufacturer = id;
        return this;
    }

    /** Whether the boot-info table is patched into the written copy (mkisofs -boot-info-table). */
    public boolean bootInfoTable() {
        return bootInfoTable;
    }

    /**
     * Asks for the boot-info table: bytes 8..63 of the written copy of a no-emulation image become
     * the LBA of the PVD, the image's LBA and length and a checksum of its bytes from 64 on (the
     * source is not modified).
     */
    public BootOptions setBootInfoTable(boolean on) {
        this.bootInfoTable = on;
        return this;
    }

    /**
     * Checks the entry as {@link FileSystemImage#setBootImageOptions} does; {@code index} names it in
     * messages.
     *
     * @throws DiscImageException {@code BOOT_IMAGE_DATA} without an image or with an empty one, a
     *                            boot-info table without room for it (64 bytes) or with emulation;
     *                            {@code BOOT_EMULATION_IMAGE_SIZE_MISMATCH} for a floppy image of
     *                            another size
     */
    void validate(int index) throws DiscImageException {
        String what = "boot entry " + index;
        if (image == null || image.size() == 0) {
            throw new DiscImageException(ErrorCode.BOOT_IMAGE_DATA, what + " has " + (image == null
                    ? "no boot image" : "an empty boot image (" + image.description() + ")"));
        }
        if (emulation.floppySize > 0 && image.size() != emulation.floppySize) {
            throw new DiscImageException(ErrorCode.BOOT_EMULATION_IMAGE_SIZE_MISMATCH, what + " emulates a "
                    + emulation + " diskette of " + emulation.floppySize + " bytes but " + image.description()
                    + " holds " + image.size());
        }
        if (bootInfoTable && emulation != Emulation.NONE) {
            throw new DiscImageException(ErrorCode.BOOT_IMAGE_DATA, what + ": a boot-info table is patched only"
                    + " into a no-emulation image, not into a " + emulation + " one");
        }
        if (bootInfoTable && image.size() < 64) {
            throw new DiscImageException(ErrorCode.BOOT_IMAGE_DATA, what + ": " + image.description() + " holds "
                    + image.size() + " bytes, too few for a boot-info table (bytes 8..63)");
        }
        if (bootInfoTable && !image.isRepeatable()) {
            throw new DiscImageException(ErrorCode.BOOT_IMAGE_DATA, what + ": " + image.description()
                    + " can be read only once");
        }
        if (emulation == Emulation.HARD_DISK && image.size() < 512) {
            throw new DiscImageException(ErrorCode.BOOT_EMULATION_IMAGE_SIZE_MISMATCH, what + ": hard-disk emulation"
                    + " needs an image starting with a 512-byte MBR, " + image.description() + " holds " + image.size());
        }
    }
}
