package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class FileEntryTest {
    @Test
    void fieldsOfTheMkudffsRootDirectory() throws Exception {
        FileEntry e = FileEntry.decode(Fixtures.block("cdrw150-fe-root"));
        assertEquals(IcbTag.AD_EMBEDDED, e.icbTag().allocationDescriptorType());
        assertEquals(e.informationLength(), e.allocationDescriptors().length);
        assertEquals(176, e.allocationDescriptorsOffset());
        assertNull(e.streamDirectory());
    }

    @Test
    void lengthsBeyondTheBlock() {
        assertMalformed("L_AD", () -> FileEntry.decode(Fixtures.withField32("cdrw150-fe-root", 172, 0xFFFF_FFF0L)));
        assertMalformed("L_EA", () -> FileEntry.decode(Fixtures.withField32("cdrw150-fe-root", 168, 1900)));
    }

    @Test
    void informationLengthBeyond2To63() {
        ByteBuffer b = Fixtures.block("cdrw150-fe-root");
        b.put(63, (byte) 0x80);
        Fixtures.reseal(b);
        assertMalformed("informationLength", () -> FileEntry.decode(b));
    }

    @Test
    void wrongCrc() {
        assertMalformed("descriptor CRC", () -> FileEntry.decode(Fixtures.corrupt("cdrw150-fe-root", 200, 1)));
    }

    @Test
    void crcNotCheckedWhenTheCallerDidIt() throws Exception {
        FileEntry.decode(Fixtures.corrupt("cdrw150-fe-root", 200, 1), false);
    }

    @Test
    void icbTagRoundTrip() throws Exception {
        IcbTag t = new IcbTag(0, 4096, 0, 2, IcbTag.TYPE_SYMLINK, new LogicalBlockAddress(9, 1),
                IcbTag.AD_LONG | IcbTag.FLAG_STICKY);
        ByteBuffer b = ByteBuffer.allocate(20);
        t.encode(b);
        assertEquals(t, IcbTag.decode(b.flip()));
        assertEquals(IcbTag.AD_LONG, t.allocationDescriptorType());
        byte[] expected = new byte[20];
        IcbTag.decode(ByteBuffer.wrap(Fixtures.bytes("cdrw150-fe-root"), 16, 20)).encode(ByteBuffer.wrap(expected));
        assertArrayEquals(java.util.Arrays.copyOfRange(Fixtures.bytes("cdrw150-fe-root"), 16, 36), expected);
    }
}
