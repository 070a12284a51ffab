package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The small volume structures: VSD, AVDP, VDP, TD, IUVD, PD, PVD, USD (their mkudffs round trips
 * are in {@link RecordRoundTripTest}).
 */
class VolumeDescriptorsTest {
    @Test
    void volumeStructureDescriptor() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(2048);
        VolumeStructureDescriptor.of(VolumeStructureDescriptor.NSR03).encode(b);
        assertArrayEquals(new byte[] {0, 'N', 'S', 'R', '0', '3', 1}, java.util.Arrays.copyOf(b.array(), 7));
        VolumeStructureDescriptor v = VolumeStructureDescriptor.decode(b.flip());
        assertTrue(v.isNsr());
        assertMalformed("truncated", () -> VolumeStructureDescriptor.decode(ByteBuffer.allocate(2047)));
    }

    @Test
    void volumeDescriptorPointerRoundTrip() throws Exception {
        VolumeDescriptorPointer p = new VolumeDescriptorPointer(DescriptorTag.of(DescriptorTag.ID_VDP, 3, 1, 40), 7,
                new ExtentAd(16 * 2048, 300));
        ByteBuffer b = ByteBuffer.allocate(2048);
        p.encode(b);
        VolumeDescriptorPointer d = VolumeDescriptorPointer.decode(b.flip());
        assertEquals(p.nextVds(), d.nextVds());
        assertEquals(496, d.tag().crcLength());
    }

    @Test
    void anchorWithAnotherTag() {
        assertMalformed("tag identifier 1", () -> AnchorVolumeDescriptorPointer.decode(Fixtures.block("hd201-pvd")));
    }

    @Test
    void anchorTruncated() {
        assertMalformed("truncated", () -> AnchorVolumeDescriptorPointer.decode(Fixtures.block("hd201-avdp").limit(511)));
    }

    @Test
    void terminatingDescriptorWrongCrc() {
        assertMalformed("descriptor CRC", () -> TerminatingDescriptor.decode(Fixtures.corrupt("hd201-td", 300, 1)));
    }

    @Test
    void pvdVolumeIdentifierLengthBeyondItsField() {
        ByteBuffer b = Fixtures.block("hd201-pvd");
        b.put(24 + 31, (byte) 40);
        Fixtures.reseal(b);
        assertMalformed("volumeIdentifier", () -> UdfPrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void pvdUnknownCompression() {
        ByteBuffer b = Fixtures.block("hd201-pvd");
        b.put(24, (byte) 9);
        Fixtures.reseal(b);
        assertMalformed("compression ID 9", () -> UdfPrimaryVolumeDescriptor.decode(b));
    }

    @Test
    void partitionDescriptorWrongChecksum() {
        assertMalformed("checksum", () -> PartitionDescriptor.decode(Fixtures.corrupt("hd201-pd", 4, 7)));
    }

    @Test
    void implementationUseWrongCrc() {
        assertMalformed("descriptor CRC", () -> ImplementationUseVolumeDescriptor.decode(
                Fixtures.corrupt("hd201-iuvd", 100, 1)));
    }

    @Test
    void unallocatedSpaceCountBeyondTheBuffer() {
        assertMalformed("numberOfAllocationDescriptors", () -> UnallocatedSpaceDescriptor.decode(
                Fixtures.withField32("hd201-usd", 20, 300)));
    }

    @Test
    void unallocatedSpaceRoundTrip() throws Exception {
        UnallocatedSpaceDescriptor u = new UnallocatedSpaceDescriptor(DescriptorTag.of(DescriptorTag.ID_USD, 2, 1, 5), 9,
                List.of(new ExtentAd(2048, 1000), new ExtentAd(4096, 2000)));
        ByteBuffer b = ByteBuffer.allocate(2048);
        u.encode(b);
        assertEquals(40, b.position());
        assertEquals(u.extents(), UnallocatedSpaceDescriptor.decode(b.flip()).extents());
    }
}
