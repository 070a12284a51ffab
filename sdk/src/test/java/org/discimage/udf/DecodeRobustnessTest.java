package org.discimage.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every decoder is fed every truncated prefix and thousands of random corruptions of the real
 * descriptors: the only exception allowed out is MALFORMED_STRUCTURE.
 */
@Timeout(60)
class DecodeRobustnessTest {
    interface Decoder {
        void decode(ByteBuffer b) throws DiscImageException;
    }

    private static final List<Decoder> DECODERS = List.of(DescriptorTag::decode, Charspec::decode,
            Timestamp::decode, EntityIdentifier::decode, ExtentAd::decode, LogicalBlockAddress::decode,
            ShortAllocationDescriptor::decode, LongAllocationDescriptor::decode, ExtendedAllocationDescriptor::decode,
            VolumeStructureDescriptor::decode, AnchorVolumeDescriptorPointer::decode, VolumeDescriptorPointer::decode,
            UdfPrimaryVolumeDescriptor::decode, ImplementationUseVolumeDescriptor::decode,
            PartitionDescriptor::decode, LogicalVolumeDescriptor::decode, UnallocatedSpaceDescriptor::decode,
            TerminatingDescriptor::decode, LogicalVolumeIntegrityDescriptor::decode, FileSetDescriptor::decode,
            IcbTag::decode, FileEntry::decode, ExtendedFileEntry::decode, FileIdentifierDescriptor::decode,
            AllocationExtentDescriptor::decode, SparingTable::decode, VirtualAllocationTable::decode,
            VirtualAllocationTable150::decode, PartitionMap::decode, PathComponent::decodeAll,
            b -> PathComponent.toPath(PathComponent.decodeAll(b)),
            b -> FileEntry.decode(b, false), b -> ExtendedFileEntry.decode(b, false),
            b -> LogicalVolumeDescriptor.decode(b, false), b -> LogicalVolumeIntegrityDescriptor.decode(b, false),
            b -> Cs0.decodeDString(bytes(b), "dstring"), b -> Cs0.decode(bytes(b), "cs0"));

    private static final List<String> FIXTURES = List.of("hd201-avdp", "hd201-pvd", "hd201-lvd", "hd201-pd",
            "hd201-usd", "hd201-iuvd", "hd201-td", "hd201-lvid", "hd201-fsd", "hd201-efe-root", "hd201-efe-streamdir",
            "cdrw150-lvd", "cdrw150-sparing", "cdrw150-fe-root", "cdr150-lvd", "cdr150-fe-vat", "bdr250-efe-vat");

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[Math.min(b.remaining(), 300)];
        b.get(a);
        return a;
    }

    private static void feed(byte[] data, int length) {
        for (Decoder d : DECODERS) {
            try {
                d.decode(ByteBuffer.wrap(data, 0, length).slice());
            } catch (DiscImageException e) {
                assertEquals(ErrorCode.MALFORMED_STRUCTURE, e.code(), e.getMessage());
            } catch (RuntimeException | Error e) {
                fail("decoder threw " + e + " on " + length + " bytes", e);
            }
        }
    }

    @Test
    void everyTruncatedPrefix() {
        for (String f : FIXTURES) {
            byte[] b = Fixtures.bytes(f);
            for (int n = 0; n <= 600; n++) {
                feed(b, n);
            }
        }
    }

    @Test
    void randomCorruptions() {
        Random r = new Random(42);
        for (String f : FIXTURES) {
            byte[] orig = Fixtures.bytes(f);
            for (int i = 0; i < 300; i++) {
                byte[] b = orig.clone();
                int n = 1 + r.nextInt(8);
                for (int k = 0; k < n; k++) {
                    int at = r.nextInt(r.nextBoolean() ? 64 : 600);
                    b[at] = (byte) r.nextInt(256);
                }
                if (r.nextBoolean()) {
                    Fixtures.reseal(ByteBuffer.wrap(b));  // get past checksum and CRC to the fields
                }
                feed(b, r.nextBoolean() ? b.length : r.nextInt(b.length));
            }
        }
    }
}
