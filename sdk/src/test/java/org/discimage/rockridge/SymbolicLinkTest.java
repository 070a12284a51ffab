package org.discimage.rockridge;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.lenient;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.Diagnostic;
import org.discimage.susp.SuspEntry;
import org.junit.jupiter.api.Test;

class SymbolicLinkTest {
    /** pycdlib's SL for "../a//b/": PARENT, "a", "", "b", "". */
    static final String KNOWN = "53 4c 11 01 00 04 00 00 01 61 00 00 00 01 62 00 00";

    /** Encodes the entries, decodes them back through SystemUseEntries and reassembles the target. */
    static String roundTrip(String target) throws Exception {
        List<SymbolicLink> entries = SymbolicLink.entriesFor(target);
        ByteBuffer b = ByteBuffer.allocate(entries.size() * 255);
        for (SymbolicLink e : entries) {
            assertTrue(e.length() <= 255);
            e.encode(b);
        }
        List<SymbolicLink> back = new ArrayList<>();
        for (SuspEntry e : SystemUseEntries.decode(b.flip())) {
            back.add((SymbolicLink) e);
        }
        assertEquals(entries, back);
        for (int i = 0; i < back.size(); i++) {
            assertEquals(i < back.size() - 1 ? SymbolicLink.CONTINUE : 0, back.get(i).flags());
        }
        return SymbolicLink.target(back);
    }

    @Test
    void knownBytesAsPycdlib() throws Exception {
        List<SymbolicLink> entries = SymbolicLink.entriesFor("../a//b/");
        assertEquals(1, entries.size());
        ByteBuffer b = ByteBuffer.allocate(64);
        entries.get(0).encode(b);
        assertArrayEquals(hex(KNOWN), written(b));
        assertEquals(entries.get(0), SymbolicLink.decode(b.flip()));
        assertEquals("../a//b/", SymbolicLink.target(entries));
    }

    @Test
    void shapesRoundTrip() throws Exception {
        for (String t : new String[] {"/", "..", ".", "a", "a/", "//x", "/a/b", "../x", "a//b", "./c", "//", "/a/",
            "x/./y/../z", "...", ".a", "a.", "\u00fcber/\u65e5\u672c"}) {
            assertEquals(t, roundTrip(t), t);
        }
    }

    @Test
    void rootComponentShape() {
        SymbolicLink sl = SymbolicLink.entriesFor("/a").get(0);
        assertEquals(List.of(new SymbolicLink.Component(SymbolicLink.ROOT, new byte[0]),
                new SymbolicLink.Component(0, "a".getBytes())), sl.components());
        assertEquals(List.of(new SymbolicLink.Component(SymbolicLink.ROOT, new byte[0])),
                SymbolicLink.entriesFor("/").get(0).components());
    }

    @Test
    void longTargetsRoundTrip() throws Exception {
        String t4000 = "/" + "abcdefghij/".repeat(363) + "xyzabc"; // 4000 characters
        assertEquals(4000, t4000.length());
        assertEquals(t4000, roundTrip(t4000));
        String longComponent = "../" + "q".repeat(1000) + "/r";
        assertEquals(longComponent, roundTrip(longComponent));
        assertEquals("z".repeat(4000), roundTrip("z".repeat(4000)));
    }

    @Test
    void longComponentIsSplitWithContinue() {
        List<SymbolicLink> entries = SymbolicLink.entriesFor("q".repeat(600));
        assertEquals(3, entries.size()); // 248 + 248 + 104 content bytes
        assertEquals(255, entries.get(0).length());
        SymbolicLink.Component first = entries.get(0).components().get(0);
        assertEquals(SymbolicLink.CONTINUE, first.flags());
        assertEquals(248, first.content().length);
        assertEquals(0, entries.get(2).components().get(0).flags());
    }

    @Test
    void packingUsesFewEntries() {
        // 1000 bytes of 1-byte components ("a/a/..."): 500 components of 3 bytes, 83 per entry
        List<SymbolicLink> entries = SymbolicLink.entriesFor("a/".repeat(499) + "a");
        assertEquals(7, entries.size());
    }

    @Test
    void componentPastTheEntry() {
        ByteBuffer b = buf(KNOWN);
        b.put(16, (byte) 1);
        assertMalformed("RRIP SL.component.length at byte 16", () -> SymbolicLink.decode(b));
    }

    @Test
    void lonelyComponentFlagsByte() {
        assertMalformed("RRIP SL.component at byte 5", () -> SymbolicLink.decode(buf("53 4c 06 01 00 00")));
    }

    @Test
    void dotComponentWithContent() {
        assertMalformed("RRIP SL.component.flags at byte 5", () -> SymbolicLink.decode(buf("53 4c 08 01 00 02 01 41")));
    }

    @Test
    void lengthBelowFive() {
        assertMalformed("RRIP SL.length", () -> SymbolicLink.decode(buf("53 4c 04 01")));
    }

    @Test
    void pastTheEnd() {
        assertMalformed("runs past the end", () -> SymbolicLink.decode(buf(KNOWN).limit(16)));
    }

    @Test
    void callerErrors() {
        assertThrows(IllegalArgumentException.class, () -> SymbolicLink.entriesFor(""));
        assertThrows(IllegalArgumentException.class, () -> new SymbolicLink(0,
                List.of(new SymbolicLink.Component(0, new byte[200]), new SymbolicLink.Component(0, new byte[50]))));
    }

    /** genisoimage's long-symlink entries: a component longer than its entry is read as far as the entry goes. */
    @Test
    void lenientCutsAComponentPastTheEntry() throws Exception {
        List<Diagnostic> reports = new ArrayList<>();
        // an SL of 12 bytes whose one component announces 207 bytes: "a.txt" is what is there
        SymbolicLink sl = SymbolicLink.decode(buf("53 4c 0c 01 00 00 cf 61 2e 74 78 74"),
                lenient(reports));
        assertEquals("a.txt", SymbolicLink.target(List.of(sl)));
        assertEquals(1, reports.size());
        assertEquals("RRIP SL.component.length", reports.get(0).structure());
        assertTrue(reports.get(0).message().contains("component of 207 bytes runs past the entry (5 bytes left)"),
                reports.get(0)::message);
        assertMalformed("RRIP SL.component.length at byte 6",
                () -> SymbolicLink.decode(buf("53 4c 0c 01 00 00 cf 61 2e 74 78 74")));
    }
}
