package org.discimage.rockridge;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlternateNameTest {
    @Test
    void knownBytesAndRoundTrip() throws Exception {
        // pycdlib's NM for hello.txt
        AlternateName nm = new AlternateName(0, "hello.txt".getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(32);
        nm.encode(b);
        assertArrayEquals(hex("4e 4d 0e 01 00 68 65 6c 6c 6f 2e 74 78 74"), written(b));
        assertEquals(nm, AlternateName.decode(b.flip()));
    }

    @Test
    void longNameSplitsAndJoins() throws Exception {
        byte[] name = "\u00e9".repeat(300).getBytes(StandardCharsets.UTF_8); // 600 bytes
        List<AlternateName> entries = AlternateName.entriesFor(name);
        assertEquals(3, entries.size());
        assertEquals(AlternateName.CONTINUE, entries.get(0).flags());
        assertEquals(AlternateName.CONTINUE, entries.get(1).flags());
        assertEquals(0, entries.get(2).flags());
        assertEquals(255, entries.get(0).length());
        ByteBuffer b = ByteBuffer.allocate(1024);
        entries.forEach(e -> e.encode(b));
        b.flip();
        List<AlternateName> back = List.of(AlternateName.decode(b), AlternateName.decode(b), AlternateName.decode(b));
        assertEquals(entries, back);
        assertArrayEquals(name, AlternateName.join(back));
    }

    @Test
    void exactly250BytesIsOneEntry() {
        assertEquals(1, AlternateName.entriesFor(new byte[250]).size());
        assertEquals(2, AlternateName.entriesFor(new byte[251]).size());
    }

    @Test
    void dotAndDotDot() {
        assertArrayEquals("..".getBytes(), AlternateName.join(List.of(new AlternateName(AlternateName.PARENT, new byte[0]))));
    }

    @Test
    void dotFlagWithName() {
        assertMalformed("RRIP NM.flags at byte 4", () -> AlternateName.decode(buf("4e 4d 06 01 02 41")));
    }

    @Test
    void lengthBelowFive() {
        assertMalformed("RRIP NM.length", () -> AlternateName.decode(buf("4e 4d 04 01 00")));
    }

    @Test
    void pastTheEnd() {
        assertMalformed("runs past the end", () -> AlternateName.decode(buf("4e 4d 08 01 00 41 42")));
    }

    @Test
    void callerErrors() {
        assertThrows(IllegalArgumentException.class, () -> AlternateName.entriesFor(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new AlternateName(0, new byte[251]));
    }
}
