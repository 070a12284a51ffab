package org.discimage;

/** ISO 9660 interchange level (ECMA-119 10). */
public enum IsoLevel {
    /** 8.3 names of d-characters, directory names of 8; one extent per file (files under 4 GiB). */
    LEVEL_1(8, 3, 8),
    /** names of up to 30 characters (name + extension), directory names of 31; one extent per file. */
    LEVEL_2(30, 30, 31),
    /** as level 2, and files over 4 GiB recorded in several extents (multi-extent). */
    LEVEL_3(30, 30, 31);

    private final int maxNameAndExtension;
    private final int maxExtension;
    private final int maxDirectoryName;

    IsoLevel(int maxNameAndExtension, int maxExtension, int maxDirectoryName) {
        this.maxNameAndExtension = maxNameAndExtension;
        this.maxExtension = maxExtension;
        this.maxDirectoryName = maxDirectoryName;
    }

    /** The level number, 1 to 3. */
    public int number() {
        return ordinal() + 1;
    }

    /** The level of that number. */
    public static IsoLevel of(int number) {
        if (number < 1 || number > 3) {
            throw new IllegalArgumentException("ISO 9660 interchange level must be 1, 2 or 3: " + number);
        }
        return values()[number - 1];
    }

    /** Maximum characters of a file name (level 1: of the name part only, 8). */
    public int maxNameAndExtension() {
        return maxNameAndExtension;
    }

    /** Maximum characters of a file extension. */
    public int maxExtension() {
        return maxExtension;
    }

    /** Maximum characters of a directory identifier. */
    public int maxDirectoryName() {
        return maxDirectoryName;
    }

    /** Whether a file may be recorded in several extents (needed for files of 4 GiB and more). */
    public boolean allowsMultiExtent() {
        return this == LEVEL_3;
    }
}
