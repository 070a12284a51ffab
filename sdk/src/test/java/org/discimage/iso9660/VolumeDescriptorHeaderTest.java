package org.discimage.iso9660;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.buf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class VolumeDescriptorHeaderTest {
    @Test
    void decodesIsoAndUdfHeaders() throws Exception {
        VolumeDescriptorHeader h = VolumeDescriptorHeader.decode(buf("01 43 44 30 30 31 01"));
        assertEquals(new VolumeDescriptorHeader(1, "CD001", 1), h);
        assertTrue(h.isIso9660());
        assertEquals(VolumeDescriptorType.PRIMARY, h.type());
        VolumeDescriptorHeader bea = VolumeDescriptorHeader.decode(buf("00 42 45 41 30 31 01"));
        assertEquals("BEA01", bea.standardIdentifier());
        assertFalse(bea.isIso9660());
        assertNull(VolumeDescriptorHeader.decode(buf("07 43 44 30 30 31 01")).type());
    }

    @Test
    void encodeRoundTrip() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(7);
        new VolumeDescriptorHeader(255, "CD001", 1).encode(b);
        assertEquals(new VolumeDescriptorHeader(255, "CD001", 1), VolumeDescriptorHeader.decode(b.flip()));
    }

    @Test
    void truncated() {
        assertMalformed("VolumeDescriptorHeader", () -> VolumeDescriptorHeader.decode(buf("01 43 44 30 30 31")));
    }

    @Test
    void typeCodes() {
        for (VolumeDescriptorType t : VolumeDescriptorType.values()) {
            assertEquals(t, VolumeDescriptorType.of(t.code()));
        }
        assertEquals(2, VolumeDescriptorType.SUPPLEMENTARY.code());
        assertThrows(IllegalArgumentException.class, () -> VolumeDescriptorType.of(4));
        assertFalse(VolumeDescriptorType.isKnown(254));
    }
}
