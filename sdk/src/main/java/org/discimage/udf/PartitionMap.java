package org.discimage.udf;

import java.nio.ByteBuffer;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * A partition map of the Logical Volume Descriptor, ECMA-167 3/10.7: type (1), length (1), then the
 * map. Type 1 (3/10.7.2) names a physical partition; type 2 (3/10.7.3) is identified by its regid
 * (UDF 2.60 2.2.8 virtual, 2.2.9 sparable, 2.2.10 metadata).
 */
public sealed interface PartitionMap permits Type1PartitionMap, VirtualPartitionMap, SparablePartitionMap,
        MetadataPartitionMap, UnknownPartitionMap {
    /** The partition map type, 1 or 2. */
    int mapType();

    /** The encoded length of the map (6 for type 1, 64 for UDF's type 2 maps). */
    int length();

    /** The volume sequence number of the partition. */
    int volumeSequenceNumber();

    /** The partition number, which a Partition Descriptor carries. */
    int partitionNumber();

    /** Writes the map. */
    void encode(ByteBuffer b);

    /**
     * Reads one map at b's position. MALFORMED_STRUCTURE if truncated, or if the length byte does not
     * fit the type (6 for type 1, 64 for type 2); an unknown type 2 identifier or another type
     * decodes as an {@link UnknownPartitionMap}.
     */
    static PartitionMap decode(ByteBuffer b) throws DiscImageException {
        String s = "PartitionMap";
        ByteBuffer h = Le.slice(b, 2, s);
        int type = Le.u8(h, 0);
        int len = Le.u8(h, 1);
        if (len < 2) {
            throw Decoding.malformed(s + ".length", b.position() + 1, "map length " + len + " is below 2");
        }
        ByteBuffer d = Le.slice(b, len, s);
        PartitionMap m;
        if (type == 1) {
            if (len != Type1PartitionMap.LENGTH) {
                throw Decoding.malformed(s + ".length", b.position() + 1, "type 1 map of length " + len + ", not 6");
            }
            m = new Type1PartitionMap(Le.u16(d, 2), Le.u16(d, 4));
        } else if (type == 2) {
            if (len != 64) {
                throw Decoding.malformed(s + ".length", b.position() + 1, "type 2 map of length " + len + ", not 64");
            }
            m = decodeType2(d);
        } else {
            m = new UnknownPartitionMap(type, Le.bytes(d, 2, len - 2));
        }
        b.position(b.position() + len);
        return m;
    }

    private static PartitionMap decodeType2(ByteBuffer d) throws DiscImageException {
        EntityIdentifier id = EntityIdentifier.decode(d.position(4));
        int vsn = Le.u16(d, 36);
        int pn = Le.u16(d, 38);
        return switch (id.identifier()) {
            case VirtualPartitionMap.IDENTIFIER -> new VirtualPartitionMap(id, vsn, pn);
            case SparablePartitionMap.IDENTIFIER -> SparablePartitionMap.decodeBody(id, vsn, pn, d);
            case MetadataPartitionMap.IDENTIFIER -> new MetadataPartitionMap(id, vsn, pn, Le.u32(d, 40),
                    Le.u32(d, 44), Le.u32(d, 48), Le.u32(d, 52), Le.u16(d, 56), Le.u8(d, 58));
            default -> new UnknownPartitionMap(2, Le.bytes(d, 2, 62));
        };
    }

    /** Writes the common head of a UDF type 2 map into the 64-byte slice {@code d}. */
    static void putType2Head(ByteBuffer d, EntityIdentifier id, int vsn, int pn) {
        Le.put8(d, 0, 2);
        Le.put8(d, 1, 64);
        id.encode(d.position(4));
        Le.put16(d, 36, vsn);
        Le.put16(d, 38, pn);
    }
}
