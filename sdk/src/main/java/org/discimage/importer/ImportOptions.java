package org.discimage.importer;

import java.util.Objects;

import org.discimage.error.Diagnostics;

/**
 * How an importer treats what it reads.
 *
 * <p>Strict (the default) fails on any deviation from the standards with a
 * {@link org.discimage.error.DiscImageException} of code {@code MALFORMED_STRUCTURE}. Lenient accepts
 * the deviations real producers are known to write and reports each one to {@link #diagnostics()};
 * what cannot be read safely still fails. Both report what is deliberately left out (such as UDF
 * named streams or unknown SUSP entries) to the diagnostics sink. {@link IsoTreeReader} lists the
 * deviations its lenient mode accepts.
 *
 * @param lenient     whether known real-world deviations are accepted
 * @param diagnostics where accepted deviations and omissions are reported
 */
public record ImportOptions(boolean lenient, Diagnostics diagnostics) {
    /** Checks the components. */
    public ImportOptions {
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** Strict, reporting omissions nowhere. */
    public static ImportOptions strict() {
        return new ImportOptions(false, Diagnostics.IGNORE);
    }

    /** Strict, reporting omissions to {@code diagnostics}. */
    public static ImportOptions strict(Diagnostics diagnostics) {
        return new ImportOptions(false, diagnostics);
    }

    /** Lenient, reporting every accepted deviation and omission to {@code diagnostics}. */
    public static ImportOptions lenient(Diagnostics diagnostics) {
        return new ImportOptions(true, diagnostics);
    }
}
