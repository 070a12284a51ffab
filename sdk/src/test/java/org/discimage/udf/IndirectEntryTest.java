package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class IndirectEntryTest {
    @Test
    void roundTrip() throws Exception {
        IndirectEntry e = new IndirectEntry(DescriptorTag.of(DescriptorTag.ID_IE, 3, 1, 9), IcbTag.of(0, 0),
                LongAllocationDescriptor.of(2048, 40, 0));
        ByteBuffer b = ByteBuffer.allocate(52);
        e.encode(b);
        IndirectEntry d = IndirectEntry.decode(b.flip());
        assertEquals(e.indirectIcb(), d.indirectIcb());
        assertEquals(36, d.tag().crcLength());
    }

    @Test
    void truncated() {
        ByteBuffer b = ByteBuffer.allocate(52);
        new IndirectEntry(DescriptorTag.of(DescriptorTag.ID_IE, 3, 1, 9), IcbTag.of(0, 0),
                LongAllocationDescriptor.of(2048, 40, 0)).encode(b);
        assertMalformed("truncated", () -> IndirectEntry.decode(b.flip().limit(51), false));
    }
}
