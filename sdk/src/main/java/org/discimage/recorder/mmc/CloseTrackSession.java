package org.discimage.recorder.mmc;

import java.time.Duration;
import java.util.Objects;

import org.discimage.recorder.transport.DataDirection;

/**
 * CLOSE TRACK/SESSION (5Bh, 10 bytes). CDB [1] bit0 Immed, [2] bits2-0 close function (formats.md §6.5),
 * [4..5] logical track number. Send with Immed and poll TEST UNIT READY (2/04/07 while busy); without Immed
 * closing a CD session may take minutes ({@link #LONG_TIMEOUT}).
 *
 * @param immediate set Immed
 * @param function  what to close
 * @param track     logical track number for {@link CloseFunction#CLOSE_TRACK} (0 otherwise)
 */
public record CloseTrackSession(boolean immediate, CloseFunction function, int track) implements MmcCommand {
    /** Operation code. */
    public static final int OPCODE = 0x5B;

    /** The close function field ([2] bits 2-0), as libburn and growisofs use it. */
    public enum CloseFunction {
        /** 000b: DVD+RW: stop background formatting ("de-icing"). */
        STOP_BACKGROUND_FORMAT(0),
        /** 001b: close the logical track given in [4..5]. */
        CLOSE_TRACK(1),
        /** 010b: close the session (CD/DVD-R: finalize or stay appendable per page 05h; DVD+R/BD-R: appendable). */
        CLOSE_SESSION(2),
        /** 101b: DVD+R: finalize with minimal radius (libburn's DVD+R default; growisofs for DVD+R DL). */
        FINALIZE_MINIMAL_RADIUS(5),
        /** 110b: DVD+R / BD-R: finalize the disc. */
        FINALIZE_DISC(6);

        final int code;

        CloseFunction(int code) {
            this.code = code;
        }
    }

    /** Validates the fields. */
    public CloseTrackSession {
        Objects.requireNonNull(function, "function");
        Bytes.checkRange("track", track, 0, 0xFFFF);
    }

    @Override public String name() { return "CLOSE TRACK/SESSION"; }
    @Override public int opcode() { return OPCODE; }

    @Override
    public byte[] cdb() {
        byte[] c = new byte[10];
        c[0] = OPCODE;
        c[1] = (byte) (immediate ? 1 : 0);
        c[2] = (byte) function.code;
        Bytes.put16(c, 4, track);
        return c;
    }

    @Override public DataDirection direction() { return DataDirection.NONE; }
    @Override public int transferLength() { return 0; }
    @Override public Duration defaultTimeout() { return LONG_TIMEOUT; }
}
