package org.discimage.span;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.discimage.PhysicalMediaType;
import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;

class MediaCapacityTest {

    @Test
    void mediaNamesGiveTheirBlockCounts() throws DiscImageException {
        assertEquals(359_847, MediaCapacity.parse("CD").blocks());
        assertEquals(PhysicalMediaType.DVDPLUSR.nominalBlocks(), MediaCapacity.parse("dvd").blocks());
        assertEquals(PhysicalMediaType.DVDDASHR_DUALLAYER.nominalBlocks(), MediaCapacity.parse("DVD-DL").blocks());
        assertEquals(12_219_392, MediaCapacity.parse("BD25").blocks());
        assertEquals(24_438_784, MediaCapacity.parse("bd50").blocks());
        assertEquals(48_878_592, MediaCapacity.parse("BD100").blocks());
    }

    @Test
    void numbersAreBytesRoundedDownToBlocksOrBlocksWithS() throws DiscImageException {
        assertEquals(2, MediaCapacity.parse("5000").blocks());
        assertEquals(300, MediaCapacity.parse("300s").blocks());
        assertEquals(700_000_000 / 2048, MediaCapacity.parse("700m").blocks());
        assertEquals(512, MediaCapacity.parse("1MiB").blocks());
        assertEquals(4_700_000_000L / 2048, MediaCapacity.parse("4700m").blocks());
    }

    @Test
    void nonsenseAndLessThanABlockAreInvalidParameters() {
        for (String bad : new String[] {"floppy", "12x", "100", "-5s", ""}) {
            DiscImageException e = assertThrows(DiscImageException.class, () -> MediaCapacity.parse(bad), bad);
            assertEquals(ErrorCode.INVALID_PARAM, e.code(), bad);
        }
    }
}
