package org.discimage.error;

/**
 * Where readers report the deviations they accept in lenient mode and what they leave out (a UDF
 * named stream, an unknown SUSP entry). Nothing is repaired silently: everything a lenient reader
 * does differently from the strict one passes through here.
 */
@FunctionalInterface
public interface Diagnostics {
    /**
     * A sink that drops every report. A class, not a lambda: every import touches it, and a cold
     * JVM's first lambda costs about 10 ms of bootstrapping (a {@code discimage ls} runs in 0.2 s).
     */
    Diagnostics IGNORE = new Diagnostics() {
        @Override
        public void report(Diagnostic diagnostic) {
        }
    };

    /** Receives one report; called on the reading thread, in the order the deviations are met. */
    void report(Diagnostic diagnostic);
}
