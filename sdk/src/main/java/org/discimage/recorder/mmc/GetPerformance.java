package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * GET PERFORMANCE (ACh, 12 bytes): the drive's speeds; reply decoded by {@link Performance}. CDB [1] data
 * type (type 00h: 10h = nominal read performance; bit 2 Write for write performance), [2..5] start LBA,
 * [8..9] maximum number of descriptors, [10] type (00h performance, 03h write speed descriptors).
 *
 * @param type           which descriptors
 * @param dataType       the data type byte (0 for write speed descriptors)
 * @param startLba       start LBA (type 00h)
 * @param maxDescriptors 1..65535 (the allocation is 8 + 16 × this)
 */
public record GetPerformance(Type type, int dataType, long startLba, int maxDescriptors) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0xAC;

    /** The type field ([10]). */
    public enum Type {
        /** 00h: performance descriptors (start/end LBA and performance). */
        PERFORMANCE(0x00),
        /** 03h: write speed descriptors (the speeds SET STREAMING may ask for). */
        WRITE_SPEED(0x03);

        final int code;

        Type(int code) {
            this.code = code;
        }
    }

    /** Validates the fields. */
    public GetPerformance {
        Objects.requireNonNull(type, "type");
        Bytes.checkRange("data type", dataType, 0, 0xFF);
        Bytes.checkRange("start LBA", startLba, 0, 0xFFFF_FFFFL);
        Bytes.checkRange("max descriptors", maxDescriptors, 1, (0xFFFF - Performance.HEADER_LENGTH)
                / Performance.DESCRIPTOR_LENGTH);
    }

    /** Up to {@code max} write speed descriptors. */
    public static GetPerformance writeSpeeds(int max) {
        return new GetPerformance(Type.WRITE_SPEED, 0, 0, max);
    }

    /** Nominal read performance descriptors (data type 10h). */
    public static GetPerformance nominalRead(int max) {
        return new GetPerformance(Type.PERFORMANCE, 0x10, 0, max);
    }

    @Override public String name() { return "GET PERFORMANCE"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[12];
        c[0] = (byte) OPCODE;
        c[1] = (byte) dataType;
        Bytes.put32(c, 2, startLba);
        Bytes.put16(c, 8, maxDescriptors);
        c[10] = (byte) type.code;
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return Performance.HEADER_LENGTH + Performance.DESCRIPTOR_LENGTH * maxDescriptors; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
