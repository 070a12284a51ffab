package org.discimage.recorder.mmc;

import java.time.Duration;

import org.discimage.recorder.transport.DataDirection;

/**
 * One MMC command: its CDB, the direction and length of its data phase and how long it may take. Every
 * implementation is an immutable record that encodes itself (docs/formats.md §6.2; multi-byte fields big
 * endian).
 */
public interface MmcCommand {
    /** Default timeout of ordinary commands (libburn uses 30 s as well). */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Timeout of commands that may run for minutes when not sent with Immed (SYNCHRONIZE CACHE flushing a
     * full buffer at 1×, CLOSE TRACK/SESSION writing a CD lead-out): libburn allows hours for those.
     */
    Duration LONG_TIMEOUT = Duration.ofMinutes(30);
    /** Timeout of FORMAT UNIT and BLANK without Immed (a full DVD-RW blank at 1× takes about an hour). */
    Duration FORMAT_TIMEOUT = Duration.ofHours(2);
    /** Bytes per logical block of data media as MMC addresses them (Mode 1 / DVD / BD user data). */
    int BLOCK_SIZE = 2048;

    /** The command's name as MMC spells it, e.g. {@code "READ TRACK INFORMATION"}. */
    String name();

    /** The operation code (CDB byte 0). */
    int opcode();

    /** The encoded CDB: a fresh array of 6, 10 or 12 bytes. */
    byte[] cdb();

    /** Direction of the data phase. */
    DataDirection direction();

    /** Bytes of the data phase: the allocation length, the parameter list length or blocks × 2048; 0 if none. */
    int transferLength();

    /** How long the drive may take before the command is aborted. */
    Duration defaultTimeout();

    /**
     * The data-out of commands whose parameter list is part of the command (MODE SELECT, FORMAT UNIT, SET
     * STREAMING): a fresh array of {@link #transferLength()} bytes; empty for every other command (WRITE's
     * sectors come from the caller's buffers).
     */
    default byte[] parameterList() {
        return new byte[0];
    }
}
