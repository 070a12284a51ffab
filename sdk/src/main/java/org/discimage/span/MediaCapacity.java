package org.discimage.span;

import java.util.Locale;

import org.discimage.PhysicalMediaType;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/**
 * The capacity of one disc of a set, in 2048-byte blocks, by medium name or as a number.
 *
 * <table>
 *   <caption>media names</caption>
 *   <tr><th>name</th><th>blocks</th><th>where the number comes from</th></tr>
 *   <tr><td>CD</td><td>359,847</td><td>the writable size a drive reports for an 80-minute (700 MB) CD-R: the
 *       ATIP lead-out start 79:59:72 less the 150-block pregap (the nominal 80 x 60 x 75 = 360,000 of
 *       {@link PhysicalMediaType#CDR} counts blocks no recorder can write)</td></tr>
 *   <tr><td>DVD</td><td>2,295,104</td><td>{@link PhysicalMediaType#DVDPLUSR}, 4.7 GB</td></tr>
 *   <tr><td>DVD_DL</td><td>4,171,712</td><td>{@link PhysicalMediaType#DVDDASHR_DUALLAYER}, 8.5 GB</td></tr>
 *   <tr><td>BD25</td><td>12,219,392</td><td>{@link PhysicalMediaType#BDR}, single-layer BD-R</td></tr>
 *   <tr><td>BD50</td><td>24,438,784</td><td>dual-layer BD-R, twice BD25 (50,050,629,632 bytes, the size
 *       BD-R DL blanks are sold and reported with)</td></tr>
 *   <tr><td>BD100</td><td>48,878,592</td><td>triple-layer BD-R XL (100,103,356,416 bytes as sold); no drive
 *       was asked here: give {@code --capacity} for other XL media</td></tr>
 * </table>
 *
 * @param blocks the capacity in 2048-byte blocks
 * @param label  how the capacity was named, for messages
 */
public record MediaCapacity(long blocks, String label) {
    /** The bytes of one block. */
    public static final int BLOCK_SIZE = 2048;

    /** An 80-minute CD-R as a drive reports it (see the table). */
    public static final MediaCapacity CD = new MediaCapacity(359_847, "CD");
    /** A single-layer DVD±R. */
    public static final MediaCapacity DVD = new MediaCapacity(PhysicalMediaType.DVDPLUSR.nominalBlocks(), "DVD");
    /** A dual-layer DVD. */
    public static final MediaCapacity DVD_DL = new MediaCapacity(
            PhysicalMediaType.DVDDASHR_DUALLAYER.nominalBlocks(), "DVD_DL");
    /** A single-layer BD-R, 25 GB. */
    public static final MediaCapacity BD25 = new MediaCapacity(PhysicalMediaType.BDR.nominalBlocks(), "BD25");
    /** A dual-layer BD-R, 50 GB. */
    public static final MediaCapacity BD50 = new MediaCapacity(2 * PhysicalMediaType.BDR.nominalBlocks(), "BD50");
    /** A triple-layer BD-R XL, 100 GB. */
    public static final MediaCapacity BD100 = new MediaCapacity(48_878_592, "BD100");

    /** Checks the block count. */
    public MediaCapacity {
        if (blocks <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + blocks + " blocks");
        }
        if (label == null || label.isEmpty()) {
            label = blocks + " blocks";
        }
    }

    /** A capacity of {@code blocks} 2048-byte blocks. */
    public static MediaCapacity ofBlocks(long blocks) {
        return new MediaCapacity(blocks, blocks + " blocks");
    }

    /** A capacity of {@code bytes} bytes, rounded down to whole blocks. */
    public static MediaCapacity ofBytes(long bytes) {
        return new MediaCapacity(bytes / BLOCK_SIZE, bytes + " bytes");
    }

    /** The capacity in bytes. */
    public long bytes() {
        return blocks * BLOCK_SIZE;
    }

    /**
     * A medium by name (CD, DVD, DVD_DL, BD25, BD50, BD100; case and {@code -} for {@code _} do not
     * matter), or a number: bytes, with an optional suffix {@code k}, {@code m}, {@code g} (powers of
     * 1000, as media are sold), {@code KiB}/{@code MiB}/{@code GiB}, or {@code s} for 2048-byte blocks.
     *
     * @throws DiscImageException INVALID_PARAM for anything else or a capacity under one block
     */
    public static MediaCapacity parse(String text) throws DiscImageException {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        switch (t) {
            case "CD": return CD;
            case "DVD": return DVD;
            case "DVD_DL": case "DVDDL": return DVD_DL;
            case "BD": case "BD25": return BD25;
            case "BD50": return BD50;
            case "BD100": return BD100;
            default: break;
        }
        String[][] suffixes = {{"KIB", "1024"}, {"MIB", "1048576"}, {"GIB", "1073741824"},
                {"K", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"S", "2048"}, {"B", "1"}};
        long unit = 1;
        String digits = t;
        for (String[] s : suffixes) {
            if (t.endsWith(s[0])) {
                unit = Long.parseLong(s[1]);
                digits = t.substring(0, t.length() - s[0].length()).trim();
                break;
            }
        }
        try {
            long n = Math.multiplyExact(Long.parseLong(digits), unit);
            if (n / BLOCK_SIZE <= 0) {
                throw new DiscImageException(ErrorCode.INVALID_PARAM, "capacity " + text + " is less than one block");
            }
            return new MediaCapacity(n / BLOCK_SIZE, text.trim());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DiscImageException(ErrorCode.INVALID_PARAM, "capacity '" + text + "' is neither a medium"
                    + " (CD, DVD, DVD_DL, BD25, BD50, BD100) nor a number of bytes (suffix k/m/g, KiB/MiB/GiB, s)");
        }
    }
}
