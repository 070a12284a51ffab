package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;

import org.discimage.error.DiscImageException;

/**
 * Standard INQUIRY data (SPC): [0] bits4-0 peripheral device type (05h = CD/DVD/BD), [1] bit7 RMB
 * (removable), [2] version, [4] additional length, [8..15] vendor, [16..31] product, [32..35] revision
 * (ASCII, space padded).
 *
 * @param deviceType       peripheral device type
 * @param removable        RMB
 * @param version          the standard the drive claims (SPC version byte)
 * @param vendor           vendor identification, stripped
 * @param product          product identification, stripped
 * @param revision         product revision level, stripped
 */
public record InquiryData(int deviceType, boolean removable, int version, String vendor, String product,
        String revision) {
    /** Bytes of standard data every device returns. */
    public static final int MINIMUM_LENGTH = 36;
    /** Peripheral device type of an MMC (CD/DVD/BD) device. */
    public static final int TYPE_MMC = 0x05;
    private static final String COMMAND = "INQUIRY";

    /** Decodes the reply at the buffer's position (the position is not moved). */
    public static InquiryData decode(ByteBuffer reply) throws DiscImageException {
        Bytes.need(COMMAND, reply, 5);
        int additional = Bytes.u8(reply, 4);
        if (additional + 5 < MINIMUM_LENGTH) {
            throw Bytes.malformed(COMMAND, 4, "additional length " + additional + " leaves less than the "
                    + MINIMUM_LENGTH + " bytes of standard data");
        }
        Bytes.need(COMMAND, reply, MINIMUM_LENGTH);
        int qualifier = Bytes.u8(reply, 0) >>> 5;
        if (qualifier == 3) {
            throw Bytes.malformed(COMMAND, 0, "peripheral qualifier 3: no device at this logical unit");
        }
        return new InquiryData(Bytes.u8(reply, 0) & 0x1F, Bytes.bit(reply, 1, 7), Bytes.u8(reply, 2),
                Bytes.ascii(reply, 8, 8), Bytes.ascii(reply, 16, 16), Bytes.ascii(reply, 32, 4));
    }

    /** Whether this is an MMC device (type 05h). */
    public boolean isMmc() {
        return deviceType == TYPE_MMC;
    }
}
