package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.discimage.error.DiscImageException;

/**
 * GET PERFORMANCE replies (formats.md §6.3): an 8-byte header ([0..3] data length) and 16-byte descriptors.
 * Type 03h write speed descriptors: [0] bits4-3 WRC, bit2 RDD, bit1 Exact, bit0 MRW; [4..7] end LBA;
 * [8..11] read speed; [12..15] write speed (kB/s). Type 00h performance descriptors: [0..3] start LBA,
 * [4..7] start performance, [8..11] end LBA, [12..15] end performance (kB/s).
 */
public final class Performance {
    /** Header length. */
    public static final int HEADER_LENGTH = 8;
    /** Descriptor length (both types). */
    public static final int DESCRIPTOR_LENGTH = 16;
    private static final String COMMAND = "GET PERFORMANCE";

    private Performance() {
    }

    /**
     * A write speed descriptor.
     *
     * @param rotationControl WRC
     * @param restoreDefaults RDD
     * @param exact           Exact
     * @param mrw             MRW
     * @param endLba          the capacity this speed applies to
     * @param readSpeed       kB/s
     * @param writeSpeed      kB/s
     */
    public record WriteSpeed(int rotationControl, boolean restoreDefaults, boolean exact, boolean mrw, long endLba,
            long readSpeed, long writeSpeed) {
    }

    /**
     * A performance descriptor.
     *
     * @param startLba         first LBA
     * @param startPerformance kB/s at the start
     * @param endLba           last LBA
     * @param endPerformance   kB/s at the end
     */
    public record Nominal(long startLba, long startPerformance, long endLba, long endPerformance) {
    }

    /** Decodes type 03h descriptors at the buffer's position. */
    public static List<WriteSpeed> decodeWriteSpeeds(ByteBuffer reply) throws DiscImageException {
        int count = descriptors(reply);
        List<WriteSpeed> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int off = HEADER_LENGTH + i * DESCRIPTOR_LENGTH;
            int b0 = Bytes.u8(reply, off);
            out.add(new WriteSpeed((b0 >>> 3) & 3, (b0 & 4) != 0, (b0 & 2) != 0, (b0 & 1) != 0,
                    Bytes.u32(reply, off + 4), Bytes.u32(reply, off + 8), Bytes.u32(reply, off + 12)));
        }
        return List.copyOf(out);
    }

    /** Decodes type 00h descriptors at the buffer's position. */
    public static List<Nominal> decodeNominal(ByteBuffer reply) throws DiscImageException {
        int count = descriptors(reply);
        List<Nominal> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int off = HEADER_LENGTH + i * DESCRIPTOR_LENGTH;
            long start = Bytes.u32(reply, off);
            long end = Bytes.u32(reply, off + 8);
            if (end < start) {
                throw Bytes.malformed(COMMAND, off + 8, "end LBA " + end + " before start LBA " + start);
            }
            out.add(new Nominal(start, Bytes.u32(reply, off + 4), end, Bytes.u32(reply, off + 12)));
        }
        return List.copyOf(out);
    }

    /**
     * The number of whole descriptors received: the data length must be 4 + 16·n; descriptors beyond the
     * bytes received (allocation length smaller than the data) are not counted.
     */
    private static int descriptors(ByteBuffer reply) throws DiscImageException {
        Bytes.need(COMMAND, reply, HEADER_LENGTH);
        long declared = Bytes.u32(reply, 0);
        if (declared < HEADER_LENGTH - 4 || (declared - (HEADER_LENGTH - 4)) % DESCRIPTOR_LENGTH != 0) {
            throw Bytes.malformed(COMMAND, 0, "data length " + declared + " is not 4 + 16 × descriptors");
        }
        long inReply = (declared - (HEADER_LENGTH - 4)) / DESCRIPTOR_LENGTH;
        long received = (reply.remaining() - HEADER_LENGTH) / DESCRIPTOR_LENGTH;
        return (int) Math.min(inReply, received);
    }
}
