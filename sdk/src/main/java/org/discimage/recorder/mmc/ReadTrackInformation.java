package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * READ TRACK INFORMATION (52h, 10 bytes): track start, NWA, free blocks; reply decoded by
 * {@link TrackInformation}. CDB [1] bits1-0 address/number type, bit2 Open; [2..5] LBA, track or session
 * number; [7..8] allocation length.
 *
 * @param type             what {@code number} is
 * @param number           the LBA, track number (FFh = the invisible/incomplete track on CD and DVD+R) or
 *                         session number
 * @param open             Open bit: the first open track at or after {@code number}
 * @param allocationLength 28 .. 65535 (48 covers every field MMC-5 defines)
 */
public record ReadTrackInformation(AddressType type, long number, boolean open, int allocationLength)
        implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x52;
    /** Track number FFh: the invisible track (CD, DVD+R). */
    public static final int INVISIBLE_TRACK = 0xFF;

    /** The address/number type field. */
    public enum AddressType {
        /** 00b: the track containing this LBA. */
        LBA(0),
        /** 01b: this logical track number. */
        TRACK(1),
        /** 10b: the first track of this session. */
        SESSION(2);

        final int code;

        AddressType(int code) {
            this.code = code;
        }
    }

    /** Validates the fields. */
    public ReadTrackInformation {
        Objects.requireNonNull(type, "type");
        Bytes.checkRange("number", number, 0, 0xFFFF_FFFFL);
        Bytes.checkRange("allocation length", allocationLength, TrackInformation.MINIMUM_LENGTH, 0xFFFF);
    }

    /** Information on logical track {@code track}, 48 bytes. */
    public static ReadTrackInformation track(int track) {
        return new ReadTrackInformation(AddressType.TRACK, track, false, 48);
    }

    @Override public String name() { return "READ TRACK INFORMATION"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        c[1] = (byte) (type.code | (open ? 0x04 : 0));
        Bytes.put32(c, 2, number);
        Bytes.put16(c, 7, allocationLength);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.FROM_DEVICE; }
    @Override public int transferLength() { return allocationLength; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
