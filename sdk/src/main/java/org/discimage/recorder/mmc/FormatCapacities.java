package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.DiscImageException;

/**
 * READ FORMAT CAPACITIES reply (formats.md §6.3): [3] capacity list length (a multiple of 8); the current/maximum
 * capacity descriptor [0..3] blocks, [4] bits1-0 descriptor type (01b unformatted, 10b formatted, 11b no
 * medium), [5..7] block length; then formattable capacity descriptors [0..3] blocks, [4] bits7-2 format
 * type, bits1-0 subtype, [5..7] type dependent parameter.
 *
 * @param currentBlocks    the current (formatted) or maximum (unformatted) capacity
 * @param descriptorType   1 unformatted, 2 formatted, 3 no medium
 * @param blockLength      bytes per block
 * @param formattable      the formats FORMAT UNIT accepts
 */
public record FormatCapacities(long currentBlocks, int descriptorType, int blockLength, List<Formattable> formattable) {
    private static final String COMMAND = "READ FORMAT CAPACITIES";

    /** Descriptor type 10b: the medium is formatted. */
    public static final int FORMATTED = 2;
    /** Descriptor type 01b: the medium is unformatted. */
    public static final int UNFORMATTED = 1;

    /**
     * A formattable capacity descriptor: copy it into {@link FormatUnit} (formats.md §6.3).
     *
     * @param blocks                 number of blocks
     * @param formatType             format type
     * @param subtype                subtype
     * @param typeDependentParameter 24-bit parameter
     */
    public record Formattable(long blocks, int formatType, int subtype, int typeDependentParameter) {
    }

    /** Copies the list. */
    public FormatCapacities {
        formattable = List.copyOf(formattable);
    }

    /** Decodes a reply at the buffer's position; a list length that is not a multiple of 8 is malformed. */
    public static FormatCapacities decode(ByteBuffer reply) throws DiscImageException {
        Bytes.need(COMMAND, reply, 12);
        int listLength = Bytes.u8(reply, 3);
        if (listLength < 8 || listLength % 8 != 0) {
            throw Bytes.malformed(COMMAND, 3, "capacity list length " + listLength + " is not 8 × descriptors");
        }
        int received = Math.min(listLength, reply.remaining() - 4) / 8;
        List<Formattable> out = new ArrayList<>();
        for (int i = 1; i < received; i++) {
            int off = 4 + 8 * i;
            int b4 = Bytes.u8(reply, off + 4);
            out.add(new Formattable(Bytes.u32(reply, off), b4 >>> 2, b4 & 3, Bytes.u24(reply, off + 5)));
        }
        return new FormatCapacities(Bytes.u32(reply, 4), Bytes.u8(reply, 8) & 3, Bytes.u24(reply, 9), out);
    }
}
