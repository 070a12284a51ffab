package org.discimage.udf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** Every record decodes the mkudffs bytes and encodes them back byte for byte. */
class RecordRoundTripTest {
    @Test
    void avdp() throws Exception {
        AnchorVolumeDescriptorPointer a = AnchorVolumeDescriptorPointer.decode(Fixtures.block("hd201-avdp"));
        assertEquals(96, a.mainVds().extentLocation());
        assertEquals(16 * 2048, a.mainVds().extentLength());
        assertArrayEquals(Fixtures.prefix("hd201-avdp", 512), Fixtures.encoded(a::encode, 512));
    }

    @Test
    void pvd() throws Exception {
        UdfPrimaryVolumeDescriptor p = UdfPrimaryVolumeDescriptor.decode(Fixtures.block("hd201-pvd"));
        assertEquals("LinuxUDF", p.volumeIdentifier());
        assertTrue(p.volumeSetIdentifier().startsWith("0123456789abcdef"));
        assertEquals(Charspec.OSTA, p.descriptorCharset());
        assertArrayEquals(Fixtures.prefix("hd201-pvd", 512), Fixtures.encoded(p::encode, 512));
    }

    @Test
    void lvdWithType1Map() throws Exception {
        LogicalVolumeDescriptor l = LogicalVolumeDescriptor.decode(Fixtures.block("hd201-lvd"));
        assertEquals("LinuxUDF", l.logicalVolumeIdentifier());
        assertEquals(2048, l.logicalBlockSize());
        assertEquals(0x0201, l.domainIdentifier().udfRevision());
        assertEquals(EntityIdentifier.OSTA_DOMAIN, l.domainIdentifier().identifier());
        assertEquals(new Type1PartitionMap(1, 0), l.partitionMaps().get(0));
        assertEquals(446, l.length());
        assertArrayEquals(Fixtures.prefix("hd201-lvd", 446), Fixtures.encoded(l::encode, 446));
    }

    @Test
    void lvdWithSparableMap() throws Exception {
        LogicalVolumeDescriptor l = LogicalVolumeDescriptor.decode(Fixtures.block("cdrw150-lvd"));
        SparablePartitionMap m = assertInstanceOf(SparablePartitionMap.class, l.partitionMaps().get(0));
        assertEquals(32, m.packetLength());
        assertEquals(2, m.sparingTableLocations().size());
        assertArrayEquals(Fixtures.prefix("cdrw150-lvd", l.length()), Fixtures.encoded(l::encode, l.length()));
    }

    @Test
    void lvdWithVirtualMap() throws Exception {
        LogicalVolumeDescriptor l = LogicalVolumeDescriptor.decode(Fixtures.block("cdr150-lvd"));
        assertInstanceOf(Type1PartitionMap.class, l.partitionMaps().get(0));
        assertInstanceOf(VirtualPartitionMap.class, l.partitionMaps().get(1));
        assertArrayEquals(Fixtures.prefix("cdr150-lvd", l.length()), Fixtures.encoded(l::encode, l.length()));
    }

    @Test
    void pd() throws Exception {
        PartitionDescriptor p = PartitionDescriptor.decode(Fixtures.block("hd201-pd"));
        assertEquals("+NSR03", p.partitionContents().identifier());
        assertEquals(257, p.partitionStartingLocation());
        assertArrayEquals(Fixtures.prefix("hd201-pd", 512), Fixtures.encoded(p::encode, 512));
    }

    @Test
    void usd() throws Exception {
        UnallocatedSpaceDescriptor u = UnallocatedSpaceDescriptor.decode(Fixtures.block("hd201-usd"));
        assertArrayEquals(Fixtures.prefix("hd201-usd", u.length()), Fixtures.encoded(u::encode, u.length()));
    }

    @Test
    void iuvd() throws Exception {
        ImplementationUseVolumeDescriptor v = ImplementationUseVolumeDescriptor.decode(Fixtures.block("hd201-iuvd"));
        assertEquals(ImplementationUseVolumeDescriptor.LV_INFO, v.implementationIdentifier().identifier());
        assertEquals("LinuxUDF", v.logicalVolumeIdentifier());
        assertArrayEquals(Fixtures.prefix("hd201-iuvd", 512), Fixtures.encoded(v::encode, 512));
    }

    @Test
    void td() throws Exception {
        TerminatingDescriptor t = TerminatingDescriptor.decode(Fixtures.block("hd201-td"));
        assertArrayEquals(Fixtures.prefix("hd201-td", 512), Fixtures.encoded(t::encode, 512));
    }

    @Test
    void lvid() throws Exception {
        LogicalVolumeIntegrityDescriptor l = LogicalVolumeIntegrityDescriptor.decode(Fixtures.block("hd201-lvid"));
        assertEquals(1, l.freeSpaceTable().size());
        assertEquals(0x0201, l.minimumUdfReadRevision());
        assertArrayEquals(Fixtures.prefix("hd201-lvid", l.length()), Fixtures.encoded(l::encode, l.length()));
    }

    @Test
    void fsd() throws Exception {
        FileSetDescriptor f = FileSetDescriptor.decode(Fixtures.block("hd201-fsd"));
        assertEquals("LinuxUDF", f.fileSetIdentifier());
        assertArrayEquals(Fixtures.prefix("hd201-fsd", 512), Fixtures.encoded(f::encode, 512));
    }

    @Test
    void efeWithEmbeddedFids() throws Exception {
        ExtendedFileEntry e = ExtendedFileEntry.decode(Fixtures.block("hd201-efe-root"));
        assertEquals(IcbTag.TYPE_DIRECTORY, e.icbTag().fileType());
        assertArrayEquals(Fixtures.prefix("hd201-efe-root", e.length()), Fixtures.encoded(e::encode, e.length()));
        assertFidsRoundTrip(e);
    }

    @Test
    void feWithFids() throws Exception {
        FileEntry e = FileEntry.decode(Fixtures.block("cdrw150-fe-root"));
        assertEquals(IcbTag.TYPE_DIRECTORY, e.icbTag().fileType());
        assertArrayEquals(Fixtures.prefix("cdrw150-fe-root", e.length()), Fixtures.encoded(e::encode, e.length()));
        assertFidsRoundTrip(e);
    }

    private static void assertFidsRoundTrip(IcbEntry e) throws Exception {
        ByteBuffer fids = ByteBuffer.wrap(e.allocationDescriptors());
        int n = 0;
        while (fids.hasRemaining()) {
            int at = fids.position();
            FileIdentifierDescriptor f = FileIdentifierDescriptor.decode(fids);
            byte[] expected = new byte[f.length()];
            fids.get(at, expected);
            assertArrayEquals(expected, Fixtures.encoded(f::encode, f.length()));
            if (n++ == 0) {
                assertTrue(f.is(FileIdentifierDescriptor.PARENT));
            }
        }
        assertTrue(n > 1, "the root holds more than its parent FID");
    }

    @Test
    void sparingTable() throws Exception {
        SparingTable t = SparingTable.decode(Fixtures.block("cdrw150-sparing"));
        assertTrue(t.entries().stream().noneMatch(SparingTable.Entry::inUse));
        assertArrayEquals(Fixtures.prefix("cdrw150-sparing", t.length()), Fixtures.encoded(t::encode, t.length()));
    }

    @Test
    void vat150() throws Exception {
        FileEntry e = FileEntry.decode(Fixtures.block("cdr150-fe-vat"));
        VirtualAllocationTable150 v = VirtualAllocationTable150.decode(ByteBuffer.wrap(e.allocationDescriptors()));
        assertEquals(0, v.map(0));
        assertEquals(1, v.map(1));
        assertEquals(-1, v.map(2));
        assertArrayEquals(e.allocationDescriptors(), Fixtures.encoded(v::encode, v.length()));
    }

    @Test
    void vat200() throws Exception {
        ExtendedFileEntry e = ExtendedFileEntry.decode(Fixtures.block("bdr250-efe-vat"));
        assertEquals(IcbTag.TYPE_VAT, e.icbTag().fileType());
        VirtualAllocationTable v = VirtualAllocationTable.decode(ByteBuffer.wrap(e.allocationDescriptors()));
        assertEquals("LinuxUDF", v.logicalVolumeIdentifier());
        assertEquals(0x0250, v.minimumUdfReadRevision());
        assertArrayEquals(e.allocationDescriptors(), Fixtures.encoded(v::encode, v.length()));
    }
}
