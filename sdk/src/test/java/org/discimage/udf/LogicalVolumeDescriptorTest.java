package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

class LogicalVolumeDescriptorTest {
    @Test
    void mapTableLengthBeyondTheBlock() {
        assertMalformed("mapTableLength", () -> LogicalVolumeDescriptor.decode(Fixtures.withField32("hd201-lvd", 264, 5000)));
    }

    @Test
    void moreMapsThanFit() {
        assertMalformed("numberOfPartitionMaps", () -> LogicalVolumeDescriptor.decode(
                Fixtures.withField32("hd201-lvd", 268, 2)));
    }

    @Test
    void mapsShorterThanTheTable() {
        ByteBuffer b = Fixtures.withField32("hd201-lvd", 264, 12);
        b.put(10, (byte) 0x1C).put(11, (byte) 0x00);  // CRC length 428 + 16 -> 446 still fits; reseal again
        Fixtures.reseal(b);
        assertMalformed("take 6 bytes, not 12", () -> LogicalVolumeDescriptor.decode(b));
    }

    @Test
    void typeOneMapOfWrongLength() {
        ByteBuffer b = Fixtures.block("hd201-lvd");
        b.put(441, (byte) 5);
        Fixtures.reseal(b);
        assertMalformed("not 6", () -> LogicalVolumeDescriptor.decode(b));
    }

    @Test
    void allMapKindsRoundTrip() throws Exception {
        List<PartitionMap> maps = List.of(new Type1PartitionMap(1, 0),
                new VirtualPartitionMap(EntityIdentifier.withRevision(VirtualPartitionMap.IDENTIFIER, 0x0201), 1, 0),
                new SparablePartitionMap(EntityIdentifier.withRevision(SparablePartitionMap.IDENTIFIER, 0x0150), 1, 0,
                        32, 312, List.of(160L, 19968L)),
                new MetadataPartitionMap(EntityIdentifier.withRevision(MetadataPartitionMap.IDENTIFIER, 0x0250), 1, 0,
                        10, 20, 0xFFFF_FFFFL, 32, 16, 1),
                new UnknownPartitionMap(2, new byte[62]));
        LogicalVolumeDescriptor l = LogicalVolumeDescriptor.decode(Fixtures.block("hd201-lvd"));
        LogicalVolumeDescriptor m = new LogicalVolumeDescriptor(l.tag(), l.vdsNumber(), l.descriptorCharset(),
                "Vol", 2048, l.domainIdentifier(), l.logicalVolumeContentsUse(), l.implementationIdentifier(),
                l.implementationUse(), l.integritySequenceExtent(), maps);
        ByteBuffer b = ByteBuffer.allocate(2048);
        m.encode(b);
        assertEquals(440 + 6 + 4 * 64, b.position());
        LogicalVolumeDescriptor d = LogicalVolumeDescriptor.decode(b.flip());
        assertEquals(maps.subList(0, 4), d.partitionMaps().subList(0, 4));
        assertInstanceOf(UnknownPartitionMap.class, d.partitionMaps().get(4));
        assertEquals("Vol", d.logicalVolumeIdentifier());
    }

    @Test
    void sparableMapWithoutTables() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(64);
        new SparablePartitionMap(EntityIdentifier.withRevision(SparablePartitionMap.IDENTIFIER, 0x0150), 1, 0, 32, 312,
                List.of(160L)).encode(b);
        b.put(42, (byte) 0);
        assertMalformed("numberOfSparingTables", () -> PartitionMap.decode(b.flip()));
        b.put(42, (byte) 5);
        assertMalformed("not 1 to 4", () -> PartitionMap.decode(b.rewind()));
    }

    @Test
    void mapShorterThanItsHeader() {
        assertMalformed("below 2", () -> PartitionMap.decode(ByteBuffer.wrap(new byte[] {1, 1, 0, 0, 0, 0})));
        assertMalformed("truncated", () -> PartitionMap.decode(ByteBuffer.wrap(new byte[] {2, 64, 0})));
    }
}
