package org.discimage.udf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.codec.Decoding;
import org.discimage.error.DiscImageException;

/**
 * A sparing table, UDF 2.60 2.2.12 (tag identifier 0): 16 sparing identifier (regid {@code *UDF
 * Sparing Table}), 48 reallocation table length N (2, entries), 50 reserved (2), 52 sequence number
 * (4), 56 N map entries of 8 bytes: original location (4; 0xFFFFFFFF available, 0xFFFFFFF0
 * defective), mapped location (4; the first sector of the spare packet). Length 56 + 8N.
 *
 * @param tag               descriptor tag
 * @param sparingIdentifier {@code *UDF Sparing Table}
 * @param sequenceNumber    sequence number (the highest among the copies is current)
 * @param entries           the map entries, sorted by original location
 */
public record SparingTable(DescriptorTag tag, EntityIdentifier sparingIdentifier, long sequenceNumber,
                           List<Entry> entries) {
    /** The sparing identifier. */
    public static final String IDENTIFIER = "*UDF Sparing Table";
    /** Bytes before the map entries. */
    public static final int FIXED_LENGTH = 56;
    private static final String S = "SparingTable";

    /**
     * One map entry.
     *
     * @param originalLocation the first block of the packet that was spared (0xFFFFFFFF: free)
     * @param mappedLocation   the first sector of its replacement
     */
    public record Entry(long originalLocation, long mappedLocation) {
        /** Checks the ranges. */
        public Entry {
            Le.u32Arg(originalLocation, "originalLocation");
            Le.u32Arg(mappedLocation, "mappedLocation");
        }

        /** Whether the entry maps a packet (original location below 0xFFFFFFF0). */
        public boolean inUse() {
            return originalLocation < 0xFFFF_FFF0L;
        }
    }

    /** Checks tag and range, copies the list. */
    public SparingTable {
        Tagged.check(tag, DescriptorTag.ID_SPARING_TABLE);
        java.util.Objects.requireNonNull(sparingIdentifier, "sparingIdentifier");
        Le.u32Arg(sequenceNumber, "sequenceNumber");
        entries = List.copyOf(entries);
        Le.u16Arg(entries.size(), "reallocationTableLength");
    }

    /** 56 + 8N. */
    public int length() {
        return FIXED_LENGTH + 8 * entries.size();
    }

    /** Writes the table with CRC and checksum. */
    public void encode(ByteBuffer b) {
        int len = length();
        ByteBuffer d = Le.out(b, len);
        sparingIdentifier.encode(d.position(16));
        Le.put16(d, 48, entries.size());
        Le.put32(d, 52, sequenceNumber);
        for (int i = 0; i < entries.size(); i++) {
            Le.put32(d, 56 + 8 * i, entries.get(i).originalLocation());
            Le.put32(d, 60 + 8 * i, entries.get(i).mappedLocation());
        }
        tag.seal(d, len);
        b.position(b.position() + len);
    }

    /** Reads the table, checking tag, checksum, CRC, the identifier and that N entries fit. */
    public static SparingTable decode(ByteBuffer b) throws DiscImageException {
        return decode(b, true);
    }

    /** Reads the table; the CRC is checked only if {@code checkCrc}. */
    public static SparingTable decode(ByteBuffer b, boolean checkCrc) throws DiscImageException {
        DescriptorTag tag = DescriptorTag.read(b, DescriptorTag.ID_SPARING_TABLE, S, checkCrc);
        int at = b.position();
        ByteBuffer h = Le.slice(b, FIXED_LENGTH, S);
        int n = Le.u16(h, 48);
        ByteBuffer d = Le.slice(b, FIXED_LENGTH + 8 * n, S + ".reallocationTableLength");
        EntityIdentifier id = EntityIdentifier.decode(d.position(16));
        if (!id.is(IDENTIFIER)) {
            throw Decoding.malformed(S + ".sparingIdentifier", at + 16, "identifier \"" + id.identifier()
                    + "\" is not " + IDENTIFIER);
        }
        List<Entry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new Entry(Le.u32(d, 56 + 8 * i), Le.u32(d, 60 + 8 * i)));
        }
        b.position(at + FIXED_LENGTH + 8 * n);
        return new SparingTable(tag, id, Le.u32(d, 52), list);
    }
}
