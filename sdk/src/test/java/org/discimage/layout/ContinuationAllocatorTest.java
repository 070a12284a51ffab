package org.discimage.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContinuationAllocatorTest {
    @Test
    void areasAreConsecutiveAndNeverCrossABlock() {
        ContinuationAllocator a = new ContinuationAllocator();
        assertEquals(0, a.allocate(237));
        assertEquals(237, a.allocate(1000));
        // 1237 + 900 > 2048: the next area starts the next block
        assertEquals(2048, a.allocate(900));
        assertEquals(2948, a.allocate(1100));
        assertEquals(2, a.sectors());
        assertEquals(4096, a.allocate(2048));
        assertEquals(3, a.sectors());
    }

    @Test
    void emptyRegionHasNoSectors() {
        assertEquals(0, new ContinuationAllocator().sectors());
    }
}
