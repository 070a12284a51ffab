package org.discimage.importer;

import org.discimage.codec.DecodeContext;
import org.discimage.error.Diagnostic;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;

/** Builds the {@code MALFORMED_STRUCTURE} exceptions of the importer, naming structure and LBA. */
final class Malformed {
    private Malformed() {
    }

    /** "{structure} at LBA {lba}: {problem}". */
    static DiscImageException at(String structure, long lba, String problem) {
        return new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, structure + " at LBA " + lba + ": " + problem);
    }

    /** "{structure} at LBA {lba}, offset {offset}: {problem}". */
    static DiscImageException at(String structure, long lba, int offset, String problem) {
        return new DiscImageException(ErrorCode.MALFORMED_STRUCTURE,
                structure + " at LBA " + lba + ", offset " + offset + ": " + problem);
    }

    /**
     * A known real-world deviation found by the importer itself: strict throws as
     * {@link #at(String, long, int, String)}; lenient reports "{@code offset N: problem; accepted}"
     * to the context's sink and returns, and the caller goes on as {@code accepted} says.
     */
    static void deviation(DecodeContext ctx, String structure, long lba, int offset, String problem, String accepted)
            throws DiscImageException {
        if (!ctx.lenient()) {
            throw at(structure, lba, offset, problem);
        }
        ctx.diagnostics().report(new Diagnostic(structure, lba, "offset " + offset + ": " + problem + "; " + accepted));
    }

    /** As {@link #at(String, long, int, String)}, wrapping what a record decoder threw. */
    static DiscImageException wrap(String structure, long lba, int offset, Exception cause) {
        if (cause instanceof DiscImageException d && d.code() == ErrorCode.MALFORMED_STRUCTURE) {
            return new DiscImageException(ErrorCode.MALFORMED_STRUCTURE, structure + " at LBA " + lba + ", offset "
                    + offset + ": " + rawMessage(d), d);
        }
        return new DiscImageException(ErrorCode.MALFORMED_STRUCTURE,
                structure + " at LBA " + lba + ", offset " + offset + ": " + cause, cause);
    }

    /** The message without the " [code]" suffix {@link DiscImageException#getMessage()} appends. */
    private static String rawMessage(DiscImageException d) {
        String m = d.getMessage();
        int i = m.lastIndexOf(" [");
        return i > 0 ? m.substring(0, i) : m;
    }
}
