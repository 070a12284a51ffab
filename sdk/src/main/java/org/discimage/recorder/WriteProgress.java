package org.discimage.recorder;

import java.time.Duration;

/**
 * One progress event of {@link DataWriter#write} (IMAPI2 IDiscFormat2DataEventArgs with the
 * IWriteEngine2EventArgs fields), fired on each phase change and about every 0.5 s while writing or verifying.
 *
 * @param action           the phase
 * @param elapsed          time since the write started
 * @param remaining        the estimate for the rest, from the rate so far; zero when unknown or done
 * @param startLba         first LBA of this session
 * @param sectorCount      blocks of this session
 * @param lastWrittenLba   the last block sent to the drive (or verified while VERIFYING); {@code startLba - 1} before the first
 * @param bufferBytes      size of the host ring between the image producer and the drive
 * @param bufferUsed       bytes waiting in that ring
 * @param driveBufferBytes size of the drive's buffer; -1 when the drive does not say
 * @param driveBufferUsed  bytes in the drive's buffer; -1 when the drive does not say
 */
public record WriteProgress(WriteAction action, Duration elapsed, Duration remaining, long startLba, long sectorCount,
        long lastWrittenLba, long bufferBytes, long bufferUsed, long driveBufferBytes, long driveBufferUsed) {
    /** Blocks sent so far. */
    public long sectorsWritten() {
        return lastWrittenLba - startLba + 1;
    }
}
