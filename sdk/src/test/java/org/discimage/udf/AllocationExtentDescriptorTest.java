package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class AllocationExtentDescriptorTest {
    static ByteBuffer sample() {
        ByteBuffer ads = ByteBuffer.allocate(32);
        LongAllocationDescriptor.of(4096, 10, 0).encode(ads);
        LongAllocationDescriptor.of(100, 20, 0).encode(ads);
        ByteBuffer b = ByteBuffer.allocate(2048);
        new AllocationExtentDescriptor(DescriptorTag.of(DescriptorTag.ID_AED, 3, 1, 33), 0, ads.array()).encode(b);
        return b.flip().limit(2048);
    }

    @Test
    void roundTrip() throws Exception {
        AllocationExtentDescriptor a = AllocationExtentDescriptor.decode(sample());
        assertEquals(56, a.length());
        assertEquals(40, a.tag().crcLength());
        ByteBuffer again = ByteBuffer.allocate(56);
        a.encode(again);
        assertArrayEquals(java.util.Arrays.copyOf(sample().array(), 56), again.array());
    }

    @Test
    void lengthOfDescriptorsBeyondTheBlock() {
        ByteBuffer b = sample();
        b.putInt(20, Integer.reverseBytes(5000));
        assertMalformed("lengthOfAllocationDescriptors", () -> AllocationExtentDescriptor.decode(b, false));
    }

    @Test
    void wrongCrc() {
        ByteBuffer b = sample();
        b.put(30, (byte) 1);
        assertMalformed("descriptor CRC", () -> AllocationExtentDescriptor.decode(b));
    }
}
