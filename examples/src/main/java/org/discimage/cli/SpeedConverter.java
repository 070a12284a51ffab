package org.discimage.cli;

import java.util.Locale;

import org.discimage.PhysicalMediaType;

import picocli.CommandLine;

/**
 * Reads {@code --speed}: {@code 4x} (a multiple of the loaded medium's 1x), {@code 7056} or {@code 7056k} (kB/s
 * of 1000 bytes, as MMC counts them) or {@code max}.
 */
final class SpeedConverter implements CommandLine.ITypeConverter<SpeedConverter.Speed> {
    /** A requested speed, resolved against the medium once the disc is known. */
    record Speed(double multiple, long kilobytesPerSecond) {
        /** The fastest the drive offers (SET CD SPEED FFFFh; SET STREAMING with the largest number). */
        static final Speed MAX = new Speed(0, Long.MAX_VALUE);

        /**
         * kB/s for a disc of {@code type}.
         *
         * @throws IllegalArgumentException for a multiple on a medium whose 1x is unknown
         */
        long kilobytesPerSecond(PhysicalMediaType type) {
            if (multiple <= 0) {
                return kilobytesPerSecond;
            }
            double one = oneX(type);
            if (one <= 0) {
                throw new IllegalArgumentException("--speed " + multiple + "x: the 1x of " + type
                        + " is not known; give kB/s");
            }
            return Math.max(1, Math.round(multiple * one));
        }
    }

    @Override
    public Speed convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.equals("max")) {
                return Speed.MAX;
            }
            if (v.endsWith("x")) {
                double m = Double.parseDouble(v.substring(0, v.length() - 1));
                if (m > 0 && m <= 1000) {
                    return new Speed(m, 0);
                }
            } else {
                long k = Long.parseLong(v.endsWith("k") ? v.substring(0, v.length() - 1) : v);
                if (k > 0) {
                    return new Speed(0, k);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.TypeConversionException("speed is Nx (e.g. 4x, 16x), kB/s (e.g. 7056) or max, not '"
                + value + "'");
    }

    /**
     * The 1x of a medium's family in kB/s of 1000 bytes: CD 176.4, DVD 1385, BD 4496 (libburn's figures,
     * formats.md §6.2); 0 when unknown.
     */
    static double oneX(PhysicalMediaType type) {
        String n = type.name();
        if (n.startsWith("CD")) {
            return 176.4;
        }
        if (n.startsWith("DVD")) {
            return 1385;
        }
        if (n.startsWith("BD")) {
            return 4496;
        }
        return 0;
    }
}
