package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class DescriptorTagTest {
    @Test
    void decodesTheMkudffsPvdTag() throws Exception {
        DescriptorTag t = DescriptorTag.decode(Fixtures.block("hd201-pvd"));
        assertEquals(DescriptorTag.ID_PVD, t.identifier());
        assertEquals(3, t.version());
        assertEquals(496, t.crcLength());
        assertEquals(96, t.location());
        t.verifyCrc(Fixtures.block("hd201-pvd"), 0, "PVD");
    }

    @Test
    void sealComputesCrcAndChecksum() throws Exception {
        ByteBuffer src = Fixtures.block("hd201-pvd");
        ByteBuffer copy = ByteBuffer.allocate(2048);
        copy.put(0, src, 0, 512);
        copy.put(8, (byte) 0).put(9, (byte) 0).put(4, (byte) 0);
        DescriptorTag.decode(src.duplicate()).seal(copy, 512);
        assertEquals(src.slice(0, 512), copy.slice(0, 512));
    }

    @Test
    void encodeRoundTrip() throws Exception {
        DescriptorTag t = DescriptorTag.decode(Fixtures.block("hd201-lvd"));
        ByteBuffer b = ByteBuffer.allocate(16);
        t.encode(b);
        assertEquals(16, b.position());
        assertEquals(Fixtures.block("hd201-lvd").slice(0, 16), b.flip());
        assertEquals(t, DescriptorTag.decode(b));
    }

    @Test
    void wrongChecksum() {
        assertMalformed("DescriptorTag.checksum", () -> DescriptorTag.decode(Fixtures.corrupt("hd201-pvd", 4, 1)));
    }

    @Test
    void changedByteBreaksChecksum() {
        assertMalformed("tag checksum", () -> DescriptorTag.decode(Fixtures.corrupt("hd201-pvd", 12, 1)));
    }

    @Test
    void wrongCrc() throws Exception {
        ByteBuffer b = Fixtures.corrupt("hd201-pvd", 100, 1);
        DescriptorTag t = DescriptorTag.decode(b.duplicate());
        assertMalformed("tag.crc", () -> t.verifyCrc(b, 0, "PVD"));
        assertMalformed("descriptor CRC", () -> UdfPrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void crcLengthBeyondTheBuffer() throws Exception {
        ByteBuffer b = Fixtures.block("hd201-pvd");
        b.put(10, (byte) 0xF0).put(11, (byte) 0x07);  // 2032 + 16 = 2048 fits
        Fixtures.reseal(b);
        DescriptorTag.decode(b.duplicate()).verifyCrc(b, 0, "PVD");
        ByteBuffer small = b.slice(0, 512);
        assertMalformed("crcLength", () -> DescriptorTag.decode(small.duplicate()).verifyCrc(small, 0, "PVD"));
    }

    @Test
    void wrongLocation() throws Exception {
        DescriptorTag t = DescriptorTag.decode(Fixtures.block("hd201-pvd"));
        assertMalformed("tag location 96", () -> t.checkLocation(97, "PVD"));
    }

    @Test
    void wrongVersion() {
        ByteBuffer b = Fixtures.block("hd201-pvd");
        b.put(2, (byte) 4);
        Fixtures.reseal(b);
        assertMalformed("version", () -> DescriptorTag.decode(b));
    }

    @Test
    void wrongIdentifier() {
        assertMalformed("tag identifier 1", () -> LogicalVolumeDescriptor.decode(Fixtures.block("hd201-pvd")));
    }

    @Test
    void truncated() {
        assertMalformed("truncated", () -> DescriptorTag.decode(ByteBuffer.allocate(15)));
    }
}
