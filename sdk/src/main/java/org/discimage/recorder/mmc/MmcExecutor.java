package org.discimage.recorder.mmc;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiStatus;
import org.discimage.recorder.transport.ScsiTransport;

/**
 * Sends {@link MmcCommand}s through a {@link ScsiTransport} and turns CHECK CONDITION into
 * {@link ScsiCommandException}. No retries here: the caller decides from the {@link Disposition}.
 */
public final class MmcExecutor {
    private MmcExecutor() {
    }

    /**
     * Executes a command without data phase or with its own parameter list (MODE SELECT, FORMAT UNIT, SET
     * STREAMING), with its default timeout.
     */
    public static ScsiResult execute(ScsiTransport transport, MmcCommand command) throws DiscImageException {
        if (command.direction() == DataDirection.FROM_DEVICE) {
            throw new IllegalArgumentException(command.name() + " returns data: pass a buffer");
        }
        ByteBuffer data = null;
        if (command.direction() == DataDirection.TO_DEVICE) {
            byte[] list = command.parameterList();
            if (list.length != command.transferLength()) {
                throw new IllegalArgumentException(command.name() + " sends " + command.transferLength()
                        + " bytes of caller data: pass a buffer");
            }
            data = ByteBuffer.wrap(list);
        }
        return execute(transport, command, data, command.defaultTimeout());
    }

    /**
     * Executes a command with a data buffer of {@code command.transferLength()} bytes remaining.
     *
     * @throws ScsiCommandException on CHECK CONDITION (sense decoded)
     * @throws DiscImageException   on another non-GOOD status or a transport failure
     */
    public static ScsiResult execute(ScsiTransport transport, MmcCommand command, ByteBuffer data, Duration timeout)
            throws DiscImageException {
        if (command.direction() != DataDirection.NONE && data.remaining() != command.transferLength()) {
            throw new IllegalArgumentException(command.name() + " transfers " + command.transferLength()
                    + " bytes, the buffer has " + data.remaining());
        }
        ScsiResult r = transport.execute(command.cdb(), command.direction(), data, timeout);
        if (r.isGood()) {
            return r;
        }
        if (r.status() == ScsiStatus.CHECK_CONDITION && r.hasSense()) {
            SenseData sense = SenseData.decode(r.sense());
            if (sense.lookup().disposition() == Disposition.SUCCESS) {
                return r;
            }
            throw new ScsiCommandException(transport.device(), command, sense);
        }
        throw new DiscImageException(ErrorCode.UNEXPECTED_RESPONSE_FROM_DEVICE, String.format(
                "device %s: %s ended with SCSI status %02Xh%s", transport.device(), command.name(), r.status(),
                r.status() == ScsiStatus.CHECK_CONDITION ? " without sense data" : ""));
    }

    /** INQUIRY, decoded. */
    public static InquiryData inquiry(ScsiTransport transport) throws DiscImageException {
        Inquiry command = new Inquiry();
        ByteBuffer reply = ByteBuffer.allocate(command.transferLength());
        execute(transport, command, reply, command.defaultTimeout());
        reply.flip(); // the transport advanced the position by the bytes received
        return InquiryData.decode(reply);
    }
}
