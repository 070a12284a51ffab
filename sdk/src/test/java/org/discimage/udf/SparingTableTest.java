package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class SparingTableTest {
    @Test
    void mkudffsTableIsAllFree() throws Exception {
        SparingTable t = SparingTable.decode(Fixtures.block("cdrw150-sparing"));
        assertEquals(32, t.entries().size());
        assertFalse(t.entries().get(0).inUse());
        assertEquals(160, t.tag().location());
    }

    @Test
    void wrongIdentifier() {
        ByteBuffer b = Fixtures.block("cdrw150-sparing");
        b.put(18, (byte) 'X');
        Fixtures.reseal(b);
        assertMalformed("sparingIdentifier", () -> SparingTable.decode(b));
    }

    @Test
    void moreEntriesThanTheBuffer() {
        ByteBuffer b = Fixtures.block("cdrw150-sparing");
        b.put(48, (byte) 0xFF).put(49, (byte) 0xFF);
        assertMalformed("reallocationTableLength", () -> SparingTable.decode(b, false));
    }
}
