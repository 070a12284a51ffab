package org.discimage.iso9660;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PrimaryVolumeDescriptorTest {
    static final VolumeDateTime WHEN = VolumeDateTime.of(Instant.parse("2026-11-23T09:25:54Z"));

    /** The values of pycdlib's PVD for new(interchange_level=3, sys_ident='SYS', vol_ident='MYVOL', ...). */
    static PrimaryVolumeDescriptor sample() {
        return new PrimaryVolumeDescriptor("SYS", "MYVOL", 32, 1, 1, 2048, 10, 20, 0, 22, 0,
                DirectoryRecordTest.root(28), "", "PUB", "", "APP", "", "", "", WHEN, WHEN,
                VolumeDateTime.NOT_SPECIFIED, WHEN, 1);
    }

    static ByteBuffer encoded() {
        ByteBuffer b = ByteBuffer.allocate(2048);
        sample().encode(b);
        return b.flip();
    }

    @Test
    void knownBytes() {
        byte[] b = encoded().array();
        assertArrayEquals(hex("01 43 44 30 30 31 01 00"), Arrays.copyOfRange(b, 0, 8));
        assertEquals("SYS" + " ".repeat(29) + "MYVOL" + " ".repeat(27),
                new String(b, 8, 64, StandardCharsets.US_ASCII));
        assertArrayEquals(hex("20 00 00 00 00 00 00 20"), Arrays.copyOfRange(b, 80, 88)); // volume space size
        assertArrayEquals(hex("01 00 00 01 01 00 00 01 00 08 08 00"), Arrays.copyOfRange(b, 120, 132));
        assertArrayEquals(hex("0a 00 00 00 00 00 00 0a 14 00 00 00 00 00 00 00 00 00 00 16 00 00 00 00"),
                Arrays.copyOfRange(b, 132, 156));
        assertArrayEquals(hex(DirectoryRecordTest.ROOT), Arrays.copyOfRange(b, 156, 190));
        assertEquals("2026112309255400", new String(b, 813, 16, StandardCharsets.US_ASCII));
        assertEquals("0000000000000000", new String(b, 847, 16, StandardCharsets.US_ASCII));
        assertEquals(1, b[881]);
    }

    @Test
    void roundTrip() throws Exception {
        ByteBuffer b = encoded();
        PrimaryVolumeDescriptor p = PrimaryVolumeDescriptor.decode(b);
        assertEquals(sample(), p);
        assertEquals(2048, b.position());
        assertEquals(2048, p.length());
    }

    @Test
    void nullsMeanEmptyAndNotSpecified() {
        PrimaryVolumeDescriptor p = new PrimaryVolumeDescriptor(null, null, 1, 1, 1, 2048, 10, 20, 0, 22, 0,
                DirectoryRecordTest.root(28), null, null, null, null, null, null, null, null, null, null, null, 1);
        assertEquals("", p.volumeIdentifier());
        assertEquals(VolumeDateTime.NOT_SPECIFIED, p.creation());
    }

    @Test
    void encodingBadValuesIsCallerError() {
        PrimaryVolumeDescriptor tooLong = new PrimaryVolumeDescriptor("SYS", "X".repeat(33), 32, 1, 1, 2048, 10, 20, 0,
                22, 0, DirectoryRecordTest.root(28), "", "", "", "", "", "", "", WHEN, WHEN, WHEN, WHEN, 1);
        assertThrows(IllegalArgumentException.class, () -> tooLong.encode(ByteBuffer.allocate(2048)));
        DirectoryRecord fileRoot = new DirectoryRecord(0, 28, 2048, RecordingDateTime.NOT_SPECIFIED, 2, 0, 0, 1,
                new byte[] {'A'}, null);
        assertThrows(IllegalArgumentException.class, () -> new PrimaryVolumeDescriptor("", "", 1, 1, 1, 2048, 0, 0, 0,
                0, 0, fileRoot, "", "", "", "", "", "", "", WHEN, WHEN, WHEN, WHEN, 1));
    }

    @Test
    void wrongType() {
        ByteBuffer b = encoded();
        b.put(0, (byte) 2);
        assertMalformed("PrimaryVolumeDescriptor.type at byte 0", () -> PrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void wrongStandardIdentifier() {
        ByteBuffer b = encoded();
        b.put(5, (byte) '2');
        assertMalformed("standardIdentifier at byte 1", () -> PrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void wrongVersion() {
        ByteBuffer b = encoded();
        b.put(6, (byte) 2);
        assertMalformed("version at byte 6", () -> PrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void volumeSpaceSizeHalvesDisagree() {
        ByteBuffer b = encoded();
        b.put(87, (byte) 0x21);
        assertMalformed("volumeSpaceSize at byte 80", () -> PrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void logicalBlockSizeHalvesDisagree() {
        ByteBuffer b = encoded();
        b.put(130, (byte) 0x04);
        assertMalformed("logicalBlockSize at byte 128", () -> PrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void pathTableSizeHalvesDisagree() {
        ByteBuffer b = encoded();
        b.put(132, (byte) 0x0c);
        assertMalformed("pathTableSize at byte 132", () -> PrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void rootRecordNot34Bytes() {
        ByteBuffer b = encoded();
        b.put(156, (byte) 36);
        assertMalformed("rootDirectoryRecord.LEN_DR at byte 156", () -> PrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void rootRecordNotDot() {
        ByteBuffer b = encoded();
        b.put(189, (byte) 'A');
        assertMalformed("rootDirectoryRecord.fileIdentifier", () -> PrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void rootExtentHalvesDisagree() {
        ByteBuffer b = encoded();
        b.put(158, (byte) 0x1d);
        assertMalformed("DirectoryRecord.extentLocation at byte 158", () -> PrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void badCreationDate() {
        ByteBuffer b = encoded();
        b.put(813, (byte) 'x');
        assertMalformed("VolumeDateTime.digits at byte 813", () -> PrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void truncated() {
        assertMalformed("truncated", () -> PrimaryVolumeDescriptor.decode(encoded().limit(2047)));
    }
}
