package org.discimage.codec;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.discimage.error.Diagnostic;
import org.junit.jupiter.api.Test;

class DecodeContextTest {
    @Test
    void strictThrowsAndReportsNothing() {
        List<Diagnostic> reports = new ArrayList<>();
        DecodeContext strict = DecodeContext.of(false, reports::add).at(5);
        assertFalse(strict.lenient());
        assertMalformed("S.f at byte 3: bad", () -> strict.deviation("S.f", 3, "bad", "ignored"));
        assertEquals(List.of(), reports);
        assertMalformed("S at byte 0: bad", () -> DecodeContext.STRICT.deviation("S", 0, "bad", "ignored"));
    }

    @Test
    void lenientReportsWithTheLbaOfItsSector() throws Exception {
        List<Diagnostic> reports = new ArrayList<>();
        DecodeContext lenient = DecodeContext.of(true, reports::add);
        assertEquals(-1, lenient.lba());
        DecodeContext at = lenient.at(42);
        assertSame(at, at.at(42));
        assertTrue(at.lenient());
        at.deviation("S.f", 3, "bad", "read as zero");
        at.report("SUSP entry \"ZZ\"", "left out");
        assertEquals(List.of(new Diagnostic("S.f", 42, "at byte 3: bad; read as zero"),
                new Diagnostic("SUSP entry \"ZZ\"", 42, "left out")), reports);
    }
}
