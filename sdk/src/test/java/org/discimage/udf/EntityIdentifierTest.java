package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class EntityIdentifierTest {
    @Test
    void domainOfTheMkudffsLvd() throws Exception {
        EntityIdentifier e = EntityIdentifier.decode(Fixtures.block("hd201-lvd").position(216));
        assertEquals(EntityIdentifier.OSTA_DOMAIN, e.identifier());
        assertEquals(0x0201, e.udfRevision());
        ByteBuffer b = ByteBuffer.allocate(32);
        e.encode(b);
        assertArrayEquals(java.util.Arrays.copyOfRange(Fixtures.bytes("hd201-lvd"), 216, 248), b.array());
    }

    @Test
    void withRevision() {
        EntityIdentifier e = EntityIdentifier.withRevision("*UDF LV Info", 0x0250);
        assertEquals(0x0250, e.udfRevision());
        assertEquals(e, EntityIdentifier.withRevision("*UDF LV Info", 0x0250));
    }

    @Test
    void identifierOver23Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new EntityIdentifier(0, "x".repeat(24), null));
    }

    @Test
    void truncated() {
        assertMalformed("truncated", () -> EntityIdentifier.decode(ByteBuffer.allocate(31)));
    }
}
