package org.discimage.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;

import org.discimage.error.Diagnostic;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.function.Executable;

/** Test helpers shared by the record tests. */
public final class TestBytes {
    private TestBytes() {
    }

    /** Bytes of a hex string with optional spaces, e.g. "01 00 00 00". */
    public static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", "").replace("\n", ""));
    }

    /** The bytes as spaced lower-case hex. */
    public static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").formatHex(b);
    }

    /** A buffer over a hex string. */
    public static ByteBuffer buf(String s) {
        return ByteBuffer.wrap(hex(s));
    }

    /** The bytes from 0 to the buffer's position. */
    public static byte[] written(ByteBuffer b) {
        byte[] out = new byte[b.position()];
        b.get(0, out);
        return out;
    }

    /** Asserts a MALFORMED_STRUCTURE DiscImageException whose message contains {@code fragment}. */
    public static DiscImageException assertMalformed(String fragment, Executable e) {
        DiscImageException x = assertThrows(DiscImageException.class, e);
        assertEquals(ErrorCode.MALFORMED_STRUCTURE, x.code());
        if (!x.getMessage().contains(fragment)) {
            throw new AssertionError("message \"" + x.getMessage() + "\" lacks \"" + fragment + "\"");
        }
        return x;
    }

    /** A lenient context for LBA 7 collecting its reports in {@code sink}. */
    public static DecodeContext lenient(List<Diagnostic> sink) {
        return DecodeContext.of(true, sink::add).at(7);
    }
}
