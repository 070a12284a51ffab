package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * SET STREAMING (B6h, 12 bytes) with one 28-byte performance descriptor (formats.md §6.3): the DVD/BD way to
 * set speeds. CDB [8] type 0, [9..10] parameter list length. Descriptor [0] bits4-3 WRC, bit2 RDD, bit1
 * Exact, bit0 RA; [4..7] start LBA; [8..11] end LBA; [12..15] read size (kB); [16..19] read time (ms);
 * [20..23] write size (kB); [24..27] write time (ms). libburn: start 0, end = capacity − 1, times 1000 ms,
 * sizes = the wanted kB/s.
 *
 * @param restoreDefaults RDD: return to the drive's default performance
 * @param exact           Exact: the drive must honour the numbers or fail
 * @param startLba        first LBA the setting applies to
 * @param endLba          last LBA
 * @param readSize        kB read per {@code readTime}
 * @param readTime        ms
 * @param writeSize       kB written per {@code writeTime}
 * @param writeTime       ms
 */
public record SetStreaming(boolean restoreDefaults, boolean exact, long startLba, long endLba, long readSize,
        long readTime, long writeSize, long writeTime) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0xB6;
    /** Length of the performance descriptor. */
    static final int LIST_LENGTH = 28;

    /** Validates the fields. */
    public SetStreaming {
        for (long v : new long[] {startLba, endLba, readSize, readTime, writeSize, writeTime}) {
            Bytes.checkRange("performance field", v, 0, 0xFFFF_FFFFL);
        }
    }

    /** Read and write at {@code kbPerSecond} over LBAs 0..{@code lastLba} (libburn's form). */
    public static SetStreaming speed(long lastLba, long readKbPerSecond, long writeKbPerSecond) {
        return new SetStreaming(false, false, 0, lastLba, readKbPerSecond, 1000, writeKbPerSecond, 1000);
    }

    @Override public String name() { return "SET STREAMING"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[12];
        c[0] = (byte) OPCODE;
        Bytes.put16(c, 9, LIST_LENGTH);
        return c;
    }

    @Override
    public byte[] parameterList() {
        byte[] p = new byte[LIST_LENGTH];
        p[0] = (byte) ((restoreDefaults ? 0x04 : 0) | (exact ? 0x02 : 0));
        Bytes.put32(p, 4, startLba);
        Bytes.put32(p, 8, endLba);
        Bytes.put32(p, 12, readSize);
        Bytes.put32(p, 16, readTime);
        Bytes.put32(p, 20, writeSize);
        Bytes.put32(p, 24, writeTime);
        return p;
    }

    @Override public DataDirection direction() { return DataDirection.TO_DEVICE; }
    @Override public int transferLength() { return LIST_LENGTH; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
