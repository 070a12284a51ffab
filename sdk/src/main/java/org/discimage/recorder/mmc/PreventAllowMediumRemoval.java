package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * PREVENT ALLOW MEDIUM REMOVAL (1Eh, 6 bytes): lock the tray while recording. CDB [4] bit0 Prevent.
 *
 * @param prevent lock (true) or unlock (false)
 */
public record PreventAllowMediumRemoval(boolean prevent) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x1E;

    @Override public String name() { return "PREVENT ALLOW MEDIUM REMOVAL"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[6];
        c[0] = OPCODE;
        c[4] = (byte) (prevent ? 1 : 0);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.NONE; }
    @Override public int transferLength() { return 0; }
    @Override public Duration defaultTimeout() { return DEFAULT_TIMEOUT; }
}
