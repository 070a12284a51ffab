package org.discimage.iso9660;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SupplementaryVolumeDescriptorTest {
    static final VolumeDateTime WHEN = PrimaryVolumeDescriptorTest.WHEN;

    static SupplementaryVolumeDescriptor joliet(String volume, String copyright) {
        return new SupplementaryVolumeDescriptor(0, "SYS", volume, 32, SupplementaryVolumeDescriptor.JOLIET_LEVEL3_ESCAPES,
                1, 1, 2048, 10, 24, 0, 26, 0, DirectoryRecordTest.root(29), "", "PUB", "", "APP", copyright, "", "",
                WHEN, WHEN, VolumeDateTime.NOT_SPECIFIED, WHEN, 1);
    }

    static ByteBuffer encoded(SupplementaryVolumeDescriptor s) {
        ByteBuffer b = ByteBuffer.allocate(2048);
        s.encode(b);
        return b.flip();
    }

    @Test
    void jolietKnownBytes() {
        // as pycdlib writes a Joliet level 3 SVD
        byte[] b = encoded(joliet("MYVOL", "")).array();
        assertArrayEquals(hex("02 43 44 30 30 31 01 00 00 53 00 59 00 53 00 20"), Arrays.copyOfRange(b, 0, 16));
        assertArrayEquals(hex("00 4d 00 59 00 56 00 4f 00 4c 00 20"), Arrays.copyOfRange(b, 40, 52));
        assertArrayEquals(hex("25 2f 45 00"), Arrays.copyOfRange(b, 88, 92));
        byte[] copyright = Arrays.copyOfRange(b, 702, 739);
        assertEquals(0x00, copyright[36]);
        assertEquals(0x20, copyright[35]);
    }

    @Test
    void jolietRoundTrip() throws Exception {
        SupplementaryVolumeDescriptor s = joliet("Fotos \u00e9t\u00e9 2026", "\u00a9 \u00e9");
        assertTrue(s.isJoliet());
        ByteBuffer b = encoded(s);
        SupplementaryVolumeDescriptor back = SupplementaryVolumeDescriptor.decode(b);
        assertEquals(s, back);
        assertEquals(s.hashCode(), back.hashCode());
        assertEquals(2048, b.position());
    }

    @Test
    void nonJolietUsesAscii() throws Exception {
        SupplementaryVolumeDescriptor s = new SupplementaryVolumeDescriptor(1, "SYS", "VOL", 32, null, 1, 1, 2048, 10,
                24, 0, 26, 0, DirectoryRecordTest.root(29), "", "", "", "", "", "", "", WHEN, WHEN, WHEN, WHEN, 1);
        assertFalse(s.isJoliet());
        ByteBuffer b = encoded(s);
        assertEquals('S', b.get(8));
        assertEquals(1, b.get(7));
        assertEquals(s, SupplementaryVolumeDescriptor.decode(b));
    }

    @Test
    void jolietLevelsAreRecognised() {
        for (char level : new char[] {'@', 'C', 'E'}) {
            byte[] e = new byte[32];
            e[0] = '%';
            e[1] = '/';
            e[2] = (byte) level;
            assertTrue(new SupplementaryVolumeDescriptor(0, "", "", 0, e, 1, 1, 2048, 0, 0, 0, 0, 0,
                    DirectoryRecordTest.root(29), "", "", "", "", "", "", "", null, null, null, null, 1).isJoliet());
        }
    }

    @Test
    void escapeSequencesAreCopied() {
        byte[] e = SupplementaryVolumeDescriptor.JOLIET_LEVEL3_ESCAPES.clone();
        SupplementaryVolumeDescriptor s = new SupplementaryVolumeDescriptor(0, "", "", 0, e, 1, 1, 2048, 0, 0, 0, 0, 0,
                DirectoryRecordTest.root(29), "", "", "", "", "", "", "", null, null, null, null, 1);
        e[2] = 'X';
        assertTrue(s.isJoliet());
        assertNotEquals(s, joliet("", ""));
    }

    @Test
    void callerErrors() {
        assertThrows(IllegalArgumentException.class, () -> new SupplementaryVolumeDescriptor(0, "", "", 0, new byte[31],
                1, 1, 2048, 0, 0, 0, 0, 0, DirectoryRecordTest.root(29), "", "", "", "", "", "", "", null, null, null,
                null, 1));
        // 17 UCS-2 characters do not fit the 32-byte volume identifier
        assertThrows(IllegalArgumentException.class, () -> encoded(joliet("A".repeat(17), "")));
    }

    @Test
    void wrongType() {
        ByteBuffer b = encoded(joliet("V", ""));
        b.put(0, (byte) 1);
        assertMalformed("SupplementaryVolumeDescriptor.type at byte 0", () -> SupplementaryVolumeDescriptor.decode(b));
    }

    @Test
    void enhancedVersionRejected() {
        ByteBuffer b = encoded(joliet("V", ""));
        b.put(6, (byte) 2);
        assertMalformed("version at byte 6", () -> SupplementaryVolumeDescriptor.decode(b));
    }

    @Test
    void volumeSpaceSizeHalvesDisagree() {
        ByteBuffer b = encoded(joliet("V", ""));
        b.put(80, (byte) 0x21);
        assertMalformed("volumeSpaceSize at byte 80", () -> SupplementaryVolumeDescriptor.decode(b));
    }

    @Test
    void volumeSetSizeHalvesDisagree() {
        ByteBuffer b = encoded(joliet("V", ""));
        b.put(120, (byte) 2);
        assertMalformed("volumeSetSize at byte 120", () -> SupplementaryVolumeDescriptor.decode(b));
    }

    @Test
    void rootRecordNot34Bytes() {
        ByteBuffer b = encoded(joliet("V", ""));
        b.put(156, (byte) 0);
        assertMalformed("rootDirectoryRecord.LEN_DR", () -> SupplementaryVolumeDescriptor.decode(b));
    }

    @Test
    void truncated() {
        assertMalformed("truncated", () -> SupplementaryVolumeDescriptor.decode(ByteBuffer.allocate(100)));
    }
}
