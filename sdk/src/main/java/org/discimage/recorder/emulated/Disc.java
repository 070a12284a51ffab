package org.discimage.recorder.emulated;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.discimage.recorder.transport.ScsiResult;

/**
 * The medium in an {@link EmulatedDrive}, one strategy per family: {@link WriteOnceDisc} (CD-R/RW, DVD-R/RW,
 * DVD+R, BD-R over a sequential image) and {@link RewritableDisc} (DVD+RW, BD-RE). The drive checks what
 * applies to every medium (tray, write protection, transfer length, injected faults, buffer); the disc
 * answers its own state. Replies are whole MMC reply bytes; refusals are CHECK CONDITION results.
 */
interface Disc {
    /** The MMC profile loaded. */
    EmulatedProfile profile();

    /** The user capacity in blocks (READ DISC INFORMATION's last possible lead-out start). */
    long capacity();

    /** Whether a track is being written: the simulated buffer drains only then. */
    boolean writing();

    /** READ CAPACITY (MMC 6.23): [0..3] last LBA, [4..7] 2048. */
    byte[] readCapacity();

    /** READ DISC INFORMATION standard data, 34 bytes (MMC 6.22, formats.md §6.3). */
    byte[] discInformation();

    /** READ TRACK INFORMATION (MMC 6.27); {@code null} when there is no such track (5/24/00). */
    byte[] trackInformation(int addressType, long number);

    /** READ TOC/PMA/ATIP formats 0 and 1 (MMC 6.26). */
    ScsiResult toc(byte[] cdb, ByteBuffer data);

    /** READ FORMAT CAPACITIES (MMC 6.24): capacity list header and descriptors. */
    byte[] formatCapacities();

    /** The refusal of a read of [lba, end), or {@code null} when those blocks can be read. */
    ScsiResult refuseRead(long lba, long end, ByteBuffer data);

    /** Reads the blocks of {@code dst} (whole blocks, checked by {@link #refuseRead}) from {@code lba}. */
    void read(long lba, ByteBuffer dst) throws IOException;

    /** The refusal of a WRITE of {@code blocks} at {@code lba}, or {@code null} when it may go ahead. */
    ScsiResult refuseWrite(long lba, long blocks, ByteBuffer data);

    /** Writes the whole blocks of {@code src} at {@code lba} (checked by {@link #refuseWrite}). */
    void write(long lba, ByteBuffer src) throws IOException;

    /** The power failed after the last {@link #write}: what was not recorded on the medium is lost. */
    void powerLost();

    /** CLOSE TRACK/SESSION; {@code appendable}: page 05h's multi-session field allows a next session. */
    ScsiResult closeTrackSession(int function, boolean appendable, ByteBuffer data) throws IOException;

    /** FORMAT UNIT with its parameter list (CDB [1] already checked). */
    ScsiResult format(byte[] list, ByteBuffer data) throws IOException;

    /** RESERVE TRACK of {@code blocks} for the next track (size form, CDB [1] ARSV = 0). */
    ScsiResult reserveTrack(long blocks, ByteBuffer data) throws IOException;

    /** BLANK of {@code type} ([1] bits 2-0). */
    ScsiResult blank(int type, ByteBuffer data) throws IOException;

    /** Closes the disc's files; a track being written and not closed is not recorded. */
    void close() throws IOException;
}
