package org.discimage.recorder.emulated;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.discimage.media.SequentialImageMedium;

/**
 * The media an {@link EmulatedDrive} can hold, with their MMC profile numbers (formats.md §6.1), how they are
 * written and the write speeds the emulated drive offers for them.
 *
 * <p>The speed lists are a model, not measurements: 1× is 176,400 B/s on CD, 1,385,000 B/s on DVD and
 * 4,495,500 B/s on BD (formats.md §6.2 quotes libburn's 176.4 / 1385 / 4496 kB/s), the multiples those
 * common drives of each medium advertise [unconfirmed: no drive was measured].
 */
public enum EmulatedProfile {
    /** CD-R (0009h), track-at-once, write-once. */
    CD_R("cdr", "CD-R", 0x0009, Family.CD, SequentialImageMedium.Profile.CD_R, false,
            1, 2, 4, 8, 10, 16, 24, 32, 40, 48, 52),
    /**
     * CD-RW (000Ah): CD-R's sequential recording plus BLANK. Its files are a CD-R's (the TOC names CD-R), so
     * the kind is what the caller opens them as [model limit].
     */
    CD_RW("cdrw", "CD-RW", 0x000A, Family.CD, SequentialImageMedium.Profile.CD_R, true, 1, 2, 4, 10, 16, 24),
    /** DVD-R sequential (0011h), incremental, write-once. */
    DVD_MINUS_R("dvdr", "DVD-R", 0x0011, Family.DVD, SequentialImageMedium.Profile.DVD_MINUS_R, false,
            1, 2, 4, 6, 8, 12, 16),
    /** DVD-RW sequential (0014h): DVD-R's incremental recording plus BLANK; its files are a DVD-R's, as CD-RW's. */
    DVD_MINUS_RW("dvdrw", "DVD-RW", 0x0014, Family.DVD, SequentialImageMedium.Profile.DVD_MINUS_R, true,
            1, 2, 4, 6),
    /** DVD+R (001Bh), write-once. */
    DVD_PLUS_R("dvdplusr", "DVD+R", 0x001B, Family.DVD, SequentialImageMedium.Profile.DVD_PLUS_R, false,
            1, 2, 4, 6, 8, 12, 16),
    /** DVD+RW (001Ah): random write after FORMAT UNIT type 26h. */
    DVD_PLUS_RW("dvdplusrw", "DVD+RW", 0x001A, Family.DVD, null, true, 1, 2, 4, 8),
    /** BD-R SRM (0041h), write-once. */
    BD_R("bdr", "BD-R", 0x0041, Family.BD, SequentialImageMedium.Profile.BD_R, false, 1, 2, 4, 6, 8, 12, 16),
    /** BD-RE (0043h): random write after FORMAT UNIT type 00h, 30h or 31h. */
    BD_RE("bdre", "BD-RE", 0x0043, Family.BD, null, true, 1, 2);

    /** Medium families: they decide 1× and which speed command applies (formats.md §6.3). */
    enum Family {
        /** 1× = 75 sectors of 2352 bytes per second = 176,400 B/s. */
        CD(176_400),
        /** 1× = 1,385,000 B/s (11.08 Mbit/s). */
        DVD(1_385_000),
        /** 1× = 4,495,500 B/s (35.964 Mbit/s). */
        BD(4_495_500);

        final long oneX;

        Family(long oneX) {
            this.oneX = oneX;
        }
    }

    private final String shortName;
    private final String label;
    private final int mmcProfile;
    private final Family family;
    private final SequentialImageMedium.Profile sequential;
    private final boolean erasable;
    private final int[] speeds;

    EmulatedProfile(String shortName, String label, int mmcProfile, Family family,
            SequentialImageMedium.Profile sequential, boolean erasable, int... speeds) {
        this.shortName = shortName;
        this.label = label;
        this.mmcProfile = mmcProfile;
        this.family = family;
        this.sequential = sequential;
        this.erasable = erasable;
        this.speeds = speeds;
    }

    /**
     * The profile named {@code name}: the short names cdr, cdrw, dvdr, dvdrw, dvdplusr, dvdplusrw, bdr, bdre
     * or the MMC names ("CD-R", "DVD+RW", "BD-RE", …), case-insensitive.
     *
     * @throws IllegalArgumentException for another name, listing the accepted ones
     */
    public static EmulatedProfile parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (EmulatedProfile p : values()) {
            if (p.shortName.equals(n) || p.label.toLowerCase(Locale.ROOT).equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown emulated medium \"" + name + "\"; known: "
                + Arrays.stream(values()).map(p -> p.shortName + " (" + p.label + ")")
                        .collect(Collectors.joining(", ")));
    }

    /** The profile of a write-once medium of {@link SequentialImageMedium}. */
    public static EmulatedProfile of(SequentialImageMedium.Profile profile) {
        for (EmulatedProfile p : values()) {
            if (p.sequential == profile && !p.erasable) {
                return p;
            }
        }
        throw new IllegalArgumentException("no emulated profile for " + profile);
    }

    /** The MMC name, e.g. "DVD+RW". */
    public String label() {
        return label;
    }

    /** The short name {@link #parse} accepts, e.g. "dvdplusrw". */
    public String shortName() {
        return shortName;
    }

    /** The MMC profile number (GET CONFIGURATION current profile). */
    public int mmcProfile() {
        return mmcProfile;
    }

    /** Whether the medium is written at random after formatting (DVD+RW, BD-RE). */
    public boolean randomWritable() {
        return sequential == null;
    }

    /** Whether READ DISC INFORMATION reports the medium erasable (CD-RW, DVD-RW, DVD+RW, BD-RE). */
    public boolean erasable() {
        return erasable;
    }

    /** The sequential model of a write-once or blankable medium; {@code null} for the random-write ones. */
    public SequentialImageMedium.Profile sequential() {
        return sequential;
    }

    Family family() {
        return family;
    }

    /** The write speeds offered, in bytes per second, fastest first (GET PERFORMANCE lists them so). */
    long[] writeSpeeds() {
        long[] r = new long[speeds.length];
        for (int i = 0; i < speeds.length; i++) {
            r[i] = speeds[speeds.length - 1 - i] * family.oneX;
        }
        return r;
    }

    /** The offered speed nearest to {@code bytesPerSecond} (the fastest for 0xFFFF kB/s, "as fast as possible"). */
    long snapSpeed(long bytesPerSecond) {
        long best = -1;
        for (long s : writeSpeeds()) {
            if (best < 0 || Math.abs(s - bytesPerSecond) < Math.abs(best - bytesPerSecond)) {
                best = s;
            }
        }
        return best;
    }
}
