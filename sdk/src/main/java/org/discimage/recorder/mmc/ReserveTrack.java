package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * RESERVE TRACK (53h, 10 bytes), size form: reserves {@code blocks} for the next track (DVD-R DAO needs the
 * exact size; DVD+R optionally, aligned to 32 KiB). CDB [1] bit0 ARSV = 0, [5..8] reservation size.
 *
 * @param blocks reservation size in blocks
 */
public record ReserveTrack(long blocks) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x53;

    /** Validates the size. */
    public ReserveTrack {
        Bytes.checkRange("blocks", blocks, 1, 0xFFFF_FFFFL);
    }

    @Override public String name() { return "RESERVE TRACK"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        Bytes.put32(c, 5, blocks);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.NONE; }
    @Override public int transferLength() { return 0; }
    /** The drive may write the reservation's structures (DVD-R: the RZone) before answering. */
    @Override public Duration defaultTimeout() { return Duration.ofMinutes(5); }
}
