package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * START STOP UNIT (1Bh, 6 bytes): spin up/down, load/eject. CDB [1] bit0 Immed; [4] bit1 LoEj, bit0 Start
 * (eject = 02h, load = 03h, start = 01h, stop = 00h).
 *
 * @param immediate set Immed
 * @param loadEject set LoEj (with {@code start}: load; without: eject)
 * @param start     set Start
 */
public record StartStopUnit(boolean immediate, boolean loadEject, boolean start) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x1B;

    /** Eject the medium. */
    public static StartStopUnit eject() {
        return new StartStopUnit(false, true, false);
    }

    /** Close the tray / load the medium. */
    public static StartStopUnit load() {
        return new StartStopUnit(false, true, true);
    }

    @Override public String name() { return "START STOP UNIT"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[6];
        c[0] = OPCODE;
        c[1] = (byte) (immediate ? 1 : 0);
        c[4] = (byte) ((loadEject ? 2 : 0) | (start ? 1 : 0));
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.NONE; }
    @Override public int transferLength() { return 0; }
    /** A tray takes seconds; spinning up a BD may take longer than an ordinary command. */
    @Override public Duration defaultTimeout() { return Duration.ofSeconds(60); }
}
