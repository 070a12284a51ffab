package org.discimage.error;

import java.util.Objects;

/**
 * One deviation from a standard that a lenient reader accepted instead of failing: what structure,
 * where on the medium, and what was wrong and what was done about it.
 *
 * @param structure the structure involved, e.g. "Rock Ridge SL entry of /a/link"
 * @param lba       the sector it was read from, or -1 when no single sector applies
 * @param message   what deviated and how it was read
 */
public record Diagnostic(String structure, long lba, String message) {
    /** Checks the components. */
    public Diagnostic {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return structure + (lba >= 0 ? " at LBA " + lba : "") + ": " + message;
    }
}
