package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * GET CONFIGURATION (46h, 10 bytes): current profile and feature descriptors; reply decoded by
 * {@link Configuration}. CDB [1] bits1-0 RT, [2..3] starting feature number, [7..8] allocation length.
 *
 * @param requestType      which features to return
 * @param startingFeature  first feature code (0 for the profile list)
 * @param allocationLength 8 .. 65535
 */
public record GetConfiguration(RequestType requestType, int startingFeature, int allocationLength)
        implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x46;

    /** The RT field. */
    public enum RequestType {
        /** 00b: every feature from the starting one, current or not. */
        ALL(0),
        /** 01b: only current features from the starting one. */
        CURRENT(1),
        /** 10b: only the starting feature. */
        ONE(2);

        final int code;

        RequestType(int code) {
            this.code = code;
        }
    }

    /** Validates the fields. */
    public GetConfiguration {
        java.util.Objects.requireNonNull(requestType, "requestType");
        Bytes.checkRange("starting feature", startingFeature, 0, 0xFFFF);
        Bytes.checkRange("allocation length", allocationLength, Configuration.HEADER_LENGTH, 0xFFFF);
    }

    @Override public String name() { return "GET CONFIGURATION"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        c[1] = (byte) requestType.code;
        Bytes.put16(c, 2, startingFeature);
        Bytes.put16(c, 7, allocationLength);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return allocationLength; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
