package org.discimage.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SectorPackerTest {
    @Test
    void recordThatDoesNotFitStartsTheNextSector() {
        SectorPacker p = new SectorPacker();
        for (int i = 0; i < 8; i++) {
            p.add(254); // 8 * 254 = 2032, 16 bytes left
        }
        assertEquals(1, p.sectors());
        p.add(16);
        assertEquals(1, p.sectors());
        p.add(34);
        assertEquals(2, p.sectors());
    }

    @Test
    void exactFitStaysInOneSector() {
        SectorPacker p = new SectorPacker();
        p.add(2048);
        assertEquals(1, p.sectors());
        p.add(34);
        assertEquals(2, p.sectors());
    }
}
