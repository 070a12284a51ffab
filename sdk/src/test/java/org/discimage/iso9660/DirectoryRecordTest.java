package org.discimage.iso9660;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.discimage.codec.TestBytes.hex;
import static org.discimage.codec.TestBytes.written;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DirectoryRecordTest {
    /** pycdlib's root "." record of a plain PVD (34 bytes). */
    static final String ROOT = "22 00 1c 00 00 00 00 00 00 1c 00 08 00 00 00 00 08 00 7e 0b 17 09 19 36 00 02 00 00 01 00"
            + " 00 01 01 00";
    /** pycdlib's HELLO.TXT;1 record without its Rock Ridge entries: LEN_FI 11 (odd, no padding). */
    static final String FILE = "2c 00 1f 00 00 00 00 00 00 1f 05 00 00 00 00 00 00 05 7e 0b 17 09 19 36 00 00 00 00 01 00"
            + " 00 01 0b 48 45 4c 4c 4f 2e 54 58 54 3b 31";

    static DirectoryRecord root(long extent) {
        return new DirectoryRecord(0, extent, 2048, new RecordingDateTime(126, 11, 23, 9, 25, 54, 0),
                DirectoryRecord.FLAG_DIRECTORY, 0, 0, 1, new byte[] {0}, null);
    }

    @Test
    void knownRootRecord() throws Exception {
        DirectoryRecord r = DirectoryRecord.decode(buf(ROOT));
        assertEquals(root(28), r);
        assertTrue(r.isDirectory() && r.isDot());
        assertEquals(34, r.length());
        ByteBuffer b = ByteBuffer.allocate(64);
        r.encode(b);
        assertArrayEquals(hex(ROOT), written(b));
    }

    @Test
    void knownFileRecord() throws Exception {
        ByteBuffer in = buf(FILE);
        DirectoryRecord r = DirectoryRecord.decode(in);
        assertEquals(44, in.position());
        assertEquals("HELLO.TXT;1", new String(r.fileIdentifier(), StandardCharsets.US_ASCII));
        assertEquals(31, r.extentLocation());
        assertEquals(5, r.dataLength());
        assertFalse(r.isDirectory() || r.isMultiExtent() || r.isDot() || r.isDotDot());
    }

    @Test
    void evenIdentifierGetsPaddingAndSystemUseRoundTrips() throws Exception {
        DirectoryRecord r = new DirectoryRecord(0, 100, 0xFFFF_F800L, RecordingDateTime.ofEpochSecond(0),
                DirectoryRecord.FLAG_MULTI_EXTENT, 0, 0, 1, "AB;1".getBytes(StandardCharsets.US_ASCII),
                hex("52 45 04 01"));
        assertEquals(33 + 4 + 1 + 4, r.length());
        assertEquals(r.length(), DirectoryRecord.length(4, 4));
        ByteBuffer b = ByteBuffer.allocate(100);
        r.encode(b);
        assertEquals(0, b.get(37));
        DirectoryRecord back = DirectoryRecord.decode(b.flip());
        assertEquals(r, back);
        assertEquals(r.hashCode(), back.hashCode());
        assertTrue(back.isMultiExtent());
    }

    @Test
    void staticEncodeMatchesRecordEncode() {
        long t = 1_700_000_000L;
        byte[] id = {1};
        ByteBuffer su = ByteBuffer.wrap(hex("ff ff 50 58 2c 01")).position(2);
        ByteBuffer a = ByteBuffer.allocate(64);
        DirectoryRecord.encode(a, 20, 2048, t, DirectoryRecord.FLAG_DIRECTORY, id, su);
        assertEquals(2, su.position());
        ByteBuffer b = ByteBuffer.allocate(64);
        new DirectoryRecord(0, 20, 2048, RecordingDateTime.ofEpochSecond(t), DirectoryRecord.FLAG_DIRECTORY, 0, 0, 1,
                id, hex("50 58 2c 01")).encode(b);
        assertArrayEquals(written(b), written(a));
        ByteBuffer c = ByteBuffer.allocate(64);
        DirectoryRecord.encode(c, 20, 2048, t, 0, new byte[] {'A'}, null);
        assertEquals(34, c.position());
    }

    @Test
    void tooLongIsCallerError() {
        assertEquals(255, DirectoryRecord.length(221, 1));
        assertThrows(IllegalArgumentException.class, () -> DirectoryRecord.length(200, 30));
        assertThrows(IllegalArgumentException.class, () -> new DirectoryRecord(0, 0, 0,
                RecordingDateTime.NOT_SPECIFIED, 0, 0, 0, 1, new byte[1], new byte[230]));
        assertThrows(IllegalArgumentException.class, () -> new DirectoryRecord(0, -1, 0,
                RecordingDateTime.NOT_SPECIFIED, 0, 0, 0, 1, new byte[1], null));
    }

    @Test
    void lenDrZeroIsNotARecord() {
        assertMalformed("LEN_DR at byte 0", () -> DirectoryRecord.decode(ByteBuffer.allocate(64)));
    }

    @Test
    void lenDrTooSmall() {
        ByteBuffer b = buf(ROOT);
        b.put(0, (byte) 33);
        assertMalformed("below 34", () -> DirectoryRecord.decode(b));
    }

    @Test
    void lenDrPastTheBuffer() {
        ByteBuffer b = buf(ROOT);
        b.put(0, (byte) 40);
        assertMalformed("truncated", () -> DirectoryRecord.decode(b));
    }

    @Test
    void emptyBuffer() {
        assertMalformed("truncated", () -> DirectoryRecord.decode(ByteBuffer.allocate(0)));
    }

    @Test
    void lenFiPastTheRecord() {
        ByteBuffer b = buf(FILE);
        b.put(32, (byte) 12);
        assertMalformed("LEN_FI at byte 32", () -> DirectoryRecord.decode(b));
    }

    @Test
    void evenLenFiWithoutRoomForPadding() {
        ByteBuffer b = buf(FILE);
        b.put(32, (byte) 10);
        b.put(0, (byte) 43);
        assertMalformed("padding", () -> DirectoryRecord.decode(b.limit(43)));
    }

    @Test
    void lenFiZero() {
        ByteBuffer b = buf(ROOT);
        b.put(32, (byte) 0);
        assertMalformed("LEN_FI", () -> DirectoryRecord.decode(b));
    }

    @Test
    void extentHalvesDisagree() {
        ByteBuffer b = buf(ROOT);
        b.put(9, (byte) 0x1d);
        assertMalformed("DirectoryRecord.extentLocation at byte 2", () -> DirectoryRecord.decode(b));
    }

    @Test
    void dataLengthHalvesDisagree() {
        ByteBuffer b = buf(ROOT);
        b.put(17, (byte) 1);
        assertMalformed("DirectoryRecord.dataLength at byte 10", () -> DirectoryRecord.decode(b));
    }

    @Test
    void volumeSequenceHalvesDisagree() {
        ByteBuffer b = buf(ROOT);
        b.put(31, (byte) 2);
        assertMalformed("volumeSequenceNumber at byte 28", () -> DirectoryRecord.decode(b));
    }

    @Test
    void badRecordingDate() {
        ByteBuffer b = buf(ROOT);
        b.put(19, (byte) 13);
        assertMalformed("RecordingDateTime at byte 18", () -> DirectoryRecord.decode(b));
    }

    @Test
    void dotDot() throws Exception {
        ByteBuffer b = buf(ROOT);
        b.put(33, (byte) 1);
        assertTrue(DirectoryRecord.decode(b).isDotDot());
    }
}
