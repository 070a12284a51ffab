package org.discimage.recorder.transport;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.discimage.error.DiscImageException;

/**
 * The SPI between the MMC layer and an operating system's SCSI pass-through (Linux SG_IO, Windows
 * IOCTL_SCSI_PASS_THROUGH_DIRECT) or an emulated drive. One instance talks to one opened device; it is
 * not thread-safe (a drive executes one command at a time).
 *
 * <p>A CHECK CONDITION is <em>not</em> an exception here: it is returned as a {@link ScsiResult} with
 * sense data, because the caller's reaction (retry, wait, fail) depends on the command. Exceptions are
 * for failures of the transport itself (the ioctl failed, the device vanished), reported as
 * {@link DiscImageException} with {@link org.discimage.error.ErrorCode#RECORDER_TRANSPORT_FAILURE} or,
 * on a timeout, {@link org.discimage.error.ErrorCode#RECORDER_COMMAND_TIMEOUT}.
 */
public interface ScsiTransport extends AutoCloseable {

    /**
     * Executes one command.
     *
     * @param cdb       the command descriptor block (6, 10, 12 or 16 bytes)
     * @param direction direction of the data phase
     * @param data      the data buffer: for {@link DataDirection#FROM_DEVICE} up to
     *                  {@code data.remaining()} bytes are received at its position (the position advances
     *                  by the bytes received); for {@link DataDirection#TO_DEVICE} its remaining bytes are
     *                  sent (the position advances by the bytes sent); may be {@code null} for
     *                  {@link DataDirection#NONE}
     * @param timeout   how long the drive may take before the OS aborts the command
     * @return status, sense, residual and duration
     * @throws DiscImageException when the transport fails (not for CHECK CONDITION)
     */
    ScsiResult execute(byte[] cdb, DataDirection direction, ByteBuffer data, Duration timeout)
            throws DiscImageException;

    /** The device this transport talks to, e.g. {@code /dev/sr0} or {@code \\.\E:}. */
    String device();

    /** Releases the device handle. */
    @Override
    void close() throws DiscImageException;

    /**
     * Checks arguments common to every transport.
     *
     * @throws IllegalArgumentException when the CDB length is not 6/10/12/16 or the buffer contradicts
     *                                  the direction
     */
    static void checkArguments(byte[] cdb, DataDirection direction, ByteBuffer data, Duration timeout) {
        if (cdb == null || (cdb.length != 6 && cdb.length != 10 && cdb.length != 12 && cdb.length != 16)) {
            throw new IllegalArgumentException("CDB must be 6, 10, 12 or 16 bytes");
        }
        if (direction == null || timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("direction and a positive timeout are required");
        }
        if (direction == DataDirection.NONE && data != null && data.hasRemaining()) {
            throw new IllegalArgumentException("data buffer given for a command without data phase");
        }
        if (direction != DataDirection.NONE && (data == null || !data.hasRemaining())) {
            throw new IllegalArgumentException("data phase " + direction + " needs a buffer with room");
        }
        if (direction == DataDirection.FROM_DEVICE && data.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer for a FROM_DEVICE command");
        }
    }
}
