package org.discimage.codec;

import java.util.Objects;

import org.discimage.error.Diagnostic;
import org.discimage.error.Diagnostics;
import org.discimage.error.DiscImageException;

/**
 * How a record decoder treats a known real-world deviation from its standard (DESIGN rule 2):
 * strict (the default) fails with {@code MALFORMED_STRUCTURE}; lenient reads the value the way the
 * common readers do (Linux isofs, isoinfo) and reports the deviation, once per occurrence, to a
 * {@link Diagnostics} sink, naming the structure, the LBA the bytes came from and what was done.
 * Nothing else is lenient: what cannot be read safely fails in both modes.
 *
 * <p>Immutable; {@link #at(long)} gives the same policy for the sector being decoded.
 */
public final class DecodeContext {
    /** Strict, reporting nowhere. */
    public static final DecodeContext STRICT = new DecodeContext(false, Diagnostics.IGNORE, -1);

    private final boolean lenient;
    private final Diagnostics diagnostics;
    private final long lba;

    private DecodeContext(boolean lenient, Diagnostics diagnostics, long lba) {
        this.lenient = lenient;
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.lba = lba;
    }

    /** A context with the given policy; {@code lenient} false is strict. */
    public static DecodeContext of(boolean lenient, Diagnostics diagnostics) {
        return new DecodeContext(lenient, diagnostics, -1);
    }

    /** The same policy for bytes read from sector {@code lba} (-1: no single sector). */
    public DecodeContext at(long lba) {
        return lba == this.lba ? this : new DecodeContext(lenient, diagnostics, lba);
    }

    /** Whether known deviations are accepted. */
    public boolean lenient() {
        return lenient;
    }

    /** The sector the bytes being decoded came from, or -1. */
    public long lba() {
        return lba;
    }

    /** The sink of reports. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * A known deviation at byte {@code offset} of the buffer being decoded: strict throws
     * MALFORMED_STRUCTURE "{@code structure at byte offset: problem}"; lenient reports
     * "{@code at byte offset: problem; accepted}" and returns, and the caller goes on as
     * {@code accepted} says.
     */
    public void deviation(String structure, int offset, String problem, String accepted) throws DiscImageException {
        if (!lenient) {
            throw Decoding.malformed(structure, offset, problem);
        }
        diagnostics.report(new Diagnostic(structure, lba, (offset >= 0 ? "at byte " + offset + ": " : "") + problem
                + "; " + accepted));
    }

    /** Reports something left out or accepted in either mode (e.g. an unknown SUSP entry). */
    public void report(String structure, String message) {
        diagnostics.report(new Diagnostic(structure, lba, message));
    }
}
