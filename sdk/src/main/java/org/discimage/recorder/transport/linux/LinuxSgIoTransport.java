package org.discimage.recorder.transport.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Objects;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import org.discimage.error.DiscImageException;
import org.discimage.error.ErrorCode;
import org.discimage.recorder.transport.DataDirection;
import org.discimage.recorder.transport.NativeTransfer;
import org.discimage.recorder.transport.ScsiResult;
import org.discimage.recorder.transport.ScsiTransport;

/**
 * SCSI pass-through on Linux: {@code ioctl(fd, SG_IO, &sg_io_hdr)} on {@code /dev/srN} or
 * {@code /dev/sgN}, bound through JNA (docs/formats.md §7.1).
 *
 * <p>The device is opened {@code O_RDWR | O_NONBLOCK}: write-type MMC commands need a descriptor open for
 * writing, and O_NONBLOCK keeps the CD driver from closing the tray or refusing an open without medium.
 * {@link #open} probes the descriptor with {@code SG_GET_VERSION_NUM} so that a path that is not a SCSI
 * device fails at once with the errno (ENOTTY/EINVAL), not on the first command. Found by experiment
 * (EmulatedDriveInteropTest, kernel 6.1): {@code /dev/srN} answers the probe like {@code /dev/sgN}, and
 * regular files, {@code /dev/null} and {@code /dev/zero} refuse it and SG_IO with ENOTTY.
 *
 * <p>The header, CDB and sense buffers are native memory allocated once per transport; data is passed
 * in place when the caller's buffer is direct, otherwise through a bounce buffer (callers writing
 * sectors should use direct buffers).
 */
public final class LinuxSgIoTransport implements ScsiTransport {
    /** {@code SG_IO} ioctl request ({@code <scsi/sg.h>}). */
    static final int SG_IO = 0x2285;
    /** {@code SG_GET_VERSION_NUM}: answered by sg and by SCSI block devices (sr), refused elsewhere. */
    static final int SG_GET_VERSION_NUM = 0x2282;
    /** Sense bytes asked for: enough for fixed (18+) and descriptor format sense. */
    static final int SENSE_MAX = 64;
    /** host_status DID_TIME_OUT ({@code <scsi/scsi.h>}): the command timed out. */
    private static final int DID_TIME_OUT = 0x03;
    /** driver_status low nibble DRIVER_TIMEOUT. */
    private static final int DRIVER_TIMEOUT = 0x06;
    /** driver_status low nibble DRIVER_SENSE: sense data follows; not a failure in itself. */
    private static final int DRIVER_SENSE = 0x08;

    private final String device;
    private final SgIoHeader layout;
    private final Memory header;
    private final Memory cdbMemory;
    private final Memory senseMemory;
    /** A view of {@link #header}, made once: no allocation per command beyond the result. */
    private final ByteBuffer headerView;
    private int fd;

    private LinuxSgIoTransport(String device, int fd) {
        this.device = device;
        this.fd = fd;
        this.layout = SgIoHeader.forPointerSize(Native.POINTER_SIZE);
        this.header = new Memory(layout.size);
        this.cdbMemory = new Memory(16);
        this.senseMemory = new Memory(SENSE_MAX);
        this.headerView = header.getByteBuffer(0, layout.size).order(ByteOrder.nativeOrder());
    }

    /**
     * Opens a device and checks that it takes SG ioctls.
     *
     * @param device e.g. {@code /dev/sr0}
     * @throws DiscImageException {@link ErrorCode#RECORDER_TRANSPORT_FAILURE} naming the device and the
     *                            errno when it cannot be opened or is not a SCSI device
     */
    public static LinuxSgIoTransport open(String device) throws DiscImageException {
        LinuxSgIoTransport t = openUnchecked(device);
        try (Memory version = new Memory(4)) {
            version.setInt(0, 0);
            int rc = Libc.get().ioctl(t.fd, SG_GET_VERSION_NUM, version);
            if (rc < 0) {
                t.closeQuietly();
                throw failure(device, "is not a SCSI generic/MMC device: SG_GET_VERSION_NUM failed with "
                        + Libc.get().describe(-rc));
            }
        }
        return t;
    }

    /** Opens without the SG probe (tests drive SG_IO itself against non-SCSI files with this). */
    static LinuxSgIoTransport openUnchecked(String device) throws DiscImageException {
        Objects.requireNonNull(device, "device");
        if (!Platform.isLinux()) {
            throw failure(device, "SG_IO exists only on Linux (this is " + System.getProperty("os.name") + ")");
        }
        int fd = Libc.get().open(device, Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        if (fd < 0) {
            throw failure(device, "cannot be opened read-write: " + Libc.get().describe(-fd));
        }
        return new LinuxSgIoTransport(device, fd);
    }

    private static DiscImageException failure(String device, String what) {
        return new DiscImageException(ErrorCode.RECORDER_TRANSPORT_FAILURE, "device " + device + " " + what);
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public ScsiResult execute(byte[] cdb, DataDirection direction, ByteBuffer data, Duration timeout)
            throws DiscImageException {
        ScsiTransport.checkArguments(cdb, direction, data, timeout);
        if (fd < 0) {
            throw new IllegalStateException("transport for " + device + " is closed");
        }
        try (NativeTransfer transfer = NativeTransfer.of(direction, data)) {
            int length = transfer.length();
            Pointer dataPointer = transfer.pointer();
            cdbMemory.write(0, cdb, 0, cdb.length);
            senseMemory.clear();
            int sgDirection = switch (direction) {
                case NONE -> SgIoHeader.SG_DXFER_NONE;
                case TO_DEVICE -> SgIoHeader.SG_DXFER_TO_DEV;
                case FROM_DEVICE -> SgIoHeader.SG_DXFER_FROM_DEV;
            };
            long millis = Math.min(timeout.toMillis(), Integer.MAX_VALUE);
            ByteBuffer hdr = headerView;
            layout.encodeRequest(hdr, sgDirection, cdb.length, SENSE_MAX, length,
                    Pointer.nativeValue(dataPointer), Pointer.nativeValue(cdbMemory),
                    Pointer.nativeValue(senseMemory), (int) Math.max(1, millis));
            int rc = Libc.get().ioctl(fd, SG_IO, header);
            if (rc < 0) {
                throw failure(device, String.format("rejected SG_IO for CDB opcode %02Xh: %s", cdb[0] & 0xFF,
                        Libc.get().describe(-rc)));
            }
            SgIoHeader.Reply reply = layout.decodeReply(hdr);
            int driverByte = reply.driverStatus() & 0x0F;
            if (reply.hostStatus() == DID_TIME_OUT || driverByte == DRIVER_TIMEOUT) {
                throw new DiscImageException(ErrorCode.RECORDER_COMMAND_TIMEOUT, String.format(
                        "device %s: CDB opcode %02Xh timed out after %d ms", device, cdb[0] & 0xFF, millis));
            }
            if (reply.hostStatus() != 0 || (driverByte != 0 && driverByte != DRIVER_SENSE)) {
                throw failure(device, String.format("CDB opcode %02Xh failed in the host adapter/driver: "
                        + "host_status %04Xh, driver_status %04Xh", cdb[0] & 0xFF, reply.hostStatus(),
                        reply.driverStatus()));
            }
            int resid = Math.max(0, Math.min(reply.resid(), length));
            int transferred = length - resid;
            transfer.complete(transferred);
            int senseLength = Math.min(reply.senseLength(), SENSE_MAX);
            byte[] sense = senseLength == 0 ? new byte[0] : senseMemory.getByteArray(0, senseLength);
            return new ScsiResult(reply.status(), sense, resid, Duration.ofMillis(reply.durationMillis() & 0xFFFFFFFFL));
        }
    }

    @Override
    public void close() throws DiscImageException {
        if (fd < 0) {
            return;
        }
        int rc = Libc.get().close(fd);
        fd = -1;
        header.close();
        cdbMemory.close();
        senseMemory.close();
        if (rc < 0) {
            throw failure(device, "close failed: " + Libc.get().describe(-rc));
        }
    }

    private void closeQuietly() {
        Libc.get().close(fd);
        fd = -1;
        header.close();
        cdbMemory.close();
        senseMemory.close();
    }
}
