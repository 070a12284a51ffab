package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** Both VAT forms: UDF 2.00+ with its header, UDF 1.50 with its trailing regid. */
class VirtualAllocationTableTest {
    static byte[] vat200() throws Exception {
        return ExtendedFileEntry.decode(Fixtures.block("bdr250-efe-vat")).allocationDescriptors();
    }

    static byte[] vat150() throws Exception {
        return FileEntry.decode(Fixtures.block("cdr150-fe-vat")).allocationDescriptors();
    }

    @Test
    void headerLengthNot152PlusImplementationUse() throws Exception {
        byte[] v = vat200();
        v[0] = (byte) 150;
        assertMalformed("lengthOfHeader", () -> VirtualAllocationTable.decode(ByteBuffer.wrap(v)));
    }

    @Test
    void entriesNotAMultipleOfFour() throws Exception {
        byte[] v = java.util.Arrays.copyOf(vat200(), vat200().length + 2);
        assertMalformed("multiple of 4", () -> VirtualAllocationTable.decode(ByteBuffer.wrap(v)));
    }

    @Test
    void mapping() throws Exception {
        VirtualAllocationTable v = VirtualAllocationTable.decode(ByteBuffer.wrap(vat200()));
        assertEquals(v.size(), v.entries().length);
        assertEquals(-1, v.map(v.size()));
        assertEquals(-1, v.map(-1));
    }

    @Test
    void vat150WithoutItsRegid() throws Exception {
        byte[] v = vat150();
        v[v.length - 30] = 'X';
        assertMalformed("identifier", () -> VirtualAllocationTable150.decode(ByteBuffer.wrap(v)));
    }

    @Test
    void vat150TooShort() {
        assertMalformed("trailer", () -> VirtualAllocationTable150.decode(ByteBuffer.allocate(35)));
        assertMalformed("trailer", () -> VirtualAllocationTable150.decode(ByteBuffer.allocate(38)));
    }
}
