package org.discimage.udf;

import static org.discimage.codec.TestBytes.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

class LogicalVolumeIntegrityDescriptorTest {
    @Test
    void fieldsOfTheMkudffsLvid() throws Exception {
        LogicalVolumeIntegrityDescriptor l = LogicalVolumeIntegrityDescriptor.decode(Fixtures.block("hd201-lvid"));
        assertEquals(LogicalVolumeIntegrityDescriptor.CLOSE, l.integrityType());
        assertEquals(46, l.implementationUse().length);
        assertEquals(1, l.sizeTable().size());
    }

    @Test
    void tooManyPartitions() {
        assertMalformed("numberOfPartitions", () -> LogicalVolumeIntegrityDescriptor.decode(
                Fixtures.withField32("hd201-lvid", 72, 0x1000_0000L)));
    }

    @Test
    void implementationUseBeyondTheBlock() {
        assertMalformed("do not fit", () -> LogicalVolumeIntegrityDescriptor.decode(
                Fixtures.withField32("hd201-lvid", 76, 4000)));
    }

    @Test
    void shortImplementationUseHasNoRevision() throws Exception {
        LogicalVolumeIntegrityDescriptor l = new LogicalVolumeIntegrityDescriptor(
                DescriptorTag.of(DescriptorTag.ID_LVID, 2, 1, 64), Timestamp.of(java.time.Instant.EPOCH), 1,
                new ExtentAd(0, 0), new byte[32], List.of(0L), List.of(100L), new byte[10]);
        ByteBuffer b = ByteBuffer.allocate(2048);
        l.encode(b);
        LogicalVolumeIntegrityDescriptor d = LogicalVolumeIntegrityDescriptor.decode(b.flip());
        assertEquals(-1, d.minimumUdfReadRevision());
        assertEquals(List.of(100L), d.sizeTable());
    }
}
