package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class FileIdentifierDescriptorTest {
    static ByteBuffer fids() throws Exception {
        return ByteBuffer.wrap(ExtendedFileEntry.decode(Fixtures.block("hd201-efe-root")).allocationDescriptors());
    }

    @Test
    void parentThenNamedEntries() throws Exception {
        ByteBuffer b = fids();
        FileIdentifierDescriptor parent = FileIdentifierDescriptor.decode(b);
        assertTrue(parent.is(FileIdentifierDescriptor.PARENT));
        assertEquals(40, parent.length());
        assertEquals("", parent.name());
        FileIdentifierDescriptor next = FileIdentifierDescriptor.decode(b);
        assertTrue(next.name().length() > 0);
        assertEquals(FileIdentifierDescriptor.length(0, next.fileIdentifier().length), next.length());
    }

    @Test
    void paddingToFourBytes() {
        assertEquals(40, FileIdentifierDescriptor.length(0, 0));
        assertEquals(44, FileIdentifierDescriptor.length(0, 6));
        assertEquals(48, FileIdentifierDescriptor.length(4, 6));
    }

    @Test
    void implementationUseBeyondTheData() throws Exception {
        ByteBuffer b = fids();
        b.put(36, (byte) 0xFF).put(37, (byte) 0x7F);
        Fixtures.reseal(b);
        assertMalformed("runs past", () -> FileIdentifierDescriptor.decode(b));
    }

    @Test
    void wrongCrc() throws Exception {
        ByteBuffer b = fids();
        b.put(20, (byte) (b.get(20) + 1));
        assertMalformed("descriptor CRC", () -> FileIdentifierDescriptor.decode(b));
    }

    @Test
    void roundTripWithImplementationUse() throws Exception {
        FileIdentifierDescriptor f = new FileIdentifierDescriptor(DescriptorTag.of(DescriptorTag.ID_FID, 3, 1, 7), 1,
                FileIdentifierDescriptor.HIDDEN, LongAllocationDescriptor.of(2048, 12, 0), new byte[] {1, 2, 3},
                Cs0.encode("ünï"));
        ByteBuffer b = ByteBuffer.allocate(100);
        f.encode(b);
        assertEquals(48, b.position());
        FileIdentifierDescriptor d = FileIdentifierDescriptor.decode(b.flip());
        assertEquals("ünï", d.name());
        assertEquals(28 + 4, d.tag().crcLength());
        assertTrue(d.is(FileIdentifierDescriptor.HIDDEN));
    }
}
