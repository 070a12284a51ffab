package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.discimage.codec.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** short_ad, long_ad, ext_ad, lb_addr and extent_ad. */
class AllocationDescriptorTest {
    @Test
    void shortAdTypeBits() throws Exception {
        ShortAllocationDescriptor s = ShortAllocationDescriptor.decode(ByteBuffer.wrap(hex("00 08 00 c0 05 00 00 00")));
        assertEquals(AllocationDescriptor.CONTINUATION, s.extentType());
        assertEquals(2048, s.extentLength());
        assertEquals(5, s.logicalBlockNumber());
        assertEquals(9, s.partitionReference(9));
        ByteBuffer b = ByteBuffer.allocate(8);
        s.encode(b);
        assertArrayEquals(hex("00 08 00 c0 05 00 00 00"), b.array());
    }

    @Test
    void longAdOfTheMkudffsFsdLocation() throws Exception {
        LongAllocationDescriptor l = LogicalVolumeDescriptor.decode(Fixtures.block("hd201-lvd")).fileSetDescriptorLocation();
        assertEquals(AllocationDescriptor.RECORDED, l.extentType());
        assertEquals(2, l.logicalBlockNumber());
        assertEquals(0, l.partitionReference(7));
        ByteBuffer b = ByteBuffer.allocate(16);
        l.encode(b);
        assertArrayEquals(java.util.Arrays.copyOfRange(Fixtures.bytes("hd201-lvd"), 248, 264), b.array());
    }

    @Test
    void extAdRoundTrip() throws Exception {
        ExtendedAllocationDescriptor e = new ExtendedAllocationDescriptor(1, 4096, 2048, 4000,
                new LogicalBlockAddress(77, 1), 5);
        ByteBuffer b = ByteBuffer.allocate(20);
        e.encode(b);
        assertEquals(e, ExtendedAllocationDescriptor.decode(b.flip()));
        assertEquals(1, e.partitionReference(0));
    }

    @Test
    void extentAdAndLbAddrRoundTrip() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(14);
        new ExtentAd(32768, 96).encode(b);
        new LogicalBlockAddress(0xFFFF_FFFEL, 3).encode(b);
        b.flip();
        assertEquals(new ExtentAd(32768, 96), ExtentAd.decode(b));
        assertEquals(new LogicalBlockAddress(0xFFFF_FFFEL, 3), LogicalBlockAddress.decode(b));
    }

    @Test
    void lengthOver30Bits() {
        assertThrows(IllegalArgumentException.class, () -> new ShortAllocationDescriptor(0, 1L << 30, 0));
    }

    @Test
    void truncated() {
        assertMalformed("ShortAllocationDescriptor", () -> ShortAllocationDescriptor.decode(ByteBuffer.allocate(7)));
        assertMalformed("LongAllocationDescriptor", () -> LongAllocationDescriptor.decode(ByteBuffer.allocate(15)));
        assertMalformed("ExtendedAllocationDescriptor", () -> ExtendedAllocationDescriptor.decode(ByteBuffer.allocate(19)));
        assertMalformed("ExtentAd", () -> ExtentAd.decode(ByteBuffer.allocate(7)));
        assertMalformed("LogicalBlockAddress", () -> LogicalBlockAddress.decode(ByteBuffer.allocate(5)));
    }
}
