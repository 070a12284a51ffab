package org.discimage.rockridge;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.lenient;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.Diagnostic;
import org.discimage.susp.ContinuationArea;
import org.discimage.susp.ExtensionReference;
import org.discimage.susp.PaddingField;
import org.discimage.susp.SharingProtocolIndicator;
import org.discimage.susp.SuspEntry;
import org.discimage.susp.SuspTerminator;
import org.discimage.susp.UnknownSuspEntry;
import org.junit.jupiter.api.Test;

class SystemUseEntriesTest {
    /** pycdlib's System Use field of the root "." record: SP, PX, TF, CE. */
    static final String ROOT_DOT = "53 50 07 01 be ef 00 " + PosixFileAttributesTest.KNOWN + " " + TimeStampsTest.KNOWN
            + " 43 45 1c 01 1e 00 00 00 00 00 00 1e 00 00 00 00 00 00 00 00 b7 00 00 00 00 00 00 b7";

    @Test
    void pycdlibRootDotRecord() throws Exception {
        ByteBuffer b = buf(ROOT_DOT);
        List<SuspEntry> e = SystemUseEntries.decode(b);
        assertEquals(List.of(new SharingProtocolIndicator(0), new PosixFileAttributes(040555, 2, 0, 0, 0),
                TimeStamps.of(TimeStampsTest.T, TimeStampsTest.T, TimeStampsTest.T), new ContinuationArea(30, 0, 183)), e);
        assertEquals(b.limit(), b.position());
    }

    @Test
    void everyEntryTypeRoundTrips() throws Exception {
        List<SuspEntry> all = List.of(new SharingProtocolIndicator(0), new RockRidgeFlags(0x89),
                new PosixFileAttributes(0120777, 1, 0, 0, 7), new PosixDeviceNumber(1, 2),
                SymbolicLink.entriesFor("/x").get(0), new AlternateName(0, "n".getBytes()), new ChildLink(5),
                new ParentLink(6), new RelocatedDirectory(), TimeStamps.of(1, 2, 3), ExtensionReference.RRIP_1991A,
                new ContinuationArea(1, 2, 3), new PaddingField(5), new UnknownSuspEntry("AA", 2, new byte[] {1, 2}),
                new SuspTerminator());
        ByteBuffer b = ByteBuffer.allocate(SystemUseEntries.length(all) + 1);
        SystemUseEntries.encode(b, all);
        assertEquals(all, SystemUseEntries.decode(b.flip()));
    }

    @Test
    void stopsAtTerminator() throws Exception {
        ByteBuffer b = buf("53 54 04 01 52 45 04 01");
        assertEquals(List.of(new SuspTerminator()), SystemUseEntries.decode(b));
        assertEquals(4, b.position());
    }

    @Test
    void trailingPaddingByteIsNormal() throws Exception {
        assertEquals(List.of(new RelocatedDirectory()), SystemUseEntries.decode(buf("52 45 04 01 00")));
        assertEquals(List.of(), SystemUseEntries.decode(buf("00 00 00")));
    }

    @Test
    void entryLengthZero() {
        assertMalformed("SUSP \\x00\\x00.length at byte 6", () -> SystemUseEntries.decode(buf("52 45 04 01 00 00 00 00 00")
                .position(4)));
    }

    @Test
    void knownEntryLengthZero() {
        assertMalformed("below 4", () -> SystemUseEntries.decode(buf("50 58 00 01 00 00")));
    }

    @Test
    void entryPastTheEnd() {
        assertMalformed("SUSP NM.length at byte 6", () -> SystemUseEntries.decode(buf("52 45 04 01 4e 4d 09 01 00 41")));
    }

    @Test
    void malformedKnownEntry() {
        assertMalformed("RRIP PX.mode", () -> SystemUseEntries.decode(buf(PosixFileAttributesTest.KNOWN.replace("6d 41 00 00 00 00 41 6d",
                "6d 41 00 00 00 00 41 6e"))));
    }

    @Test
    void lenientSkipsTheRestOfTheAreaAfterABadLength() throws Exception {
        List<Diagnostic> reports = new ArrayList<>();
        // RE, then four zero bytes (length 0), then an NM that is never reached
        List<SuspEntry> entries = SystemUseEntries.decode(buf("52 45 04 01 00 00 00 00 4e 4d 06 01 00 41"),
                lenient(reports));
        assertEquals(1, entries.size());
        assertEquals(1, reports.size());
        assertEquals("SUSP \\x00\\x00.length", reports.get(0).structure());
        assertEquals("at byte 6: length 0 is below 4; skipping the 10 bytes left in the area", reports.get(0).message());
    }

    @Test
    void lenientSkipsTheRestOfTheAreaAfterAnEntryThatDoesNotDecode() throws Exception {
        List<Diagnostic> reports = new ArrayList<>();
        // a PX of 20 bytes (RRIP 1.12 4.1.1 says 36 or 44)
        ByteBuffer area = ByteBuffer.allocate(24).put(new byte[] {'P', 'X', 20, 1}).position(20)
                .put(new byte[] {'R', 'E', 4, 1}).flip();
        assertEquals(List.of(), SystemUseEntries.decode(area, lenient(reports)));
        assertEquals(1, reports.size());
        assertEquals("SUSP PX", reports.get(0).structure());
        assertMalformed("RRIP PX.length", () -> SystemUseEntries.decode(area.rewind()));
    }

    @Test
    void lenientAcceptsDisagreeingHalvesInsideAKnownEntry() throws Exception {
        List<Diagnostic> reports = new ArrayList<>();
        List<SuspEntry> entries = SystemUseEntries.decode(buf(PosixFileAttributesTest.KNOWN.replace(
                "6d 41 00 00 00 00 41 6d", "6d 41 00 00 00 00 41 6e")), lenient(reports));
        assertEquals(1, entries.size());
        assertEquals(1, reports.size());
        assertEquals("RRIP PX.mode", reports.get(0).structure());
    }
}
