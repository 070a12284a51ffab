package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class ExtendedFileEntryTest {
    @Test
    void fieldsOfTheMkudffsStreamDirectory() throws Exception {
        ExtendedFileEntry e = ExtendedFileEntry.decode(Fixtures.block("hd201-efe-streamdir"));
        assertEquals(IcbTag.TYPE_STREAM_DIRECTORY, e.icbTag().fileType());
        assertEquals(216, e.allocationDescriptorsOffset());
        assertEquals(0, e.streamDirectory().extentLength());
    }

    @Test
    void lengthsBeyondTheBlock() {
        assertMalformed("L_AD", () -> ExtendedFileEntry.decode(Fixtures.withField32("hd201-efe-root", 212, 2000)));
    }

    @Test
    void objectSizeBeyond2To63() {
        ByteBuffer b = Fixtures.block("hd201-efe-root");
        b.put(71, (byte) 0xFF);
        Fixtures.reseal(b);
        assertMalformed("objectSize", () -> ExtendedFileEntry.decode(b));
    }

    @Test
    void fileEntryIsNotAnExtendedOne() {
        assertMalformed("tag identifier 261", () -> ExtendedFileEntry.decode(Fixtures.block("cdrw150-fe-root")));
    }

    @Test
    void truncated() {
        assertMalformed("crcLength", () -> ExtendedFileEntry.decode(Fixtures.block("hd201-efe-root").limit(215)));
        assertMalformed("truncated", () -> ExtendedFileEntry.decode(Fixtures.block("hd201-efe-root").limit(215), false));
    }
}
